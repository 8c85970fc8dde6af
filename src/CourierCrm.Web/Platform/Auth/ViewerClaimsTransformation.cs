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
    private static readonly object ResolvedKey = new();

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || CrmClaims.ToViewer(principal) is not null || IsStaticAsset(http.HttpContext?.Request.Path))
            return principal;
        // Authentication may run several times in one request (the policy scheme, authorization); read the viewer once.
        var items = http.HttpContext?.Items;
        Viewer? viewer;
        if (items is not null && items.TryGetValue(ResolvedKey, out var resolved)) viewer = (Viewer?)resolved;
        else
        {
            viewer = await ResolveAsync(principal);
            if (items is not null) items[ResolvedKey] = viewer;
        }
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
            return await ViewerDirectory.ForTokenAsync(db, tokenId, clock.GetUtcNow(), CancellationToken.None);
        return int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var userId)
            ? await ViewerDirectory.ForUserAsync(db, userId, CancellationToken.None)
            : null;
    }
}
