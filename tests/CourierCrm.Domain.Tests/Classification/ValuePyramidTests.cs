using CourierCrm.Domain.Classification;

namespace CourierCrm.Domain.Tests.Classification;

public class ValuePyramidTests
{
    [Theory]
    // Exactly 100 customers: the textbook 1 / 19 / 30 / 50.
    [InlineData(100, 1, 19, 30, 50)]
    // 1000 customers: 10 / 190 / 300 / 500.
    [InlineData(1000, 10, 190, 300, 500)]
    // Fewer than 100: a customer belongs to the tier where the share ahead of it falls, so the
    // top customer is always important and the other tiers round up.
    [InlineData(50, 1, 9, 15, 25)]
    [InlineData(10, 1, 1, 3, 5)]
    [InlineData(4, 1, 0, 1, 2)]
    [InlineData(2, 1, 0, 0, 1)]
    [InlineData(1, 1, 0, 0, 0)]
    [InlineData(0, 0, 0, 0, 0)]
    // 150: 1.5 → ranks 1–2 important; 30 → 3–30 major; 75 → 31–75 ordinary.
    [InlineData(150, 2, 28, 45, 75)]
    public void Tier_sizes_by_customer_count(int customers, int important, int major, int ordinary, int small)
    {
        var tiers = ValuePyramid.Classify(Revenues.Descending(customers), new PyramidPolicy());

        Assert.Equal(important, tiers.Values.Count(t => t == ValuePyramidTier.Important));
        Assert.Equal(major, tiers.Values.Count(t => t == ValuePyramidTier.Major));
        Assert.Equal(ordinary, tiers.Values.Count(t => t == ValuePyramidTier.Ordinary));
        Assert.Equal(small, tiers.Values.Count(t => t == ValuePyramidTier.Small));
    }

    [Theory]
    // Ranks "1, 2, 2, 4": the tied pair starts at rank 2 (10 % ahead of 10 customers) → both major.
    [InlineData("9,8,8,7,6,5,4,3,2,1", "Important,Major,Major,Ordinary,Ordinary,Small,Small,Small,Small,Small")]
    // All equal: nobody is ahead of anybody → all important.
    [InlineData("5,5,5", "Important,Important,Important")]
    // Zero revenue: no tier, and not counted in the shares (2 paying customers).
    [InlineData("0,7,3,0", "-,Important,Small,-")]
    public void Ties_share_a_tier_and_zero_revenue_has_none(string revenues, string expected)
    {
        var tiers = ValuePyramid.Classify(Revenues.Of(revenues), new PyramidPolicy());

        Assert.Equal(expected, Revenues.Classes(tiers, Revenues.Split(revenues).Length));
    }

    [Fact]
    public void Low_credit_customer_is_small_without_moving_the_others()
    {
        // Customer 1 (the biggest) is seriously overdue.
        var tiers = ValuePyramid.Classify(Revenues.Descending(10), new PyramidPolicy(), lowCredit: new HashSet<int> { 1 });

        Assert.Equal("Small,Major,Ordinary,Ordinary,Ordinary,Small,Small,Small,Small,Small", Revenues.Classes(tiers, 10));
    }

    [Theory]
    [InlineData(0, 0.19, 0.30, "ImportantShare")]
    [InlineData(0.01, -0.1, 0.30, "MajorShare")]
    [InlineData(0.5, 0.3, 0.3, "OrdinaryShare")]
    public void Invalid_shares_name_the_setting(double important, double major, double ordinary, string field) =>
        Assert.Contains(field, new PyramidPolicy((decimal)important, (decimal)major, (decimal)ordinary).InvalidFields());
}
