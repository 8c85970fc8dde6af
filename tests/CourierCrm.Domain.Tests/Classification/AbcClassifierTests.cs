using CourierCrm.Domain.Classification;

namespace CourierCrm.Domain.Tests.Classification;

public class AbcClassifierTests
{
    [Theory]
    // Plain case: 50 + 20 = 70 % → the third customer starts at 70 % and is B; 95 % reached after the fifth.
    [InlineData("50,20,15,10,5", "A,A,B,B,C")]
    // The customer straddling 70 % belongs to the class it starts in: starts at 60 % → A.
    [InlineData("60,30,10", "A,A,B")]
    // One customer far ahead: it is A and the next customer starts at 90 % → B.
    [InlineData("90,6,4", "A,B,C")]
    // Ties at a boundary share the class of the first of them (both start at 60 %).
    [InlineData("60,15,15,10", "A,A,A,B")]
    // Ties straddling 95 %: both start at 90 %, both B.
    [InlineData("90,4,4,2", "A,B,B,C")]
    // All equal: one tie block starting at 0 % → all A.
    [InlineData("10,10,10,10", "A,A,A,A")]
    // One customer: A.
    [InlineData("123", "A")]
    // Zero and negative revenue (refunds) get no class; they are left out of the shares.
    [InlineData("0,60,40,-5", "-,A,A,-")]
    // Nobody paid: nobody classified.
    [InlineData("0,0", "-,-")]
    // Order of input does not matter.
    [InlineData("5,10,15,20,50", "C,B,B,A,A")]
    public void Classes_follow_cumulative_revenue(string revenues, string expected)
    {
        var classes = AbcClassifier.Classify(Revenues.Of(revenues), new AbcPolicy());

        Assert.Equal(expected, Revenues.Classes(classes, Revenues.Split(revenues).Length));
    }

    [Theory]
    [InlineData(0.50, 0.80, "50,20,15,10,5", "A,B,B,C,C")]
    [InlineData(0.70, 0.70, "50,20,15,10,5", "A,A,C,C,C")]
    public void Boundaries_are_configurable(double aShare, double bShare, string revenues, string expected)
    {
        var classes = AbcClassifier.Classify(Revenues.Of(revenues), new AbcPolicy((decimal)aShare, (decimal)bShare));

        Assert.Equal(expected, Revenues.Classes(classes, Revenues.Split(revenues).Length));
    }

    [Fact]
    public void Hundred_customers_of_falling_revenue_give_a_mix_to_set_beside_the_ideal()
    {
        var classes = AbcClassifier.Classify(Revenues.Descending(100), new AbcPolicy());

        var mix = AbcMix.Of(classes.Values);

        // Revenue 100..1, total 5050; revenue ahead of rank r = (r − 1)(202 − r) / 2.
        // A while that is < 3535 (70 %): rank 46 has 3510 ahead, rank 47 has 3565 → A = 1–46.
        // B while < 4797.5 (95 %): rank 79 has 4797 ahead, rank 80 has 4819 → B = 47–79, C = 80–100.
        Assert.Equal(new AbcMix(46, 33, 21), mix);
        Assert.Equal(0.46m, mix.Shares.A);
        Assert.Equal(new AbcMixShares(0.20m, 0.40m, 0.40m), AbcMix.Ideal);
    }

    [Fact]
    public void Mix_of_nobody_is_all_zero() =>
        Assert.Equal(new AbcMixShares(0, 0, 0), AbcMix.Of([]).Shares);

    [Fact]
    public void A_customer_twice_in_the_input_is_refused() =>
        Assert.Throws<ArgumentException>(() =>
            AbcClassifier.Classify([new CustomerRevenue(1, 10), new CustomerRevenue(1, 20)], new AbcPolicy()));

    [Theory]
    [InlineData(0, 0.95, "AShare")]
    [InlineData(0.8, 0.7, "BShare")]
    [InlineData(0.7, 1.2, "BShare")]
    public void Invalid_boundaries_name_the_setting(double aShare, double bShare, string field) =>
        Assert.Contains(field, new AbcPolicy((decimal)aShare, (decimal)bShare).InvalidFields());
}
