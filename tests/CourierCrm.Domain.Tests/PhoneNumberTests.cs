using CourierCrm.Domain.Customers;

namespace CourierCrm.Domain.Tests;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("+8613812345678", "13812345678")]
    [InlineData("008613812345678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    [InlineData("１３８１２３４５６７８", "13812345678")]
    [InlineData("0755-86001234", "075586001234")]
    [InlineData("0755-86001234转123", "075586001234123")]
    [InlineData("400-820-8888", "4008208888")]
    // The country code stays when what follows is not a mobile: we cannot tell it is one.
    [InlineData("+86 755 86001234", "8675586001234")]
    [InlineData("86001234", "86001234")]
    public void Digits_keeps_digits_and_drops_country_code_before_a_mobile(string raw, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Digits(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("无")]
    [InlineData("n/a")]
    public void Digits_of_nothing_is_null(string? raw)
    {
        Assert.Null(PhoneNumber.Digits(raw));
    }

    [Theory]
    // mobiles
    [InlineData("13812345678")]
    [InlineData("19912345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 13812345678")]
    [InlineData("+86-138-1234-5678")]
    [InlineData("008613812345678")]
    [InlineData("  13812345678  ")]
    [InlineData("１３８１２３４５６７８")]
    // landlines
    [InlineData("010-12345678")]
    [InlineData("0755-86001234")]
    [InlineData("0755 86001234")]
    [InlineData("075586001234")]
    [InlineData("(0755)86001234")]
    [InlineData("0755-8600123")]
    [InlineData("010-1234-5678")]
    [InlineData("0755-86001234-123")]
    [InlineData("0755-86001234转123")]
    [InlineData("021-12345678 转 8001")]
    // service numbers
    [InlineData("400-820-8888")]
    [InlineData("4008208888")]
    [InlineData("800 123 4567")]
    public void Valid_numbers_have_no_problem(string raw)
    {
        Assert.Null(PhoneNumber.Problem(raw));
        Assert.True(PhoneNumber.IsValid(raw));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("abc", "only digits")]
    [InlineData("1381234567a", "only digits")]
    [InlineData("138 1234 5678 ext 1", "only digits")]
    [InlineData("1380013800+", "only digits")]
    [InlineData("1381234567", "Too few digits for a mobile")]
    [InlineData("138123456789", "Too many digits for a mobile")]
    [InlineData("+86 1381234567", "Too few digits for a mobile")]
    [InlineData("12812345678", "start with 13 to 19")]
    [InlineData("12345", "Too few digits")]
    [InlineData("0755-123", "Too few digits for a landline")]
    [InlineData("0755-860012345678", "Too many digits for a landline")]
    [InlineData("86001234", "area code")]
    [InlineData("400-820-888", "Too few digits for a 400/800")]
    [InlineData("400-820-88888", "Too many digits for a 400/800")]
    [InlineData("1234567890123", "Too many digits")]
    public void Invalid_numbers_name_the_problem(string raw, string reasonContains)
    {
        var problem = PhoneNumber.Problem(raw);

        Assert.NotNull(problem);
        Assert.Contains(reasonContains, problem, StringComparison.OrdinalIgnoreCase);
        Assert.False(PhoneNumber.IsValid(raw));
    }
}
