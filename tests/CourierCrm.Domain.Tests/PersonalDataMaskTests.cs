using CourierCrm.Domain.Privacy;

namespace CourierCrm.Domain.Tests;

public class PersonalDataMaskTests
{
    [Theory]
    [InlineData("13812345678", "138******78")]
    [InlineData("138 1234 5678", "138 **** **78")]
    [InlineData("138-1234-5678", "138-****-**78")]
    [InlineData("+86 138 1234 5678", "+86 138 **** **78")]
    [InlineData("008613812345678", "0086138******78")]
    [InlineData("１３８１２３４５６７８", "１３８******７８")]
    [InlineData("0755-86001234", "0755-8******4")]
    [InlineData("010-12345678", "010-1******8")]
    [InlineData("0755-86001234-123", "0755-8*******-**3")]
    [InlineData("400-820-8888", "400-***-***8")]
    [InlineData("1234567", "1******")]
    [InlineData("12345", "*****")]
    [InlineData("123456", "******")]
    [InlineData("", "")]
    [InlineData("无", "无")]
    public void Phone_hides_the_middle_digits(string phone, string expected)
    {
        Assert.Equal(expected, PersonalDataMask.Phone(phone));
    }

    [Fact]
    public void Phone_of_null_is_null()
    {
        Assert.Null(PersonalDataMask.Phone(null));
    }

    public static TheoryData<int> PhoneLengths() => new(Enumerable.Range(3, 18));

    /// <summary>
    /// Property: whatever the length and formatting, the mask hides at least min(6, digits)
    /// digits, keeps the length, only ever turns digits into '*', and leaves separators alone.
    /// </summary>
    [Theory]
    [MemberData(nameof(PhoneLengths))]
    public void Phone_always_hides_at_least_six_digits_and_keeps_length(int digitCount)
    {
        var random = new Random(digitCount);
        for (var sample = 0; sample < 200; sample++)
        {
            var phone = RandomPhone(random, digitCount);

            var masked = PersonalDataMask.Phone(phone)!;

            Assert.Equal(phone.Length, masked.Length);
            var hidden = 0;
            for (var i = 0; i < phone.Length; i++)
            {
                if (char.IsDigit(phone[i]) && masked[i] == '*')
                    hidden++;
                else
                    Assert.True(phone[i] == masked[i], $"'{phone}' -> '{masked}': position {i} changed to something other than '*'");
            }
            Assert.True(hidden >= Math.Min(6, digitCount), $"'{phone}' -> '{masked}' hides only {hidden} of {digitCount} digits");
        }
    }

    /// <summary>Digits with random leading +/0086/86, mobile or landline prefixes, spaces and dashes.</summary>
    private static string RandomPhone(Random random, int digitCount)
    {
        var prefixes = new[] { "", "", "1", "13", "0", "010", "0755", "86", "861", "0086", "400" };
        var digits = prefixes[random.Next(prefixes.Length)];
        if (digits.Length > digitCount)
            digits = digits[..digitCount];
        while (digits.Length < digitCount)
            digits += (char)('0' + random.Next(10));

        var text = new System.Text.StringBuilder();
        if (random.Next(4) == 0)
            text.Append('+');
        foreach (var digit in digits)
        {
            text.Append(digit);
            switch (random.Next(8))
            {
                case 0: text.Append(' '); break;
                case 1: text.Append('-'); break;
            }
        }
        return text.ToString();
    }

    [Theory]
    [InlineData("张", "*")]
    [InlineData("张三", "张*")]
    [InlineData("王小明", "王*明")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("买买提·艾力", "买****力")]
    [InlineData("  王小明 ", "王*明")]
    [InlineData("𠮷野家", "𠮷*家")]
    [InlineData("John Smith", "J*** S****")]
    [InlineData("John", "J***")]
    [InlineData("J", "*")]
    [InlineData("  John   Smith ", "J*** S****")]
    [InlineData("Mary-Jane O'Neil", "M***-**** O'****")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void PersonName_hides_part_of_the_name(string name, string expected)
    {
        Assert.Equal(expected, PersonalDataMask.PersonName(name));
    }

    [Fact]
    public void PersonName_of_null_is_null()
    {
        Assert.Null(PersonalDataMask.PersonName(null));
    }

    [Theory]
    [InlineData("广东省", "深圳市", "南山区", "科技园路12号", "3栋502", "广东省深圳市南山区科技园路**号 ****")]
    [InlineData("广东省", "深圳市", "南山区", "科技园路12号", null, "广东省深圳市南山区科技园路**号")]
    [InlineData("广东省", "深圳市", "南山区", "科技园路12号", "  ", "广东省深圳市南山区科技园路**号")]
    [InlineData("广东省", "深圳市", null, "深南大道1001号", null, "广东省深圳市深南大道****号")]
    [InlineData("北京市", "北京市", "朝阳区", "建国路88号", "A座1201", "北京市朝阳区建国路**号 ****")]
    [InlineData("浙江省", "杭州市", "余杭区", "文一西路９６９号", "B", "浙江省杭州市余杭区文一西路***号 ****")]
    [InlineData("", "", null, "", null, "")]
    [InlineData("", "", null, "", "302", "****")]
    public void Address_masks_street_digits_and_the_room(string province, string city, string? district, string street, string? room, string expected)
    {
        Assert.Equal(expected, PersonalDataMask.Address(province, city, district, street, room));
    }

    [Theory]
    [InlineData("广东省", "深圳市", "南山区", "科技园路12号", "3栋502", "广东省深圳市南山区科技园路12号 3栋502")]
    [InlineData("广东省", "深圳市", "南山区", "科技园路12号", null, "广东省深圳市南山区科技园路12号")]
    [InlineData(" 广东省 ", "深圳市", "", " 科技园路12号", " 3栋502 ", "广东省深圳市科技园路12号 3栋502")]
    [InlineData("北京市", "北京市", "朝阳区", "建国路88号", null, "北京市朝阳区建国路88号")]
    [InlineData("", "", null, "", null, "")]
    [InlineData("", "", null, "", "302", "302")]
    public void FullAddress_joins_the_parts_Chinese_style(string province, string city, string? district, string street, string? room, string expected)
    {
        Assert.Equal(expected, PersonalDataMask.FullAddress(province, city, district, street, room));
    }

    [Fact]
    public void Address_parts_given_as_null_do_not_throw()
    {
        Assert.Equal("", PersonalDataMask.Address(null!, null!, null, null!, null));
        Assert.Equal("", PersonalDataMask.FullAddress(null!, null!, null, null!, null));
    }

    [Theory]
    [InlineData("zhangsan@qq.com", "z*******@qq.com")]
    [InlineData("a@163.com", "*@163.com")]
    [InlineData("Li.Ming@example.com.cn", "L******@example.com.cn")]
    [InlineData(" wang@sf-express.com ", "w***@sf-express.com")]
    [InlineData("nodomain", "n*******")]
    [InlineData("", "")]
    public void Email_keeps_first_character_and_domain(string email, string expected)
    {
        Assert.Equal(expected, PersonalDataMask.Email(email));
    }

    [Fact]
    public void Email_of_null_is_null()
    {
        Assert.Null(PersonalDataMask.Email(null));
    }
}
