using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Incidents;

namespace CourierCrm.Web.Complaints;

/// <summary>A service-level clock as the lists and the page show it.</summary>
public sealed record ServiceLevelView(ServiceLevelState State, DateTimeOffset? WarnAt, DateTimeOffset? DueAt, double UsedHours, double TargetHours);

/// <param name="ResolutionState">The resolution clock's state from the stored deadlines (the detail reads the exact clock).</param>
public sealed record ComplaintListItem(
    int Id, string Number, int? CustomerId, string? CustomerCode, string? CustomerName, string? CallerPhone,
    ComplaintChannel Channel, ComplaintCategory Category, ComplaintPriority Priority, ComplaintStage Stage, int Step,
    bool WaitingForCustomer, int EscalationLevel, string? HandlerName, DateTimeOffset RecordedAt,
    DateTimeOffset? ResolutionDueAt, DateTimeOffset? ClosedAt,
    DateTimeOffset? ResolutionWarnAt = null, ServiceLevelState ResolutionState = ServiceLevelState.OnTrack);

public sealed record ComplaintStepView(
    DateTimeOffset At, ComplaintAction? Action, int? Step, ComplaintStage FromStage, ComplaintStage ToStage,
    string ActorName, string? Note, string? DataJson);

/// <param name="AllowedActions">What the viewer may do now (workflow and rights together): the page's buttons.</param>
public sealed record ComplaintDetail(
    int Id, string Number, int Version, int? CustomerId, string? CustomerCode, string? CustomerName,
    string? CallerPhone, string? CallerName, ComplaintChannel Channel, ComplaintCategory Category, ComplaintGroup Group,
    ComplaintPriority Priority, string Description, string? Demand, IReadOnlyList<string> WaybillNumbers,
    string FirstContactOwnerName, DateTimeOffset RecordedAt,
    ComplaintStage Stage, int Step, bool WaitingForCustomer, int EscalationLevel,
    string? DeclineReason, int? HandlingOutletId, string? HandlingOutletName, int? HandlerId, string? HandlerName,
    string? Cause, ResponsibleParty Responsibility, string? ResponsibleDetail,
    RemedyKind? Remedy, string? RemedyDetail, decimal RemedyAmount, int? RemedyPoints, ApprovalLevel? ApprovalRequired,
    DateTimeOffset? ApprovedAt, DateTimeOffset? CarriedOutAt, CustomerSatisfaction? FeedbackAtClose,
    string? Summary, string? Lesson, string? CorrectiveAction, DateTimeOffset? ClosedAt,
    ServiceLevelView FirstResponse, ServiceLevelView Resolution,
    IReadOnlyList<ComplaintStepView> Steps, IReadOnlyList<ComplaintAction> AllowedActions);

/// <summary>What recording a complaint answers.</summary>
public sealed record RecordedComplaint(int Id, string Number, ComplaintPriority Priority, DateTimeOffset? FirstResponseDueAt, DateTimeOffset? ResolutionDueAt);

/// <summary>A member of staff a complaint can be handed to (the assign, reassign and escalate pickers).</summary>
public sealed record ComplaintHandlerOption(int Id, string Name, Domain.Organisation.StaffRole Role, int OutletId, string OutletName);
