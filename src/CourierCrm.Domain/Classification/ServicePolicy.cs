namespace CourierCrm.Domain.Classification;

/// <summary>A recurring piece of service a class of customer is owed (DOMAIN.md §3, seeds 002/003).</summary>
public enum ServiceTask
{
    /// <summary>The rep visits (A: regular visits; B: once a year, seed 002).</summary>
    Visit,
    /// <summary>A company leader visits, every half year (seed 002: 公司领导每半年带领有关人员登门拜访).</summary>
    LeaderVisit,
    /// <summary>A letter asking for opinions and needs, every half year (seed 002: 每半年发一次征询意见的信函).</summary>
    InquiryLetter,
    /// <summary>Decide whether a promising C customer ("tomorrow's star", seed 003) should be moved up.</summary>
    UpgradeReview,
}

/// <summary>One task the policy sets for one ABC class.</summary>
/// <param name="PromisingOnly">Only for customers <see cref="ServicePolicy.IsPromising"/> says are promising.</param>
public sealed record ServiceRule(AbcClass Class, ServiceTask Task, int EveryDays, bool PromisingOnly = false);

/// <summary>
/// Service per ABC class (DOMAIN.md §3). Default: A a visit every 30 days and a leader visit every
/// half year; B a visit a year and an inquiry letter every half year; promising C an upgrade
/// review every quarter. A C customer is promising when its RFM recency and frequency are both at
/// least the set scores (ships often and recently, but little money yet).
/// </summary>
/// <param name="NoticeDays">A task shows as due this many days before its due date.</param>
public sealed record ServicePolicy(
    IReadOnlyList<ServiceRule> Rules,
    int NoticeDays = 7,
    int PromisingMinRecency = 4,
    int PromisingMinFrequency = 4)
{
    public const int HalfYearDays = 182;

    public static readonly ServicePolicy Default = new(
    [
        new(AbcClass.A, ServiceTask.Visit, 30),
        new(AbcClass.A, ServiceTask.LeaderVisit, HalfYearDays),
        new(AbcClass.B, ServiceTask.Visit, 365),
        new(AbcClass.B, ServiceTask.InquiryLetter, HalfYearDays),
        new(AbcClass.C, ServiceTask.UpgradeReview, 90, PromisingOnly: true),
    ]);

    public bool IsPromising(RfmScore? rfm) =>
        rfm is not null && rfm.Recency >= PromisingMinRecency && rfm.Frequency >= PromisingMinFrequency;

    /// <summary>Invalid settings: "rules[2].everyDays", "noticeDays", …</summary>
    public IEnumerable<string> InvalidFields()
    {
        for (var i = 0; i < Rules.Count; i++)
            if (Rules[i].EveryDays < 1) yield return $"rules[{i}].everyDays";
        if (Rules.GroupBy(r => (r.Class, r.Task)).Any(g => g.Count() > 1)) yield return "rules";
        if (NoticeDays < 0) yield return "noticeDays";
        if (PromisingMinRecency is < 1 or > 10) yield return "promisingMinRecency";
        if (PromisingMinFrequency is < 1 or > 10) yield return "promisingMinFrequency";
    }
}

public enum ServiceDueState
{
    /// <summary>Not yet within the notice days.</summary>
    Upcoming,
    /// <summary>Within the notice days, up to and including the due date.</summary>
    Due,
    /// <summary>The due date has passed.</summary>
    Overdue,
}

/// <param name="DaysOverdue">Days past the due date; 0 unless overdue.</param>
public sealed record ServiceDue(ServiceTask Task, DateOnly DueOn, ServiceDueState State, int DaysOverdue);

/// <summary>
/// Which service tasks a customer is owed and when. Next due = last done + interval; never done
/// = due on the day the customer entered its class (at once). A task done before the customer
/// moved into the class still counts (a B customer visited last month and now A is not visited
/// again at once). No clock in here: the caller passes today.
/// </summary>
public static class ServiceSchedule
{
    public static IReadOnlyList<ServiceDue> For(
        AbcClass? abc,
        RfmScore? rfm,
        DateOnly classifiedSince,
        IReadOnlyDictionary<ServiceTask, DateOnly> lastDone,
        DateOnly asOf,
        ServicePolicy policy)
    {
        if (policy.InvalidFields().Any())
            throw new ArgumentException($"Invalid service policy: {string.Join(", ", policy.InvalidFields())}.", nameof(policy));
        if (abc is not { } cls) return [];
        var promising = policy.IsPromising(rfm);
        return policy.Rules
            .Where(r => r.Class == cls && (!r.PromisingOnly || promising))
            .Select(r => Due(r, lastDone.TryGetValue(r.Task, out var done) ? done : null, classifiedSince, asOf, policy.NoticeDays))
            .OrderBy(d => d.DueOn).ThenBy(d => d.Task)
            .ToList();
    }

    public static ServiceDue Due(ServiceRule rule, DateOnly? lastDone, DateOnly classifiedSince, DateOnly asOf, int noticeDays)
    {
        var dueOn = lastDone is { } done ? done.AddDays(rule.EveryDays) : classifiedSince;
        var state = asOf > dueOn ? ServiceDueState.Overdue
            : asOf >= dueOn.AddDays(-noticeDays) ? ServiceDueState.Due
            : ServiceDueState.Upcoming;
        return new(rule.Task, dueOn, state, state == ServiceDueState.Overdue ? asOf.DayNumber - dueOn.DayNumber : 0);
    }
}
