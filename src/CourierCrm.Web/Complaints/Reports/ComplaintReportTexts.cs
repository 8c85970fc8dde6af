using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Complaints.Reports;

/// <summary>Texts of the complaint reports, the callback form and the 360 service card (ComplaintReportTexts.resx).</summary>
public sealed class ComplaintReportTexts;

public static class ComplaintReportLabels
{
    /// <summary>An enum value's label, e.g. key "ComplaintCategory.Delay".</summary>
    public static string Of<TEnum>(this IStringLocalizer<ComplaintReportTexts> texts, TEnum value) where TEnum : struct, Enum =>
        texts[$"{typeof(TEnum).Name}.{value}"];

    public static string Yuan(decimal yuan) => "¥" + yuan.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);

    public static string Percent(decimal? share) => share is { } s ? (s * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    public static string Hours(double? hours) => hours is { } h ? h.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
