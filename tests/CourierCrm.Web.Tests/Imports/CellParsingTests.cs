using CourierCrm.Web.Imports;

namespace CourierCrm.Web.Tests.Imports;

/// <summary>Cells as people type them.</summary>
public sealed class CellParsingTests
{
    [Theory]
    [InlineData("1,234.50", "1234.50")]
    [InlineData("¥18", "18")]
    [InlineData("3.2kg", "3.2")]
    [InlineData(" 7 ", "7")]
    [InlineData("1.5E+3", "1500")]
    public void Numbers_are_read_with_thousands_separators_currency_and_units(string cell, string expected)
    {
        Assert.True(CellParsing.TryDecimal(cell, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12元5")]
    [InlineData("=1+2")]
    public void Text_is_not_a_number(string cell) => Assert.False(CellParsing.TryDecimal(cell, out _));

    [Theory]
    [InlineData("2026-11-20 10:30", "2026-11-20T02:30:00Z")]
    [InlineData("2026/11/20 10:30:15", "2026-11-20T02:30:15Z")]
    [InlineData("2026年11月20日", "2026-11-19T16:00:00Z")]
    [InlineData("2026-11-20T10:30:00+08:00", "2026-11-20T02:30:00Z")]
    [InlineData("2026-11-20T02:30:00Z", "2026-11-20T02:30:00Z")]
    public void Times_without_an_offset_are_china_time(string cell, string utc)
    {
        Assert.True(CellParsing.TryTime(cell, out var value));
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("yesterday")]
    [InlineData("20/11/2026")]
    public void Impossible_or_ambiguous_dates_are_refused(string cell) => Assert.False(CellParsing.TryTime(cell, out _));

    [Theory]
    [InlineData("是", true)]
    [InlineData("否", false)]
    [InlineData("Yes", true)]
    [InlineData("0", false)]
    public void Yes_and_no_in_both_languages(string cell, bool expected)
    {
        Assert.True(CellParsing.TryBool(cell, out var value));
        Assert.Equal(expected, value);
    }
}
