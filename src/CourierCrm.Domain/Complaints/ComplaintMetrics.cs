namespace CourierCrm.Domain.Complaints;

/// <summary>Report figures for complaints (issue 5 item 9), kept here so every report computes them the same way.</summary>
public static class ComplaintMetrics
{
    /// <summary>Complaints per 10,000 waybills (the courier complaint rate); null without waybills.</summary>
    public static decimal? PerTenThousandWaybills(int complaints, long waybills) =>
        waybills <= 0 ? null : decimal.Round(complaints * 10_000m / waybills, 2, MidpointRounding.AwayFromZero);

    /// <summary>Share of stopped clocks that met their target (0–1); null when none stopped.</summary>
    public static decimal? Compliance(int met, int missed) =>
        met + missed == 0 ? null : decimal.Round((decimal)met / (met + missed), 4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The value below which the given share of handling times fall (nearest rank: the smallest value with at
    /// least that share at or below it); null for no values. Median = 0.5.
    /// </summary>
    public static TimeSpan? Percentile(IReadOnlyCollection<TimeSpan> values, decimal share)
    {
        if (share is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(share), "Must be above 0 and at most 1.");
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(share * sorted.Count);
        return sorted[Math.Max(rank, 1) - 1];
    }
}
