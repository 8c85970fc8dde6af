using CourierCrm.Domain.Organisation;

namespace CourierCrm.Domain.Tests.Builders;

/// <summary>The smallest thing data scopes apply to: an owner, an outlet and a region.</summary>
public sealed record ScopedRecord(int? OwnerId, int OutletId, int RegionId) : IScopedRecord;
