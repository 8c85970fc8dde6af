using CourierCrm.Domain.Notifications;

namespace CourierCrm.Domain.Tests.Notifications;

public class RetryScheduleTests
{
    private static readonly DateTimeOffset FailedAt = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]  // 64 min capped at 1 h
    [InlineData(11, 60)]
    public void The_delay_doubles_up_to_the_longest(int failedAttempts, int minutes)
    {
        Assert.Equal(FailedAt.AddMinutes(minutes), RetrySchedule.Default.NextAttempt(failedAttempts, FailedAt));
    }

    [Fact]
    public void After_the_last_attempt_the_message_is_parked()
    {
        Assert.Null(RetrySchedule.Default.NextAttempt(12, FailedAt));
    }

    [Fact]
    public void A_schedule_whose_longest_delay_is_shorter_than_the_first_is_invalid()
    {
        Assert.Equal(["longestDelay", "maxAttempts"], new RetrySchedule(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1), 0).InvalidFields());
    }
}
