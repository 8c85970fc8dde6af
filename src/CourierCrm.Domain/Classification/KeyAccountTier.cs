namespace CourierCrm.Domain.Classification;

/// <summary>Key / major / ordinary customer (DOMAIN.md §3, seed 003): 关键客户 A / 主要客户 B / 普通客户 C.</summary>
public enum KeyAccountTier { Key, Major, Ordinary }

/// <summary>
/// Key accounts by revenue rank (seed 003): key = the top of the pyramid, major = the rest of
/// the top 20 % of customers, ordinary = the other 80 %.
/// </summary>
/// <remarks>
/// Same counting as <see cref="ValuePyramid"/>: a customer belongs to the tier in which the share
/// of customers ahead of it falls, so the top customer is always key, ties share a tier, and
/// with fewer than 100 customers the key tier holds at least one. With the default shares the
/// key and major customers are exactly the pyramid's important and major ones. Customers
/// without revenue in the period have no tier.
/// </remarks>
public static class KeyAccounts
{
    public static IReadOnlyDictionary<int, KeyAccountTier> Classify(IEnumerable<CustomerRevenue> revenues, KeyAccountPolicy policy)
    {
        if (policy.InvalidFields().Any())
            throw new ArgumentException($"Invalid key account policy: {string.Join(", ", policy.InvalidFields())}.", nameof(policy));
        var (ranked, _) = RevenueRanking.Rank(revenues);
        var limits = RevenueRanking.Limits(ranked.Count, policy.KeyShare, policy.TopShare);
        var tiers = new Dictionary<int, KeyAccountTier>(ranked.Count);
        foreach (var r in ranked)
            tiers[r.CustomerId] = (KeyAccountTier)RevenueRanking.BandStartingAt(r.Ahead, limits);
        return tiers;
    }
}
