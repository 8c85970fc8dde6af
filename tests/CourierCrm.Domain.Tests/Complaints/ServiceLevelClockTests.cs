using System.Globalization;
using CourierCrm.Domain.Complaints;

namespace CourierCrm.Domain.Tests.Complaints;

public class ServiceLevelClockTests
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China");
    private static readonly ServiceLevelClock Clock = new(BusinessCalendar.Default, China);
    private static readonly TimeSpan FourHours = TimeSpan.FromHours(4);

    /// <summary>A China wall-clock time as an instant (2026-11-23 is a Monday).</summary>
    private static DateTimeOffset At(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    private static ClockPause Pause(string from, string? to) => new(At(from), to is null ? null : At(to));

    [Theory]
    [InlineData("2026-11-23 11:00", ServiceLevelState.OnTrack)]
    [InlineData("2026-11-23 12:11", ServiceLevelState.OnTrack)]
    [InlineData("2026-11-23 12:12", ServiceLevelState.Warning)] // 80 % of 4 h = 3 h 12 min
    [InlineData("2026-11-23 12:59", ServiceLevelState.Warning)]
    [InlineData("2026-11-23 13:00", ServiceLevelState.Breached)]
    public void The_clock_warns_at_the_share_and_breaches_at_the_target(string now, ServiceLevelState expected)
    {
        var reading = Clock.Read(At("2026-11-23 09:00"), FourHours, 0.8m, [], At(now));

        Assert.Equal(expected, reading.State);
        Assert.Equal(At("2026-11-23 12:12"), reading.WarnAt);
        Assert.Equal(At("2026-11-23 13:00"), reading.DueAt);
    }

    [Fact]
    public void Closed_hours_and_the_weekend_do_not_count()
    {
        var reading = Clock.Read(At("2026-11-27 16:00"), FourHours, 0.8m, [], At("2026-11-28 12:00"));

        Assert.Equal(ServiceLevelState.OnTrack, reading.State);
        Assert.Equal(TimeSpan.FromHours(2), reading.Used);
        Assert.Equal(At("2026-11-30 11:00"), reading.DueAt);
    }

    [Fact]
    public void A_pause_moves_the_deadline_by_the_working_time_it_took()
    {
        var reading = Clock.Read(At("2026-11-23 09:00"), FourHours, 0.8m, [Pause("2026-11-23 10:00", "2026-11-23 11:00")], At("2026-11-23 12:00"));

        Assert.Equal(At("2026-11-23 14:00"), reading.DueAt);
        Assert.Equal(TimeSpan.FromHours(2), reading.Used);
        Assert.Equal(TimeSpan.FromHours(2), reading.Remaining);
    }

    [Fact]
    public void A_pause_outside_opening_hours_changes_nothing()
    {
        var reading = Clock.Read(At("2026-11-23 16:00"), FourHours, 0.8m, [Pause("2026-11-23 19:00", "2026-11-24 08:00")], At("2026-11-23 17:00"));

        Assert.Equal(At("2026-11-24 11:00"), reading.DueAt);
    }

    [Fact]
    public void A_pause_after_the_deadline_does_not_move_it()
    {
        var reading = Clock.Read(At("2026-11-23 09:00"), FourHours, 0.8m, [Pause("2026-11-23 14:00", "2026-11-23 15:00")], At("2026-11-23 16:00"));

        Assert.Equal(ServiceLevelState.Breached, reading.State);
        Assert.Equal(At("2026-11-23 13:00"), reading.DueAt);
    }

    [Fact]
    public void While_waiting_for_the_customer_the_clock_is_paused_and_has_no_deadline()
    {
        var reading = Clock.Read(At("2026-11-23 09:00"), FourHours, 0.8m, [Pause("2026-11-23 10:00", null)], At("2026-11-23 17:00"));

        Assert.Equal(ServiceLevelState.Paused, reading.State);
        Assert.Null(reading.DueAt);
        Assert.Equal(TimeSpan.FromHours(1), reading.Used);
    }

    [Theory]
    [InlineData("2026-11-23 12:59", ServiceLevelState.Met)]
    [InlineData("2026-11-23 13:00", ServiceLevelState.Met)]
    [InlineData("2026-11-23 13:01", ServiceLevelState.Missed)]
    public void A_stopped_clock_says_whether_the_target_was_met(string stoppedAt, ServiceLevelState expected)
    {
        var reading = Clock.Read(At("2026-11-23 09:00"), FourHours, 0.8m, [], At("2026-11-25 09:00"), At(stoppedAt));

        Assert.Equal(expected, reading.State);
    }

    [Theory]
    [InlineData(ComplaintCategory.Attitude, ComplaintPriority.Normal, 4, 27)]
    [InlineData(ComplaintCategory.Attitude, ComplaintPriority.High, 2, 18)]
    [InlineData(ComplaintCategory.Delay, ComplaintPriority.Urgent, 1, 9)]
    [InlineData(ComplaintCategory.Loss, ComplaintPriority.Normal, 2, 45)]  // category beats priority
    [InlineData(ComplaintCategory.Loss, ComplaintPriority.Urgent, 1, 45)]  // category and priority beat both
    public void The_most_specific_target_applies(ComplaintCategory category, ComplaintPriority priority, int firstResponseHours, int resolutionHours)
    {
        var target = ServiceLevelPolicy.Default.TargetFor(category, priority);

        Assert.Equal(TimeSpan.FromHours(firstResponseHours), target.FirstResponse);
        Assert.Equal(TimeSpan.FromHours(resolutionHours), target.Resolution);
    }

    [Fact]
    public void Targets_without_a_catch_all_or_with_a_resolution_shorter_than_the_response_are_invalid()
    {
        var policy = new ServiceLevelPolicy([new(ComplaintCategory.Loss, null, TimeSpan.FromHours(4), TimeSpan.FromHours(1))], 1.5m);

        Assert.Equal(["warningShare", "targets", "targets[0].resolution"], policy.InvalidFields());
    }
}
