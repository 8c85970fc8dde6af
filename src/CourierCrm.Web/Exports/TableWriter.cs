namespace CourierCrm.Web.Exports;

/// <summary>
/// Writes an export row by row straight into its file, so a million rows cost no more memory than
/// ten: rows are never collected. Values are given per column (<see cref="ColumnKind"/>): string or
/// null for text, int/long for integers, decimal for money (yuan) and weight (kg).
/// </summary>
public abstract class TableWriter : IDisposable
{
    protected TableWriter(IReadOnlyList<ExportColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns;
    }

    public IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>Data rows written so far (the header row not counted).</summary>
    public long Rows { get; protected set; }

    /// <summary>Writes the header row first; <paramref name="output"/> stays open after <see cref="Dispose()"/>.</summary>
    public static TableWriter Open(ExportFormat format, Stream output, string sheetName, IReadOnlyList<ExportColumn> columns) => format switch
    {
        ExportFormat.Csv => new CsvTableWriter(output, columns),
        ExportFormat.Xlsx => new XlsxTableWriter(output, sheetName, columns),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format."),
    };

    /// <summary>The most data rows a file of the format can hold: Excel's 1,048,576 rows less the header; CSV has no limit.</summary>
    public static long MaxRows(ExportFormat format) => format == ExportFormat.Xlsx ? XlsxTableWriter.MaxDataRows : long.MaxValue;

    public static string Extension(ExportFormat format) => format == ExportFormat.Xlsx ? ".xlsx" : ".csv";

    public abstract void WriteRow(IReadOnlyList<object?> values);

    /// <summary>Ends the file (Excel's workbook parts are written here); the file is incomplete without it.</summary>
    public abstract void Complete();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);

    protected void CheckWidth(IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Columns.Count)
            throw new ArgumentException($"A row has {values.Count} values for {Columns.Count} columns.", nameof(values));
    }
}
