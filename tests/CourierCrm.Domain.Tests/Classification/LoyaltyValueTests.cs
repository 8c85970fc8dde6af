using CourierCrm.Domain.Classification;

namespace CourierCrm.Domain.Tests.Classification;

public class LoyaltyValueTests
{
    [Theory]
    // Medians: active months 6 (of 2, 6, 6, 12 → mean of 6 and 6), revenue 300 (of 100, 200, 400, 900 → mean of 200 and 400).
    [InlineData(1, 12, 900, LoyaltyValueQuadrant.Core)]
    [InlineData(2, 2, 400, LoyaltyValueQuadrant.HighValueLowLoyalty)]
    [InlineData(3, 6, 100, LoyaltyValueQuadrant.LoyalLowValue)]
    [InlineData(4, 6, 200, LoyaltyValueQuadrant.LoyalLowValue)]
    public void Median_splits_loyalty_and_value(int id, int activeMonths, long revenue, LoyaltyValueQuadrant expected)
    {
        var (places, thresholds) = LoyaltyValue.Place(FourCustomers, new LoyaltyValuePolicy());

        Assert.Equal(new LoyaltyValueThresholds(6, 300), thresholds);
        Assert.Equal(new LoyaltyValuePlace(id, activeMonths, revenue, expected), places[id]);
    }

    [Fact]
    public void Low_loyalty_and_low_value_is_quadrant_C()
    {
        var (places, _) = LoyaltyValue.Place(
            [Customer(1, activeMonths: 12, revenue: 900), Customer(2, activeMonths: 1, revenue: 50), Customer(3, activeMonths: 6, revenue: 300)],
            new LoyaltyValuePolicy());

        Assert.Equal(LoyaltyValueQuadrant.LowValueLowLoyalty, places[2].Quadrant);
        // The median customer itself is at the thresholds: "at or above" → core.
        Assert.Equal(LoyaltyValueQuadrant.Core, places[3].Quadrant);
    }

    [Fact]
    public void Configured_thresholds_replace_the_medians()
    {
        var (places, thresholds) = LoyaltyValue.Place(FourCustomers, new LoyaltyValuePolicy(LoyaltyThresholdActiveMonths: 10, ValueThresholdFen: 150));

        Assert.Equal(new LoyaltyValueThresholds(10, 150), thresholds);
        Assert.Equal(LoyaltyValueQuadrant.HighValueLowLoyalty, places[4].Quadrant);
        Assert.Equal(LoyaltyValueQuadrant.LowValueLowLoyalty, places[3].Quadrant);
    }

    [Fact]
    public void All_equal_or_a_single_customer_is_core()
    {
        var (equal, _) = LoyaltyValue.Place([Customer(1, 3, 100), Customer(2, 3, 100)], new LoyaltyValuePolicy());
        var (single, _) = LoyaltyValue.Place([Customer(1, 1, 1)], new LoyaltyValuePolicy());

        Assert.All(equal.Values, p => Assert.Equal(LoyaltyValueQuadrant.Core, p.Quadrant));
        Assert.Equal(LoyaltyValueQuadrant.Core, single[1].Quadrant);
    }

    [Fact]
    public void Customers_without_a_waybill_in_the_period_are_not_placed_nor_counted_in_the_medians()
    {
        var (places, thresholds) = LoyaltyValue.Place(
            [Customer(1, 4, 400), Customer(2, 2, 200), CustomerActivity.NeverShipped(3)],
            new LoyaltyValuePolicy());

        Assert.Equal(new LoyaltyValueThresholds(3, 300), thresholds);
        Assert.False(places.ContainsKey(3));
    }

    [Fact]
    public void Nobody_to_place_gives_zero_thresholds()
    {
        var (places, thresholds) = LoyaltyValue.Place([CustomerActivity.NeverShipped(1)], new LoyaltyValuePolicy());

        Assert.Empty(places);
        Assert.Equal(new LoyaltyValueThresholds(0, 0), thresholds);
    }

    [Fact]
    public void Negative_thresholds_are_invalid() =>
        Assert.Equal(["LoyaltyThresholdActiveMonths", "ValueThresholdFen"], new LoyaltyValuePolicy(-1, -1).InvalidFields());

    private static readonly CustomerActivity[] FourCustomers =
    [
        Customer(1, activeMonths: 12, revenue: 900),
        Customer(2, activeMonths: 2, revenue: 400),
        Customer(3, activeMonths: 6, revenue: 100),
        Customer(4, activeMonths: 6, revenue: 200),
    ];

    private static CustomerActivity Customer(int id, int activeMonths, long revenue) =>
        new(id, revenue, activeMonths * 3, activeMonths, new DateOnly(2025, 1, 1), new DateOnly(2026, 11, 1));
}
