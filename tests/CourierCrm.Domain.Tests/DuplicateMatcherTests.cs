using CourierCrm.Domain.Customers;

namespace CourierCrm.Domain.Tests;

public class DuplicateMatcherTests
{
    private const string NanshanAddress = "广东省深圳市南山区科技园路12号 3栋502";

    [Theory]
    [InlineData("深圳市顺丰速运有限公司", "顺丰速运")]
    [InlineData("顺丰速运(深圳)有限公司", "顺丰速运")]
    [InlineData("顺丰速运（深圳）有限公司", "顺丰速运")]
    [InlineData("(深圳)顺丰速运有限公司", "顺丰速运")]
    [InlineData("广东省深圳市顺丰速运股份有限公司", "顺丰速运")]
    [InlineData("顺丰速运集团有限公司", "顺丰速运")]
    [InlineData("顺丰速运有限公司深圳分公司", "顺丰速运")]
    [InlineData("中通快递有限责任公司", "中通快递")]
    [InlineData("韵达 快递 公司", "韵达快递")]
    [InlineData("ABC Logistics Co., Ltd.", "abclogistics")]
    [InlineData("ＡＢＣ Ｌｏｇｉｓｔｉｃｓ Ｃｏ．， Ｌｔｄ．", "abclogistics")]
    [InlineData("ABC Logistics (Shenzhen) Limited", "abclogistics")]
    [InlineData("Acme Inc.", "acme")]
    [InlineData("Zinc Works", "zincworks")]
    [InlineData("Costco", "costco")]
    // Not a place from the list: "永辉超市" is a trade name that ends in 市.
    [InlineData("永辉超市有限公司", "永辉超市")]
    // A bare place without 市 can be part of the trade name.
    [InlineData("中山大药房有限公司", "中山大药房")]
    // Nothing but a legal form: keep it rather than match every other such name.
    [InlineData("有限公司", "有限公司")]
    [InlineData("", "")]
    [InlineData("  ", "")]
    public void NormaliseName_keeps_only_the_distinguishing_part(string name, string expected)
    {
        Assert.Equal(expected, DuplicateMatcher.NormaliseName(name));
    }

    [Theory]
    [InlineData("顺丰速运", "顺丰速运", 1.0)]
    [InlineData("ＡＢＣ", "abc", 1.0)]
    [InlineData("", "", 1.0)]
    [InlineData("", "abc", 0.0)]
    [InlineData("a", "a", 1.0)]
    [InlineData("a", "b", 0.0)]
    [InlineData("a", "ab", 2.0 / 3)]
    [InlineData("顺丰速运", "顺风速运", 1.0 / 3)]
    [InlineData("night", "nacht", 0.25)]
    [InlineData("百世汇通快递", "百世汇通快运", 0.8)]
    [InlineData("aaaa", "aa", 2.0 / 4)]
    public void Similarity_is_bigram_Dice(string a, string b, double expected)
    {
        Assert.Equal(expected, DuplicateMatcher.Similarity(a, b), precision: 6);
        Assert.Equal(expected, DuplicateMatcher.Similarity(b, a), precision: 6);
    }

    [Fact]
    public void Same_phone_with_a_different_name_is_a_duplicate()
    {
        var candidate = new DuplicateCandidate(null, "王小明", "13812345678", null);
        var existing = new[] { new DuplicateCandidate(1, "李四", "13812345678", "北京市朝阳区建国路88号") };

        var match = Assert.Single(DuplicateMatcher.Find(candidate, existing));

        Assert.Equal(new DuplicateMatch(1, "李四", DuplicateReason.SamePhone, 1.0), match);
    }

    [Fact]
    public void Same_phone_written_with_country_code_is_a_duplicate()
    {
        var candidate = new DuplicateCandidate(null, "王小明", "13812345678", null);
        var existing = new[] { new DuplicateCandidate(1, "王晓明", "8613812345678", null) };

        Assert.Equal(DuplicateReason.SamePhone, Assert.Single(DuplicateMatcher.Find(candidate, existing)).Reason);
    }

    [Fact]
    public void Missing_phones_do_not_match_each_other()
    {
        var candidate = new DuplicateCandidate(null, "王小明", null, null);
        var existing = new[] { new DuplicateCandidate(1, "李四", null, null), new DuplicateCandidate(2, "赵六", "", null) };

        Assert.Empty(DuplicateMatcher.Find(candidate, existing));
    }

