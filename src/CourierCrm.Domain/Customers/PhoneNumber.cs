using System.Text;
using System.Text.RegularExpressions;

namespace CourierCrm.Domain.Customers;

/// <summary>
/// Chinese phone numbers as people type them: mobiles (with or without +86), landlines with
/// an area code and extension, and 400/800 service numbers.
/// </summary>
public static partial class PhoneNumber
{
    /// <summary>
    /// The digits of <paramref name="raw"/>, for exact and prefix lookups (Customer.PhoneDigits).
    /// A country code (+86, 0086, 86) is dropped when what remains is an 11-digit mobile, so
    /// "+86 138 1234 5678" and "13812345678" find the same customer. Full-width digits count
    /// as digits because Chinese input methods produce them. Extension digits stay attached.
    /// </summary>
    /// <returns>The digits, or null when <paramref name="raw"/> is null, empty or has no digits.</returns>
    public static string? Digits(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
            return null;

        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            var half = ToHalfWidth(c);
            if (char.IsAsciiDigit(half))
                builder.Append(half);
        }
        if (builder.Length == 0)
            return null;

        var digits = builder.ToString();
        if (digits.Length == 15 && digits.StartsWith("0086", StringComparison.Ordinal) && IsMobileDigits(digits[4..]))
            return digits[4..];
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) && IsMobileDigits(digits[2..]))
            return digits[2..];
        return digits;
    }

    /// <summary>True when <see cref="Problem"/> finds nothing wrong.</summary>
    /// <summary>The last four digits of a number (what callers often give), or null with fewer than four.</summary>
    public static string? LastFour(string? digits) => digits is { Length: >= 4 } d ? d[^4..] : null;

    public static bool IsValid(string raw) => Problem(raw) is null;

    /// <summary>
    /// Why <paramref name="raw"/> is not a phone number we can call, in a short English sentence,
    /// or null when it is one of:
    /// <list type="bullet">
    /// <item>a mobile: 1[3-9] and 9 more digits, optionally after +86/0086/86, with spaces or dashes anywhere;</item>
    /// <item>a landline: 0 and a 2-3 digit area code (optionally in brackets), an optional dash or
    /// space, 7-8 digits (optionally grouped 3+4 or 4+4), and an optional extension written "-123" or "转123";</item>
    /// <item>a 400/800 service number: 400 or 800 and 7 more digits, with spaces or dashes anywhere.</item>
    /// </list>
    /// </summary>
    public static string? Problem(string raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return "Phone number is empty.";

        var text = ToHalfWidth(raw).Trim();
        if (!AllowedCharacters().IsMatch(text))
            return "Phone number may contain only digits, spaces, dashes, brackets, a leading + and 转.";

        var compact = SpacesAndDashes().Replace(text, "");
        if (Mobile().IsMatch(compact) || ServiceNumber().IsMatch(compact) || Landline().IsMatch(text))
            return null;

        return DigitCountProblem(text);
    }

    /// <summary>Explains a number that has the right characters but the wrong shape, mostly by counting digits.</summary>
    private static string DigitCountProblem(string text)
    {
        // The part before 转 is the number itself; the extension does not decide its kind.
        var number = text.Split('转')[0];
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        if (number.StartsWith('+') && digits.StartsWith("86", StringComparison.Ordinal))
            digits = digits[2..];
        else if (digits.StartsWith("0086", StringComparison.Ordinal))
            digits = digits[4..];

        const string notAPhone = "Not a Chinese mobile, landline with area code, or 400/800 number.";
        if (digits.Length == 0)
            return "Phone number has no digits.";

        if (digits[0] == '1')
        {
            if (digits.Length < 11) return "Too few digits for a mobile number (11 needed).";
            if (digits.Length > 11) return "Too many digits for a mobile number (11 needed).";
            return digits[1] is >= '3' and <= '9' ? notAPhone : "Mobile numbers start with 13 to 19.";
        }
        if (digits.StartsWith("400", StringComparison.Ordinal) || digits.StartsWith("800", StringComparison.Ordinal))
        {
            if (digits.Length < 10) return "Too few digits for a 400/800 number (10 needed).";
            if (digits.Length > 10) return "Too many digits for a 400/800 number (10 needed).";
            return notAPhone;
        }
        if (digits[0] == '0')
        {
            // Shortest landline: 3-digit area code + 7 digits; longest: 4 + 8 (plus an extension, which matched above).
            if (digits.Length < 10) return "Too few digits for a landline with area code.";
            if (digits.Length > 12) return "Too many digits for a landline with area code.";
            return notAPhone;
        }
        if (digits.Length < 7) return "Too few digits.";
        if (digits.Length > 12) return "Too many digits.";
        // 7-8 digits without a leading 0 is a local landline number: we cannot tell which city.
        return digits.Length <= 8 ? "Landline numbers need an area code starting with 0." : notAPhone;
    }

    private static bool IsMobileDigits(string digits) => MobileDigits().IsMatch(digits);

    private static string ToHalfWidth(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            chars[i] = ToHalfWidth(chars[i]);
        return new string(chars);
    }

    /// <summary>Full-width forms (U+FF01..U+FF5E, ideographic space) to ASCII, as typed by Chinese input methods.</summary>
    private static char ToHalfWidth(char c) => c switch
    {
        '\u3000' => ' ',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        _ => c,
    };

    [GeneratedRegex(@"^\+?[0-9\s\-()转]+$")]
    private static partial Regex AllowedCharacters();

    [GeneratedRegex(@"[\s\-]")]
    private static partial Regex SpacesAndDashes();

    [GeneratedRegex(@"^(?:\+86|0086|86)?1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex MobileDigits();

    [GeneratedRegex(@"^(?:400|800)[0-9]{7}$")]
    private static partial Regex ServiceNumber();

    // The 7-8 subscriber digits may be grouped 3+4 or 4+4 ("010-1234-5678"), as printed on cards.
    [GeneratedRegex(@"^(?:\(0[0-9]{2,3}\)|0[0-9]{2,3})[\s\-]?(?:[0-9]{7,8}|[0-9]{3,4}[\s\-][0-9]{4})(?:\s*(?:-|转)\s*[0-9]{1,6})?$")]
    private static partial Regex Landline();
}
