using System.Text;
using System.Text.RegularExpressions;

namespace CourierCrm.Domain.Customers;

/// <summary>A customer as the duplicate check sees it: the one being saved, or one already on file.</summary>
/// <param name="Id">Null for a customer not saved yet.</param>
/// <param name="PhoneDigits">As produced by <see cref="PhoneNumber.Digits"/>.</param>
/// <param name="Address">The default address as one line, e.g. from PersonalDataMask.FullAddress.</param>
public sealed record DuplicateCandidate(int? Id, string Name, string? PhoneDigits, string? Address);

/// <summary>Why an existing customer looks like the one being saved.</summary>
public enum DuplicateReason
{
    /// <summary>The same phone number: almost certainly the same customer.</summary>
    SamePhone,
    /// <summary>A similar name at a similar address.</summary>
    SimilarNameAndAddress,
    /// <summary>The same name once legal forms and places are removed, at another or unknown address.</summary>
    SameName,
}

/// <param name="Score">1.0 for the same phone; otherwise the mean of name and address similarity (0..1).</param>
public sealed record DuplicateMatch(int Id, string Name, DuplicateReason Reason, double Score);

/// <summary>
/// Warns about a possible duplicate when a customer is created or edited, so the archive stays
/// one record per customer with one responsible owner (DOMAIN.md §2 principles: centralised,
/// one owner). It only warns; the user decides.
/// </summary>
public static partial class DuplicateMatcher
{
    /// <summary>
    /// Names at least this similar count as "similar". On bigram Dice, 0.8 tolerates a typo or a
    /// dropped character in a typical 4-10 character company name but not a different trade name
    /// (字号): "顺丰速运" vs "顺风速运" scores 0.33.
    /// </summary>
    public const double NameSimilarityThreshold = 0.8;

    /// <summary>
    /// Addresses at least this similar count as "the same place". Lower than for names because
    /// people write one address with or without province, district, building or room detail.
    /// </summary>
    public const double AddressSimilarityThreshold = 0.6;

