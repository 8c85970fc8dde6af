using CourierCrm.Web.Customers;
using CourierCrm.Web.Platform.Validation;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Imports;

/// <summary>
/// The import's words in the current UI culture (a job sets it to its starter's language): its own
/// texts, field labels, and the services' English validation messages translated as the forms do.
/// </summary>
public sealed class ImportTranslator(IStringLocalizer<ImportTexts> texts, IStringLocalizer<CustomerTexts> customerTexts)
{
    public string Text(string key, params object[] arguments) => texts[key, arguments];

    public string FieldLabel(string field) => texts["Field." + field];

    /// <summary>A validation message in the reader's language: the import's own texts first, then the customer archive's (phone rules).</summary>
    public string Reason(string message)
    {
        var own = ValidationMessageText.Translate(message, texts);
        return own != message ? own : ValidationMessageText.Translate(message, customerTexts);
    }
}
