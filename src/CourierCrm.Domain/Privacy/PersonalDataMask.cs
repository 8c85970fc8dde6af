using System.Globalization;
using System.Text;

namespace CourierCrm.Domain.Privacy;

/// <summary>
/// Masks personal data for viewers without the right to see it (DESIGN.md "Data scopes and
/// privacy", GB/T 41833-2022 style): at least 6 phone digits, the room number and part of a
/// name are hidden. Masking keeps the shape of the value so people can still tell records apart
/// and recognise a number the customer reads out.
/// </summary>
public static class PersonalDataMask
{
    /// <summary>Fewest phone digits ever left visible is total minus this (GB/T 41833-2022 style).</summary>
    public const int MinHiddenPhoneDigits = 6;

    private const char Hidden = '*';

    /// <summary>
    /// Replaces phone digits with '*', keeping every other character (spaces, dashes, brackets,
    /// the "+" of a country code) where it is, so the length never changes.
    /// <para>Rule, applied to the digits after a country code (+86, 0086, or 86 before an 11-digit
    /// mobile; the country code stays visible because it says nothing about the person):</para>
    /// <list type="bullet">
    /// <item>11-digit mobile: keep the first 3 and last 2 ("13812345678" → "138******78").</item>
    /// <item>landline (starts with 0): keep the area code (3 digits for 010 and 02x, else 4), the
    /// next digit and the last digit ("0755-86001234" → "0755-8******4").</item>
    /// <item>anything else: keep the first 3 and last 2.</item>
    /// </list>
    /// When that would hide fewer than <see cref="MinHiddenPhoneDigits"/> digits, fewer are kept:
    /// first from the end, then from the start. Numbers of 6 digits or fewer are hidden whole.
    /// </summary>
    /// <returns>null for null; the input unchanged when it has no digits.</returns>
    public static string? Phone(string? phone)
    {
        if (phone is null)
            return null;

        var positions = new List<int>(phone.Length);
        var digits = new StringBuilder(phone.Length);
        for (var i = 0; i < phone.Length; i++)
        {
            // char.IsDigit, not IsAsciiDigit: a full-width digit is just as personal.
            if (char.IsDigit(phone[i]))
            {
                positions.Add(i);
                digits.Append((char)('0' + (int)char.GetNumericValue(phone[i])));
            }
        }
        if (positions.Count == 0)
            return phone;

        var all = digits.ToString();
        var countryCode = CountryCodeLength(phone, all);
        var significant = all[countryCode..];
        var (keepStart, keepEnd) = PreferredVisibleDigits(significant);
        while (significant.Length - keepStart - keepEnd < MinHiddenPhoneDigits && keepStart + keepEnd > 0)
        {
            if (keepEnd > 0) keepEnd--;
            else keepStart--;
        }

        var masked = phone.ToCharArray();
        for (var i = countryCode + keepStart; i < positions.Count - keepEnd; i++)
            masked[positions[i]] = Hidden;
        return new string(masked);
    }

    /// <summary>
    /// How many leading digits are a country code. Only recognised when at least 7 digits follow,
    /// so that keeping it visible can never leave fewer than 6 hidden digits.
    /// </summary>
    private static int CountryCodeLength(string phone, string digits)
    {
        var hasPlus = phone.TrimStart().StartsWith('+') || phone.TrimStart().StartsWith('＋');
        if (hasPlus && digits.StartsWith("86", StringComparison.Ordinal) && digits.Length - 2 > MinHiddenPhoneDigits)
            return 2;
        if (digits.StartsWith("0086", StringComparison.Ordinal) && digits.Length - 4 > MinHiddenPhoneDigits)
            return 4;
        if (digits.Length == 13 && digits.StartsWith("861", StringComparison.Ordinal))
            return 2;
        return 0;
    }

    private static (int Start, int End) PreferredVisibleDigits(string significant)
    {
        if (significant.Length == 11 && significant[0] == '1')
            return (3, 2);
        if (significant.Length > 1 && significant[0] == '0')
        {
            // Beijing (010) and the 02x cities have 3-digit area codes; all others have 4.
            var areaCode = significant[1] is '1' or '2' ? 3 : 4;
            return (areaCode + 1, 1);
        }
        return (3, 2);
    }

