using System.Globalization;

namespace CourierCrm.Web.Platform.Localization;

/// <summary>
/// Times are stored in UTC and shown in China Standard Time: the couriers using CourierCrm work in
/// mainland China, whatever zone the server runs in.
/// </summary>
public static class CompanyTime
{
    private static readonly TimeZoneInfo China = Find();

    /// <summary>The company's zone, for rules that work in local time (business hours, calendar days).</summary>
    public static TimeZoneInfo Zone => China;

    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, China);

    /// <summary>"2026-11-23 09:30", the same in both languages.</summary>
    public static string Format(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeZoneInfo Find()
    {
        // The IANA id exists on Linux and, with ICU, on Windows; the fixed +8 offset is right all year (no DST).
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China"); }
        catch (InvalidTimeZoneException) { return TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China"); }
    }
}
