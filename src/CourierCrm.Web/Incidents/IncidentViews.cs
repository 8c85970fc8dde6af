using CourierCrm.Domain.Incidents;

namespace CourierCrm.Web.Incidents;

/// <summary>A report the incident owes, as recording answers it.</summary>
public sealed record ReportDue(ReportingLevel Level, DateTimeOffset DueAt);

/// <summary>What recording an incident answers.</summary>
public sealed record RecordedIncident(int Id, string Number, IncidentStatus Status, IncidentGrade Grade, IReadOnlyList<ReportDue> Reports);

/// <summary>How a report stands: made, still in time, or overdue.</summary>
public enum ReportState { Due, Overdue, Reported, ReportedLate }

public sealed record IncidentListItem(
    int Id, string Number, string WaybillNumber, int? CustomerId, string? CustomerCode, string? CustomerName,
    IncidentSource Source, IncidentKind Kind, IncidentStatus Status, IncidentGrade Grade, decimal ExpectedLoss,
    string OutletName, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, int OverdueReports, DateTimeOffset? NextReportDueAt);

public sealed record IncidentReportView(
    ReportingLevel Level, DateTimeOffset DueAt, ReportState State, DateTimeOffset? ReportedAt, string? ReportedByName,
    string? Note, DateTimeOffset? AlertedAt);

/// <summary>What a history entry records; the pages name it in the reader's language.</summary>
public enum IncidentEvent { Recorded, Drafted, Changed, Regraded, Confirmed, Dismissed, Closed, Reported }

/// <summary>
/// One change in an incident's history (from the audit log: who, when, what). Detail: the new grade (Regraded),
/// the level (Reported), the reason (Dismissed).
/// </summary>
public sealed record IncidentHistoryEntry(DateTimeOffset At, string ActorName, IncidentEvent Event, string? Detail, string Summary);

/// <param name="MayHandle">Whether the viewer may change, confirm, dismiss, close and mark reports: the page's buttons.</param>
public sealed record IncidentDetail(
    int Id, string Number, int Version, string WaybillNumber, int? CustomerId, string? CustomerCode, string? CustomerName,
    int? ComplaintId, string? ComplaintNumber, IncidentSource Source, IncidentKind Kind, IncidentStatus Status,
    bool Insured, decimal DeclaredValue, decimal Freight, decimal ExpectedLoss, IncidentGrade Grade,
    IncidentResponsibility Responsibility, string? ThirdPartyName, IncidentHandling? Handling, string Description,
    DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string? RecordedByName, DateTimeOffset? ClosedAt,
    int OutletId, string OutletName, string RegionName, DateTimeOffset UpdatedAt,
    IReadOnlyList<IncidentReportView> Reports, IReadOnlyList<IncidentHistoryEntry> History, bool MayHandle);
