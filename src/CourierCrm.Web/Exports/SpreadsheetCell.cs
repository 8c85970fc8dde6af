using System.Text;

namespace CourierCrm.Web.Exports;

/// <summary>
/// The one rule for text that leaves CourierCrm in a spreadsheet (DESIGN.md "Data scopes and privacy"):
/// a value a spreadsheet would run as a formula gets a leading single quote so it stays text. Every
/// export (the list's quick CSV, the CSV and Excel background exports) goes through here.
/// </summary>
public static class SpreadsheetCell
{
    /// <summary>
    /// "=1+1", "+86…", "-5", "@SUM(…)" and values starting with a tab or carriage return come back with a
    /// leading single quote; anything else (and null, as "") comes back unchanged.
    /// </summary>
    public static string Neutralise(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return StartsLikeFormula(value) ? "'" + value : value;
    }

    public static bool StartsLikeFormula(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>
    /// One RFC 4180 CSV field: neutralised, then quoted (quotes doubled) when it holds a comma, a quote or
    /// a line break.
    /// </summary>
    public static string Csv(string? value)
    {
        var text = Neutralise(value);
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>
    /// The text an Excel string cell holds: neutralised like CSV, without characters XML 1.0 cannot carry
    /// (control characters other than tab and line breaks, lone surrogates), and cut at Excel's 32,767
    /// characters a cell.
    /// </summary>
    public static string Xlsx(string? value)
    {
        var text = Neutralise(value);
        if (text.Length > MaxXlsxLength) text = text[..MaxXlsxLength];
        return IsXmlSafe(text) ? text : StripXmlUnsafe(text);
    }

    public const int MaxXlsxLength = 32_767;

    private static bool IsXmlSafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 && c is not ('\t' or '\n' or '\r')) return false;
            if (c is '\uFFFE' or '\uFFFF') return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return false;
        }
        return true;
    }

    private static string StripXmlUnsafe(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 && c is not ('\t' or '\n' or '\r')) continue;
            if (c is '\uFFFE' or '\uFFFF') continue;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { kept.Append(c).Append(text[i + 1]); i++; }
                continue;
            }
            if (char.IsLowSurrogate(c)) continue;
            kept.Append(c);
        }
        return kept.ToString();
    }
}
