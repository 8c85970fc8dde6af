using CourierCrm.Domain.Classification;

namespace CourierCrm.Domain.Tests.Classification;

public class KeyAccountsTests
{
    [Theory]
    // Key = the top of the pyramid (1 %), major = the rest of the top 20 %, ordinary = the other 80 %.
    [InlineData(100, 1, 19, 80)]
    [InlineData(1000, 10, 190, 800)]
    // Fewer than 100: at least one key account; the top 20 % round up like the pyramid.
    [InlineData(10, 1, 1, 8)]
    [InlineData(7, 1, 1, 5)]
    [InlineData(1, 1, 0, 0)]
    public void Tier_sizes_by_customer_count(int customers, int key, int major, int ordinary)
    {
        var tiers = KeyAccounts.Classify(Revenues.Descending(customers), new KeyAccountPolicy());

        Assert.Equal(key, tiers.Values.Count(t => t == KeyAccountTier.Key));
        Assert.Equal(major, tiers.Values.Count(t => t == KeyAccountTier.Major));
        Assert.Equal(ordinary, tiers.Values.Count(t => t == KeyAccountTier.Ordinary));
    }

    [Fact]
    public void With_default_shares_key_and_major_are_the_pyramid_important_and_major()
    {
        var revenues = Revenues.Descending(237);

        var keys = KeyAccounts.Classify(revenues, new KeyAccountPolicy());
        var pyramid = ValuePyramid.Classify(revenues, new PyramidPolicy());

        Assert.All(revenues, r => Assert.Equal(
            pyramid[r.CustomerId] switch
            {
                ValuePyramidTier.Important => KeyAccountTier.Key,
                ValuePyramidTier.Major => KeyAccountTier.Major,
                _ => KeyAccountTier.Ordinary,
            },
            keys[r.CustomerId]));
    }

    [Theory]
    // Tied at the top: both key; the next customers have 2 of 10 ahead, which is not below 20 % → ordinary.
    [InlineData("9,9,1,1,1,1,1,1,1,1", "Key,Key,Ordinary,Ordinary,Ordinary,Ordinary,Ordinary,Ordinary,Ordinary,Ordinary")]
    // A tie straddling the 20 % edge: both start at rank 2 (10 % ahead) → both major.
    [InlineData("9,5,5,1,1,1,1,1,1,1", "Key,Major,Major,Ordinary,Ordinary,Ordinary,Ordinary,Ordinary,Ordinary,Ordinary")]
    [InlineData("0,4", "-,Key")]
    public void Ties_share_a_tier_and_zero_revenue_has_none(string revenues, string expected)
    {
        var tiers = KeyAccounts.Classify(Revenues.Of(revenues), new KeyAccountPolicy());

        Assert.Equal(expected, Revenues.Classes(tiers, Revenues.Split(revenues).Length));
    }

    [Theory]
    [InlineData(0, 0.2, "KeyShare")]
    [InlineData(0.3, 0.2, "TopShare")]
    public void Invalid_shares_name_the_setting(double key, double top, string field) =>
        Assert.Contains(field, new KeyAccountPolicy((decimal)key, (decimal)top).InvalidFields());
}
