using System.Text.Encodings.Web;
using System.Text.Json;

namespace CourierCrm.Web.Platform.Audit.Pages;

/// <summary>Before/after snapshots as indented JSON for reading; Chinese stays readable, not \u-escaped.</summary>
public static class AuditJson
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Shown as text by Blazor (never as markup), so relaxed escaping is safe here.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Pretty(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return "";
        try
        {
            using var doc = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(doc.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
