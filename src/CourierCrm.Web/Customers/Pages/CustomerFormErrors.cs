using System.Text.RegularExpressions;
using CourierCrm.Web.Platform.Validation;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Customers.Pages;

/// <summary>The customer form's field errors (see <see cref="FormFieldErrors"/>), with labels for the summary above the form.</summary>
public sealed partial class CustomerFormErrors(IStringLocalizer<CustomerTexts> texts) : FormFieldErrors(texts)
{
    /// <summary>Whether any error belongs to a field whose key starts with one of <paramref name="prefixes"/>.</summary>
    public bool Under(params string[] prefixes) => Errors.Keys.Any(k => prefixes.Any(p => k == p || k.StartsWith(p + "[", StringComparison.Ordinal) || k.StartsWith(p + ".", StringComparison.Ordinal)));

    protected override string? ConflictText(string field) => field == "code" ? texts["Err.CodeUsed"].Value : null;

    /// <summary>
    /// Where an error sits, for the summary above the form: "电话" for "phone", "联系人 2 · 电话" for "contacts[1].phone".
    /// </summary>
    public string Label(string field)
    {
        var m = RowField().Match(field);
        if (!m.Success) return texts.Item(field);
        var number = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
        var row = m.Groups[1].Value switch
        {
            "contacts" => texts["Contact.Number", number].Value,
            "addresses" => texts["Address.Number", number].Value,
            _ => $"{texts["Field.Tags"]} {number}",
        };
        if (!m.Groups[3].Success) return row;
        var prefix = m.Groups[1].Value == "contacts" ? "Contact." : "Address.";
        var name = m.Groups[3].Value;
        var label = texts[prefix + char.ToUpperInvariant(name[0]) + name[1..]];
        return $"{row} · {(label.ResourceNotFound ? name : label.Value)}";
    }

    [GeneratedRegex(@"^(contacts|addresses|tags)\[(\d+)\](?:\.(\w+))?$")]
    private static partial Regex RowField();
}