    /// <summary>
    /// The existing customers that look like <paramref name="candidate"/>, most likely first.
    /// An existing customer with the candidate's own Id (the record being edited) is skipped,
    /// as is any without an Id. Each appears at most once, with its strongest reason:
    /// same phone, then similar name and address, then same name.
    /// </summary>
    public static IReadOnlyList<DuplicateMatch> Find(DuplicateCandidate candidate, IEnumerable<DuplicateCandidate> existing)
    {
        var phone = PhoneNumber.Digits(candidate.PhoneDigits);
        var name = NormaliseName(candidate.Name ?? "");
        var matches = new List<DuplicateMatch>();

        foreach (var other in existing)
        {
            if (other.Id is not int id || other.Id == candidate.Id)
                continue;

            if (phone is not null && phone == PhoneNumber.Digits(other.PhoneDigits))
            {
                matches.Add(new DuplicateMatch(id, other.Name ?? "", DuplicateReason.SamePhone, 1.0));
                continue;
            }

            var otherName = NormaliseName(other.Name ?? "");
            if (name.Length == 0 || otherName.Length == 0)
                continue;
            var nameScore = Similarity(name, otherName);
            var addressScore = string.IsNullOrWhiteSpace(candidate.Address) || string.IsNullOrWhiteSpace(other.Address)
                ? 0.0
                : Similarity(candidate.Address, other.Address);
            var score = (nameScore + addressScore) / 2;

            if (nameScore >= NameSimilarityThreshold && addressScore >= AddressSimilarityThreshold)
                matches.Add(new DuplicateMatch(id, other.Name ?? "", DuplicateReason.SimilarNameAndAddress, score));
            else if (name == otherName)
                matches.Add(new DuplicateMatch(id, other.Name ?? "", DuplicateReason.SameName, score));
        }

        return matches
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Reason)
            .ThenBy(m => m.Id)
            .ToList();
    }

    /// <summary>
    /// The part of a customer name that tells customers apart: full-width turned half-width,
    /// lower-cased; bracketed parts ("(深圳)", "（中国）", "(有限合伙)"), legal forms and
    /// company suffixes (有限公司, 股份有限公司, 集团, 分公司, "Co., Ltd", "Inc"...) and a leading
    /// province or city ("深圳市", "广东省") removed; then spaces and punctuation removed.
    /// So "深圳市顺丰速运有限公司" and "顺丰速运(深圳)有限公司" both become "顺丰速运".
    /// A removal that would leave nothing is not made ("有限公司" stays "有限公司"), so only a
    /// name without letters or digits normalises to "".
    /// </summary>
    public static string NormaliseName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "";

        var text = ToHalfWidth(name).ToLowerInvariant();
        // Brackets in Chinese company names hold a place, "中国" or a legal form: never the trade name.
        text = KeepIfNotEmpty(text, Bracketed().Replace(text, " "));

        string before;
        do
        {
            before = text;
            text = KeepIfNotEmpty(text, StripSuffix(text));
            text = KeepIfNotEmpty(text, StripLeadingPlace(text));
        }
        while (text != before);

        return LettersAndDigits(text);
    }

    /// <summary>
    /// Character-bigram Dice coefficient (2·shared bigrams / all bigrams) of the two texts after
    /// light normalisation (full-width to half-width, lower case, no spaces or punctuation).
    /// Company suffixes are NOT removed here, so it suits addresses too; compare names through
    /// <see cref="NormaliseName"/> first. 1.0 for equal texts, 0.0 when one is empty; when either
    /// has a single character, single characters are compared instead of bigrams.
    /// </summary>
    public static double Similarity(string a, string b)
    {
        var x = LettersAndDigits(ToHalfWidth(a ?? "").ToLowerInvariant());
        var y = LettersAndDigits(ToHalfWidth(b ?? "").ToLowerInvariant());
        if (x == y)
            return 1.0;
        if (x.Length == 0 || y.Length == 0)
            return 0.0;

        var size = Math.Min(x.Length, y.Length) < 2 ? 1 : 2;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + size <= x.Length; i++)
        {
            var gram = x.Substring(i, size);
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        var shared = 0;
        for (var i = 0; i + size <= y.Length; i++)
        {
            var gram = y.Substring(i, size);
            if (counts.TryGetValue(gram, out var left) && left > 0)
            {
                counts[gram] = left - 1;
                shared++;
            }
        }

        var total = (x.Length - size + 1) + (y.Length - size + 1);
        return 2.0 * shared / total;
    }

    // Longest first, so 股份有限公司 is not left as 股份 after removing 有限公司.
    private static readonly string[] ChineseSuffixes =
        ["股份有限公司", "有限责任公司", "有限公司", "分公司", "总公司", "公司", "集团", "有限合伙"];

    private static string StripSuffix(string text)
    {
        var trimmed = text.TrimEnd(TrailingJunk);
        var latin = LatinLegalForm().Replace(trimmed, "");
        if (latin != trimmed)
            return latin.TrimEnd(TrailingJunk);

        foreach (var suffix in ChineseSuffixes)
        {
            if (!trimmed.EndsWith(suffix, StringComparison.Ordinal))
                continue;
            var rest = trimmed[..^suffix.Length];
            // "顺丰速运有限公司深圳分公司": the branch's place sits between the company and 分公司.
            if (suffix == "分公司")
            {
                var company = rest.LastIndexOf("公司", StringComparison.Ordinal);
                if (company >= 0 && rest.Length - company - 2 <= 6)
                    rest = rest[..(company + 2)];
            }
            return rest.TrimEnd(TrailingJunk);
        }
        return trimmed;
    }

    private static readonly char[] TrailingJunk = [' ', '\t', ',', '.', '-', '·', '、', '，', '。'];

    /// <summary>
    /// Provinces and the cities most courier customers register in. Only removed when followed by
    /// 省/市/自治区/特别行政区, because a bare place can be part of a trade name ("中山大药房"),
    /// and cutting any "XX市" without a list would also cut "永辉超市".
    /// </summary>
    private static readonly string[] Places =
    [
        "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
        "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
        "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
        "深圳", "广州", "东莞", "佛山", "珠海", "中山", "惠州", "汕头", "杭州", "宁波", "温州", "义乌",
        "金华", "嘉兴", "绍兴", "台州", "南京", "苏州", "无锡", "常州", "南通", "徐州", "武汉", "成都",
        "西安", "郑州", "长沙", "沈阳", "大连", "青岛", "济南", "烟台", "潍坊", "厦门", "福州", "泉州",
        "合肥", "南昌", "昆明", "贵阳", "南宁", "海口", "哈尔滨", "长春", "石家庄", "太原", "呼和浩特",
        "兰州", "西宁", "银川", "乌鲁木齐", "拉萨", "保定", "唐山", "洛阳",
    ];

    private static readonly string[] PlaceKinds = ["特别行政区", "自治区", "省", "市"];

    private static string StripLeadingPlace(string text)
    {
        var trimmed = text.TrimStart();
        foreach (var place in Places)
        {
            if (!trimmed.StartsWith(place, StringComparison.Ordinal))
                continue;
            var rest = trimmed[place.Length..];
            foreach (var kind in PlaceKinds)
                if (rest.StartsWith(kind, StringComparison.Ordinal))
                    return rest[kind.Length..];
        }
        return trimmed;
    }

    private static string KeepIfNotEmpty(string previous, string next) =>
        LettersAndDigits(next).Length == 0 ? previous : next;

    private static string LettersAndDigits(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            if (char.IsLetterOrDigit(c))
                builder.Append(c);
        return builder.ToString();
    }

    /// <summary>Full-width forms (U+FF01..U+FF5E, ideographic space) to ASCII, so "ＡＢＣ（深圳）" matches "ABC(深圳)".</summary>
    private static string ToHalfWidth(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '\u3000' => ' ',
                >= '\uFF01' and <= '\uFF5E' => (char)(chars[i] - 0xFEE0),
                _ => chars[i],
            };
        }
        return new string(chars);
    }

    [GeneratedRegex(@"\([^()]*\)|【[^【】]*】")]
    private static partial Regex Bracketed();

    // Whole words only, so "zinc" keeps its "inc" and "costco" its "co".
    [GeneratedRegex(@"(?:^|[\s,.&-])(?:co\.?\s*,?\s*ltd|company\s+limited|ltd|limited|inc|incorporated|corp|corporation|co|company|llc|gmbh|group)\.?$")]
    private static partial Regex LatinLegalForm();
}
