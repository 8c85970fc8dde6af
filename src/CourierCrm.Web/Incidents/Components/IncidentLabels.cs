using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Platform.Validation;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CourierCrm.Web.Incidents.Components;

/// <summary>How the incident pages name enum values, amounts, colours and time left in the reader's language.</summary>
public static class IncidentLabels
{
    /// <summary>"IncidentGrade.Major" → 重大事故 / Major.</summary>
    public static string Of<TEnum>(this IStringLocalizer<IncidentTexts> texts, TEnum value) where TEnum : struct, Enum =>
        texts[$"{typeof(TEnum).Name}.{value}"];

    public static string Yuan(decimal yuan) => Money.Format(Money.ToFen(yuan));

    public static Color Colour(IncidentStatus status) => status switch
    {
        IncidentStatus.Draft => Color.Warning,
        IncidentStatus.Open => Color.Info,
        IncidentStatus.Closed => Color.Success,
        _ => Color.Default,
    };

    public static Color Colour(IncidentGrade grade) => grade switch
    {
        IncidentGrade.Extraordinary => Color.Error,
        IncidentGrade.Major => Color.Warning,
        _ => Color.Default,
    };

    public static Color Colour(ReportState state) => state switch
    {
        ReportState.Overdue => Color.Error,
        ReportState.ReportedLate => Color.Warning,
        ReportState.Reported => Color.Success,
        _ => Color.Info,
    };

    /// <summary>"25 min", "3 h 10 min", "2 d 4 h": a countdown as a person reads it.</summary>
    public static string Duration(this IStringLocalizer<IncidentTexts> texts, TimeSpan span)
    {
        var s = span.Duration();
        if (s.TotalHours < 1) return texts["Duration.Minutes", Math.Max(1, (int)Math.Ceiling(s.TotalMinutes))];
        if (s.TotalDays < 1) return texts["Duration.HoursMinutes", (int)s.TotalHours, s.Minutes];
        return texts["Duration.DaysHours", (int)s.TotalDays, s.Hours];
    }
}

/// <summary>The field errors of the incident forms, translated from the services' messages.</summary>
public sealed class IncidentFormErrors(IStringLocalizer<IncidentTexts> texts) : FormFieldErrors(texts)
{
    protected override string? ConflictText(string field) => field == "version" ? texts["Detail.Stale"].Value : null;
}
