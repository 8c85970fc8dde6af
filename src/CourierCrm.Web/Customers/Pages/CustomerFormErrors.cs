using System.Text.RegularExpressions;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Validation;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Customers.Pages;

/// <summary>
/// The field errors of the customer form, keyed like the service's validation errors ("name",
/// "contacts[0].phone") and translated for the reader, so each field shows its own message next to it.
/// The services speak English; known messages have texts under "Err." keys, anything else is shown as written.
/// </summary>
public sealed partial class CustomerFormErrors(IStringLocalizer<CustomerTexts> texts)
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, string> All => _errors;

    public bool Has(string field) => _errors.ContainsKey(field);

    public string? this[string field] => _errors.GetValueOrDefault(field);

    /// <summary>Whether any error belongs to a field whose key starts with one of <paramref name="prefixes"/>.</summary>
    public bool Under(params string[] prefixes) => _errors.Keys.Any(k => prefixes.Any(p => k == p || k.StartsWith(p + "[", StringComparison.Ordinal) || k.StartsWith(p + ".", StringComparison.Ordinal)));

    public void Clear() => _errors.Clear();

    /// <summary>Takes the errors of a failed command; a refusal without field errors goes under "".</summary>
    public void Load<T>(CommandResult<T> result)
    {
        _errors.Clear();
        if (result.Errors is null)
        {
            if (!result.Succeeded) _errors[""] = texts["Err.Status." + result.Status];
            return;
        }
        foreach (var (field, messages) in result.Errors.ToDictionary())
            _errors[field] = string.Join(" ", messages.Select(m =>
                result.Status == CommandStatus.Conflict && field == "code" ? texts["Err.CodeUsed"].Value : Translate(m)).Distinct());
    }

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

    private string Translate(string message) => ValidationMessageText.Translate(message, texts);

    [GeneratedRegex(@"^(contacts|addresses|tags)\[(\d+)\](?:\.(\w+))?$")]
    private static partial Regex RowField();
}
