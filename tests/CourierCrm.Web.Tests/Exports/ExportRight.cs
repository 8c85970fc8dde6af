using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Organisation;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Tests.Infrastructure;

namespace CourierCrm.Web.Tests.Exports;

/// <summary>
/// Gives a role the export right through the administrators' own role-policy service and takes it
/// back on dispose. Tests of one database run one after another, so no other test sees the change.
/// </summary>
public sealed class ExportRight : IAsyncDisposable
{
    private readonly CrmWebFactory _factory;
    private readonly RolePolicy _before;

    private ExportRight(CrmWebFactory factory, RolePolicy before)
    {
        _factory = factory;
        _before = before;
    }

    public static async Task<ExportRight> GrantAsync(CrmWebFactory factory, StaffRole role)
    {
        var policies = await factory.WithScopeAsync<StaffAdministration, IReadOnlyList<RolePolicy>>(s => s.PoliciesAsync(CancellationToken.None));
        var before = policies.Single(p => p.Role == role);
        await SaveAsync(factory, Copy(before, canExport: true));
        return new ExportRight(factory, before);
    }

    public async ValueTask DisposeAsync() => await SaveAsync(_factory, Copy(_before, _before.CanExport));

    private static async Task SaveAsync(CrmWebFactory factory, RolePolicy policy)
    {
        var admin = await factory.ViewerAsync("admin");
        var result = await factory.WithScopeAsync<StaffAdministration, CommandResult<StaffRole>>(s => s.SavePolicyAsync(admin, policy, CancellationToken.None));
        Assert.True(result.Succeeded, $"Saving the {policy.Role} policy failed: {result.Status} {result.Message}");
    }

    private static RolePolicy Copy(RolePolicy p, bool canExport) => new()
    {
        Role = p.Role, Scope = p.Scope, CanViewPersonalData = p.CanViewPersonalData, CanRevealPersonalData = p.CanRevealPersonalData,
        CanEditCustomers = p.CanEditCustomers, CanTransferCustomers = p.CanTransferCustomers, CanExport = canExport,
    };
}
