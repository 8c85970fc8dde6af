using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CourierCrm.Web.Exports;

/// <summary>
/// An Excel workbook of one sheet, streamed with flat memory. OpenXml's own packaging cannot stream a
/// big part on .NET (System.IO.Packaging keeps every part uncompressed in memory until the package
/// closes, dotnet/Open-XML-SDK#807, and refuses a write-only package), so the work is split: a
/// <see cref="SpreadsheetDocument"/> builds the small skeleton (workbook, styles, relationships,
/// content types, an empty sheet) in memory, its parts are copied into a zip archive opened in create
/// mode on the output, and the sheet part is written there by <see cref="OpenXmlWriter"/> row by row,
/// deflated straight into the file.
/// </summary>
/// <remarks>
/// Text cells are inline strings, so no shared-string table grows with the rows. A string cell is
/// never evaluated as a formula by Excel, yet text goes through the same <see cref="SpreadsheetCell"/>
/// rule as CSV: a sheet someone saves as CSV and opens again must stay inert too. The cost is a
/// visible leading quote on values such as "-" or "+86…". Dates are written as text in China time
/// ("2026-11-23 09:30", as the pages show them): the same in every viewer's Excel, whatever its
/// time zone, and they still sort correctly. Money and weight are real numbers with a number format.
/// </remarks>
public sealed class XlsxTableWriter : TableWriter
{
    /// <summary>Excel's 1,048,576 rows a sheet, less the header row.</summary>
    public const int MaxDataRows = 1_048_575;

    private const uint HeaderStyle = 1, IntegerStyle = 2, MoneyStyle = 3, WeightStyle = 4;

    private readonly ZipArchive _archive;
    private readonly Stream _sheetStream;
    private readonly OpenXmlWriter _writer;
    private readonly string _sheetName;
    private readonly string[] _columnLetters;
    private bool _completed;

    public XlsxTableWriter(Stream output, string sheetName, IReadOnlyList<ExportColumn> columns) : base(columns)
    {
        _sheetName = SheetName(sheetName);
        _columnLetters = Enumerable.Range(0, columns.Count).Select(ColumnLetters).ToArray();
        _archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var sheetEntry = CopySkeleton(_archive, _sheetName);
        _sheetStream = _archive.CreateEntry(sheetEntry, CompressionLevel.Fastest).Open();
        _writer = OpenXmlWriter.Create(_sheetStream);
        _writer.WriteStartElement(new Worksheet());
        // The header stays in view while scrolling.
        _writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft })
        { WorkbookViewId = 0, TabSelected = true }));
        _writer.WriteElement(new Columns(columns.Select((c, i) =>
            new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true })));
        _writer.WriteStartElement(new SheetData());
        WriteHeader();
    }

    public override void WriteRow(IReadOnlyList<object?> values)
    {
        CheckWidth(values);
        if (Rows >= MaxDataRows)
            throw new InvalidOperationException($"An Excel sheet holds at most {MaxDataRows} rows below its header.");
        Rows++;
        var rowNumber = Rows + 1;
        _writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", rowNumber.ToString(CultureInfo.InvariantCulture))]);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value) continue;
            var reference = _columnLetters[i] + rowNumber.ToString(CultureInfo.InvariantCulture);
            switch (Columns[i].Kind)
            {
                case ColumnKind.Money:
                    WriteNumber(reference, Convert.ToDecimal(value, CultureInfo.InvariantCulture), MoneyStyle);
                    break;
                case ColumnKind.Weight:
                    WriteNumber(reference, Convert.ToDecimal(value, CultureInfo.InvariantCulture), WeightStyle);
                    break;
                case ColumnKind.Integer:
                    WriteNumber(reference, Convert.ToInt64(value, CultureInfo.InvariantCulture), IntegerStyle);
                    break;
                default:
                    WriteText(reference, Convert.ToString(value, CultureInfo.InvariantCulture), style: null);
                    break;
            }
        }
        _writer.WriteEndElement();
    }

    private void WriteHeader()
    {
        _writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", "1")]);
        for (var i = 0; i < Columns.Count; i++)
            WriteText(_columnLetters[i] + "1", Columns[i].Header, HeaderStyle);
        _writer.WriteEndElement();
    }

    private void WriteText(string reference, string? value, uint? style)
    {
        var text = SpreadsheetCell.Xlsx(value);
        if (text.Length == 0) return;
        var t = new Text(text);
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) t.Space = SpaceProcessingModeValues.Preserve;
        _writer.WriteElement(new Cell { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style, InlineString = new InlineString(t) });
    }

    private void WriteNumber(string reference, decimal value, uint style) =>
        _writer.WriteElement(new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(value) });

    private void WriteNumber(string reference, long value, uint style) =>
        _writer.WriteElement(new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)) });

    public override void Complete()
    {
        if (_completed) return;
        _completed = true;
        _writer.WriteEndElement(); // sheetData
        _writer.WriteEndElement(); // worksheet
        _writer.Close();
        _sheetStream.Dispose();
        _archive.Dispose();
    }

    /// <summary>
    /// Writes every part of a one-sheet workbook except the sheet itself into <paramref name="archive"/>
    /// and returns the zip entry name the sheet must have.
    /// </summary>
    private static string CopySkeleton(ZipArchive archive, string sheetName)
    {
        using var skeleton = new MemoryStream();
        string sheetEntry;
        using (var document = SpreadsheetDocument.Create(skeleton, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData());
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
            sheetEntry = sheet.Uri.OriginalString.TrimStart('/');
        }
        skeleton.Position = 0;
        using var parts = new ZipArchive(skeleton, ZipArchiveMode.Read);
        foreach (var part in parts.Entries.Where(e => e.FullName != sheetEntry))
        {
            using var from = part.Open();
            using var to = archive.CreateEntry(part.FullName, CompressionLevel.Fastest).Open();
            from.CopyTo(to);
        }
        return sheetEntry;
    }

    /// <summary>Cell formats by index: 0 plain, 1 bold header, 2 integer, 3 yuan "#,##0.00", 4 kg "0.000".</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.000" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 1, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 4, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 5 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>0 → "A", 25 → "Z", 26 → "AA".</summary>
    internal static string ColumnLetters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    /// <summary>Excel refuses sheet names over 31 characters or with : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim('\'', ' ');
        if (clean.Length == 0) clean = "Sheet1";
        return clean.Length > 31 ? clean[..31] : clean;
    }

    protected override void Dispose(bool disposing)
    {
        // An abandoned export (failed or cancelled) is not finished into a workbook: its caller deletes the file.
        if (!disposing || _completed) return;
        _writer.Dispose();
        _sheetStream.Dispose();
        _archive.Dispose();
    }
}
