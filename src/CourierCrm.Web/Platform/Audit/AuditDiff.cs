using System.Reflection;
using System.Text.Json;

namespace CourierCrm.Web.Platform.Audit;

/// <summary>Reduces two snapshots of a record to the fields that changed, for the audit log's before/after.</summary>
public static class AuditDiff
{
    public static (Dictionary<string, object?> Before, Dictionary<string, object?> After) Changes<T>(T before, T after)
    {
        var b = new Dictionary<string, object?>();
        var a = new Dictionary<string, object?>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var old = property.GetValue(before);
            var @new = property.GetValue(after);
            // Compared as JSON so lists of contacts or addresses compare by content.
            if (JsonSerializer.Serialize(old) == JsonSerializer.Serialize(@new)) continue;
            b[property.Name] = old;
            a[property.Name] = @new;
        }
        return (b, a);
    }
}
