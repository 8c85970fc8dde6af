namespace CourierCrm.Domain.Classification;

/// <summary>RFM scores (DOMAIN.md §3, seed 001), each 1..grades (5 = best): recency, frequency, monetary.</summary>
public sealed record RfmScore(int Recency, int Frequency, int Monetary)
{
    /// <summary>"543": the usual way to write and group RFM cells.</summary>
    public string Code => $"{Recency}{Frequency}{Monetary}";
}

/// <summary>
/// Scores customers by quintiles of their own figures: recency = days since the last waybill
/// (fewer days = higher score), frequency = waybills in the period, monetary = revenue in the period.
/// </summary>
/// <remarks>
/// Quintiles by mid-rank, so equal values always get equal scores: a customer's position is
/// (customers strictly worse + half of the customers equal to it, itself included) / customers, and
/// the score is 1 + ⌊grades × position⌋. With 5 distinct values this gives 1, 2, 3, 4, 5; with 10
/// it gives 1, 1, 2, 2, … 5, 5; at a quintile edge a tie block takes the score of its middle.
/// When every customer has the same value (or there is only one customer) all score the middle
/// grade, 3: the figure does not tell them apart, so nobody is called best or worst. Only
/// customers with a waybill in the period are scored; the others have no RFM score (their
/// recency would be undefined and they would crowd the bottom quintile).
/// </remarks>
public static class RfmScoring
{
    public static IReadOnlyDictionary<int, RfmScore> Score(IEnumerable<CustomerActivity> customers, DateOnly asOf, RfmPolicy policy)
    {
        if (policy.InvalidFields().Any())
            throw new ArgumentException($"Invalid RFM policy: {string.Join(", ", policy.InvalidFields())}.", nameof(policy));
        var scored = customers.Where(c => c.ShippedInPeriod).ToList();
        if (scored.Select(c => c.CustomerId).ToHashSet().Count != scored.Count)
            throw new ArgumentException("Each customer may appear only once in a classification run.", nameof(customers));

        // Recency as "higher is better": minus the days since the last waybill.
        var recency = Grades(scored.ConvertAll(c => -(long)DaysSinceLast(c, asOf)).ToArray(), policy.Grades);
        var frequency = Grades(scored.ConvertAll(c => (long)c.ShipmentCount).ToArray(), policy.Grades);
        var monetary = Grades(scored.ConvertAll(c => c.RevenueFen).ToArray(), policy.Grades);
        var scores = new Dictionary<int, RfmScore>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
            scores[scored[i].CustomerId] = new RfmScore(recency[i], frequency[i], monetary[i]);
        return scores;
    }

    /// <summary>Days from the last waybill to <paramref name="asOf"/>; a date after asOf counts as 0.</summary>
    public static int DaysSinceLast(CustomerActivity customer, DateOnly asOf) =>
        customer.LastShipment is { } last ? Math.Max(0, asOf.DayNumber - last.DayNumber) : int.MaxValue;

    /// <summary>Mid-rank quantile grade of each value, higher value = higher grade.</summary>
    public static IReadOnlyDictionary<int, int> Grades(IEnumerable<(int CustomerId, long Value)> values, int grades)
    {
        var list = values.ToList();
        var graded = Grades(list.ConvertAll(v => v.Value).ToArray(), grades);
        var result = new Dictionary<int, int>(list.Count);
        for (var i = 0; i < list.Count; i++)
            result[list[i].CustomerId] = graded[i];
        return result;
    }

    /// <summary>
    /// Grades of <paramref name="values"/>, position by position: one sort of the values with their
    /// positions, then each block of equal values graded at once (below = where the block starts,
    /// equal = its length), instead of two binary searches per value.
    /// </summary>
    internal static int[] Grades(long[] values, int grades)
    {
        var n = values.Length;
        var sorted = (long[])values.Clone();
        var positions = new int[n];
        for (var i = 0; i < n; i++) positions[i] = i;
        Array.Sort(sorted, positions);
        var result = new int[n];
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && sorted[end] == sorted[start]) end++;
            // position = (below + equal / 2) / n, kept in integers: (2·below + equal) / 2n.
            var grade = 1 + (int)((long)grades * (2L * start + (end - start)) / (2L * n));
            for (var k = start; k < end; k++) result[positions[k]] = grade;
            start = end;
        }
        return result;
    }
}
