using CourierCrm.Domain.Shipments;

namespace CourierCrm.Web.Shipments;

/// <summary>Filters and page of the waybill list (query string of GET /api/v1/waybills).</summary>
public sealed class WaybillListQuery
{
    /// <summary>First day of the period, on the order date (China time), inclusive.</summary>
    public DateOnly? From { get; set; }
    /// <summary>Last day of the period, inclusive.</summary>
    public DateOnly? To { get; set; }
    public WaybillStatus? Status { get; set; }
    public Product? Product { get; set; }
    public int? PickupOutletId { get; set; }
    public int? CustomerId { get; set; }
    /// <summary>Only waybills not matched to a customer yet.</summary>
    public bool? Unmatched { get; set; }
    /// <summary>Waybill number or its beginning.</summary>
    public string? Number { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
}

/// <summary>A row of the waybill list, personal data masked for the viewer.</summary>
public sealed record WaybillListItem
{
    public required string Number { get; init; }
    public int? CustomerId { get; init; }
    public string? CustomerCode { get; init; }
    public string? CustomerName { get; init; }
    /// <summary>The customer code or account number the operations system sent, for matching.</summary>
    public string? SentCustomerCode { get; init; }
    public string? MonthlyAccountNo { get; init; }
    public required Product Product { get; init; }
    public required WaybillStatus Status { get; init; }
    public string? SenderName { get; init; }
    public string? SenderPhone { get; init; }
    public string? SenderAddress { get; init; }
    public string? ReceiverName { get; init; }
    public string? ReceiverPhone { get; init; }
    public string? ReceiverAddress { get; init; }
    public required string OriginCity { get; init; }
    public required string DestinationCity { get; init; }
    public int Pieces { get; init; }
    public decimal WeightKg { get; init; }
    /// <summary>Freight in yuan.</summary>
    public decimal Freight { get; init; }
    public DateTimeOffset OrderedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public int? PickupOutletId { get; init; }
    public string? PickupOutletName { get; init; }
    public bool IsMasked { get; init; }
}

/// <summary>One waybill with all its fields and tracking events (oldest first), masked for the viewer.</summary>
public sealed record WaybillDetail
{
    public required WaybillListItem Summary { get; init; }
    public Payer Payer { get; init; }
    public bool Insured { get; init; }
    public decimal? DeclaredValue { get; init; }
    public decimal? InsuranceFee { get; init; }
    public decimal? CodAmount { get; init; }
    public DateTimeOffset? PickedUpAt { get; init; }
    public DateTimeOffset? PromisedAt { get; init; }
    public int? DeliveryOutletId { get; init; }
    public string? DeliveryOutletName { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public required IReadOnlyList<TrackingEventView> Events { get; init; }
}

public sealed record TrackingEventView(DateTimeOffset At, string Place, string Description, WaybillStatus? Status);

/// <summary>A customer's shipping on the 360 page: 24 months of volume and revenue, product mix, latest waybills.</summary>
public sealed record CustomerShipping(
    IReadOnlyList<MonthlyShipping> Months,
    IReadOnlyList<ProductShare> Products,
    IReadOnlyList<WaybillListItem> Recent,
    int Total)
{
    public bool IsEmpty => Total == 0;
}

/// <summary>One calendar month (China time): waybills ordered and freight in fen.</summary>
public sealed record MonthlyShipping(int Year, int Month, int Waybills, long FreightFen);

public sealed record ProductShare(Product Product, int Waybills);
