using System.Globalization;
using System.Security.Claims;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Platform.Auth;

namespace CourierCrm.Web.Platform.Jobs;

/// <summary>Who a job belongs to: a signed-in user, or an API token that does not act as a user.</summary>
public sealed record JobOwner(string Key, int? UserId, string Name, Viewer Viewer)
{
    public static JobOwner From(ClaimsPrincipal principal)
    {
        var viewer = principal.RequireViewer();
        if (viewer.UserId is int user) return new($"user:{user.ToString(CultureInfo.InvariantCulture)}", user, viewer.Name, viewer);
        var token = principal.FindFirstValue(CrmClaims.TokenId)
            ?? throw new InvalidOperationException("A viewer without a user must come from an API token.");
        return new($"token:{token}", null, viewer.Name, viewer);
    }

    /// <summary>The owner may see and cancel the job; administrators may see every job.</summary>
    public bool MaySee(string ownerKey) => Viewer.IsAdministrator || Key == ownerKey;
}
