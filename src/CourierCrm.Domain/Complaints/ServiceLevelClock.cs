namespace CourierCrm.Domain.Complaints;

/// <summary>A time the clock stood still because the complaint waited for the customer; <see cref="To"/> null while it still waits.</summary>
public sealed record ClockPause(DateTimeOffset From, DateTimeOffset? To);

public enum ServiceLevelState
{
    /// <summary>Running, before the warning time.</summary>
    OnTrack,
    /// <summary>Running, past the warning time, before the breach time.</summary>
    Warning,
    /// <summary>Running, past the breach time.</summary>
    Breached,
    /// <summary>Stopped for now: waiting for the customer.</summary>
    Paused,
    /// <summary>Stopped within the target.</summary>
    Met,
    /// <summary>Stopped after the target.</summary>
    Missed,
}

/// <param name="WarnAt">When it turns Warning; null while paused (the time moves with the pause).</param>
/// <param name="DueAt">When it is breached; null while paused.</param>
/// <param name="Used">Working time counted so far (pauses and closed hours excluded).</param>
public sealed record ServiceLevelReading(
    ServiceLevelState State, DateTimeOffset? WarnAt, DateTimeOffset? DueAt, TimeSpan Used, TimeSpan Target)
{
    public TimeSpan Remaining => Target > Used ? Target - Used : TimeSpan.Zero;
}

/// <summary>
/// A service-level clock (issue 5 item 3): counts working time of the <see cref="BusinessCalendar"/> from
/// a start, leaving out pauses, against a target; warns at a share of the target. The calendar is in the
/// company's time zone; the instants are absolute.
/// </summary>
public sealed class ServiceLevelClock(BusinessCalendar calendar, TimeZoneInfo zone)
{
    public ServiceLevelReading Read(
        DateTimeOffset started, TimeSpan target, decimal warningShare, IReadOnlyList<ClockPause> pauses,
        DateTimeOffset now, DateTimeOffset? stoppedAt = null)
    {
        if (warningShare is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(warningShare), "Must be above 0 and at most 1.");
        var ordered = pauses.OrderBy(p => p.From).ToList();
        var end = stoppedAt is { } stop && stop < now ? stop : now;
        var used = WorkingTime(started, end, ordered);

        if (stoppedAt is not null)
            return new(used <= target ? ServiceLevelState.Met : ServiceLevelState.Missed,
                Deadline(started, Scale(target, warningShare), ordered), Deadline(started, target, ordered), used, target);

        var pausedNow = ordered.Any(p => p.From <= now && (p.To is null || p.To > now));
        var warnAt = Deadline(started, Scale(target, warningShare), ordered);
        var dueAt = Deadline(started, target, ordered);
        if (pausedNow) return new(ServiceLevelState.Paused, null, null, used, target);

        var state = dueAt is { } due && now >= due ? ServiceLevelState.Breached
            : warnAt is { } warn && now >= warn ? ServiceLevelState.Warning
            : ServiceLevelState.OnTrack;
        return new(state, warnAt, dueAt, used, target);
    }

    /// <summary>Working time from start to end with the pauses taken out.</summary>
    public TimeSpan WorkingTime(DateTimeOffset start, DateTimeOffset end, IReadOnlyList<ClockPause> pauses)
    {
        var total = Between(start, end);
        foreach (var pause in pauses)
        {
            var from = pause.From > start ? pause.From : start;
            var to = pause.To is { } t && t < end ? t : end;
            if (to > from) total -= Between(from, to);
        }
        return total < TimeSpan.Zero ? TimeSpan.Zero : total;
    }

    /// <summary>
    /// When <paramref name="budget"/> of working time is used up, walking from the start around the pauses;
    /// null if a pause that has not ended comes first (the deadline is not known yet).
    /// </summary>
    private DateTimeOffset? Deadline(DateTimeOffset start, TimeSpan budget, IReadOnlyList<ClockPause> pauses)
    {
        var cursor = start;
        var remaining = budget;
        foreach (var pause in pauses)
        {
            if (pause.To is { } ended && ended <= cursor) continue;
            if (pause.From > cursor)
            {
                var before = Between(cursor, pause.From);
                if (before >= remaining) break;
                remaining -= before;
            }
            if (pause.To is not { } resumed) return null;
            cursor = resumed;
        }
        return ToInstant(calendar.AddWorkingTime(Local(cursor), remaining));
    }

    private TimeSpan Between(DateTimeOffset from, DateTimeOffset to) => calendar.WorkingTimeBetween(Local(from), Local(to));

    private DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    /// <summary>Deadlines come out in UTC: stored as they are on every provider (PostgreSQL takes only offset 0).</summary>
    private DateTimeOffset ToInstant(DateTime local) => new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();

    private static TimeSpan Scale(TimeSpan target, decimal share) => TimeSpan.FromTicks((long)(target.Ticks * share));
}
