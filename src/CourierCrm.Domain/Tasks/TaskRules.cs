using CourierCrm.Domain.Classification;

namespace CourierCrm.Domain.Tasks;

/// <summary>Where an open task stands against its due date, for "my tasks" and its counts.</summary>
/// <param name="DaysOverdue">Days past the due date; 0 unless overdue.</param>
public sealed record TaskDue(ServiceDueState State, int DaysOverdue);

/// <summary>
/// The pure rules of staff tasks: due state and which status changes are allowed. The due state is
/// the service schedule's (<see cref="ServiceSchedule.Due"/>): due from <c>noticeDays</c> before the
/// due date up to and including it, overdue from the next day.
/// </summary>
public static class TaskRules
{
    /// <summary>Shown as due this many days ahead on "my tasks" (the service policy's default notice).</summary>
    public const int DefaultNoticeDays = 7;

    public static TaskDue DueState(DateOnly dueOn, DateOnly today, int noticeDays = DefaultNoticeDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(noticeDays);
        var state = today > dueOn ? ServiceDueState.Overdue
            : today >= dueOn.AddDays(-noticeDays) ? ServiceDueState.Due
            : ServiceDueState.Upcoming;
        return new(state, state == ServiceDueState.Overdue ? today.DayNumber - dueOn.DayNumber : 0);
    }

    /// <summary>
    /// A task is closed once: open → done (with an outcome) or open → cancelled (with a reason).
    /// A closed task is history; reopening means creating a new one.
    /// </summary>
    public static bool CanChange(StaffTaskStatus from, StaffTaskStatus to) =>
        from == StaffTaskStatus.Open && to is StaffTaskStatus.Done or StaffTaskStatus.Cancelled;

    /// <summary>Only an open task can be given to someone else.</summary>
    public static bool CanReassign(StaffTaskStatus status) => status == StaffTaskStatus.Open;

    /// <summary>The task kind a service-policy task becomes (the names match one to one).</summary>
    public static StaffTaskKind KindOf(ServiceTask task) => task switch
    {
        ServiceTask.Visit => StaffTaskKind.Visit,
        ServiceTask.LeaderVisit => StaffTaskKind.LeaderVisit,
        ServiceTask.InquiryLetter => StaffTaskKind.InquiryLetter,
        _ => StaffTaskKind.UpgradeReview,
    };

    /// <summary>"service:Visit:1234:2026-12-01": the same due visit of the same customer is generated once.</summary>
    public static string ServiceSourceKey(ServiceTask task, int customerId, DateOnly dueOn) =>
        $"service:{task}:{customerId}:{dueOn:yyyy-MM-dd}";
}
