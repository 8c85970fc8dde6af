using CourierCrm.Domain.Classification;

namespace CourierCrm.Domain.Tests.Classification;

public class RfmScoringTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 23);

    [Theory]
    // Five different values: one per quintile.
    [InlineData("1,2,3,4,5", "1,2,3,4,5")]
    // Ten: two per quintile, whatever the input order.
    [InlineData("10,1,9,2,8,3,7,4,6,5", "5,1,5,1,4,2,4,2,3,3")]
    // Quintile edge inside a tie block: equal values get equal scores, the score of the block's middle.
    // Sorted 1,2,2,2,5: the 2s sit at positions 1..3 of 5, middle 2.5/5 → score 3.
    [InlineData("1,2,2,2,5", "1,3,3,3,5")]
    // All equal, or only one customer: nobody is best or worst → the middle score.
    [InlineData("7,7,7,7", "3,3,3,3")]
    [InlineData("42", "3")]
    // Two customers: low and high halves.
    [InlineData("1,2", "2,4")]
    // Six: score = ⌊5·(2i + 1) / 12⌋ + 1 for the i-th smallest → 1, 2, 3, 3, 4, 5.
    [InlineData("1,2,3,4,5,6", "1,2,3,3,4,5")]
    public void Grades_are_mid_rank_quintiles(string values, string expected)
    {
        var list = Revenues.Split(values).Select((v, i) => (CustomerId: i + 1, Value: long.Parse(v))).ToList();

        var grades = RfmScoring.Grades(list, 5);

        Assert.Equal(expected, string.Join(",", list.Select(v => grades[v.CustomerId])));
    }

    [Fact]
    public void More_recent_waybills_score_higher_recency()
    {
        var customers = new[]
        {
            Shipped(1, lastDaysAgo: 100, shipments: 5, revenue: 500),
            Shipped(2, lastDaysAgo: 1, shipments: 5, revenue: 500),
            Shipped(3, lastDaysAgo: 30, shipments: 5, revenue: 500),
        };

        var scores = RfmScoring.Score(customers, AsOf, new RfmPolicy());

        Assert.True(scores[2].Recency > scores[3].Recency);
        Assert.True(scores[3].Recency > scores[1].Recency);
    }

    [Fact]
    public void Each_dimension_is_scored_on_its_own_figure()
    {
        var customers = new[]
        {
            Shipped(1, lastDaysAgo: 1, shipments: 1, revenue: 900),
            Shipped(2, lastDaysAgo: 50, shipments: 9, revenue: 100),
        };

        var scores = RfmScoring.Score(customers, AsOf, new RfmPolicy());

        Assert.Equal(new RfmScore(4, 2, 4), scores[1]);
        Assert.Equal(new RfmScore(2, 4, 2), scores[2]);
        Assert.Equal("424", scores[1].Code);
    }

    [Fact]
    public void Customers_without_a_waybill_in_the_period_get_no_score_and_do_not_shift_others()
    {
        var customers = new[]
        {
            Shipped(1, lastDaysAgo: 1, shipments: 2, revenue: 200),
            CustomerActivity.NeverShipped(2),
            // Shipped before the period only.
            new CustomerActivity(3, 0, 0, 0, AsOf.AddYears(-3), AsOf.AddYears(-2)),
        };

        var scores = RfmScoring.Score(customers, AsOf, new RfmPolicy());

        Assert.Equal([1], scores.Keys);
        Assert.Equal(new RfmScore(3, 3, 3), scores[1]);
    }

    [Fact]
    public void Last_waybill_after_the_as_of_day_counts_as_today() =>
        Assert.Equal(0, RfmScoring.DaysSinceLast(Shipped(1, lastDaysAgo: -3, shipments: 1, revenue: 1), AsOf));

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    public void Grades_outside_2_to_10_are_invalid(int grades) =>
        Assert.Contains("Grades", new RfmPolicy(grades).InvalidFields());

    private static CustomerActivity Shipped(int id, int lastDaysAgo, int shipments, long revenue) =>
        new(id, revenue, shipments, 1, AsOf.AddDays(-400), AsOf.AddDays(-lastDaysAgo));
}
