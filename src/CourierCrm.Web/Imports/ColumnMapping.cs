using System.Security.Cryptography;
using System.Text;
using CourierCrm.Web.Platform.Validation;

namespace CourierCrm.Web.Imports;

/// <summary>
/// Which column of the file feeds which field: proposed from the header names (Chinese or English)
/// or from a saved mapping, chosen by the person, checked before the import starts.
/// </summary>
public static class ColumnMapping
{
    /// <summary>The header in the form names are compared in: no case, spaces, dashes, underscores, stars or full-width brackets.</summary>
    public static string Normalise(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            if (char.IsWhiteSpace(c) || c is '_' or '-' or '*' or '.' or ':' or '：') continue;
            text.Append(c switch { '（' => '(', '）' => ')', _ => char.ToLowerInvariant(c) });
        }
        return text.ToString();
    }

    /// <summary>Same for any file with the same column names in the same order: how a saved mapping is recognised.</summary>
    public static string Signature(IEnumerable<string> header) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', header.Select(Normalise)))))[..32];

    /// <summary>
    /// A mapping for the header: a saved one's columns (matched by name) first, then each field's
    /// own names. A column is proposed for one field only.
    /// </summary>
    public static Dictionary<string, int> Propose(IReadOnlyList<ImportField> fields, IReadOnlyList<string> header, IReadOnlyDictionary<string, string>? saved = null)
    {
        var names = header.Select(Normalise).ToList();
        var mapping = new Dictionary<string, int>(StringComparer.Ordinal);
        var used = new HashSet<int>();
        if (saved is not null)
            foreach (var field in fields)
                if (saved.TryGetValue(field.Key, out var column) && names.IndexOf(Normalise(column)) is var i and >= 0 && used.Add(i))
                    mapping[field.Key] = i;
        foreach (var field in fields.Where(f => !mapping.ContainsKey(f.Key)))
        {
            var wanted = field.Aliases.Append(field.Key).Select(Normalise).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < names.Count; i++)
                if (!used.Contains(i) && wanted.Contains(names[i])) { mapping[field.Key] = i; used.Add(i); break; }
        }
        return mapping;
    }

    /// <summary>A saved mapping's form: field → column name, so it still fits when the columns move.</summary>
    public static Dictionary<string, string> ToSaved(IReadOnlyDictionary<string, int> mapping, IReadOnlyList<string> header) =>
        mapping.Where(m => m.Value >= 0 && m.Value < header.Count).ToDictionary(m => m.Key, m => header[m.Value], StringComparer.Ordinal);

    /// <summary>Errors keyed "mapping.&lt;field&gt;": a required field without a column, an unknown field, a column the file does not have.</summary>
    public static ValidationErrors Validate(IReadOnlyList<ImportField> fields, int columnCount, IReadOnlyDictionary<string, int>? mapping)
    {
        var errors = new ValidationErrors();
        if (mapping is null) { errors.Add("mapping", "is required: give the column index for each field."); return errors; }
        foreach (var (key, column) in mapping)
        {
            if (!fields.Any(f => f.Key == key)) errors.Add($"mapping.{key}", "is not a field of this import.");
            else if (column < 0 || column >= columnCount) errors.Add($"mapping.{key}", $"column {column} does not exist; the file has columns 0 to {columnCount - 1}.");
        }
        foreach (var field in fields.Where(f => f.Required && !mapping.ContainsKey(f.Key)))
            errors.Add($"mapping.{field.Key}", "is required: choose the column that holds it.");
        return errors;
    }
}
