using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Platform.Validation;

/// <summary>
/// The field errors of one form, keyed like the service's <see cref="ValidationErrors"/> ("name",
/// "contacts[0].phone") and translated for the reader, so each field shows its own message next to
/// it. The services speak English; a feature's texts translate the known messages ("Err." keys) and
/// the refusals ("Err.Status.&lt;status&gt;"); anything else is shown as the service wrote it.
/// </summary>
public abstract class FormFieldErrors(IStringLocalizer texts)
{
    protected readonly Dictionary<string, string> Errors = new(StringComparer.Ordinal);

    public bool Any => Errors.Count > 0;

    public IReadOnlyDictionary<string, string> All => Errors;

    public bool Has(string field) => Errors.ContainsKey(field);

    public string? this[string field] => Errors.GetValueOrDefault(field);

    public void Clear() => Errors.Clear();

    public void Set(string field, string message) => Errors[field] = message;

    /// <summary>Takes the errors of a failed command; a refusal without field errors goes under "".</summary>
    public void Load<T>(CommandResult<T> result)
    {
        Errors.Clear();
        if (result.Errors is null)
        {
            if (!result.Succeeded) Errors[""] = texts["Err.Status." + result.Status];
            return;
        }
        foreach (var (field, messages) in result.Errors.ToDictionary())
            Errors[field] = string.Join(" ", messages.Select(m =>
                result.Status == CommandStatus.Conflict && ConflictText(field) is { } conflict ? conflict : Translate(m)).Distinct());
    }

    /// <summary>What to say when a value conflicts with an existing record (a code already used), or null for the service's words.</summary>
    protected abstract string? ConflictText(string field);

    protected string Translate(string message) => ValidationMessageText.Translate(message, texts);
}
