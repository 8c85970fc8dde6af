namespace CourierCrm.Domain.Shipments;

/// <summary>
/// A waybill (运单): one shipment sent by a customer. Money is kept in fen (分, 1/100 yuan) and
/// weight in grams, as whole numbers, so sums over millions of rows are exact and fast in SQL.
/// </summary>
public sealed class Waybill
{
    public long Id { get; set; }
    /// <summary>The waybill number (运单号), unique; the natural key of imports and the push API.</summary>
    public required string Number { get; set; }
    /// <summary>The sending customer; null while the sender is not matched to the archive.</summary>
    public int? CustomerId { get; set; }
    /// <summary>Customer code as the operations system sent it, kept for matching later.</summary>
    public string? CustomerCode { get; set; }
    public string? MonthlyAccountNo { get; set; }
    public Product Product { get; set; }

    public string? SenderName { get; set; }
    public string? SenderPhone { get; set; }
    public string? SenderAddress { get; set; }
    public string? ReceiverName { get; set; }
    public string? ReceiverPhone { get; set; }
    public string? ReceiverAddress { get; set; }
    public required string OriginCity { get; set; }
    public required string DestinationCity { get; set; }

    public int Pieces { get; set; } = 1;
    public long WeightGrams { get; set; }
    public long FreightFen { get; set; }
    /// <summary>Insured delivery (保价): declared value and fee.</summary>
    public bool Insured { get; set; }
    public long? DeclaredValueFen { get; set; }
    public long? InsuranceFeeFen { get; set; }
    /// <summary>Cash on delivery (代收货款) amount.</summary>
    public long? CodAmountFen { get; set; }
    public Payer Payer { get; set; }
    public WaybillStatus Status { get; set; }

    public DateTimeOffset OrderedAt { get; set; }
    public DateTimeOffset? PickedUpAt { get; set; }
    public DateTimeOffset? PromisedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public int? PickupOutletId { get; set; }
    public int? DeliveryOutletId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<TrackingEvent> Events { get; set; } = [];
}

/// <summary>One scan or status report on a waybill's way.</summary>
public sealed class TrackingEvent
{
    public long Id { get; set; }
    public long WaybillId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Place { get; set; }
    public required string Description { get; set; }
    /// <summary>The status the event moves the waybill to, if it reports one.</summary>
    public WaybillStatus? Status { get; set; }
}
