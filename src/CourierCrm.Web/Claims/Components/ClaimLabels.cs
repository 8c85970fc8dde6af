using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Platform;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CourierCrm.Web.Claims.Components;

/// <summary>How the claim pages word statuses, amounts, deadlines and the commands' answers in the reader's language.</summary>
public static class ClaimLabels
{
    /// <summary>Yuan as the records show them: "¥1,234.50".</summary>
    public static string Yuan(decimal yuan) => Money.Format(Money.ToFen(yuan));

    public static string Yuan(decimal? yuan) => yuan is { } y ? Yuan(y) : "—";

    public static string Status(this IStringLocalizer<ClaimTexts> t, ClaimStatus status) => t["Status." + status];

    public static string Kind(this IStringLocalizer<ClaimTexts> t, IncidentKind kind) => t["Kind." + kind];

    public static string Level(this IStringLocalizer<ClaimTexts> t, ApprovalLevel level) => t["Level." + level];

    public static Color Colour(ClaimStatus status) => status switch
    {
        ClaimStatus.Paid => Color.Success,
        ClaimStatus.Approved => Color.Info,
        ClaimStatus.Rejected => Color.Default,
        _ => Color.Warning,
    };

    /// <summary>Why the rule allows what it allows, in words.</summary>
    public static string RuleExplanation(this IStringLocalizer<ClaimTexts> t, ClaimRuleView rule) => rule.LimitedBy switch
    {
        CompensationLimit.DeclaredValue => t["Limit.DeclaredValue", Yuan(rule.Cap)],
        CompensationLimit.FreightMultiple => t["Limit.FreightMultiple", rule.FreightMultiple.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), Yuan(rule.Cap)],
        _ => t["Limit." + rule.LimitedBy],
    };

    /// <summary>"12 days left" / "due today" / "3 days overdue".</summary>
    public static string DaysLeft(this IStringLocalizer<ClaimTexts> t, int days) =>
        days > 0 ? t["DaysLeft", days] : days == 0 ? t["DueToday"] : t["DaysOverdue", -days];

    /// <summary>A field's message from a command's answer, in the reader's language; null when the field is fine.</summary>
    public static string? FieldError<T>(this IStringLocalizer<ClaimTexts> t, CommandResult<T>? result, string field) =>
        result?.Errors?.For(field) is { Count: > 0 } messages ? t[ClaimMessages.KeyOf(messages[0])].Value : null;

    /// <summary>The whole answer of a failed command for an alert: its reason when it has one, else its status.</summary>
    public static string Failure<T>(this IStringLocalizer<ClaimTexts> t, CommandResult<T> result)
    {
        var reason = result.Message ?? result.Errors?.ToDictionary().Values.SelectMany(m => m).FirstOrDefault();
        return reason is not null && ClaimMessages.KeyOf(reason) != reason
            ? t[ClaimMessages.KeyOf(reason)].Value
            : t["Failed", t["Err.Status." + result.Status]].Value;
    }
}
