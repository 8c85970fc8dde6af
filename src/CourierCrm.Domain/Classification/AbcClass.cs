namespace CourierCrm.Domain.Classification;

/// <summary>ABC class by cumulative revenue (DOMAIN.md §3, seed 002). A is the best.</summary>
public enum AbcClass { A, B, C }

/// <summary>Shares of customers (fractions summing to 1) in each ABC class.</summary>
public sealed record AbcMixShares(decimal A, decimal B, decimal C);

/// <summary>How many customers fell in each class, beside the ideal 20/40/40 (seed 002).</summary>
public sealed record AbcMix(int A, int B, int C)
{
    public int Total => A + B + C;

    /// <summary>Shares of the classified customers; all zero when nobody was classified.</summary>
    public AbcMixShares Shares => Total == 0
        ? new(0, 0, 0)
        : new((decimal)A / Total, (decimal)B / Total, (decimal)C / Total);

    public static AbcMixShares Ideal => AbcPolicy.IdealMix;

    public static AbcMix Of(IEnumerable<AbcClass> classes)
    {
        var counts = classes.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        return new(counts.GetValueOrDefault(AbcClass.A), counts.GetValueOrDefault(AbcClass.B), counts.GetValueOrDefault(AbcClass.C));
    }
}

/// <summary>
/// ABC classification (DOMAIN.md §3, seed 002): rank paying customers by revenue; A are the
/// customers making the first 70 % of cumulative revenue, B 70–95 %, C the rest.
/// </summary>
/// <remarks>
/// Decisions, so every run gives the same answer:
/// <list type="bullet">
/// <item>A customer whose revenue straddles a boundary belongs to the class it starts in: the
/// top customer is always A even if it alone makes 90 % of revenue; with 60/30/10 the second
/// customer starts at 60 % and is A too.</item>
/// <item>Tied customers are one block that starts where the first of them starts, so they share
/// a class; when all customers are equal they are all A (the mix beside the ideal then shows
/// the revenue does not tell customers apart).</item>
/// <item>Customers with zero (or negative) revenue in the period get no ABC class at all, rather
/// than C: they are potential or churned customers, and counting them would distort the mix.</item>
/// <item>One paying customer is A.</item>
/// </list>
/// </remarks>
public static class AbcClassifier
{
    /// <returns>The class of every paying customer; customers without revenue are absent.</returns>
    public static IReadOnlyDictionary<int, AbcClass> Classify(IEnumerable<CustomerRevenue> revenues, AbcPolicy policy)
    {
        if (policy.InvalidFields().Any())
            throw new ArgumentException($"Invalid ABC policy: {string.Join(", ", policy.InvalidFields())}.", nameof(policy));
        var (ranked, total) = RevenueRanking.Rank(revenues);
        var limits = RevenueRanking.Limits(total, policy.AShare, policy.BShare);
        var classes = new Dictionary<int, AbcClass>(ranked.Count);
        foreach (var r in ranked)
            classes[r.CustomerId] = (AbcClass)RevenueRanking.BandStartingAt(r.RevenueAhead, limits);
        return classes;
    }
}
