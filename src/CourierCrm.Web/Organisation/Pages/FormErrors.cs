using CourierCrm.Web.Platform.Validation;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Organisation.Pages;

/// <summary>An administration form's field errors (see <see cref="FormFieldErrors"/>).</summary>
public sealed class FormErrors(IStringLocalizer<OrganisationTexts> texts) : FormFieldErrors(texts)
{
    protected override string? ConflictText(string field) => texts["Err.AlreadyUsed"].Value;

    /// <summary>Errors for fields the form does not show, so none is silently lost.</summary>
    public IEnumerable<string> Except(params string[] shown) =>
        Errors.Where(e => !shown.Contains(e.Key)).Select(e => e.Value);
}
