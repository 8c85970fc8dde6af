namespace CourierCrm.Domain.Classification;

/// <summary>Value pyramid tier (DOMAIN.md §3, seed 004): 重要 / 主要 / 普通 / 小客户. Important is the top.</summary>
public enum ValuePyramidTier { Important, Major, Ordinary, Small }

/// <summary>
/// The value pyramid by revenue rank: top 1 % important, next 19 % major, next 30 % ordinary,
/// last 50 % small; low-credit customers are small whatever their revenue (DOMAIN.md §3).
/// </summary>
/// <remarks>
/// Shares are of customers, counted from the top: a customer is in the tier in which the share
/// of customers ahead of it falls (customers ahead / paying customers &lt; bound). With exactly
/// 100 customers this gives 1 / 19 / 30 / 50. With fewer than 100 the top customer is still
/// important (nobody is ahead of it: there is always at least one important customer), and
/// the other tiers round up in the same way: with 50 customers the tiers hold 1 / 9 / 15 / 25,
/// with 10 customers 1 / 1 / 3 / 5. Ties share the tier of the first of them (rank "1, 2, 2, 4").
/// Customers without revenue in the period have no tier. A low-credit customer keeps its place in
/// the ranking (so it does not push others up) and is then put among the small customers.
/// </remarks>
public static class ValuePyramid
{
    public static IReadOnlyDictionary<int, ValuePyramidTier> Classify(
        IEnumerable<CustomerRevenue> revenues,
        PyramidPolicy policy,
        IReadOnlySet<int>? lowCredit = null)
    {
        if (policy.InvalidFields().Any())
            throw new ArgumentException($"Invalid pyramid policy: {string.Join(", ", policy.InvalidFields())}.", nameof(policy));
        var (ranked, _) = RevenueRanking.Rank(revenues);
        var limits = RevenueRanking.Limits(
            ranked.Count,
            policy.ImportantShare,
            policy.ImportantShare + policy.MajorShare,
            policy.ImportantShare + policy.MajorShare + policy.OrdinaryShare);
        var tiers = new Dictionary<int, ValuePyramidTier>(ranked.Count);
        foreach (var r in ranked)
            tiers[r.CustomerId] = lowCredit?.Contains(r.CustomerId) == true
                ? ValuePyramidTier.Small
                : (ValuePyramidTier)RevenueRanking.BandStartingAt(r.Ahead, limits);
        return tiers;
    }
}
