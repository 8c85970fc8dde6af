namespace CourierCrm.Web.Data.Bulk;

/// <summary>
/// The columns of "Waybills" a bulk write fills, in one order both providers bind them in.
/// "Id" is left to the database; "Number" is the natural key the upsert matches on.
/// Kept by hand next to ShipmentConfiguration: a column added there must be added here too
/// (BulkWriterTests read every property back, so a forgotten one fails a test).
/// </summary>
internal static class WaybillColumns
{
    public static readonly string[] Names =
    [
        "Number", "CustomerId", "CustomerCode", "MonthlyAccountNo", "Product",
        "SenderName", "SenderPhone", "SenderAddress", "ReceiverName", "ReceiverPhone", "ReceiverAddress",
        "OriginCity", "DestinationCity", "Pieces", "WeightGrams", "FreightFen",
        "Insured", "DeclaredValueFen", "InsuranceFeeFen", "CodAmountFen", "Payer", "Status",
        "OrderedAt", "PickedUpAt", "PromisedAt", "DeliveredAt", "PickupOutletId", "DeliveryOutletId", "UpdatedAt",
    ];

    /// <summary>"Number", "CustomerId", … quoted for SQL.</summary>
    public static string List(string prefix = "") => string.Join(", ", Names.Select(n => prefix + Quote(n)));

    /// <summary>Every column but the key set from the incoming row: an upsert replaces the whole waybill.</summary>
    public static string UpdateSet() =>
        string.Join(", ", Names.Skip(1).Select(n => $"{Quote(n)} = excluded.{Quote(n)}"));

    public static string Quote(string name) => "\"" + name + "\"";

    public static readonly string[] EventNames = ["WaybillId", "At", "Place", "Description", "Status"];
}
