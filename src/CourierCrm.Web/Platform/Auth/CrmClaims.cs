using System.Globalization;
using System.Security.Claims;
using CourierCrm.Domain.Organisation;

namespace CourierCrm.Web.Platform.Auth;

/// <summary>
/// Claims that carry a principal's current role, outlet and rights. They are added on every
/// request from the database (<see cref="ViewerClaimsTransformation"/>), so a role or scope
/// change by an administrator takes effect at the next request, not the next login.
/// </summary>
public static class CrmClaims
{
    public const string AuthenticationType = "CourierCrm";
    public const string TokenId = "crm:token";
    public const string Role = ClaimTypes.Role;
    public const string Outlet = "crm:outlet";
    public const string Region = "crm:region";
    public const string Scope = "crm:scope";
    public const string PersonalData = "crm:pii";
    public const string RevealPersonalData = "crm:reveal";
    public const string EditCustomers = "crm:edit";
    public const string TransferCustomers = "crm:transfer";
    public const string Export = "crm:export";
    public const string ActsAsUser = "crm:user";

    public static ClaimsIdentity ToIdentity(Viewer viewer)
    {
        var claims = new List<Claim>
        {
            new(Role, viewer.Role.ToString()),
            new(Scope, viewer.Scope.ToString()),
            new(ClaimTypes.Name, viewer.Name),
        };
        if (viewer.UserId is int user) claims.Add(new(ActsAsUser, user.ToString(CultureInfo.InvariantCulture)));
        if (viewer.OutletId is int outlet) claims.Add(new(Outlet, outlet.ToString(CultureInfo.InvariantCulture)));
        if (viewer.RegionId is int region) claims.Add(new(Region, region.ToString(CultureInfo.InvariantCulture)));
        if (viewer.CanViewPersonalData) claims.Add(new(PersonalData, "1"));
        if (viewer.CanRevealPersonalData) claims.Add(new(RevealPersonalData, "1"));
        if (viewer.CanEditCustomers) claims.Add(new(EditCustomers, "1"));
        if (viewer.CanTransferCustomers) claims.Add(new(TransferCustomers, "1"));
        if (viewer.CanExport) claims.Add(new(Export, "1"));
        return new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, Role);
    }

    /// <summary>The viewer a principal stands for, or null when it was not resolved (signed out, departed, revoked).</summary>
    public static Viewer? ToViewer(ClaimsPrincipal principal)
    {
        var identity = principal.Identities.FirstOrDefault(i => i.AuthenticationType == AuthenticationType);
        if (identity is null) return null;
        string? Get(string type) => identity.FindFirst(type)?.Value;
        int? Int(string type) => int.TryParse(Get(type), CultureInfo.InvariantCulture, out var v) ? v : null;
        return new Viewer(
            Int(ActsAsUser),
            Get(ClaimTypes.Name) ?? "",
            Enum.Parse<StaffRole>(Get(Role)!),
            Int(Outlet),
            Int(Region),
            Enum.Parse<DataScope>(Get(Scope)!),
            Get(PersonalData) is not null,
            Get(RevealPersonalData) is not null,
            Get(EditCustomers) is not null,
            Get(TransferCustomers) is not null,
            Get(Export) is not null);
    }

    public static Viewer RequireViewer(this ClaimsPrincipal principal) =>
        ToViewer(principal) ?? throw new InvalidOperationException("The request reached a protected path without a resolved viewer.");
}
