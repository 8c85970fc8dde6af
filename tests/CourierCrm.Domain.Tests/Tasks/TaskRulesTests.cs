using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Tasks;

namespace CourierCrm.Domain.Tests.Tasks;

public class TaskRulesTests
{
    private static readonly DateOnly DueOn = new(2026, 12, 10);

    [Theory]
    [InlineData("2026-12-01", 7, ServiceDueState.Upcoming, 0)] // nine days ahead
    [InlineData("2026-12-02", 7, ServiceDueState.Upcoming, 0)] // eight days ahead: one day before the notice
    [InlineData("2026-12-03", 7, ServiceDueState.Due, 0)]      // exactly the notice days ahead
    [InlineData("2026-12-10", 7, ServiceDueState.Due, 0)]      // the due day itself is still due
    [InlineData("2026-12-11", 7, ServiceDueState.Overdue, 1)]
    [InlineData("2027-01-09", 7, ServiceDueState.Overdue, 30)]
    [InlineData("2026-12-09", 0, ServiceDueState.Upcoming, 0)] // no notice: due only on the day
    [InlineData("2026-12-10", 0, ServiceDueState.Due, 0)]
    public void Due_state_from_due_date_today_and_notice(string today, int noticeDays, ServiceDueState state, int daysOverdue) =>
        Assert.Equal(new TaskDue(state, daysOverdue), TaskRules.DueState(DueOn, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), noticeDays));

    [Fact]
    public void Due_state_agrees_with_the_service_schedule()
    {
        var rule = new ServiceRule(AbcClass.A, ServiceTask.Visit, 30);
        for (var day = DueOn.AddDays(-10); day <= DueOn.AddDays(10); day = day.AddDays(1))
        {
            var schedule = ServiceSchedule.Due(rule, DueOn.AddDays(-30), new DateOnly(2026, 1, 1), day, 7);
            Assert.Equal(new TaskDue(schedule.State, schedule.DaysOverdue), TaskRules.DueState(DueOn, day, 7));
        }
    }

    [Fact]
    public void Negative_notice_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TaskRules.DueState(DueOn, DueOn, -1));

    [Theory]
    [InlineData(StaffTaskStatus.Open, StaffTaskStatus.Done, true)]
    [InlineData(StaffTaskStatus.Open, StaffTaskStatus.Cancelled, true)]
    [InlineData(StaffTaskStatus.Open, StaffTaskStatus.Open, false)]
    [InlineData(StaffTaskStatus.Done, StaffTaskStatus.Cancelled, false)]
    [InlineData(StaffTaskStatus.Done, StaffTaskStatus.Open, false)]
    [InlineData(StaffTaskStatus.Done, StaffTaskStatus.Done, false)]
    [InlineData(StaffTaskStatus.Cancelled, StaffTaskStatus.Done, false)]
    [InlineData(StaffTaskStatus.Cancelled, StaffTaskStatus.Open, false)]
    public void Allowed_status_changes(StaffTaskStatus from, StaffTaskStatus to, bool allowed) =>
        Assert.Equal(allowed, TaskRules.CanChange(from, to));

    [Theory]
    [InlineData(StaffTaskStatus.Open, true)]
    [InlineData(StaffTaskStatus.Done, false)]
    [InlineData(StaffTaskStatus.Cancelled, false)]
    public void Only_open_tasks_are_reassigned(StaffTaskStatus status, bool allowed) =>
        Assert.Equal(allowed, TaskRules.CanReassign(status));

    [Theory]
    [InlineData(ServiceTask.Visit, StaffTaskKind.Visit)]
    [InlineData(ServiceTask.LeaderVisit, StaffTaskKind.LeaderVisit)]
    [InlineData(ServiceTask.InquiryLetter, StaffTaskKind.InquiryLetter)]
    [InlineData(ServiceTask.UpgradeReview, StaffTaskKind.UpgradeReview)]
    public void Service_tasks_become_task_kinds_of_the_same_name(ServiceTask task, StaffTaskKind kind) =>
        Assert.Equal((kind, task.ToString()), (TaskRules.KindOf(task), kind.ToString()));

    [Fact]
    public void Service_source_key_names_task_customer_and_due_day() =>
        Assert.Equal("service:LeaderVisit:1234:2026-12-01", TaskRules.ServiceSourceKey(ServiceTask.LeaderVisit, 1234, new DateOnly(2026, 12, 1)));
}
