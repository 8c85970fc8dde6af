using System.Globalization;
using CourierCrm.Web.Platform.Localization;

namespace CourierCrm.Web.Imports;

/// <summary>
/// Reads a cell as people type it in a spreadsheet: "1,234.50", "¥12", "3.2kg"; dates as
/// 2026-11-23, 2026/11/23 14:05, 2026年11月23日 or ISO 8601; 是/否 and yes/no. A time without an
/// offset is China time, like everything the couriers write. Each returns false for text it cannot read.
/// </summary>
public static class CellParsing
{
    private static readonly string[] DateFormats =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd",
        "yyyy-M-d H:mm", "yyyy/M/d H:mm", "yyyy.M.d H:mm", "yyyy年M月d日 H:mm", "yyyy年M月d日H:mm",
        "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy.M.d H:mm:ss", "yyyy年M月d日 H:mm:ss", "yyyy年M月d日H时m分",
        "yyyy-M-dTH:mm", "yyyy-M-dTH:mm:ss", "yyyy-M-d H:mm:ss.FFFFFFF", "yyyy-M-dTH:mm:ss.FFFFFFF",
    ];

    private static readonly HashSet<string> Yes = new(["是", "y", "yes", "true", "1", "有", "保价", "√", "✓"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> No = new(["否", "n", "no", "false", "0", "无", "不保价", "×"], StringComparer.OrdinalIgnoreCase);

    public static bool TryDecimal(string text, out decimal value)
    {
        var clean = text.Trim().Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal)
            .TrimStart('¥', '￥').TrimEnd('元');
        if (clean.EndsWith("kg", StringComparison.OrdinalIgnoreCase)) clean = clean[..^2];
        else if (clean.EndsWith("公斤", StringComparison.Ordinal)) clean = clean[..^2];
        return decimal.TryParse(clean.Trim(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryInt(string text, out int value)
    {
        value = 0;
        if (!TryDecimal(text, out var d) || d != decimal.Truncate(d) || d is > int.MaxValue or < int.MinValue) return false;
        value = (int)d;
        return true;
    }

    public static bool TryBool(string text, out bool value)
    {
        var t = text.Trim();
        value = Yes.Contains(t);
        return value || No.Contains(t);
    }

    public static bool TryTime(string text, out DateTimeOffset value)
    {
        var t = text.Trim();
        value = default;
        // An explicit offset or Z is taken as written.
        if (HasOffset(t) && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            value = value.ToUniversalTime();
            return value.Year is >= 1900 and <= 2200;
        }
        if (!DateTime.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local)) return false;
        if (local.Year is < 1900 or > 2200) return false;
        var offset = CompanyTime.Local(new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Utc))).Offset;
        value = new DateTimeOffset(local, offset).ToUniversalTime();
        return true;
    }

    public static bool TryDate(string text, out DateOnly value)
    {
        value = default;
        if (!TryTime(text, out var at)) return false;
        value = DateOnly.FromDateTime(CompanyTime.Local(at).DateTime);
        return true;
    }

    private static bool HasOffset(string t) =>
        t.EndsWith('Z') || t.EndsWith('z') || (t.Length > 6 && t[^6] is '+' or '-' && t[^3] == ':' && t.Contains('T', StringComparison.Ordinal) | t.Contains(' ', StringComparison.Ordinal));
}
