using System.Globalization;
using System.Text;

namespace CourierCrm.Web.Exports;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a byte-order mark (Excel on Chinese Windows reads it as UTF-8 then,
/// not GBK), CRLF line ends, text cells made safe by <see cref="SpreadsheetCell.Csv"/>. Numbers are
/// written invariantly ("1234.50"): they are not text, so they are never neutralised.
/// </summary>
public sealed class CsvTableWriter : TableWriter
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private readonly StreamWriter _out;

    public CsvTableWriter(Stream output, IReadOnlyList<ExportColumn> columns) : base(columns)
    {
        _out = new StreamWriter(output, Utf8WithBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        WriteLine(columns.Select(c => (object?)c.Header).ToList(), header: true);
    }

    public override void WriteRow(IReadOnlyList<object?> values)
    {
        CheckWidth(values);
        WriteLine(values, header: false);
        Rows++;
    }

    private void WriteLine(IReadOnlyList<object?> values, bool header)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) _out.Write(',');
            _out.Write(header ? SpreadsheetCell.Csv((string?)values[i]) : Field(Columns[i].Kind, values[i]));
        }
        _out.WriteLine();
    }

    internal static string Field(ColumnKind kind, object? value) => value switch
    {
        null => "",
        _ when kind == ColumnKind.Money => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture),
        _ when kind == ColumnKind.Weight => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString("0.###", CultureInfo.InvariantCulture),
        _ when kind == ColumnKind.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        _ => SpreadsheetCell.Csv(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    public override void Complete() => _out.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _out.Dispose();
    }
}
