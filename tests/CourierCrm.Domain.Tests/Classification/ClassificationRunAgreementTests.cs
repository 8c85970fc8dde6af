using CourierCrm.Domain.Classification;

namespace CourierCrm.Domain.Tests.Classification;

/// <summary>
/// The whole run shares work between the rules (one ranking, arrays by position): it must give
/// every customer exactly the classes each rule gives on its own, ties and low credit included.
/// </summary>
public class ClassificationRunAgreementTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(3, 150)]
    [InlineData(4, 5_000)]
    public void The_run_gives_the_classes_each_rule_gives_on_its_own(int seed, int count)
    {
        var customers = RandomCustomers(seed, count);
        var policy = ClassificationPolicy.Default;

        var result = ClassificationRun.Classify(customers, Today, policy);

        var revenues = customers.Select(c => c.Revenue).ToList();
        var abc = AbcClassifier.Classify(revenues, policy.Abc);
        var pyramid = ValuePyramid.Classify(revenues, policy.Pyramid, customers.Where(c => c.LowCredit).Select(c => c.CustomerId).ToHashSet());
        var keys = KeyAccounts.Classify(revenues, policy.KeyAccount);
        var rfm = RfmScoring.Score(customers, Today, policy.Rfm);
        var (places, thresholds) = LoyaltyValue.Place(customers, policy.LoyaltyValue);
        var expected = customers.OrderBy(c => c.CustomerId).Select(c => new CustomerClassification(
            c.CustomerId, c.RevenueFen,
            abc.TryGetValue(c.CustomerId, out var a) ? a : null,
            pyramid.TryGetValue(c.CustomerId, out var p) ? p : null,
            keys.TryGetValue(c.CustomerId, out var k) ? k : null,
            rfm.GetValueOrDefault(c.CustomerId),
            places.TryGetValue(c.CustomerId, out var q) ? q.Quadrant : null,
            LifecycleRule.StateOf(c, Today, policy.Lifecycle))).ToList();
        Assert.Equal(expected, result.Customers);
        Assert.Equal(AbcMix.Of(abc.Values), result.AbcMix);
        Assert.Equal(thresholds, result.LoyaltyValueThresholds);
    }

    [Fact]
    public void A_customer_given_twice_is_refused()
    {
        CustomerActivity[] twice = [CustomerActivity.NeverShipped(2), CustomerActivity.NeverShipped(1), CustomerActivity.NeverShipped(2)];

        Assert.Throws<ArgumentException>(() => ClassificationRun.Classify(twice, Today, ClassificationPolicy.Default));
    }

    /// <summary>Customers in shuffled id order, with many revenue ties, zeros, refunds and low-credit flags.</summary>
    private static List<CustomerActivity> RandomCustomers(int seed, int count)
    {
        var random = new Random(seed);
        var customers = new List<CustomerActivity>(count);
        foreach (var id in Enumerable.Range(1, count).OrderBy(_ => random.Next()))
        {
            if (random.Next(5) == 0)
            {
                customers.Add(CustomerActivity.NeverShipped(id));
                continue;
            }
            var shipments = random.Next(0, 30);
            var revenue = shipments == 0 ? random.Next(-1, 1) * 500L : random.Next(1, 40) * 1_000L;
            var first = Today.AddDays(-random.Next(0, 900));
            var last = first.AddDays(random.Next(0, Today.DayNumber - first.DayNumber + 1));
            customers.Add(new CustomerActivity(id, revenue, shipments, Math.Min(12, shipments), first, last, random.Next(10) == 0));
        }
        return customers;
    }
}
