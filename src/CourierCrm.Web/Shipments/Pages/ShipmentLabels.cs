using CourierCrm.Domain.Shipments;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CourierCrm.Web.Shipments.Pages;

/// <summary>How the waybill pages name enum values, amounts and statuses in the reader's language.</summary>
public static class ShipmentLabels
{
    /// <summary>"WaybillStatus.Delivered" → 已签收 / Delivered.</summary>
    public static string Of<TEnum>(this IStringLocalizer<ShipmentTexts> texts, TEnum value) where TEnum : struct, Enum =>
        texts[$"{typeof(TEnum).Name}.{value}"];

    /// <summary>Yuan as the records show them: "¥1,234.50".</summary>
    public static string Yuan(decimal yuan) => Money.Format(Money.ToFen(yuan));

    public static string Yuan(decimal? yuan) => yuan is { } y ? Yuan(y) : "—";

    public static Color Colour(WaybillStatus status) => status switch
    {
        WaybillStatus.Delivered => Color.Success,
        WaybillStatus.Exception => Color.Error,
        WaybillStatus.Returned => Color.Warning,
        WaybillStatus.Ordered => Color.Default,
        _ => Color.Info,
    };
}
