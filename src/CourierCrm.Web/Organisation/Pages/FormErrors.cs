using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Validation;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Organisation.Pages;

/// <summary>
/// The field errors of one form, keyed like the service's <see cref="ValidationErrors"/>
/// ("code", "outletId") and translated for the person reading them, so each field shows its
/// own message next to it. The services speak English; the known messages have texts
/// under "Err." keys, anything else is shown as the service wrote it.
/// </summary>
public sealed class FormErrors(IStringLocalizer<OrganisationTexts> texts)
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public string? this[string field] => _errors.GetValueOrDefault(field);

    public void Clear() => _errors.Clear();

    public void Set(string field, string message) => _errors[field] = message;

    /// <summary>Takes the errors of a failed command; a conflict names its field too, a refusal goes under "".</summary>
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
                result.Status == CommandStatus.Conflict ? texts["Err.AlreadyUsed"].Value : Translate(m)));
    }

    /// <summary>Errors for fields the form does not show, so none is silently lost.</summary>
    public IEnumerable<string> Except(params string[] shown) =>
        _errors.Where(e => !shown.Contains(e.Key)).Select(e => e.Value);

    private string Translate(string message) => ValidationMessageText.Translate(message, texts);
}
