using System.Globalization;
using System.Security.Claims;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Platform.Auth;

/// <summary>
/// Turns an authenticated user or API token into a <see cref="Viewer"/> read fresh from the
/// database: current role, outlet, region and the role's policy. A departed user or a revoked
/// token gets no viewer claims, and every protected endpoint then refuses it.
/// </summary>
public sealed class ViewerClaimsTransformation(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock, IHttpContextAccessor http) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || CrmClaims.ToViewer(principal) is not null || IsStaticAsset(http.HttpContext?.Request.Path))
            return principal;
        var viewer = await ResolveAsync(principal);
        if (viewer is null) return principal;
        var result = principal.Clone();
        result.AddIdentity(CrmClaims.ToIdentity(viewer));
        return result;
    }

    /// <summary>Scripts, styles and images need no viewer; skipping them saves two queries per file.</summary>
    private static bool IsStaticAsset(PathString? path) =>
        path is { HasValue: true } p
        && (p.StartsWithSegments("/_framework") || p.StartsWithSegments("/_content") || Path.HasExtension(p.Value));

    private async Task<Viewer?> ResolveAsync(ClaimsPrincipal principal)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (int.TryParse(principal.FindFirstValue(CrmClaims.TokenId), CultureInfo.InvariantCulture, out var tokenId))
        {
            var now = clock.GetUtcNow();
            var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tokenId);
            if (token is null || token.RevokedAt is not null || (token.ExpiresAt is { } exp && exp <= now)) return null;
            var policy = await db.RolePolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Role == token.Role) ?? RolePolicy.DefaultFor(token.Role);
            var region = token.OutletId is int o ? await db.Outlets.Where(x => x.Id == o).Select(x => (int?)x.RegionId).SingleOrDefaultAsync() : null;
            // The token carries its own scope; the role's policy supplies the rights.
            var tokenPolicy = new RolePolicy
            {
                Role = token.Role, Scope = token.Scope, CanViewPersonalData = policy.CanViewPersonalData, CanRevealPersonalData = policy.CanRevealPersonalData,
                CanEditCustomers = policy.CanEditCustomers, CanTransferCustomers = policy.CanTransferCustomers, CanExport = policy.CanExport,
            };
            return Viewer.For(token.ActsAsUserId, "API: " + token.Name, token.Role, token.OutletId, region, tokenPolicy);
        }

        if (!int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var userId))
            return null;
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.Role, u.OutletId, RegionId = db.Outlets.Where(o => o.Id == u.OutletId).Select(o => (int?)o.RegionId).FirstOrDefault() })
            .SingleOrDefaultAsync();
        if (user is null) return null;
        var userPolicy = await db.RolePolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Role == user.Role) ?? RolePolicy.DefaultFor(user.Role);
        return Viewer.For(user.Id, user.DisplayName, user.Role, user.OutletId, user.RegionId, userPolicy);
    }
}
