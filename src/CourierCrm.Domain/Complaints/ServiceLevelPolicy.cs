namespace CourierCrm.Domain.Complaints;

/// <summary>
/// A service-level target: first response and resolution in working time. A null category or priority
/// matches any; the most specific matching target wins (category and priority, then category, then
/// priority, then the catch-all).
/// </summary>
public sealed record ServiceLevelTarget(
    ComplaintCategory? Category,
    ComplaintPriority? Priority,
    TimeSpan FirstResponse,
    TimeSpan Resolution);

/// <summary>
/// Service-level targets per category and priority (issue 5 item 3), with the share of a target at which
/// a warning goes out. Defaults: urgent 1 h / 1 working day, high 2 h / 2 days, normal 4 h / 3 days (a
/// working day = the calendar's opening hours, 9 h by default); a lost parcel needs a search, so its
/// resolution target is 5 days whatever the priority. Warning at 80 %.
/// </summary>
public sealed record ServiceLevelPolicy(IReadOnlyList<ServiceLevelTarget> Targets, decimal WarningShare = 0.8m)
{
    private static readonly TimeSpan WorkingDay = TimeSpan.FromHours(9);

    public static readonly ServiceLevelPolicy Default = new(
    [
        new(null, null, TimeSpan.FromHours(4), WorkingDay * 3),
        new(null, ComplaintPriority.High, TimeSpan.FromHours(2), WorkingDay * 2),
        new(null, ComplaintPriority.Urgent, TimeSpan.FromHours(1), WorkingDay),
        new(ComplaintCategory.Loss, null, TimeSpan.FromHours(2), WorkingDay * 5),
        new(ComplaintCategory.Loss, ComplaintPriority.Urgent, TimeSpan.FromHours(1), WorkingDay * 5),
    ]);

    public IEnumerable<string> InvalidFields()
    {
        if (WarningShare is <= 0 or > 1) yield return "warningShare";
        if (!Targets.Any(t => t.Category is null && t.Priority is null)) yield return "targets";
        for (var i = 0; i < Targets.Count; i++)
        {
            if (Targets[i].FirstResponse <= TimeSpan.Zero) yield return $"targets[{i}].firstResponse";
            if (Targets[i].Resolution < Targets[i].FirstResponse) yield return $"targets[{i}].resolution";
        }
        if (Targets.GroupBy(t => (t.Category, t.Priority)).Any(g => g.Count() > 1)) yield return "targets";
    }

    public ServiceLevelTarget TargetFor(ComplaintCategory category, ComplaintPriority priority) =>
        Targets.Where(t => (t.Category is null || t.Category == category) && (t.Priority is null || t.Priority == priority))
            .OrderByDescending(t => (t.Category is null ? 0 : 2) + (t.Priority is null ? 0 : 1))
            .First();
}
