using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CourierCrm.Web.Platform.Audit;

/// <summary>Reduces two snapshots of a record to the fields that changed, for the audit log's before/after.</summary>
public static class AuditDiff
{
    // Values are compared as JSON so lists of contacts or addresses compare by content. Decimals are
    // written without their scale: the database hands back 500000.00 for a stored 500000 (numeric(18,2)
    // on PostgreSQL, text on SQLite), and that is not a change.
    private static readonly JsonSerializerOptions Comparison = new() { Converters = { new ScaleFreeDecimal() } };

    public static (Dictionary<string, object?> Before, Dictionary<string, object?> After) Changes<T>(T before, T after)
    {
        var b = new Dictionary<string, object?>();
        var a = new Dictionary<string, object?>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var old = property.GetValue(before);
            var @new = property.GetValue(after);
            if (JsonSerializer.Serialize(old, property.PropertyType, Comparison) == JsonSerializer.Serialize(@new, property.PropertyType, Comparison)) continue;
            b[property.Name] = old;
            a[property.Name] = @new;
        }
        return (b, a);
    }

    private sealed class ScaleFreeDecimal : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        // Dividing by 1.000…0 drops trailing zeros: 500000.00m becomes 500000m.
        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
    }
}
