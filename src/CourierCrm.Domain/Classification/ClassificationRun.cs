using CourierCrm.Domain.Customers;

namespace CourierCrm.Domain.Classification;

/// <summary>
/// Every class of one customer from one run. The value classes are null for a customer without
/// revenue in the period; RFM and quadrant are null for a customer without a waybill in it.
/// </summary>
public sealed record CustomerClassification(
    int CustomerId,
    long RevenueFen,
    AbcClass? Abc,
    ValuePyramidTier? Pyramid,
    KeyAccountTier? KeyAccount,
    RfmScore? Rfm,
    LoyaltyValueQuadrant? Quadrant,
    LifecycleState Lifecycle);

/// <summary>What one run produced: each customer's classes and the figures the dashboards draw.</summary>
public sealed record ClassificationResult(
    DateOnly AsOf,
    ClassificationPeriod Period,
    IReadOnlyList<CustomerClassification> Customers,
    AbcMix AbcMix,
    LoyaltyValueThresholds LoyaltyValueThresholds);

/// <summary>
/// One classification run over all customers (DOMAIN.md §3): ABC, pyramid, key accounts, RFM,
/// loyalty × value and lifecycle from the activity the caller aggregated over
/// <see cref="ClassificationPeriod.Ending"/>(asOf, policy.PeriodMonths). Pure: the same input
/// gives the same output, so running it twice for the same day changes nothing.
/// </summary>
public static class ClassificationRun
{
    public static ClassificationResult Classify(IReadOnlyCollection<CustomerActivity> customers, DateOnly asOf, ClassificationPolicy policy)
    {
        var invalid = policy.InvalidFields();
        if (invalid.Count > 0)
            throw new ArgumentException($"Invalid classification policy: {string.Join(", ", invalid)}.", nameof(policy));

        var revenues = customers.Select(c => c.Revenue).ToList();
        var abc = AbcClassifier.Classify(revenues, policy.Abc);
        var lowCredit = customers.Where(c => c.LowCredit).Select(c => c.CustomerId).ToHashSet();
        var pyramid = ValuePyramid.Classify(revenues, policy.Pyramid, lowCredit);
        var keyAccounts = KeyAccounts.Classify(revenues, policy.KeyAccount);
        var rfm = RfmScoring.Score(customers, asOf, policy.Rfm);
        var (quadrants, thresholds) = LoyaltyValue.Place(customers, policy.LoyaltyValue);

        var classified = customers
            .OrderBy(c => c.CustomerId)
            .Select(c => new CustomerClassification(
                c.CustomerId,
                c.RevenueFen,
                abc.TryGetValue(c.CustomerId, out var a) ? a : null,
                pyramid.TryGetValue(c.CustomerId, out var p) ? p : null,
                keyAccounts.TryGetValue(c.CustomerId, out var k) ? k : null,
                rfm.GetValueOrDefault(c.CustomerId),
                quadrants.TryGetValue(c.CustomerId, out var q) ? q.Quadrant : null,
                LifecycleRule.StateOf(c, asOf, policy.Lifecycle)))
            .ToList();
        return new(asOf, ClassificationPeriod.Ending(asOf, policy.PeriodMonths), classified, AbcMix.Of(abc.Values), thresholds);
    }
}
