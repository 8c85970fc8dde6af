using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Platform.Validation;

/// <summary>
/// Turns the services' English validation messages into the reader's language. DataAnnotations'
/// default messages carry the property name, which the field beside them already shows, so they
/// become short texts ("Err.Required", "Err.MaxLength"…); other known messages have "Err.&lt;message&gt;"
/// texts; anything else is shown as the service wrote it.
/// </summary>
public static partial class ValidationMessageText
{
    public static string Translate(string message, IStringLocalizer texts)
    {
        if (message == "is required." || RequiredPattern().IsMatch(message)) return texts["Err.Required"];
        if (MaxItemsPattern().Match(message) is { Success: true } items) return texts["Err.MaxItems", items.Groups[1].Value];
        if (MaxLengthPattern().Match(message) is { Success: true } max) return texts["Err.MaxLength", max.Groups[1].Value];
        if (AtMostPattern().Match(message) is { Success: true } most) return texts["Err.MaxLength", most.Groups[1].Value];
        if (LengthPattern().Match(message) is { Success: true } len) return texts["Err.Length", len.Groups[1].Value, len.Groups[2].Value];
        if (RangePattern().Match(message) is { Success: true } range) return texts["Err.Range", range.Groups[1].Value, range.Groups[2].Value];
        if (EmailPattern().IsMatch(message)) return texts["Err.Email"];
        var known = texts["Err." + message];
        return known.ResourceNotFound ? message : known.Value;
    }

    [GeneratedRegex(@"^The \w+ field is required\.$")]
    private static partial Regex RequiredPattern();

    [GeneratedRegex(@"^The field \w+ must be a string with a maximum length of (\d+)\.$")]
    private static partial Regex MaxLengthPattern();

    [GeneratedRegex(@"^The field \w+ must be a string with a minimum length of (\d+) and a maximum length of (\d+)\.$")]
    private static partial Regex LengthPattern();

    [GeneratedRegex(@"^The field \w+ must be a string or array type with a maximum length of '(\d+)'\.$")]
    private static partial Regex MaxItemsPattern();

    [GeneratedRegex(@"^must be at most (\d+) characters\.$")]
    private static partial Regex AtMostPattern();

    [GeneratedRegex(@"^The field \w+ must be between (\S+) and (\S+)\.$")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"^The \w+ field is not a valid e-mail address\.$")]
    private static partial Regex EmailPattern();
}
