using System.Text;
using CourierCrm.Web.Imports;

namespace CourierCrm.Web.Tests.Imports;

/// <summary>Reading uploaded files: format and encoding by content, RFC 4180 quoting, row numbers, and the files refused outright.</summary>
public sealed class TabularFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ccrm-tabular-").FullName;
    private readonly ImportOptions _options = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IEnumerable<string> Cells(SourceRow row) => row.Cells.Select(c => c ?? "");

    private (TabularInfo Info, List<SourceRow> Rows) Read(byte[] content)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, content);
        var info = TabularFile.Inspect(path);
        return (info, TabularFile.Rows(path, info, _options).ToList());
    }

    private ImportFileException Refused(byte[] content)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, content);
        return Assert.Throws<ImportFileException>(() => TabularFile.Preview(path, TabularFile.Inspect(path), _options));
    }

    [Fact]
    public void A_utf8_file_with_a_byte_order_mark_reads_without_the_mark_in_the_first_header()
    {
        var (info, rows) = Read(new CsvBuilder().Row("运单号", "寄件人").Row("SF1", "张三").Bytes(bom: true));

        Assert.Equal(TextDetection.Utf8Bom, info.Encoding);
        Assert.Equal(["运单号", "寄件人"], Cells(rows[0]));
        Assert.Equal(["SF1", "张三"], Cells(rows[1]));
    }

    [Fact]
    public void A_gbk_file_is_recognised_and_its_chinese_text_read_right()
    {
        var (info, rows) = Read(new CsvBuilder().Row("运单号", "寄件人").Row("SF1", "深圳市南山区张三").Bytes(CsvBuilder.Gbk));

        Assert.Equal(TextDetection.Gbk, info.Encoding);
        Assert.Equal("深圳市南山区张三", rows[1].Cells[1]);
    }

    [Fact]
    public void Utf8_without_a_mark_is_utf8()
    {
        var (info, rows) = Read(new CsvBuilder().Row("名称").Row("顺丰").Bytes());

        Assert.Equal(TextDetection.Utf8, info.Encoding);
        Assert.Equal("顺丰", rows[1].Cells[0]);
    }

    [Fact]
    public void Mixed_crlf_and_lf_line_ends_give_the_same_rows()
    {
        var csv = new CsvBuilder().Row("a", "b").Row("1", "2").Row("3", "4").Row("5", "6").Row("7", "8");

        var (_, rows) = Read(csv.Bytes(mixedLineEnds: true));

        Assert.Equal(["a", "1", "3", "5", "7"], rows.Select(r => r.Cells[0]));
        Assert.Equal([1, 2, 3, 4, 5], rows.Select(r => r.Number));
    }

    [Fact]
    public void Quotes_commas_and_line_breaks_inside_a_cell_stay_in_that_cell_and_do_not_shift_row_numbers()
    {
        var (_, rows) = Read(new CsvBuilder().Row("地址", "备注").Row("广州市\n天河区, 2号", "他说\"好\"").Row("x", "y").Bytes());

        Assert.Equal("广州市\n天河区, 2号", rows[1].Cells[0]);
        Assert.Equal("他说\"好\"", rows[1].Cells[1]);
        Assert.Equal(3, rows[2].Number);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_counted_as_rows()
    {
        var (_, rows) = Read(new CsvBuilder().Row("a").Raw("").Row("1").Bytes());

        Assert.Equal([1, 3], rows.Select(r => r.Number));
    }

    [Theory]
    [InlineData("a,b\n1,2\n", 2)]
    [InlineData("a,b\r\n1,2\r\n\r\n3,4", 3)]
    [InlineData("a,b\n\"广州市\n天河区\",2\n3,4\n", 3)]
    [InlineData("a,b\n,,\n \t,\r\n1,2\n", 2)]
    [InlineData("a,b\n\"\",\"\"\n1,2\n", 2)]
    [InlineData("a,b\n\"\"\"\",\n", 2)]
    [InlineData("a,b\n\" \n \",\n1,\"他说\"\"好\"\"\"\n", 2)]
    public void Counting_a_csv_on_its_bytes_gives_the_rows_reading_it_gives(string text, int rows)
    {
        foreach (var encoding in new[] { new UTF8Encoding(false), CsvBuilder.Gbk })
        {
            var path = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
            File.WriteAllBytes(path, encoding.GetBytes(text));

            Assert.Equal(rows, TabularFile.Rows(path, TabularFile.Inspect(path), _options).Count());
            Assert.Equal(rows, CsvRows.Count(path));
        }
    }

    [Fact]
    public void A_last_line_cut_off_inside_a_quote_is_a_row_problem_not_a_crash()
    {
        var (_, rows) = Read(new CsvBuilder().Row("a", "b").Row("1", "2").Raw("3,\"unfinished").Bytes(endWithNewLine: false));

        Assert.Null(rows[1].Problem);
        Assert.Equal("Row.Truncated", rows[2].Problem);
        Assert.Equal(3, rows[2].Number);
    }

    [Fact]
    public void Cells_starting_with_formula_characters_are_read_as_plain_text()
    {
        var (_, rows) = Read(new CsvBuilder().Row("a", "b", "c", "d").Row("=1+2", "+86 138", "-5", "@SUM(A1)").Bytes());

        Assert.Equal(["=1+2", "+86 138", "-5", "@SUM(A1)"], Cells(rows[1]));
    }

    [Fact]
    public void An_xlsx_is_recognised_by_content_and_reads_shared_and_inline_strings_numbers_and_dates()
    {
        var xlsx = XlsxBuilder.Build(
        [
            ["运单号", "重量", "下单时间", "备注"],
            ["SF1", 2.5, new DateTime(2026, 11, 20, 10, 30, 0), new XlsxBuilder.Inline("内联")],
            ["SF2", 3d, new DateTime(2026, 11, 21), null],
        ]);

        var (info, rows) = Read(xlsx);

        Assert.Equal(TabularFormat.Xlsx, info.Format);
        Assert.Equal(["SF1", "2.5", "2026-11-20 10:30:00", "内联"], Cells(rows[1]));
        Assert.Equal(["SF2", "3", "2026-11-21"], Cells(rows[2]));
        Assert.Equal(3, rows[2].Number);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal("File.Empty", Refused([]).TextKey);
    }

    [Fact]
    public void A_header_without_data_rows_is_refused()
    {
        Assert.Equal("File.HeaderOnly", Refused(new CsvBuilder().Row(WaybillCsv.Header).Bytes()).TextKey);
    }

    [Fact]
    public void Ten_thousand_columns_are_refused_naming_the_limit()
    {
        var wide = Enumerable.Range(1, 10_000).Select(i => "c" + i).ToArray();

        var refused = Refused(new CsvBuilder().Row(wide).Row(wide).Bytes());

        Assert.Equal("File.TooManyColumns", refused.TextKey);
        Assert.Equal([10_000, 200], refused.Arguments);
    }

    [Fact]
    public void Binary_garbage_is_refused()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0x01;

        Assert.Equal("File.Binary", Refused(garbage).TextKey);
    }

    [Fact]
    public void A_png_renamed_to_csv_is_refused_as_binary()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

        Assert.Equal("File.Binary", Refused(png).TextKey);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused_as_a_broken_xlsx()
    {
        using var memory = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open()))
            entry.Write("not a workbook");

        Assert.Equal("File.BadXlsx", Refused(memory.ToArray()).TextKey);
    }

    [Fact]
    public void An_old_xls_is_refused_with_advice_to_save_as_xlsx()
    {
        Assert.Equal("File.OldExcel", Refused([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).TextKey);
    }

    [Fact]
    public void Utf16_text_is_refused_with_advice_to_save_as_utf8()
    {
        Assert.Equal("File.Utf16", Refused([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("a,b\r\n1,2\r\n")]).TextKey);
    }
}
