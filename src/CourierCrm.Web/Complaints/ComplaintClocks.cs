using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Incidents;
using CourierCrm.Web.Platform.Localization;

namespace CourierCrm.Web.Complaints;

/// <summary>
/// The complaint desk's service-level clocks (issue 5 item 3) and approval ladder, built once from the
/// settings: first response runs from recording to the first action after it; resolution from recording to
/// closing, standing still while the complaint waits for the customer and while it was closed before a reopen.
/// </summary>
public sealed class ComplaintClocks(ComplaintOptions options)
{
    private readonly ServiceLevelClock _clock = new(options.Calendar(), CompanyTime.Zone);
    private readonly ServiceLevelPolicy _policy = options.ServiceLevels();

    public ApprovalLadder Ladder { get; } = options.Ladder();

    public ServiceLevelTarget TargetFor(Complaint complaint) => _policy.TargetFor(complaint.Category, complaint.Priority);

    public ServiceLevelReading FirstResponse(Complaint complaint, DateTimeOffset now) =>
        _clock.Read(complaint.RecordedAt, TargetFor(complaint).FirstResponse, _policy.WarningShare, [], now, complaint.FirstRespondedAt);

    public ServiceLevelReading Resolution(Complaint complaint, IReadOnlyList<ClockPause> pauses, DateTimeOffset now) =>
        _clock.Read(complaint.RecordedAt, TargetFor(complaint).Resolution, _policy.WarningShare, pauses, now, complaint.ClosedAt);

    /// <summary>Stores the deadlines as they stand now: the overdue board sorts and filters by them.</summary>
    public void UpdateDeadlines(Complaint complaint, IReadOnlyList<ClockPause> pauses, DateTimeOffset now)
    {
        complaint.FirstResponseDueAt = FirstResponse(complaint, now).DueAt;
        var resolution = Resolution(complaint, pauses, now);
        complaint.ResolutionDueAt = resolution.DueAt;
        complaint.ResolutionWarnAt = resolution.WarnAt;
    }

    public static ServiceLevelView View(ServiceLevelReading reading) =>
        new(reading.State, reading.WarnAt, reading.DueAt, Math.Round(reading.Used.TotalHours, 2), reading.Target.TotalHours);
}
