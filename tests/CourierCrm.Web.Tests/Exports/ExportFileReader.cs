using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CourierCrm.Web.Tests.Exports;

/// <summary>Reads an export file back the way a spreadsheet would: CSV by RFC 4180, Excel through the Open XML SDK.</summary>
public static class ExportFileReader
{
    /// <summary>The rows of a CSV file (header first), fields unquoted.</summary>
    public static List<List<string>> Csv(byte[] content)
    {
        var text = new UTF8Encoding(false).GetString(content);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString()); field.Clear();
                rows.Add(row); row = [];
                i++;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }

    /// <summary>A cell of an Excel sheet as read back: its text (inline, shared or number) and how it is stored.</summary>
    public sealed record XlsxCell(string Reference, string Text, bool IsNumber, uint Style);

    /// <summary>The first sheet's rows (header first) as cells, with the sheet's name.</summary>
    public static (string SheetName, List<List<XlsxCell>> Rows) Xlsx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var rows = new List<List<XlsxCell>>();
        foreach (var row in part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>())
        {
            // Empty cells are not written: each cell goes to the column its reference names.
            var cells = new List<XlsxCell>();
            foreach (var c in row.Elements<Cell>())
            {
                var reference = c.CellReference?.Value ?? "";
                var column = ColumnIndex(reference);
                while (cells.Count < column) cells.Add(new XlsxCell("", "", false, 0));
                cells.Add(new XlsxCell(reference,
                    c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText
                        : c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                        : c.CellValue?.Text ?? "",
                    c.DataType is null || c.DataType.Value == CellValues.Number,
                    c.StyleIndex?.Value ?? 0));
            }
            rows.Add(cells);
        }
        var width = rows.Count > 0 ? rows[0].Count : 0;
        foreach (var cells in rows)
            while (cells.Count < width) cells.Add(new XlsxCell("", "", false, 0));
        return (sheet.Name!.Value!, rows);
    }

    /// <summary>"C7" → 2.</summary>
    private static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return n - 1;
    }
}
