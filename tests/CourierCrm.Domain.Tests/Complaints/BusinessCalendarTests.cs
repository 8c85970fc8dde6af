using System.Globalization;
using CourierCrm.Domain.Complaints;

namespace CourierCrm.Domain.Tests.Complaints;

public class BusinessCalendarTests
{
    // 2026-11-23 is a Monday. Default calendar: Monday–Friday 09:00–18:00.
    private static DateTime At(string local) => DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static readonly BusinessCalendar WithHolidayAndSwap = BusinessCalendar.Default with
    {
        Holidays = new HashSet<DateOnly> { new(2026, 11, 24) },
        ExtraWorkingDays = new HashSet<DateOnly> { new(2026, 11, 28) },
    };

    [Theory]
    [InlineData("2026-11-23 10:00", "2026-11-23 12:00", 120)] // same morning
    [InlineData("2026-11-23 17:00", "2026-11-24 10:00", 120)] // the night does not count
    [InlineData("2026-11-27 17:00", "2026-11-30 10:00", 120)] // Friday to Monday: the weekend does not count
    [InlineData("2026-11-23 07:00", "2026-11-23 09:30", 30)]  // before opening
    [InlineData("2026-11-23 19:00", "2026-11-23 23:00", 0)]   // all after closing
    [InlineData("2026-11-23 12:00", "2026-11-23 10:00", 0)]   // backwards
    public void Working_time_counts_only_opening_hours_of_working_days(string from, string to, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), BusinessCalendar.Default.WorkingTimeBetween(At(from), At(to)));
    }

    [Theory]
    [InlineData("2026-11-23 17:00", "2026-11-25 10:00", 120)] // Tuesday is a holiday
    [InlineData("2026-11-27 17:00", "2026-11-28 10:00", 120)] // Saturday is a swapped working day (调休)
    public void Holidays_are_off_and_swapped_days_are_on(string from, string to, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), WithHolidayAndSwap.WorkingTimeBetween(At(from), At(to)));
    }

    [Theory]
    [InlineData("2026-11-23 10:00", 120, "2026-11-23 12:00")]
    [InlineData("2026-11-23 17:00", 120, "2026-11-24 10:00")]
    [InlineData("2026-11-27 17:00", 120, "2026-11-30 10:00")]
    [InlineData("2026-11-28 11:00", 60, "2026-11-30 10:00")]  // starting on a Saturday
    [InlineData("2026-11-23 16:00", 120, "2026-11-23 18:00")] // ends exactly at closing, not next morning
    [InlineData("2026-11-23 19:00", 0, "2026-11-23 19:00")]   // nothing to add
    [InlineData("2026-11-23 19:00", 60, "2026-11-24 10:00")]
    [InlineData("2026-11-23 09:00", 540 * 3, "2026-11-25 18:00")] // three working days
    public void Adding_working_time_skips_closed_hours(string start, int minutes, string expected)
    {
        Assert.Equal(At(expected), BusinessCalendar.Default.AddWorkingTime(At(start), TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void Adding_working_time_skips_a_holiday_and_uses_a_swapped_day()
    {
        Assert.Equal(At("2026-11-25 10:00"), WithHolidayAndSwap.AddWorkingTime(At("2026-11-23 17:00"), TimeSpan.FromHours(2)));
        Assert.Equal(At("2026-11-28 10:00"), WithHolidayAndSwap.AddWorkingTime(At("2026-11-27 17:00"), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_calendar_closing_before_it_opens_or_never_working_is_invalid()
    {
        var broken = BusinessCalendar.Default with { Closes = new TimeOnly(8, 0), WorkingDays = new HashSet<DayOfWeek>() };

        Assert.Equal(["closes", "workingDays"], broken.InvalidFields());
        Assert.Throws<InvalidOperationException>(() => broken.AddWorkingTime(At("2026-11-23 10:00"), TimeSpan.FromHours(1)));
    }
}