    [Fact]
    public void City_prefix_and_bracketed_city_are_the_same_company_at_the_same_address()
    {
        var candidate = new DuplicateCandidate(null, "深圳市顺丰速运有限公司", null, NanshanAddress);
        var existing = new[] { new DuplicateCandidate(5, "顺丰速运(深圳)有限公司", "075586001234", "深圳市南山区科技园路12号") };

        var match = Assert.Single(DuplicateMatcher.Find(candidate, existing));

        Assert.Equal(DuplicateReason.SimilarNameAndAddress, match.Reason);
        Assert.Equal(5, match.Id);
        Assert.InRange(match.Score, 0.8, 1.0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("北京市朝阳区建国路88号")]
    public void Same_normalised_name_elsewhere_or_without_address_is_SameName(string? otherAddress)
    {
        var candidate = new DuplicateCandidate(null, "深圳市顺丰速运有限公司", null, NanshanAddress);
        var existing = new[] { new DuplicateCandidate(5, "顺丰速运（深圳）有限公司", null, otherAddress) };

        Assert.Equal(DuplicateReason.SameName, Assert.Single(DuplicateMatcher.Find(candidate, existing)).Reason);
    }

    [Fact]
    public void Similar_name_at_similar_address_is_a_duplicate()
    {
        var candidate = new DuplicateCandidate(null, "百世汇通快递有限公司", null, NanshanAddress);
        var existing = new[] { new DuplicateCandidate(3, "百世汇通快运有限公司", null, "深圳市南山区科技园路12号") };

        Assert.Equal(DuplicateReason.SimilarNameAndAddress, Assert.Single(DuplicateMatcher.Find(candidate, existing)).Reason);
    }

    [Fact]
    public void Similar_name_at_another_address_is_not_a_duplicate()
    {
        var candidate = new DuplicateCandidate(null, "百世汇通快递有限公司", null, NanshanAddress);
        var existing = new[] { new DuplicateCandidate(3, "百世汇通快运有限公司", null, "北京市朝阳区建国路88号") };

        Assert.Empty(DuplicateMatcher.Find(candidate, existing));
    }

    [Fact]
    public void Unrelated_names_at_the_same_address_are_not_duplicates()
    {
        // Many companies share an office building: the address alone proves nothing.
        var candidate = new DuplicateCandidate(null, "深圳市顺丰速运有限公司", "13812345678", NanshanAddress);
        var existing = new[]
        {
            new DuplicateCandidate(1, "中通快递股份有限公司", "13900001111", NanshanAddress),
            new DuplicateCandidate(2, "圆通速递有限公司", null, NanshanAddress),
        };

        Assert.Empty(DuplicateMatcher.Find(candidate, existing));
    }

    [Fact]
    public void The_customer_being_edited_is_not_its_own_duplicate()
    {
        var candidate = new DuplicateCandidate(7, "深圳市顺丰速运有限公司", "13812345678", NanshanAddress);
        var existing = new[]
        {
            candidate,
            new DuplicateCandidate(8, "顺丰速运(深圳)有限公司", null, null),
        };

        var match = Assert.Single(DuplicateMatcher.Find(candidate, existing));

        Assert.Equal(8, match.Id);
    }

    [Fact]
    public void Full_width_and_half_width_names_are_the_same_name()
    {
        var candidate = new DuplicateCandidate(null, "ＡＢＣ物流（深圳）有限公司", null, null);
        var existing = new[] { new DuplicateCandidate(4, "ABC物流(深圳)有限公司", null, null) };

        Assert.Equal(DuplicateReason.SameName, Assert.Single(DuplicateMatcher.Find(candidate, existing)).Reason);
    }

    [Fact]
    public void Matches_come_most_likely_first()
    {
        var candidate = new DuplicateCandidate(null, "深圳市顺丰速运有限公司", "13812345678", NanshanAddress);
        var existing = new[]
        {
            new DuplicateCandidate(1, "顺丰速运有限公司", null, null),
            new DuplicateCandidate(2, "顺丰速运(深圳)有限公司", null, "深圳市南山区科技园路12号"),
            new DuplicateCandidate(3, "王小明", "138 1234 5678", null),
        };

        var matches = DuplicateMatcher.Find(candidate, existing);

        Assert.Equal([3, 2, 1], matches.Select(m => m.Id));
        Assert.Equal(
            [DuplicateReason.SamePhone, DuplicateReason.SimilarNameAndAddress, DuplicateReason.SameName],
            matches.Select(m => m.Reason));
        Assert.True(matches[0].Score >= matches[1].Score && matches[1].Score >= matches[2].Score);
    }

    [Fact]
    public void Thresholds_are_the_documented_values()
    {
        Assert.Equal(0.8, DuplicateMatcher.NameSimilarityThreshold);
        Assert.Equal(0.6, DuplicateMatcher.AddressSimilarityThreshold);
    }
}
