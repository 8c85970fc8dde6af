namespace CourierCrm.Web.Organisation;

public sealed record RegionView(int Id, string Code, string Name, int OutletCount);

public sealed record OutletView(int Id, string Code, string Name, int RegionId, string RegionName, string? Address, string? Phone, string? HeadName, bool IsActive, int StaffCount, int CustomerCount);

/// <summary>A member of staff as others see them (pickers, owner columns).</summary>
public sealed record StaffView(int Id, string UserName, string DisplayName, CourierCrm.Domain.Organisation.StaffRole Role, int? OutletId, string? OutletName, bool IsActive);
