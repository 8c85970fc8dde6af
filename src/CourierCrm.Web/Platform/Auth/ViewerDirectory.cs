using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Platform.Auth;

/// <summary>
/// Reads a user's or an API token's current <see cref="Viewer"/> from the database: role, outlet,
/// region and the role's policy now, not at sign-in. Requests use it on every call; background jobs
/// use it when they start, so a job runs with its owner's current rights.
/// </summary>
public static class ViewerDirectory
{
    /// <summary>The viewer of an active user, or null for an unknown or deactivated one.</summary>
    public static async Task<Viewer?> ForUserAsync(CrmDbContext db, int userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.Role, u.OutletId, RegionId = db.Outlets.Where(o => o.Id == u.OutletId).Select(o => (int?)o.RegionId).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (user is null) return null;
        var policy = await db.RolePolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Role == user.Role, ct) ?? RolePolicy.DefaultFor(user.Role);
        return Viewer.For(user.Id, user.DisplayName, user.Role, user.OutletId, user.RegionId, policy);
    }

    /// <summary>The viewer of a live API token, or null for an unknown, revoked or expired one.</summary>
    public static async Task<Viewer?> ForTokenAsync(CrmDbContext db, int tokenId, DateTimeOffset now, CancellationToken ct)
    {
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tokenId, ct);
        if (token is null || token.RevokedAt is not null || (token.ExpiresAt is { } exp && exp <= now)) return null;
        var policy = await db.RolePolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Role == token.Role, ct) ?? RolePolicy.DefaultFor(token.Role);
        var region = token.OutletId is int o ? await db.Outlets.Where(x => x.Id == o).Select(x => (int?)x.RegionId).SingleOrDefaultAsync(ct) : null;
        // The token carries its own scope; the role's policy supplies the rights.
        var tokenPolicy = new RolePolicy
        {
            Role = token.Role, Scope = token.Scope, CanViewPersonalData = policy.CanViewPersonalData, CanRevealPersonalData = policy.CanRevealPersonalData,
            CanEditCustomers = policy.CanEditCustomers, CanTransferCustomers = policy.CanTransferCustomers, CanExport = policy.CanExport,
        };
        return Viewer.For(token.ActsAsUserId, "API: " + token.Name, token.Role, token.OutletId, region, tokenPolicy);
    }
}
