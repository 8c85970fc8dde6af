using CourierCrm.Domain.Classification;

namespace CourierCrm.Domain.Tests.Classification;

public class ServiceScheduleTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly ClassifiedSince = new(2026, 6, 1);
    private static readonly RfmScore Promising = new(5, 4, 1);
    private static readonly RfmScore Quiet = new(2, 2, 1);

    [Theory]
    [InlineData(AbcClass.A, "Visit,LeaderVisit")]
    [InlineData(AbcClass.B, "Visit,InquiryLetter")]
    [InlineData(AbcClass.C, "")] // a C customer that is not promising is owed no recurring task
    public void Default_policy_tasks_per_class(AbcClass abc, string tasks)
    {
        var due = ServiceSchedule.For(abc, Quiet, ClassifiedSince, new Dictionary<ServiceTask, DateOnly>(), Today, ServicePolicy.Default);

        Assert.Equal(Revenues.Split(tasks).Order(), due.Select(d => d.Task.ToString()).Order());
    }

    [Fact]
    public void Promising_c_customer_gets_an_upgrade_review()
    {
        var due = ServiceSchedule.For(AbcClass.C, Promising, ClassifiedSince, new Dictionary<ServiceTask, DateOnly>(), Today, ServicePolicy.Default);

        Assert.Equal([ServiceTask.UpgradeReview], due.Select(d => d.Task));
    }

    [Theory]
    [InlineData(5, 4, true)]
    [InlineData(4, 4, true)]
    [InlineData(3, 5, false)]
    [InlineData(5, 3, false)]
    public void Promising_means_recent_and_frequent(int recency, int frequency, bool promising) =>
        Assert.Equal(promising, ServicePolicy.Default.IsPromising(new RfmScore(recency, frequency, 1)));

    [Fact]
    public void Customer_without_a_class_or_rfm_is_owed_nothing_special()
    {
        Assert.Empty(ServiceSchedule.For(null, Promising, ClassifiedSince, new Dictionary<ServiceTask, DateOnly>(), Today, ServicePolicy.Default));
        Assert.False(ServicePolicy.Default.IsPromising(null));
    }

    [Theory]
    // A visit every 30 days, shown 7 days ahead. last visit days ago → due on, state, days overdue
    [InlineData(10, "2026-12-13", ServiceDueState.Upcoming, 0)]
    [InlineData(22, "2026-12-01", ServiceDueState.Upcoming, 0)] // 8 days before the due date
    [InlineData(23, "2026-11-30", ServiceDueState.Due, 0)] // 7 days before: due
    [InlineData(30, "2026-11-23", ServiceDueState.Due, 0)] // due today: not yet overdue
    [InlineData(31, "2026-11-22", ServiceDueState.Overdue, 1)]
    [InlineData(100, "2026-09-14", ServiceDueState.Overdue, 70)]
    public void Due_date_and_state_from_the_last_time_done(int lastDaysAgo, string dueOn, ServiceDueState state, int daysOverdue)
    {
        var rule = new ServiceRule(AbcClass.A, ServiceTask.Visit, 30);

        var due = ServiceSchedule.Due(rule, Today.AddDays(-lastDaysAgo), ClassifiedSince, Today, noticeDays: 7);

        Assert.Equal(new ServiceDue(ServiceTask.Visit, DateOnly.Parse(dueOn), state, daysOverdue), due);
    }

    [Fact]
    public void Never_done_is_due_from_the_day_the_customer_entered_its_class()
    {
        var rule = new ServiceRule(AbcClass.A, ServiceTask.LeaderVisit, ServicePolicy.HalfYearDays);

        Assert.Equal(new ServiceDue(ServiceTask.LeaderVisit, Today, ServiceDueState.Due, 0), ServiceSchedule.Due(rule, null, Today, Today, 7));
        Assert.Equal(ServiceDueState.Overdue, ServiceSchedule.Due(rule, null, ClassifiedSince, Today, 7).State);
    }

    [Fact]
    public void Tasks_come_soonest_first_with_their_own_last_dates()
    {
        var lastDone = new Dictionary<ServiceTask, DateOnly>
        {
            [ServiceTask.Visit] = Today.AddDays(-300), // B: a visit a year → due in 65 days
            [ServiceTask.InquiryLetter] = Today.AddDays(-190), // every 182 days → 8 days overdue
        };

        var due = ServiceSchedule.For(AbcClass.B, Quiet, ClassifiedSince, lastDone, Today, ServicePolicy.Default);

        Assert.Equal(
            [
                new ServiceDue(ServiceTask.InquiryLetter, Today.AddDays(-8), ServiceDueState.Overdue, 8),
                new ServiceDue(ServiceTask.Visit, Today.AddDays(65), ServiceDueState.Upcoming, 0),
            ],
            due);
    }

    [Fact]
    public void Intervals_are_configurable()
    {
        var policy = ServicePolicy.Default with { Rules = [new(AbcClass.A, ServiceTask.Visit, 14)] };

        var due = Assert.Single(ServiceSchedule.For(AbcClass.A, null, ClassifiedSince,
            new Dictionary<ServiceTask, DateOnly> { [ServiceTask.Visit] = Today.AddDays(-10) }, Today, policy));

        Assert.Equal(Today.AddDays(4), due.DueOn);
    }

    [Fact]
    public void Invalid_settings_name_the_field()
    {
        var policy = new ServicePolicy(
            [new(AbcClass.A, ServiceTask.Visit, 0), new(AbcClass.A, ServiceTask.Visit, 30)],
            NoticeDays: -1, PromisingMinRecency: 0);

        Assert.Equal(["rules[0].everyDays", "rules", "noticeDays", "promisingMinRecency"], policy.InvalidFields());
        Assert.Empty(ServicePolicy.Default.InvalidFields());
    }
}
