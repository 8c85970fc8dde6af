using CourierCrm.Domain.Organisation;

namespace CourierCrm.Domain.Incidents;

public enum IncidentStatus
{
    /// <summary>Opened automatically from an exception tracking event: a person confirms or dismisses it.</summary>
    Draft,
    Open,
    Closed,
    Dismissed,
}

public enum IncidentSource
{
    Complaint,
    Waybill,
    TrackingException,
}

/// <summary>
/// A service incident on one waybill (DOMAIN.md §8; issue 5 item 7): delay, damage or loss, graded by the
/// expected loss, with its reporting duties and how it is handled. Scoped like the waybill's customer.
/// </summary>
public sealed class ServiceIncident : IScopedRecord
{
    public int Id { get; set; }
    /// <summary>"SG-20261123-0001" (事故).</summary>
    public required string Number { get; set; }
    public required string WaybillNumber { get; set; }
    public int? CustomerId { get; set; }
    public int? ComplaintId { get; set; }
    public IncidentSource Source { get; set; }
    public IncidentKind Kind { get; set; }
    public IncidentStatus Status { get; set; }
    public bool Insured { get; set; }
    public long DeclaredValueFen { get; set; }
    public long FreightFen { get; set; }
    public long ExpectedLossFen { get; set; }
    public IncidentGrade Grade { get; set; }
    public IncidentResponsibility Responsibility { get; set; }
    public string? ThirdPartyName { get; set; }
    public IncidentHandling? Handling { get; set; }
    public required string Description { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public int? RecordedById { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    public int? OwnerId { get; set; }
    public int OutletId { get; set; }
    public int RegionId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One report an incident owes (outlet head, next level, head office), due by a time, done or not.</summary>
public sealed class IncidentReport
{
    public long Id { get; set; }
    public int IncidentId { get; set; }
    public ReportingLevel Level { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? ReportedAt { get; set; }
    public int? ReportedById { get; set; }
    public string? Note { get; set; }
    /// <summary>When the overdue alert went out (once).</summary>
    public DateTimeOffset? AlertedAt { get; set; }
}

public enum ClaimStatus
{
    Filed,
    Approved,
    Paid,
    Rejected,
}

/// <summary>
/// A compensation claim on an incident (issue 5 item 8): what the customer claims, what the rule allows,
/// what was approved and paid and when, and what the company recovered from a third party.
/// </summary>
public sealed class Claim
{
    public int Id { get; set; }
    public int IncidentId { get; set; }
    public ClaimStatus Status { get; set; }
    public long ClaimedFen { get; set; }
    public long ActualLossFen { get; set; }
    /// <summary>What <see cref="CompensationRule"/> allows, and the limit that decided it.</summary>
    public long RuleAmountFen { get; set; }
    public CompensationLimit RuleLimit { get; set; }
    public ApprovalLevel ApprovalRequired { get; set; }
    public long? ApprovedFen { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public int? ApprovedById { get; set; }
    public string? RejectionReason { get; set; }
    public long? PaidFen { get; set; }
    public DateOnly? PaidOn { get; set; }
    public long RecoveredFen { get; set; }
    public DateOnly? RecoveredOn { get; set; }
    public DateOnly FiledOn { get; set; }
    public DateOnly CustomerClaimBy { get; set; }
    public DateOnly? RecoveryBy { get; set; }
    public string? PaymentReference { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}
