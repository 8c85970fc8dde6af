namespace CourierCrm.Web.Imports;

/// <summary>A file row seen through the column mapping: the cell of each field, and the column name to blame in an error.</summary>
public sealed class MappedRow(SourceRow row, IReadOnlyList<string> header, IReadOnlyDictionary<string, int> mapping, ImportTranslator texts)
{
    public int Number => row.Number;

    public SourceRow Source => row;

    public bool Has(string field) => mapping.ContainsKey(field);

    /// <summary>The trimmed cell of the field; null when it is empty or the field has no column.</summary>
    public string? this[string field] =>
        mapping.TryGetValue(field, out var i) && i < row.Cells.Length && row.Cells[i] is { } cell && !string.IsNullOrWhiteSpace(cell) ? cell.Trim() : null;

    /// <summary>The column as the file names it, or the field's own name when no column feeds it.</summary>
    public string ColumnOf(string field) =>
        mapping.TryGetValue(field, out var i) && i < header.Count ? header[i] : texts.FieldLabel(field);

    public RowError Error(string field, string reason) => new(Number, ColumnOf(field), this[field], reason);

    /// <summary>The problem of a row that was not read whole (an unclosed quote, cells missing at its end), or null.</summary>
    public RowError? ShapeProblem()
    {
        if (row.Problem is { } problem)
            return new RowError(Number, "", Preview(), texts.Text(problem));
        var missing = mapping.Where(m => m.Value >= row.Cells.Length).OrderBy(m => m.Value).FirstOrDefault();
        if (missing.Key is null || row.Cells.Length >= header.Count) return null;
        return new RowError(Number, ColumnOf(missing.Key), null, texts.Text("Row.MissingCells", row.Cells.Length, header.Count));
    }

    private string Preview()
    {
        var text = string.Join(",", row.Cells.Take(3));
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}
