namespace CourierCrm.Domain.Complaints;

/// <summary>
/// When the complaint desk works: opening hours on working days, public holidays off, and the extra
/// working days China swaps in around holidays (调休). Service-level targets count only this time.
/// Times are the company's local wall-clock times.
/// </summary>
public sealed record BusinessCalendar(
    TimeOnly Opens,
    TimeOnly Closes,
    IReadOnlySet<DayOfWeek> WorkingDays,
    IReadOnlySet<DateOnly> Holidays,
    IReadOnlySet<DateOnly> ExtraWorkingDays)
{
    /// <summary>Monday to Friday, 09:00–18:00, no holidays configured.</summary>
    public static readonly BusinessCalendar Default = new(
        new TimeOnly(9, 0), new TimeOnly(18, 0),
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        new HashSet<DateOnly>(), new HashSet<DateOnly>());

    /// <summary>Longest stretch the arithmetic walks (a guard against a calendar that never opens).</summary>
    private const int MaxDays = 366 * 20;

    public TimeSpan HoursPerDay => Closes - Opens;

    public IEnumerable<string> InvalidFields()
    {
        if (Closes <= Opens) yield return "closes";
        if (WorkingDays.Count == 0 && ExtraWorkingDays.Count == 0) yield return "workingDays";
    }

    public bool IsWorkingDay(DateOnly day) =>
        ExtraWorkingDays.Contains(day) || (!Holidays.Contains(day) && WorkingDays.Contains(day.DayOfWeek));

    /// <summary>Working time between two local times (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTime from, DateTime to)
    {
        if (to <= from) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(from); day <= DateOnly.FromDateTime(to); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            var open = day.ToDateTime(Opens);
            var close = day.ToDateTime(Closes);
            var start = from > open ? from : open;
            var end = to < close ? to : close;
            if (end > start) total += end - start;
        }
        return total;
    }

    /// <summary>
    /// The local time at which <paramref name="duration"/> of working time after <paramref name="start"/>
    /// has passed. A duration that ends exactly at closing time ends then, not the next morning.
    /// </summary>
    public DateTime AddWorkingTime(DateTime start, TimeSpan duration)
    {
        if (InvalidFields().Any())
            throw new InvalidOperationException($"Invalid business calendar: {string.Join(", ", InvalidFields())}.");
        if (duration <= TimeSpan.Zero) return start;
        var remaining = duration;
        var day = DateOnly.FromDateTime(start);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            var open = day.ToDateTime(Opens);
            var close = day.ToDateTime(Closes);
            var from = start > open ? start : open;
            if (from >= close) continue;
            var available = close - from;
            if (available >= remaining) return from + remaining;
            remaining -= available;
        }
        throw new InvalidOperationException("The business calendar has no working time in the next twenty years.");
    }
}
