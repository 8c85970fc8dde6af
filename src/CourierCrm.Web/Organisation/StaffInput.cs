using System.ComponentModel.DataAnnotations;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;

namespace CourierCrm.Web.Organisation;

public sealed class StaffInput
{
    [Required, StringLength(50, MinimumLength = 3), RegularExpression("^[A-Za-z0-9._@-]+$", ErrorMessage = "may contain only letters, digits and . _ @ -")]
    public string UserName { get; set; } = "";
    [Required, StringLength(FieldLimits.PersonName)] public string DisplayName { get; set; } = "";
    public StaffRole Role { get; set; } = StaffRole.SalesRep;
    [Range(1, int.MaxValue, ErrorMessage = "choose an outlet.")] public int OutletId { get; set; }
    [StringLength(FieldLimits.Email), EmailAddress] public string? Email { get; set; }
    [StringLength(FieldLimits.Phone)] public string? PhoneNumber { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Required when creating; when editing, a new password replaces the old one.</summary>
    [StringLength(100)] public string? Password { get; set; }
}

public sealed record ApiTokenInput(string Name, StaffRole Role, DataScope Scope, int? OutletId, int? ActsAsUserId, DateTimeOffset? ExpiresAt);

public sealed record ApiTokenView(int Id, string Name, string Prefix, StaffRole Role, DataScope Scope, string? OutletName, string? ActsAsUserName,
    DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>The token in clear, shown once when issued.</summary>
public sealed record IssuedToken(int Id, string Token);

public sealed record StaffDetail(int Id, string UserName, string DisplayName, StaffRole Role, int? OutletId, string? OutletName, string? Email,
    string? PhoneNumber, bool IsActive, bool IsLockedOut, int OwnedCustomers);
