using CourierCrm.Domain.Customers;

namespace CourierCrm.Web.Search;

/// <summary>
/// What a person typed into the search box, read the way a call-centre agent means it: a few
/// digits are a phone's tail or start, a whole number is a phone, a long token may be a waybill,
/// a monthly account or a customer code, and anything with letters or Chinese is a name.
/// </summary>
public sealed record SearchQuery(string Text, string? PhoneDigits)
{
    public const int MaxLength = 100;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;
    /// <summary>Waybill numbers are long; shorter tokens are not looked up as waybills.</summary>
    public const int MinWaybillLength = 8;
    /// <summary>The trigram index needs three characters; shorter names fall back to a bounded scan.</summary>
    public const int MinIndexedNameLength = 3;

    /// <summary>Digits only (spaces, dashes, brackets and +86 ignored): a phone or a part of one.</summary>
    public bool IsDigits => PhoneDigits is not null;

    public bool IsLastFour => PhoneDigits is { Length: 4 };

    /// <summary>Three or more digits: looked up as the start of a phone number.</summary>
    public bool IsPhonePrefix => PhoneDigits is { Length: >= 3 };

    /// <summary>A token without spaces may be a waybill number, a monthly account or a customer code.</summary>
    public bool IsToken => !Text.Any(char.IsWhiteSpace);

    public bool MayBeWaybill => IsToken && Text.Length >= MinWaybillLength;

    /// <summary>Reads <paramref name="raw"/>; null when it is empty after trimming.</summary>
    public static SearchQuery? Parse(string? raw)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        var digits = LooksLikePhone(text) ? PhoneNumber.Digits(text) : null;
        return new SearchQuery(text, digits);
    }

    /// <summary>Why <paramref name="raw"/> cannot be searched, or null when it can.</summary>
    public static string? Problem(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return "must not be empty.";
        if (raw.Trim().Length > MaxLength) return $"must be at most {MaxLength} characters.";
        return null;
    }

    // Full-width digits and the ideographic space come from Chinese input methods.
    private static bool LooksLikePhone(string text) =>
        text.Any(ch => char.IsDigit(ch))
        && text.All(ch => char.IsDigit(ch) || ch is ' ' or '-' or '+' or '(' or ')' or '\u3000' or '\uFF0B' or '\uFF0D');
}
