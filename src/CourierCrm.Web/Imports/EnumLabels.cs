using System.Globalization;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Shipments;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Imports;

/// <summary>
/// Reads a choice (product, payer, status, customer type...) written as its English name or as the
/// label the product shows in either language ("次晨达", "NextMorning", "Next morning"), plus the
/// words couriers' own systems use for them (到付, 寄方付...).
/// </summary>
public sealed class EnumLabels
{
    private static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("zh-CN")];

    private static readonly Dictionary<string, Enum> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["寄方付"] = Payer.Sender, ["寄付现结"] = Payer.Sender, ["现付"] = Payer.Sender,
        ["收方付"] = Payer.Receiver, ["到付"] = Payer.Receiver, ["第三方"] = Payer.ThirdParty, ["月结付"] = Payer.MonthlyAccount,
        ["标快"] = Product.Standard, ["标准"] = Product.Standard, ["经济"] = Product.Economy, ["次晨"] = Product.NextMorning, ["当日"] = Product.SameDay,
        ["已收件"] = WaybillStatus.PickedUp, ["签收"] = WaybillStatus.Delivered, ["派件中"] = WaybillStatus.OutForDelivery, ["退回"] = WaybillStatus.Returned,
        ["个人"] = CustomerType.Individual, ["个体"] = CustomerType.Individual, ["企业"] = CustomerType.Organisation, ["组织"] = CustomerType.Organisation,
    };

    private readonly Dictionary<(Type, string), Enum> _byText = [];

    public EnumLabels(IStringLocalizer<ShipmentTexts> shipments, IStringLocalizer<CustomerTexts> customers)
    {
        Add<Product>(shipments); Add<Payer>(shipments); Add<WaybillStatus>(shipments);
        Add<CustomerType>(customers); Add<CustomerNature>(customers); Add<MarketType>(customers); Add<LifecycleState>(customers);
        foreach (var (text, value) in Synonyms) _byText.TryAdd((value.GetType(), Key(text)), value);
    }

    public bool TryParse<TEnum>(string text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        var key = Key(text);
        if (key.Length == 0 || key.All(char.IsAsciiDigit)) return false; // "3" is not a choice, whatever Enum.Parse says
        if (Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value)) return true;
        if (!_byText.TryGetValue((typeof(TEnum), key), out var found)) return false;
        value = (TEnum)found;
        return true;
    }

    private void Add<TEnum>(IStringLocalizer texts) where TEnum : struct, Enum
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in Cultures)
            {
                CultureInfo.CurrentUICulture = culture;
                foreach (var value in Enum.GetValues<TEnum>())
                {
                    var label = texts[$"{typeof(TEnum).Name}.{value}"];
                    if (!label.ResourceNotFound) _byText.TryAdd((typeof(TEnum), Key(label.Value)), value);
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static string Key(string text) => ColumnMapping.Normalise(text);
}
