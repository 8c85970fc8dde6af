namespace CourierCrm.Domain.Notifications;

/// <summary>
/// When an outbox message that failed is tried again (issue 5 item 5: "retried, never lost"): the delay
/// doubles from <see cref="FirstDelay"/> up to <see cref="LongestDelay"/>; after <see cref="MaxAttempts"/>
/// failures the message is parked for a person to look at, not dropped.
/// </summary>
public sealed record RetrySchedule(TimeSpan FirstDelay, TimeSpan LongestDelay, int MaxAttempts)
{
    /// <summary>1 min, 2, 4, … capped at 1 h; parked after 12 attempts (about 7 hours of trying).</summary>
    public static readonly RetrySchedule Default = new(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), 12);

    public IEnumerable<string> InvalidFields()
    {
        if (FirstDelay <= TimeSpan.Zero) yield return "firstDelay";
        if (LongestDelay < FirstDelay) yield return "longestDelay";
        if (MaxAttempts < 1) yield return "maxAttempts";
    }

    /// <summary>When to try next after <paramref name="failedAttempts"/> failures (at least 1); null = park it.</summary>
    public DateTimeOffset? NextAttempt(int failedAttempts, DateTimeOffset failedAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        if (failedAttempts >= MaxAttempts) return null;
        var doublings = Math.Min(failedAttempts - 1, 30);
        var delay = TimeSpan.FromTicks(Math.Min(FirstDelay.Ticks * (1L << doublings), LongestDelay.Ticks));
        return failedAt + delay;
    }
}
