using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CourierCrm.Web.Imports;

/// <summary>
/// Rows of the first worksheet of an .xlsx, streamed with <see cref="OpenXmlReader"/> one row element
/// at a time. Cells come back as text: shared and inline strings as written, numbers in invariant
/// form, and numbers with a date format as "yyyy-MM-dd HH:mm:ss" (Excel keeps dates as day serials).
/// The shared-string table is held in memory: it is what Excel puts each distinct text in once.
/// </summary>
internal static class XlsxRows
{
    public static IEnumerable<SourceRow> Read(string path, ImportOptions options)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw Broken();
        }
        using (document)
        {
            var workbook = document.WorkbookPart ?? throw Broken();
            var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw Broken();
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart worksheet) throw Broken();
            var strings = SharedStrings(workbook);
            var dateStyles = DateStyles(workbook);

            using var reader = OpenXmlReader.Create(worksheet);
            var lastNumber = 0;
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var number = row.RowIndex?.Value is uint r ? (int)r : lastNumber + 1;
                lastNumber = number;
                var cells = Cells(row, strings, dateStyles, options);
                var source = new SourceRow(number, cells);
                if (!source.IsBlank) yield return source;
            }
        }
    }

    private static ImportFileException Broken() =>
        new("File.BadXlsx", "The file starts like an Excel workbook but cannot be opened as one; save it again as .xlsx or CSV.");

    private static string?[] Cells(Row row, List<string> strings, HashSet<uint> dateStyles, ImportOptions options)
    {
        var values = new List<string?>();
        var next = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var index = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
            next = index + 1;
            // Far past any header we accept; the header check reports the width.
            if (index > options.MaxColumns * 2 + 10_000) break;
            while (values.Count < index) values.Add(null);
            values.Add(Value(cell, strings, dateStyles));
        }
        return [.. values];
    }

    private static string? Value(Cell cell, List<string> strings, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count ? strings[i] : null;
        if (type == CellValues.InlineString) return Text(cell.InlineString);
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw;
        if (type == CellValues.String || type == CellValues.Error) return raw;
        if (raw is null) return null;
        if (cell.StyleIndex?.Value is uint style && dateStyles.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > -657435 and < 2958466)
        {
            var at = DateTime.FromOADate(serial);
            return at.TimeOfDay == TimeSpan.Zero
                ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }
        return raw;
    }

    /// <summary>Text of a shared or inline string: its plain text or its rich-text runs, without phonetic guides.</summary>
    private static string? Text(OpenXmlCompositeElement? item) =>
        item is null ? null
        : item.GetFirstChild<Text>() is { } plain ? plain.Text
        : string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part) return strings;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                strings.Add(Text((SharedStringItem)reader.LoadCurrentElement()!) ?? "");
        return strings;
    }

    /// <summary>Cell style indexes whose number format shows a date or time: the built-in ones, and custom codes with y, m, d, h or s outside quotes and brackets.</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var styles = new HashSet<uint>();
        var sheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (sheet?.CellFormats is null) return styles;
        var custom = sheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => IsDateCode(f.FormatCode?.Value)) ?? [];
        uint index = 0;
        foreach (var format in sheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 or >= 27 and <= 36 or >= 50 and <= 58 || custom.GetValueOrDefault(id)) styles.Add(index);
            index++;
        }
        return styles;
    }

    private static bool IsDateCode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return false;
        var quoted = false;
        var bracket = false;
        foreach (var c in code)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '[') bracket = true;
            else if (!quoted && c == ']') bracket = false;
            else if (!quoted && !bracket && "ymdhsYMDHS".Contains(c)) return true;
        }
        return false;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }
}
