namespace CourierCrm.Domain.Organisation;

/// <summary>
/// Who is looking at customer data, with the reach and rights their role gives them:
/// a signed-in user or an integration's API token.
/// </summary>
public sealed record Viewer(
    int? UserId,
    string Name,
    StaffRole Role,
    int? OutletId,
    int? RegionId,
    DataScope Scope,
    bool CanViewPersonalData,
    bool CanRevealPersonalData,
    bool CanEditCustomers,
    bool CanTransferCustomers,
    bool CanExport)
{
    public bool IsAdministrator => Role == StaffRole.Administrator;
    public bool IsReadOnly => Role == StaffRole.Analyst;

    public static Viewer For(int? userId, string name, StaffRole role, int? outletId, int? regionId, RolePolicy policy) =>
        new(userId, name, role, outletId, regionId, policy.Scope, policy.CanViewPersonalData,
            policy.CanViewPersonalData || policy.CanRevealPersonalData,
            policy.CanEditCustomers && role != StaffRole.Analyst,
            policy.CanTransferCustomers && role != StaffRole.Analyst,
            policy.CanExport);
}
