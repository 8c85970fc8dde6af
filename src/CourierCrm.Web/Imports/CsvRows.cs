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
