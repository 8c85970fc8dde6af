using CourierCrm.Domain.Classification;

namespace CourierCrm.Domain.Tests.Classification;

public class ParetoCurveTests
{
    [Fact]
    public void Curve_runs_from_nothing_to_everything_best_customers_first()
    {
        var curve = ParetoCurve.Of(Revenues.Of("10,60,0,30"));

        Assert.Equal(
            [
                new ParetoPoint(0, 0, 0),
                new ParetoPoint(1, 1m / 3, 0.6m),
                new ParetoPoint(2, 2m / 3, 0.9m),
                new ParetoPoint(3, 1, 1),
            ],
            curve);
    }

    [Fact]
    public void Long_curve_is_thinned_but_keeps_its_end()
    {
        var curve = ParetoCurve.Of(Revenues.Descending(1000), maxPoints: 11);

        Assert.Equal(11, curve.Count);
        Assert.Equal(new ParetoPoint(1000, 1, 1), curve[^1]);
        Assert.Equal(100, curve[1].Customers);
    }

    [Fact]
    public void Nobody_paying_gives_only_the_origin() =>
        Assert.Equal([new ParetoPoint(0, 0, 0)], ParetoCurve.Of(Revenues.Of("0,0")));
}
