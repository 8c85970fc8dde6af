using CourierCrm.Domain.Organisation;
using Microsoft.AspNetCore.Identity;

namespace CourierCrm.Web.Platform.Auth;

/// <summary>A member of staff who signs in. Belongs to one outlet and has one role.</summary>
public sealed class CrmUser : IdentityUser<int>
{
    public required string DisplayName { get; set; }
    public StaffRole Role { get; set; }
    public int? OutletId { get; set; }
    /// <summary>False once the person has left: they cannot sign in and their customers need a new owner.</summary>
    public bool IsActive { get; set; } = true;
    /// <summary>zh-CN or en; null follows the browser.</summary>
    public string? PreferredCulture { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
