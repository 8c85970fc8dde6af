using System.Text;

namespace CourierCrm.Domain.Notifications;

/// <summary>The outcome of filling a template: the text, or the placeholders that had no value.</summary>
public sealed record RenderedMessage(string? Text, IReadOnlyList<string> Missing)
{
    public bool Complete => Text is not null;
}

/// <summary>
/// A customer message template with {placeholders} (issue 5 item 5: milestone notices from zh-CN and en
/// templates). "{{" and "}}" write literal braces. A placeholder without a value refuses the whole message
/// rather than sending "{waybill}" to a customer.
/// </summary>
public static class MessageTemplate
{
    /// <summary>The placeholder names a template uses, in order of first use; null if the braces do not pair up.</summary>
    public static IReadOnlyList<string>? Placeholders(string template)
    {
        var names = new List<string>();
        return Walk(template, name => { if (!names.Contains(name)) names.Add(name); return name; }) is null ? null : names;
    }

    public static RenderedMessage Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var missing = new List<string>();
        var text = Walk(template, name =>
        {
            if (values.TryGetValue(name, out var value)) return value;
            if (!missing.Contains(name)) missing.Add(name);
            return "";
        });
        if (text is null) throw new FormatException("The template's braces do not pair up.");
        return missing.Count == 0 ? new(text, []) : new(null, missing);
    }

    /// <summary>Copies the template, replacing each placeholder by what <paramref name="substitute"/> gives; null on unpaired braces.</summary>
    private static string? Walk(string template, Func<string, string> substitute)
    {
        var output = new StringBuilder(template.Length);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{') { output.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < template.Length && template[i + 1] == '}') { output.Append('}'); i++; continue; }
            if (c == '}') return null;
            if (c != '{') { output.Append(c); continue; }
            var close = template.IndexOf('}', i + 1);
            if (close < 0) return null;
            var name = template[(i + 1)..close].Trim();
            if (name.Length == 0 || name.Contains('{')) return null;
            output.Append(substitute(name));
            i = close;
        }
        return output.ToString();
    }
}
