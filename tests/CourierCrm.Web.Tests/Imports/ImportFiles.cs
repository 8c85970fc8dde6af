using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CourierCrm.Web.Tests.Imports;

/// <summary>Builds the files the import tests upload: CSV in any encoding and line-end style, and small .xlsx workbooks.</summary>
public sealed class CsvBuilder
{
    private readonly List<string> _lines = [];

    static CsvBuilder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gbk => Encoding.GetEncoding("GBK");

    public CsvBuilder Row(params string?[] cells)
    {
        _lines.Add(string.Join(',', cells.Select(Quote)));
        return this;
    }

    /// <summary>A line written exactly as given (a truncated line, a stray quote).</summary>
    public CsvBuilder Raw(string line)
    {
        _lines.Add(line);
        return this;
    }

    /// <summary>The file: line ends alternate CRLF and LF when <paramref name="mixedLineEnds"/>, and the last line has one unless <paramref name="endWithNewLine"/> is false.</summary>
    public byte[] Bytes(Encoding? encoding = null, bool bom = false, bool mixedLineEnds = false, bool endWithNewLine = true)
    {
        var text = new StringBuilder();
        for (var i = 0; i < _lines.Count; i++)
        {
            text.Append(_lines[i]);
            if (i < _lines.Count - 1 || endWithNewLine) text.Append(mixedLineEnds && i % 2 == 1 ? "\n" : "\r\n");
        }
        var body = (encoding ?? new UTF8Encoding(false)).GetBytes(text.ToString());
        return bom ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    public static string? Quote(string? cell) =>
        cell is null ? "" : cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}

/// <summary>Waybill rows that pass every rule unless a test changes a cell.</summary>
public static class WaybillCsv
{
    public static readonly string[] Header =
        ["运单号", "客户编码", "寄件人", "寄件人电话", "寄件地址", "收件人", "收件人电话", "收件地址", "始发城市", "目的城市", "件数", "重量(kg)", "运费", "付款方式", "下单时间"];

    public static string?[] Row(string number, string? customerCode = null) =>
        [number, customerCode, "张三", "13800138000", "深圳市南山区科技园1号", "李四", "13900139000", "广州市天河区体育西路2号", "深圳", "广州", "1", "2.5", "18.00", "寄付", "2026-11-20 10:30"];

    public static string?[] With(this string?[] row, string column, string? value)
    {
        var copy = row.ToArray();
        copy[Array.IndexOf(Header, column)] = value;
        return copy;
    }

    public static CsvBuilder File(IEnumerable<string?[]> rows)
    {
        var csv = new CsvBuilder().Row(Header);
        foreach (var row in rows) csv.Row(row);
        return csv;
    }

    /// <summary>Numbers unique to one test, so tests sharing a database never collide.</summary>
    public static string Prefix() => "IM" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
}

/// <summary>A one-sheet .xlsx written with the Open XML SDK: shared strings, inline strings, numbers and dates with a date style.</summary>
public static class XlsxBuilder
{
    /// <summary>A cell value: string (shared), <see cref="Inline"/>, double (number) or DateTime (serial with a date style).</summary>
    public sealed record Inline(string Text);

    public static byte[] Build(IEnumerable<object?[]> rows)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })),
                new Borders(new Border()), new CellStyleFormats(new CellFormat()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 22, ApplyNumberFormat = true }));
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var strings = new List<string>();
            var sheetData = new SheetData();
            uint r = 0;
            foreach (var values in rows)
            {
                r++;
                var row = new Row { RowIndex = r };
                for (var c = 0; c < values.Length; c++)
                {
                    var reference = Column(c) + r;
                    switch (values[c])
                    {
                        case null: break;
                        case string s:
                            var index = strings.IndexOf(s);
                            if (index < 0) { strings.Add(s); index = strings.Count - 1; shared.SharedStringTable.AppendChild(new SharedStringItem(new Text(s))); }
                            row.AppendChild(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) });
                            break;
                        case Inline inline:
                            row.AppendChild(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(inline.Text)) });
                            break;
                        case DateTime at:
                            row.AppendChild(new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(at.ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                        case double d:
                            row.AppendChild(new Cell { CellReference = reference, CellValue = new CellValue(d.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                    }
                }
                sheetData.AppendChild(row);
            }
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(sheetData);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "运单" }));
        }
        return memory.ToArray();
    }

    private static string Column(int index) => CourierCrm.Web.Imports.TabularFile.ColumnLetter(index);
}
