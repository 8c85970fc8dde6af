namespace CourierCrm.Web.Exports;

/// <summary>The file an export writes: CSV (any size) or an Excel workbook (up to Excel's row limit).</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>How a column's values are written: text is formula-neutralised, numbers stay numbers.</summary>
public enum ColumnKind
{
    Text,
    /// <summary>A whole number (pieces).</summary>
    Integer,
    /// <summary>Yuan with two decimals (the records keep fen; callers pass yuan as decimal).</summary>
    Money,
    /// <summary>Kilograms with up to three decimals (the records keep grams).</summary>
    Weight,
}

/// <summary>One column of an export: its header in the viewer's language, how values are written, its Excel width in characters.</summary>
public sealed record ExportColumn(string Header, ColumnKind Kind = ColumnKind.Text, double Width = 14);