    /// <summary>
    /// Hides part of a person's name, after trimming it.
    /// Chinese (and other non-Latin) names: 1 character → "*"; 2 → first + "*" ("张三" → "张*");
    /// 3 or more → first + one '*' per middle character + last ("王小明" → "王*明", "欧阳娜娜" → "欧**娜").
    /// Names with Latin letters: every word keeps its first letter, other letters become '*'
    /// ("John Smith" → "J*** S****"); a one-letter name becomes "*".
    /// Characters are counted as text elements, so rare characters outside the BMP count once.
    /// </summary>
    /// <returns>null for null; "" for an empty or blank name.</returns>
    public static string? PersonName(string? name)
    {
        if (name is null)
            return null;
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
            return "";
        return trimmed.Any(char.IsAsciiLetter) ? MaskLatinName(trimmed) : MaskChineseName(trimmed);
    }

    private static string MaskChineseName(string name)
    {
        var elements = TextElements(name);
        return elements.Count switch
        {
            1 => Hidden.ToString(),
            2 => elements[0] + Hidden,
            _ => elements[0] + new string(Hidden, elements.Count - 2) + elements[^1],
        };
    }

    private static string MaskLatinName(string name)
    {
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1 && TextElements(words[0]).Count == 1)
            return Hidden.ToString();

        return string.Join(' ', words.Select(word =>
        {
            var elements = TextElements(word);
            var masked = new StringBuilder(word.Length);
            masked.Append(elements[0]);
            // Keep punctuation such as the dot of an initial or a hyphen: it tells no one who this is.
            foreach (var element in elements.Skip(1))
                masked.Append(element.Length == 1 && char.IsPunctuation(element[0]) ? element : Hidden.ToString());
            return masked.ToString();
        }));
    }

    private static List<string> TextElements(string text)
    {
        var result = new List<string>(text.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
            result.Add(enumerator.GetTextElement());
        return result;
    }

    /// <summary>
    /// An address with province, city and district kept, every digit of the street replaced by
    /// '*' and the room/unit (门牌/单元/室) replaced by "****" when there is one:
    /// ("广东省", "深圳市", "南山区", "科技园路12号", "3栋502") → "广东省深圳市南山区科技园路**号 ****".
    /// Null or blank parts are left out; never throws.
    /// </summary>
    public static string Address(string province, string city, string? district, string street, string? room)
    {
        var maskedStreet = new string((street ?? "").Trim().Select(c => char.IsDigit(c) ? Hidden : c).ToArray());
        var maskedRoom = string.IsNullOrWhiteSpace(room) ? null : "****";
        return Compose(province, city, district, maskedStreet, maskedRoom);
    }

    /// <summary>
    /// The same address unmasked, written the Chinese way (largest part first, no separators)
    /// with a space before the room: "广东省深圳市南山区科技园路12号 3栋502".
    /// A city equal to its province (北京市, 上海市...) is written once. Never throws.
    /// </summary>
    public static string FullAddress(string province, string city, string? district, string street, string? room) =>
        Compose(province, city, district, street, room);

    private static string Compose(string? province, string? city, string? district, string? street, string? room)
    {
        var p = province?.Trim() ?? "";
        var c = city?.Trim() ?? "";
        // Municipalities are their own province: "北京市北京市朝阳区" reads as a typing error.
        if (c == p)
            c = "";
        var place = p + c + (district?.Trim() ?? "") + (street?.Trim() ?? "");
        var r = room?.Trim() ?? "";
        if (r.Length == 0)
            return place;
        return place.Length == 0 ? r : place + " " + r;
    }

    /// <summary>
    /// Keeps the first character of the local part and the whole domain, masking the rest of the
    /// local part one '*' per character: "zhangsan@qq.com" → "z*******@qq.com". A one-character
    /// local part is masked whole; text without '@' is treated as a local part.
    /// </summary>
    /// <returns>null for null; the trimmed input when blank.</returns>
    public static string? Email(string? email)
    {
        if (email is null)
            return null;
        var trimmed = email.Trim();
        if (trimmed.Length == 0)
            return trimmed;

        var at = trimmed.LastIndexOf('@');
        var local = at < 0 ? trimmed : trimmed[..at];
        var domain = at < 0 ? "" : trimmed[at..];
        var maskedLocal = local.Length switch
        {
            0 => "",
            1 => Hidden.ToString(),
            _ => local[0] + new string(Hidden, local.Length - 1),
        };
        return maskedLocal + domain;
    }
}
