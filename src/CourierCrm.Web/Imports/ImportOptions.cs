namespace CourierCrm.Web.Imports;

/// <summary>Configuration section "Imports": the limits that keep one upload from hurting everyone else.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Largest file accepted. A 1,000,000-row waybill CSV with full addresses is about 210 MB; 512 MB leaves room for longer rows.</summary>
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Columns a file may have; a wider header is almost surely not a table of records.</summary>
    public int MaxColumns { get; set; } = 200;

    /// <summary>Characters one cell may hold; longer is no field of ours and would only fill memory.</summary>
    public int MaxCellChars { get; set; } = 10_000;

    /// <summary>Data rows shown in the mapping step.</summary>
    public int PreviewRows { get; set; } = 20;

    /// <summary>Rows per transaction (and per checkpoint) of a waybill import.</summary>
    public int WaybillBatchSize { get; set; } = 5_000;

    /// <summary>Rows per transaction (and per checkpoint) of a customer import: EF per batch, so smaller.</summary>
    public int CustomerBatchSize { get; set; } = 500;
}
