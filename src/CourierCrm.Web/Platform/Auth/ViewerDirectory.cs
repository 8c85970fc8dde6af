using System.Linq.Expressions;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Platform.Auth;

/// <summary>
/// Reads a user's or an API token's current <see cref="Viewer"/> from the database: role, outlet,
/// region and the role's policy now, not at sign-in. Requests use it on every call, so each lookup is
/// one query; background jobs use it when they start, so a job runs with its owner's current rights.
/// </summary>
public static class ViewerDirectory
{
    /// <summary>The viewer of an active user, or null for an unknown or deactivated one.</summary>
    public static async Task<Viewer?> ForUserAsync(CrmDbContext db, int userId, CancellationToken ct)
    {
        var user = await (
                from u in db.Users.AsNoTracking()
                where u.Id == userId && u.IsActive
                join p in db.RolePolicies.AsNoTracking() on u.Role equals p.Role into policies
                from p in policies.DefaultIfEmpty()
                select new { u.Id, u.DisplayName, u.Role, u.OutletId, RegionId = db.Outlets.Where(o => o.Id == u.OutletId).Select(o => (int?)o.RegionId).FirstOrDefault(), Policy = p })
            .SingleOrDefaultAsync(ct);
        return user is null ? null : Viewer.For(user.Id, user.DisplayName, user.Role, user.OutletId, user.RegionId, user.Policy ?? RolePolicy.DefaultFor(user.Role));
    }

    /// <summary>The viewer of a live API token, or null for an unknown, revoked or expired one.</summary>
    public static async Task<Viewer?> ForTokenAsync(CrmDbContext db, int tokenId, DateTimeOffset now, CancellationToken ct) =>
        (await TokenAsync(db, t => t.Id == tokenId, now, ct))?.Viewer;

    /// <summary>A live token chosen by <paramref name="which"/> with the viewer it stands for, in one query; null when unknown, revoked or expired.</summary>
    public static async Task<(ApiToken Token, Viewer Viewer)?> TokenAsync(CrmDbContext db, Expression<Func<ApiToken, bool>> which, DateTimeOffset now, CancellationToken ct)
    {
        var row = await (
                from t in db.ApiTokens.AsNoTracking().Where(which)
                join p in db.RolePolicies.AsNoTracking() on t.Role equals p.Role into policies
                from p in policies.DefaultIfEmpty()
                select new { Token = t, Policy = p, RegionId = db.Outlets.Where(o => o.Id == t.OutletId).Select(o => (int?)o.RegionId).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var token = row.Token;
        if (token.RevokedAt is not null || (token.ExpiresAt is { } exp && exp <= now)) return null;
        var policy = row.Policy ?? RolePolicy.DefaultFor(token.Role);
        // The token carries its own scope; the role's policy supplies the rights.
        var tokenPolicy = new RolePolicy
        {
            Role = token.Role, Scope = token.Scope, CanViewPersonalData = policy.CanViewPersonalData, CanRevealPersonalData = policy.CanRevealPersonalData,
            CanEditCustomers = policy.CanEditCustomers, CanTransferCustomers = policy.CanTransferCustomers, CanExport = policy.CanExport,
        };
        return (token, Viewer.For(token.ActsAsUserId, "API: " + token.Name, token.Role, token.OutletId, row.RegionId, tokenPolicy));
    }
}
