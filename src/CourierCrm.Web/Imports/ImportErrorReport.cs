using System.Text;
using CourierCrm.Web.Exports;

namespace CourierCrm.Web.Imports;

/// <summary>One problem of one row: the row number and column name as the file shows them, the cell's value and why it was refused.</summary>
public sealed record RowError(int Row, string Column, string? Value, string Reason);

/// <summary>
/// The downloadable list of refused rows: CSV in UTF-8 with a byte-order mark (Excel on Chinese
/// Windows reads it right), columns row, column, value, reason. Values come from an untrusted file,
/// so every cell is made formula-safe. The report is appended to as the import goes; its length is
/// part of each checkpoint, and a resumed import cuts it back to that length, so a row refused
/// before a crash is listed once.
/// </summary>
public sealed class ImportErrorReport : IDisposable
{
    public const string FileName = "errors.csv";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly FileStream _file;
    private readonly StreamWriter _writer;

    private ImportErrorReport(FileStream file)
    {
        _file = file;
        _writer = new StreamWriter(file, Utf8, bufferSize: 1 << 16) { NewLine = "\r\n" };
    }

    /// <summary>A new report with its header, or (resuming) the existing one cut back to <paramref name="resumeLength"/> bytes.</summary>
    public static ImportErrorReport Open(string path, long? resumeLength, IReadOnlyList<string> header)
    {
        if (resumeLength is long length && File.Exists(path))
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            file.SetLength(Math.Min(length, file.Length));
            file.Seek(0, SeekOrigin.End);
            return new ImportErrorReport(file);
        }
        var fresh = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        fresh.Write([0xEF, 0xBB, 0xBF]); // the byte-order mark, once, before the header
        var report = new ImportErrorReport(fresh);
        report.WriteLine(header);
        return report;
    }

    public void Add(RowError error) =>
        WriteLine([error.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Column, error.Value, error.Reason]);

    /// <summary>Writes everything through to the disk and answers the report's length, for the checkpoint.</summary>
    public long Flush()
    {
        _writer.Flush();
        _file.Flush(flushToDisk: true);
        return _file.Length;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }

    private void WriteLine(IReadOnlyList<string?> cells) => _writer.WriteLine(string.Join(',', cells.Select(SpreadsheetCell.Csv)));
}
