namespace CourierCrm.Domain.Classification;

/// <summary>One point of the Pareto curve: the top <see cref="CustomerShare"/> of paying customers make <see cref="RevenueShare"/> of revenue.</summary>
/// <param name="Customers">Customers counted so far, best first.</param>
public sealed record ParetoPoint(int Customers, decimal CustomerShare, decimal RevenueShare);

/// <summary>
/// The Pareto curve for the ABC dashboard (DOMAIN.md §3): cumulative revenue share against
/// cumulative customer share, paying customers ranked by revenue. Starts at (0, 0) and ends at
/// (1, 1); customers without revenue are left out, as in the ABC classes.
/// </summary>
public static class ParetoCurve
{
    /// <param name="maxPoints">Thin the curve to about this many points for a chart (the last point is always kept).</param>
    public static IReadOnlyList<ParetoPoint> Of(IEnumerable<CustomerRevenue> revenues, int maxPoints = 200)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        var (ranked, total) = RevenueRanking.Rank(revenues);
        var points = new List<ParetoPoint> { new(0, 0, 0) };
        if (ranked.Count == 0) return points;

        var step = Math.Max(1, (int)Math.Ceiling(ranked.Count / (decimal)(maxPoints - 1)));
        long cumulative = 0;
        for (var i = 0; i < ranked.Count; i++)
        {
            cumulative += ranked[i].RevenueFen;
            var counted = i + 1;
            if (counted % step == 0 || counted == ranked.Count)
                points.Add(new(counted, (decimal)counted / ranked.Count, (decimal)cumulative / total));
        }
        return points;
    }
}
