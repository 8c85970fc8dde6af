using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Customers.Pages;

/// <summary>How the customer pages name enum values and archive items in the reader's language.</summary>
public static class CustomerLabels
{
    /// <summary>"MarketType.ECommerce" → 电商 / E-commerce.</summary>
    public static string Of<TEnum>(this IStringLocalizer<CustomerTexts> texts, TEnum value) where TEnum : struct, Enum =>
        texts[$"{typeof(TEnum).Name}.{value}"];

    /// <summary>
    /// An item named by <see cref="CourierCrm.Domain.Customers.ArchiveCompleteness"/> or an audit change key:
    /// a field ("LegalRepresentative", "legalRepresentative") or a contact role ("DecisionMaker").
    /// </summary>
    public static string Item(this IStringLocalizer<CustomerTexts> texts, string name)
    {
        if (string.IsNullOrEmpty(name)) return name;
        var pascal = char.ToUpperInvariant(name[0]) + name[1..];
        var field = texts["Field." + pascal];
        if (!field.ResourceNotFound) return field;
        var role = texts["ContactRole." + pascal];
        return role.ResourceNotFound ? name : role;
    }
}
