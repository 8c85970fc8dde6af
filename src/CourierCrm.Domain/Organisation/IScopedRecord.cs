namespace CourierCrm.Domain.Organisation;

/// <summary>A record that belongs to a customer's owner, outlet and region, and so falls under data scopes.</summary>
public interface IScopedRecord
{
    int? OwnerId { get; }
    int OutletId { get; }
    int RegionId { get; }
}
