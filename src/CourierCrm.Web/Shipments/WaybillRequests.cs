using CourierCrm.Domain.Shipments;

namespace CourierCrm.Web.Shipments;

/// <summary>Body of POST /api/v1/waybills: a batch of waybills from the operations system.</summary>
public sealed record WaybillPushRequest(List<WaybillPushItem?>? Waybills);

/// <summary>
/// One waybill as the operations system sends it: money in yuan and weight in kilograms as people
/// write them (the records keep fen and grams), outlets by their codes, the customer by code or
/// monthly account number. Enums are nullable so a missing one is reported by name.
/// </summary>
public sealed record WaybillPushItem
{
    public string? Number { get; init; }
    public string? CustomerCode { get; init; }
    public string? MonthlyAccountNo { get; init; }
    public Product? Product { get; init; }
    public string? SenderName { get; init; }
    public string? SenderPhone { get; init; }
    public string? SenderAddress { get; init; }
    public string? ReceiverName { get; init; }
    public string? ReceiverPhone { get; init; }
    public string? ReceiverAddress { get; init; }
    public string? OriginCity { get; init; }
    public string? DestinationCity { get; init; }
    public int? Pieces { get; init; }
    public decimal? WeightKg { get; init; }
    public decimal? Freight { get; init; }
    public bool Insured { get; init; }
    public decimal? DeclaredValue { get; init; }
    public decimal? InsuranceFee { get; init; }
    public decimal? CodAmount { get; init; }
    public Payer? Payer { get; init; }
    public WaybillStatus? Status { get; init; }
    public DateTimeOffset? OrderedAt { get; init; }
    public DateTimeOffset? PickedUpAt { get; init; }
    public DateTimeOffset? PromisedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public string? PickupOutletCode { get; init; }
    public string? DeliveryOutletCode { get; init; }
}

/// <summary>What a push did: new waybills, updated ones, and how many of the batch still have no customer.</summary>
public sealed record WaybillPushCounts(int Created, int Updated, int Unmatched);

/// <summary>Body of POST /api/v1/waybills/{number}/events.</summary>
public sealed record TrackingEventsRequest(List<TrackingEventItem?>? Events);

public sealed record TrackingEventItem(DateTimeOffset? At, string? Place, string? Description, WaybillStatus? Status);

/// <summary>What an events push did, and the waybill's status after it.</summary>
public sealed record TrackingEventsResult(int Added, int Skipped, WaybillStatus Status);

/// <summary>Body of PUT /api/v1/waybills/{number}/customer.</summary>
public sealed record MatchCustomerRequest(int? CustomerId);
