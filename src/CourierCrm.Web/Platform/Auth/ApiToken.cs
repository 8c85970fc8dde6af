using CourierCrm.Domain.Organisation;

namespace CourierCrm.Web.Platform.Auth;

/// <summary>
/// A credential an administrator issues to an integration (operations system, call centre).
/// It carries a role, a scope and an outlet exactly like a user; only its hash is stored.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>First characters of the token, shown so people can tell tokens apart.</summary>
    public required string Prefix { get; set; }
    /// <summary>SHA-256 of the whole token, hex.</summary>
    public required string Hash { get; set; }
    public StaffRole Role { get; set; }
    public DataScope Scope { get; set; }
    public int? OutletId { get; set; }
    /// <summary>The user whose customers an own-scope token reads; null for other scopes.</summary>
    public int? ActsAsUserId { get; set; }
    public int? IssuedById { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
