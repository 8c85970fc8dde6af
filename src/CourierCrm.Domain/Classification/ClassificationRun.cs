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
    // The rules are those of AbcClassifier, ValuePyramid, KeyAccounts, RfmScoring, LoyaltyValue and
    // LifecycleRule (the table tests pin them down one by one). Applied here to 100,000 customers a
    // night, they share the work: one revenue ranking feeds all three value classes, classes go into
    // arrays by position rather than dictionaries by id, the policy is checked once.
    public static ClassificationResult Classify(IReadOnlyCollection<CustomerActivity> customers, DateOnly asOf, ClassificationPolicy policy)
    {
        var invalid = policy.InvalidFields();
        if (invalid.Count > 0)
            throw new ArgumentException($"Invalid classification policy: {string.Join(", ", invalid)}.", nameof(policy));

        var list = customers as IReadOnlyList<CustomerActivity> ?? customers.ToList();
        var byId = OrderById(list);
        var n = list.Count;

        var (abc, pyramid, keyAccount, mix) = ValueClasses(list, policy);
        var rfm = Rfm(list, asOf, policy.Rfm);
        var (quadrants, thresholds) = Quadrants(list, policy.LoyaltyValue);

        var classified = new List<CustomerClassification>(n);
        foreach (var i in byId)
        {
            var c = list[i];
            classified.Add(new CustomerClassification(
                c.CustomerId, c.RevenueFen, abc[i], pyramid[i], keyAccount[i], rfm[i], quadrants[i],
                LifecycleRule.Decide(c.FirstShipment, c.LastShipment, asOf, policy.Lifecycle)));
        }
        return new(asOf, ClassificationPeriod.Ending(asOf, policy.PeriodMonths), classified, mix, thresholds);
    }

    /// <summary>Positions in customer id order (the input's own order when already sorted); a repeated customer is refused.</summary>
    private static int[] OrderById(IReadOnlyList<CustomerActivity> list)
    {
        var order = new int[list.Count];
        var ids = new int[list.Count];
        var sorted = true;
        for (var i = 0; i < list.Count; i++)
        {
            order[i] = i;
            ids[i] = list[i].CustomerId;
            if (i > 0 && ids[i] <= ids[i - 1]) sorted = false;
        }
        if (sorted) return order;
        Array.Sort(ids, order);
        for (var i = 1; i < ids.Length; i++)
            if (ids[i] == ids[i - 1])
                throw new ArgumentException("Each customer may appear only once in a classification run.", nameof(list));
        return order;
    }

    /// <summary>ABC, pyramid and key account from one ranking of the paying customers (see <see cref="RevenueRanking"/>).</summary>
    private static (AbcClass?[] Abc, ValuePyramidTier?[] Pyramid, KeyAccountTier?[] KeyAccount, AbcMix Mix) ValueClasses(
        IReadOnlyList<CustomerActivity> list, ClassificationPolicy policy)
    {
        var keys = new List<RankKey>(list.Count);
        long total = 0;
        for (var i = 0; i < list.Count; i++)
            if (list[i].RevenueFen > 0)
            {
                keys.Add(new RankKey(list[i].RevenueFen, list[i].CustomerId, i));
                total += list[i].RevenueFen;
            }
        var ranked = keys.ToArray();
        Array.Sort(ranked);

        var (p, k) = (policy.Pyramid, policy.KeyAccount);
        var abcLimits = RevenueRanking.Limits(total, policy.Abc.AShare, policy.Abc.BShare);
        var pyramidLimits = RevenueRanking.Limits(ranked.Length, p.ImportantShare, p.ImportantShare + p.MajorShare, p.ImportantShare + p.MajorShare + p.OrdinaryShare);
        var keyLimits = RevenueRanking.Limits(ranked.Length, k.KeyShare, k.TopShare);
        var abc = new AbcClass?[list.Count];
        var pyramid = new ValuePyramidTier?[list.Count];
        var keyAccount = new KeyAccountTier?[list.Count];
        var mix = new int[3];
        long cumulative = 0, revenueAhead = 0;
        var ahead = 0;
        for (var r = 0; r < ranked.Length; r++)
        {
            // Tied customers share the customers and revenue ahead of their group: the same class.
            if (r == 0 || ranked[r].RevenueFen != ranked[r - 1].RevenueFen)
                (ahead, revenueAhead) = (r, cumulative);
            var i = ranked[r].Position;
            var a = (AbcClass)RevenueRanking.BandStartingAt(revenueAhead, abcLimits);
            abc[i] = a;
            mix[(int)a]++;
            pyramid[i] = list[i].LowCredit ? ValuePyramidTier.Small : (ValuePyramidTier)RevenueRanking.BandStartingAt(ahead, pyramidLimits);
            keyAccount[i] = (KeyAccountTier)RevenueRanking.BandStartingAt(ahead, keyLimits);
            cumulative += ranked[r].RevenueFen;
        }
        return (abc, pyramid, keyAccount, new AbcMix(mix[0], mix[1], mix[2]));
    }

    /// <summary>RFM of the customers that shipped in the period (<see cref="RfmScoring"/>); null for the others.</summary>
    private static RfmScore?[] Rfm(IReadOnlyList<CustomerActivity> list, DateOnly asOf, RfmPolicy policy)
    {
        var positions = new List<int>(list.Count);
        for (var i = 0; i < list.Count; i++)
            if (list[i].ShippedInPeriod) positions.Add(i);
        var recency = new long[positions.Count];
        var frequency = new long[positions.Count];
        var monetary = new long[positions.Count];
        for (var j = 0; j < positions.Count; j++)
        {
            var c = list[positions[j]];
            recency[j] = -(long)RfmScoring.DaysSinceLast(c, asOf);
            frequency[j] = c.ShipmentCount;
            monetary[j] = c.RevenueFen;
        }
        var (r, f, m) = (RfmScoring.Grades(recency, policy.Grades), RfmScoring.Grades(frequency, policy.Grades), RfmScoring.Grades(monetary, policy.Grades));
        var scores = new RfmScore?[list.Count];
        for (var j = 0; j < positions.Count; j++)
            scores[positions[j]] = new RfmScore(r[j], f[j], m[j]);
        return scores;
    }

    /// <summary>Loyalty × value places of the customers that shipped in the period (<see cref="LoyaltyValue"/>); null for the others.</summary>
    private static (LoyaltyValueQuadrant?[] Quadrants, LoyaltyValueThresholds Thresholds) Quadrants(IReadOnlyList<CustomerActivity> list, LoyaltyValuePolicy policy)
    {
        var placed = list.Where(c => c.ShippedInPeriod).ToList();
        var thresholds = new LoyaltyValueThresholds(
            policy.LoyaltyThresholdActiveMonths ?? LoyaltyValue.Median(placed.Select(c => (long)c.ActiveMonths)),
            policy.ValueThresholdFen ?? LoyaltyValue.Median(placed.Select(c => c.RevenueFen)));
        var quadrants = new LoyaltyValueQuadrant?[list.Count];
        for (var i = 0; i < list.Count; i++)
            if (list[i].ShippedInPeriod)
                quadrants[i] = LoyaltyValue.QuadrantOf(list[i], thresholds);
        return (quadrants, thresholds);
    }

    /// <summary>Highest revenue first, then lowest customer id (as <see cref="RevenueRanking"/> orders them).</summary>
    private readonly record struct RankKey(long RevenueFen, int CustomerId, int Position) : IComparable<RankKey>
    {
        public int CompareTo(RankKey other) => RevenueFen != other.RevenueFen
            ? other.RevenueFen.CompareTo(RevenueFen)
            : CustomerId.CompareTo(other.CustomerId);
    }
}
