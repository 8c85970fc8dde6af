namespace CourierCrm.Domain.Audit;

/// <summary>What happened, in the audit log's words (DESIGN.md "Data scopes and privacy").</summary>
public enum AuditAction
{
    Create,
    Update,
    Delete,
    Reveal,
    Export,
    Import,
    Transfer,
    LoginSucceeded,
    LoginFailed,
    Logout,
    PermissionChange,
    TokenIssued,
    TokenRevoked,
}

/// <summary>An append-only audit row. Never updated, never deleted.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public AuditAction Action { get; set; }
    public int? ActorId { get; set; }
    public required string ActorName { get; set; }
    /// <summary>What kind of thing was touched: "Customer", "User", "Outlet", "RolePolicy"...</summary>
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Summary { get; set; }
    /// <summary>JSON of the changed fields before the change, if any.</summary>
    public string? Before { get; set; }
    /// <summary>JSON of the changed fields after the change, if any.</summary>
    public string? After { get; set; }
    public string? IpAddress { get; set; }
}
