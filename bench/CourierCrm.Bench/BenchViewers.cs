using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Bench;

/// <summary>The viewers benchmarks act as: demo users by their login, read the way a request reads them.</summary>
internal static class BenchViewers
{
    public static async Task<Viewer> UserAsync(IDbContextFactory<CrmDbContext> dbFactory, string userName)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var normalized = userName.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
            .Select(u => new { u.Id, u.DisplayName, u.Role, u.OutletId, RegionId = db.Outlets.Where(o => o.Id == u.OutletId).Select(o => (int?)o.RegionId).FirstOrDefault() })
            .SingleOrDefaultAsync() ?? throw new InvalidOperationException($"No user {userName} in the benchmark database (demo data expected).");
        return Viewer.For(user.Id, user.DisplayName, user.Role, user.OutletId, user.RegionId, await PolicyAsync(db, user.Role));
    }

    /// <summary>The viewer an API token with <paramref name="role"/> and <paramref name="scope"/> gives a request.</summary>
    public static async Task<Viewer> TokenAsync(IDbContextFactory<CrmDbContext> dbFactory, string name, StaffRole role, DataScope scope, int? outletId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var policy = await PolicyAsync(db, role);
        var region = outletId is int o ? await db.Outlets.Where(x => x.Id == o).Select(x => (int?)x.RegionId).SingleAsync() : null;
        var tokenPolicy = new RolePolicy
        {
            Role = role, Scope = scope, CanViewPersonalData = policy.CanViewPersonalData, CanRevealPersonalData = policy.CanRevealPersonalData,
            CanEditCustomers = policy.CanEditCustomers, CanTransferCustomers = policy.CanTransferCustomers, CanExport = policy.CanExport,
        };
        return Viewer.For(null, "API: " + name, role, outletId, region, tokenPolicy);
    }

    private static async Task<RolePolicy> PolicyAsync(CrmDbContext db, StaffRole role) =>
        await db.RolePolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Role == role) ?? RolePolicy.DefaultFor(role);
}
