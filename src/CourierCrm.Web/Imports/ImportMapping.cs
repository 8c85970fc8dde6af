using CourierCrm.Web.Platform.Jobs;

namespace CourierCrm.Web.Imports;

/// <summary>
/// A column mapping saved under a name, for the next file of the same layout: which column name
/// feeds which field. Shared by everyone who imports that kind (a courier's operations system
/// exports the same layout for all of them); saving under an existing name replaces it.
/// </summary>
public sealed class ImportMapping
{
    public int Id { get; set; }
    public JobKind Kind { get; set; }
    public required string Name { get; set; }
    /// <summary>Hash of the normalised header (<see cref="ColumnMapping.Signature"/>): a file with the same columns picks this mapping by itself.</summary>
    public required string HeaderSignature { get; set; }
    /// <summary>Field → column name, as JSON.</summary>
    public required string ColumnsJson { get; set; }
    public int? CreatedByUserId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
