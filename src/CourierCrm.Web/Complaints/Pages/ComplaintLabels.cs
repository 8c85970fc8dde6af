using System.Globalization;
using CourierCrm.Domain.Complaints;
using CourierCrm.Web.Platform.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CourierCrm.Web.Complaints.Pages;

/// <summary>How the complaint pages name enum values, colour states and write times in the reader's language.</summary>
public static class ComplaintLabels
{
    /// <summary>"ComplaintStage.AwaitingApproval" → 待审批 / Awaiting approval.</summary>
    public static string Of<TEnum>(this IStringLocalizer<ComplaintPageTexts> texts, TEnum value) where TEnum : struct, Enum =>
        texts[$"{typeof(TEnum).Name}.{value}"];

    public static Color Colour(ServiceLevelState state) => state switch
    {
        ServiceLevelState.OnTrack => Color.Info,
        ServiceLevelState.Warning => Color.Warning,
        ServiceLevelState.Breached => Color.Error,
        ServiceLevelState.Paused => Color.Default,
        ServiceLevelState.Met => Color.Success,
        _ => Color.Error,
    };

    public static Color Colour(ComplaintPriority priority) => priority switch
    {
        ComplaintPriority.Urgent => Color.Error,
        ComplaintPriority.High => Color.Warning,
        _ => Color.Default,
    };

    public static Color Colour(ComplaintStage stage) => stage switch
    {
        ComplaintStage.Closed => Color.Success,
        ComplaintStage.Declined => Color.Default,
        _ => Color.Primary,
    };

    /// <summary>Company time, "yyyy-MM-dd HH:mm", or a dash.</summary>
    public static string Time(DateTimeOffset? at) => at is { } t ? CompanyTime.Format(t) : "—";

    /// <summary>A span of time as "2 d 3 h" or "4 h 5 min" in the reader's language.</summary>
    public static string Span(this IStringLocalizer<ComplaintPageTexts> texts, TimeSpan span)
    {
        var abs = span.Duration();
        return abs.TotalDays >= 1
            ? texts["Duration.DaysHours", (int)abs.TotalDays, abs.Hours]
            : texts["Duration.HoursMinutes", (int)abs.TotalHours, abs.Minutes];
    }

    public static string Hours(double hours) => hours.ToString("0.#", CultureInfo.CurrentCulture);

    /// <summary>Bytes as "1.2 MB" / "34 KB".</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
        : Math.Max(1, bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KB";
}
