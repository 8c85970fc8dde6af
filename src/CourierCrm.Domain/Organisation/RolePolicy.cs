namespace CourierCrm.Domain.Organisation;

/// <summary>
/// What a role may do with customer data. One row per role, editable by administrators;
/// <see cref="Defaults"/> holds the shipped values (issue 2 §4).
/// </summary>
public sealed class RolePolicy
{
    public StaffRole Role { get; set; }
    public DataScope Scope { get; set; }
    /// <summary>Sees phone numbers, addresses and personal names unmasked.</summary>
    public bool CanViewPersonalData { get; set; }
    /// <summary>May reveal masked personal data of a customer in scope, one audited action at a time.</summary>
    public bool CanRevealPersonalData { get; set; }
    /// <summary>Creates and edits customers in scope.</summary>
    public bool CanEditCustomers { get; set; }
    /// <summary>Moves customers from one owner to another.</summary>
    public bool CanTransferCustomers { get; set; }
    /// <summary>Exports customer lists.</summary>
    public bool CanExport { get; set; }

    public static IReadOnlyList<RolePolicy> Defaults { get; } =
    [
        new() { Role = StaffRole.Administrator, Scope = DataScope.All, CanViewPersonalData = true, CanEditCustomers = true, CanTransferCustomers = true, CanExport = true },
        new() { Role = StaffRole.Manager, Scope = DataScope.Region, CanViewPersonalData = true, CanEditCustomers = true, CanTransferCustomers = true, CanExport = true },
        new() { Role = StaffRole.CustomerServiceAgent, Scope = DataScope.Outlet, CanViewPersonalData = false, CanRevealPersonalData = true, CanEditCustomers = true },
        new() { Role = StaffRole.ComplaintHandler, Scope = DataScope.Outlet, CanViewPersonalData = false, CanRevealPersonalData = true, CanEditCustomers = false },
        new() { Role = StaffRole.SalesRep, Scope = DataScope.Own, CanViewPersonalData = true, CanEditCustomers = true },
        new() { Role = StaffRole.KeyAccountManager, Scope = DataScope.Own, CanViewPersonalData = true, CanEditCustomers = true },
        new() { Role = StaffRole.Reception, Scope = DataScope.Outlet, CanViewPersonalData = false, CanRevealPersonalData = true, CanEditCustomers = false },
        new() { Role = StaffRole.Analyst, Scope = DataScope.All, CanViewPersonalData = false, CanEditCustomers = false, CanExport = true },
    ];

    public static RolePolicy DefaultFor(StaffRole role) => Defaults.Single(p => p.Role == role);
}
