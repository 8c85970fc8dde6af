namespace CourierCrm.Domain.Classification;

/// <summary>Loyalty × value quadrant (DOMAIN.md §3, seed 001), lettered as the seed letters them.</summary>
public enum LoyaltyValueQuadrant
{
    /// <summary>A: high loyalty, high value: the core customers.</summary>
    Core,
    /// <summary>B: low loyalty, high value: buys seldom but much, often influential.</summary>
    HighValueLowLoyalty,
    /// <summary>C: low loyalty, low value.</summary>
    LowValueLowLoyalty,
    /// <summary>D: high loyalty, low value: ships often, little each time.</summary>
    LoyalLowValue,
}

/// <summary>Where a customer sits, with the two measures for the scatter chart.</summary>
public sealed record LoyaltyValuePlace(int CustomerId, int ActiveMonths, long RevenueFen, LoyaltyValueQuadrant Quadrant);

/// <summary>The thresholds a run used (for drawing the quadrant lines).</summary>
public sealed record LoyaltyValueThresholds(decimal ActiveMonths, decimal RevenueFen);

/// <summary>
/// Places customers in the loyalty × value quadrant. Loyalty = active months in the period
/// (months with a waybill: steady shipping, not one big month), value = revenue in the period.
/// </summary>
/// <remarks>
/// A measure is high when it is at or above its threshold: the configured one, or else the median
/// of the customers placed (the mean of the two middle values for an even count). "At or above"
/// means a single customer, or customers that are all equal, are core: nobody is below the
/// middle. Only customers with a waybill in the period are placed.
/// </remarks>
public static class LoyaltyValue
{
    public static (IReadOnlyDictionary<int, LoyaltyValuePlace> Places, LoyaltyValueThresholds Thresholds) Place(
        IEnumerable<CustomerActivity> customers, LoyaltyValuePolicy policy)
    {
        if (policy.InvalidFields().Any())
            throw new ArgumentException($"Invalid loyalty × value policy: {string.Join(", ", policy.InvalidFields())}.", nameof(policy));
        var placed = customers.Where(c => c.ShippedInPeriod).ToList();
        var thresholds = new LoyaltyValueThresholds(
            policy.LoyaltyThresholdActiveMonths ?? Median(placed.Select(c => (long)c.ActiveMonths)),
            policy.ValueThresholdFen ?? Median(placed.Select(c => c.RevenueFen)));
        var places = placed.ToDictionary(
            c => c.CustomerId,
            c => new LoyaltyValuePlace(c.CustomerId, c.ActiveMonths, c.RevenueFen, QuadrantOf(c, thresholds)));
        return (places, thresholds);
    }

    public static LoyaltyValueQuadrant QuadrantOf(CustomerActivity customer, LoyaltyValueThresholds thresholds)
    {
        var loyal = customer.ActiveMonths >= thresholds.ActiveMonths;
        var valuable = customer.RevenueFen >= thresholds.RevenueFen;
        return (loyal, valuable) switch
        {
            (true, true) => LoyaltyValueQuadrant.Core,
            (false, true) => LoyaltyValueQuadrant.HighValueLowLoyalty,
            (false, false) => LoyaltyValueQuadrant.LowValueLowLoyalty,
            (true, false) => LoyaltyValueQuadrant.LoyalLowValue,
        };
    }

    /// <summary>Median; 0 for no values.</summary>
    public static decimal Median(IEnumerable<long> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        if (sorted.Length == 0) return 0;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : ((decimal)sorted[mid - 1] + sorted[mid]) / 2;
    }
}
