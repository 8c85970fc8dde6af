namespace CourierCrm.Web.Imports;

public enum TabularFormat { Csv, Xlsx }

/// <summary>One row of a file: its number as a spreadsheet shows it (header = 1), its cells, and what was wrong reading it.</summary>
/// <param name="Problem">An ImportTexts key when the row itself could not be read whole (a quote never closed, too few cells).</param>
public sealed record SourceRow(int Number, string?[] Cells, string? Problem = null)
{
    public bool IsBlank => Problem is null && Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>What an uploaded file is: its format and, for CSV, its text encoding.</summary>
public sealed record TabularInfo(TabularFormat Format, string? Encoding)
{
    public string Describe => Format == TabularFormat.Xlsx ? "Excel (.xlsx)" : $"CSV, {Encoding}";
}

/// <summary>
/// Reads CSV and Excel files row by row, never the whole file at once, so a million rows cost the
/// memory of one. The format is decided by the content (an .xlsx is a zip: PK\x03\x04), not the name.
/// </summary>
public static class TabularFile
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0];

    public static TabularInfo Inspect(string path)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length == 0) throw new ImportFileException("File.Empty", "The file is empty.");
        var head = new byte[4];
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read == 4 && head.AsSpan().SequenceEqual(ZipMagic)) return new(TabularFormat.Xlsx, null);
        if (read == 4 && head.AsSpan().SequenceEqual(OleMagic))
            throw new ImportFileException("File.OldExcel", "Old Excel files (.xls) cannot be read; save the sheet as .xlsx or CSV and upload it again.");
        return new(TabularFormat.Csv, TextDetection.Detect(stream));
    }

    /// <summary>Every non-blank row, the header first. Rows past the header's width are cut; too wide a header is refused.</summary>
    public static IEnumerable<SourceRow> Rows(string path, TabularInfo info, ImportOptions options) =>
        info.Format == TabularFormat.Xlsx ? XlsxRows.Read(path, options) : CsvRows.Read(path, TextDetection.EncodingOf(info.Encoding!), options);

    /// <summary>The header and the first data rows, checked: not empty, not header-only, not too wide.</summary>
    public static (string[] Header, List<SourceRow> Rows) Preview(string path, TabularInfo info, ImportOptions options)
    {
        string[]? header = null;
        var rows = new List<SourceRow>();
        foreach (var row in Rows(path, info, options))
        {
            if (header is null)
            {
                header = Header(row, options);
                continue;
            }
            rows.Add(row);
            if (rows.Count >= options.PreviewRows) break;
        }
        if (header is null) throw new ImportFileException("File.Empty", "The file is empty.");
        if (rows.Count == 0) throw new ImportFileException("File.HeaderOnly", "The file has a header row but no data rows.");
        return (header, rows);
    }

    /// <summary>The header row as column names: trimmed, a blank one named by its column letter.</summary>
    public static string[] Header(SourceRow row, ImportOptions options)
    {
        if (row.Cells.Length > options.MaxColumns)
            throw new ImportFileException("File.TooManyColumns", $"The file has {row.Cells.Length} columns; at most {options.MaxColumns} can be imported.", row.Cells.Length, options.MaxColumns);
        if (row.Problem is not null)
            throw new ImportFileException("File.BadHeader", "The header row cannot be read: a quote in it is never closed.");
        var cells = row.Cells;
        var last = cells.Length - 1;
        while (last > 0 && string.IsNullOrWhiteSpace(cells[last])) last--;
        return cells.Take(last + 1).Select((c, i) => string.IsNullOrWhiteSpace(c) ? ColumnLetter(i) : c.Trim()).ToArray();
    }

    /// <summary>"A", "B", … "AA": how spreadsheets name column <paramref name="index"/> (0-based).</summary>
    public static string ColumnLetter(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
