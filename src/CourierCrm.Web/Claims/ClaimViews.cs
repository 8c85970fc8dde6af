using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Incidents;

namespace CourierCrm.Web.Claims;

/// <summary>One claim in the list and on the incident page. Amounts in yuan.</summary>
public sealed record ClaimListItem(
    int Id, int IncidentId, string IncidentNumber, string WaybillNumber, IncidentKind Kind, int? CustomerId, string? CustomerName,
    ClaimStatus Status, decimal Claimed, decimal RuleAmount, decimal? Approved, decimal? Paid, decimal Recovered,
    DateOnly FiledOn, DateOnly CustomerClaimBy, DateOnly? RecoveryBy);

/// <summary>Sums over every claim the filter matches (not only the page shown).</summary>
public sealed record ClaimTotals(int Count, decimal Claimed, decimal Approved, decimal Paid, decimal Recovered);

public sealed record ClaimList(IReadOnlyList<ClaimListItem> Items, int Total, int Page, int PageSize, ClaimTotals Totals);

/// <summary>The incident's claims, for the incident page; null when the incident is out of reach.</summary>
public sealed record IncidentClaimList(IncidentStatus IncidentStatus, bool MayFile, IReadOnlyList<ClaimListItem> Claims);

/// <summary>How the rule amount came about: the facts it used and the limit that decided it.</summary>
/// <param name="Cap">Insured: the declared value; uninsured: the freight times the multiple.</param>
public sealed record ClaimRuleView(bool Insured, decimal DeclaredValue, decimal Freight, decimal FreightMultiple, decimal Cap, CompensationLimit LimitedBy);

/// <param name="DaysLeft">Calendar days to the deadline (negative once past); null when it no longer matters.</param>
public sealed record ClaimDeadlineView(DateOnly Day, int? DaysLeft);

/// <param name="Step">What was done (null: the filing); <paramref name="Amount"/> the amount it named, as "¥500.00".</param>
public sealed record ClaimHistoryEntry(DateTimeOffset At, AuditAction Action, ClaimAction? Step, string? Amount, string ActorName, string? Change);

/// <param name="AllowedActions">What the viewer may do now (status and rights together): the page's buttons.</param>
public sealed record ClaimDetail(
    int Id, int Version, int IncidentId, string IncidentNumber, string WaybillNumber, IncidentKind Kind,
    IncidentResponsibility Responsibility, string? ThirdPartyName, int? CustomerId, string? CustomerName,
    ClaimStatus Status, decimal Claimed, decimal ActualLoss, decimal RuleAmount, ClaimRuleView Rule, ApprovalLevel ApprovalRequired,
    decimal? Approved, DateTimeOffset? ApprovedAt, string? ApprovedByName, string? RejectionReason,
    decimal? Paid, DateOnly? PaidOn, string? PaymentReference, decimal Recovered, DateOnly? RecoveredOn,
    DateOnly FiledOn, string? FiledByName, ClaimDeadlineView CustomerClaimBy, ClaimDeadlineView? RecoveryBy, string? Note,
    IReadOnlyList<ClaimHistoryEntry> History, IReadOnlyList<ClaimAction> AllowedActions);

/// <summary>What filing answers.</summary>
public sealed record FiledClaim(int Id);
