using System.Text;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Exports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace CourierCrm.Web.Tests.Exports;

/// <summary>The export writers on their own: formula-safe text, numbers as numbers, files spreadsheets open.</summary>
public sealed class TableWriterTests
{
    private static readonly ExportColumn[] Columns =
    [
        new("单号"), new("备注", Width: 30), new("件数", ColumnKind.Integer), new("重量", ColumnKind.Weight), new("运费", ColumnKind.Money),
    ];

    private static byte[] Write(ExportFormat format, params object?[][] rows)
    {
        using var output = new MemoryStream();
        using (var writer = TableWriter.Open(format, output, "运单", Columns))
        {
            foreach (var row in rows) writer.WriteRow(row);
            writer.Complete();
        }
        return output.ToArray();
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+86 138 1234 5678", "'+86 138 1234 5678")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("深圳=南山", "深圳=南山")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_value_a_spreadsheet_would_run_gets_a_leading_quote_and_nothing_else_changes(string? value, string expected) =>
        Assert.Equal(expected, SpreadsheetCell.Neutralise(value));

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData("plain", "plain")]
    public void A_csv_field_is_quoted_only_when_it_must_be(string value, string expected) =>
        Assert.Equal(expected, SpreadsheetCell.Csv(value));

    [Fact]
    public void The_quick_customer_csv_uses_the_same_rule() =>
        Assert.Equal("'=1+1,\"a,b\"\r\n", Encoding.UTF8.GetString(CustomerExport.WriteCsv([["=1+1", "a,b"]])[3..]));

    [Fact]
    public void Csv_is_utf8_with_a_byte_order_mark_crlf_lines_and_invariant_numbers()
    {
        var content = Write(ExportFormat.Csv, ["SF1", "=cmd|' /C calc'!A0", 3, 1.25m, 1234.5m], ["SF2", null, 1, 0.4m, -2m]);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, content[..3]);
        var text = Encoding.UTF8.GetString(content[3..]);
        Assert.Equal("单号,备注,件数,重量,运费\r\nSF1,'=cmd|' /C calc'!A0,3,1.25,1234.50\r\nSF2,,1,0.4,-2.00\r\n", text);
    }

    [Fact]
    public void Xlsx_opens_in_the_sdk_without_validation_errors_with_a_bold_header_and_numbers_as_numbers()
    {
        var content = Write(ExportFormat.Xlsx, ["SF1", "=cmd|' /C calc'!A0", 3, 1.25m, 1234.5m], ["SF2", " 前后有空格 ", 1, 0.4m, 0m]);

        using (var document = SpreadsheetDocument.Open(new MemoryStream(content), false))
            Assert.Empty(new OpenXmlValidator().Validate(document));
        var (sheetName, rows) = ExportFileReader.Xlsx(content);
        Assert.Equal("运单", sheetName);
        Assert.Equal(["单号", "备注", "件数", "重量", "运费"], rows[0].Select(c => c.Text));
        Assert.All(rows[0], c => Assert.Equal(1u, c.Style));
        var first = rows[1];
        Assert.Equal(["A2", "B2", "C2", "D2", "E2"], first.Select(c => c.Reference));
        Assert.Equal("'=cmd|' /C calc'!A0", first[1].Text);
        Assert.False(first[1].IsNumber);
        Assert.Equal(("3", true), (first[2].Text, first[2].IsNumber));
        Assert.Equal(("1.25", true), (first[3].Text, first[3].IsNumber));
        Assert.Equal(("1234.5", true), (first[4].Text, first[4].IsNumber));
        Assert.Equal(" 前后有空格 ", rows[2][1].Text);
    }

    [Fact]
    public void Xlsx_has_the_column_widths_and_a_frozen_header()
    {
        var content = Write(ExportFormat.Xlsx, ["SF1", "x", 1, 1m, 1m]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Equal([14d, 30d, 14d, 14d, 14d], sheet.GetFirstChild<Columns>()!.Elements<Column>().Select(c => c.Width!.Value));
        Assert.Equal(PaneStateValues.Frozen, sheet.Descendants<Pane>().Single().State!.Value);
    }

    [Fact]
    public void Xlsx_drops_characters_xml_cannot_carry_instead_of_breaking_the_file()
    {
        var content = Write(ExportFormat.Xlsx, ["SF\u0001", "a\u0007b", 1, 1m, 1m]);

        var (_, rows) = ExportFileReader.Xlsx(content);
        Assert.Equal(["SF", "ab"], rows[1].Take(2).Select(c => c.Text));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_values_is_refused()
    {
        using var writer = TableWriter.Open(ExportFormat.Csv, new MemoryStream(), "x", Columns);
        Assert.Throws<ArgumentException>(() => writer.WriteRow(["only one"]));
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Column_letters_count_like_excel(int index, string letters) =>
        Assert.Equal(letters, XlsxTableWriter.ColumnLetters(index));

    [Fact]
    public void Excel_holds_one_header_row_and_1048575_data_rows_and_csv_has_no_limit()
    {
        Assert.Equal(1_048_575, TableWriter.MaxRows(ExportFormat.Xlsx));
        Assert.Equal(long.MaxValue, TableWriter.MaxRows(ExportFormat.Csv));
    }
}
