using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Shipments;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Segmentation.Dashboards;

/// <summary>How the dashboards name classes, shares and amounts in the reader's language.</summary>
public static class DashboardLabels
{
    /// <summary>"ValuePyramidTier.Important" → 重要客户 / Important.</summary>
    public static string Of<TEnum>(this IStringLocalizer<DashboardTexts> texts, TEnum value) where TEnum : struct, Enum =>
        texts[$"{typeof(TEnum).Name}.{value}"];

    /// <summary>A class change's from/to value (an enum name of the dimension's class, null for none) in words.</summary>
    public static string ClassValue(this IStringLocalizer<DashboardTexts> texts, ClassDimension dimension, string? value)
    {
        if (value is null) return texts["Movement.NoClass"];
        var text = texts[$"{EnumOf(dimension)}.{value}"];
        return text.ResourceNotFound ? value : text.Value;
    }

    private static string EnumOf(ClassDimension dimension) => dimension switch
    {
        ClassDimension.Abc => nameof(AbcClass),
        ClassDimension.ValuePyramid => nameof(ValuePyramidTier),
        ClassDimension.KeyAccount => nameof(KeyAccountTier),
        _ => nameof(LifecycleState),
    };

    /// <summary>0.1234 → "12.3 %".</summary>
    public static string Percent(decimal share) => (share * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %";

    public static string Yuan(long fen) => Money.Format(fen);

    /// <summary>Whole yuan for chart axes and tight cells: "¥12,345".</summary>
    public static string WholeYuan(long fen) => "¥" + (fen / 100).ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture);
}
