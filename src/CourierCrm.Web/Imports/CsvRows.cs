using System.Text;
using CsvHelper;

namespace CourierCrm.Web.Imports;

/// <summary>
/// CSV rows through CsvHelper's reader: RFC 4180 quoting (commas, quotes and line breaks inside
/// quoted cells), CRLF and LF mixed freely. Rows are numbered as a spreadsheet shows them (a blank
/// line counts, a line break inside a quoted cell does not), so error reports point at the right row.
/// </summary>
internal static class CsvRows
{
    /// <summary>
    /// The records of a CSV file that are not blank, counted on its bytes without making a string of any
    /// cell (a million rows: 2–3 s instead of 26 s for reading them on the busy benchmark machine), for the
    /// progress bar's total before the real pass. A line break inside quotes does not end a record; a record
    /// of only commas, quotes, spaces and tabs is blank. Good
    /// for UTF-8 and GBK alike (neither puts these ASCII bytes inside a multi-byte character). A malformed
    /// file may count differently from what <see cref="Read"/> gives; the job's total is set to the rows
    /// read when it finishes.
    /// </summary>
    public static long Count(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        long records = 0;
        bool quoted = false, content = false, quoteJustClosed = false;
        int read;
        while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
        {
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b == (byte)'"')
                {
                    // "" inside a quoted cell is a quote character: content.
                    if (!quoted && quoteJustClosed) content = true;
                    quoteJustClosed = quoted;
                    quoted = !quoted;
                    continue;
                }
                quoteJustClosed = false;
                if (quoted)
                {
                    if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) content = true;
                    continue;
                }
                if (b == (byte)'\n')
                {
                    if (content) records++;
                    content = false;
                }
                else if (b is not ((byte)',' or (byte)' ' or (byte)'\t' or (byte)'\r')) content = true;
            }
        }
        return content ? records + 1 : records;
    }

    public static IEnumerable<SourceRow> Read(string path, Encoding encoding, ImportOptions options)
    {
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var csvOptions = CsvReaderOptions.Default with
        {
            HasHeader = false,
            Separator = ',',
            SkipEmptyLines = false,
            // Values may be personal data: keep them out of exception messages and logs.
            IncludeValuesInExceptions = false,
            // An unclosed quote early in a big file would otherwise read the rest of it as one record.
            MaxRecordSize = checked(options.MaxCellChars * 4 * 16),
            OnMalformedRecord = m => malformed[m.RecordNumber] = m.Reason,
        };
        var text = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var reader = CsvReader.Create(text, csvOptions, leaveOpen: false);
        var number = 0;
        while (true)
        {
            string?[] cells = [];
            string? problem = null;
            bool more;
            try
            {
                more = reader.Read();
                if (more) cells = reader.Current.ToArray();
            }
            catch (CsvFormatException)
            {
                more = false;
                problem = "Row.TooLong";
            }
            if (!more)
            {
                // A record that cannot be read ends the file: nothing after it can be trusted to line up.
                if (problem is not null) yield return new SourceRow(number + 1, cells, problem);
                yield break;
            }
            number++;
            if (malformed.Remove(reader.RowNumber, out var reason))
                problem = reason == CsvMalformedReason.UnterminatedQuote ? "Row.Truncated" : "Row.BadQuotes";
            var row = new SourceRow(number, cells, problem);
            if (!row.IsBlank) yield return row;
        }
    }
}
