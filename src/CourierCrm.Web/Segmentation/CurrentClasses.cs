using CourierCrm.Domain.Classification;
using DwyerValue = CourierCrm.Domain.Classification.LifetimeValue;

namespace CourierCrm.Web.Segmentation;

/// <summary>
/// A run's result as rows of the current-classes table, compared with the rows already there: which
/// rows differ (only those are written), since when each customer has its ABC class, and which
/// customers' classes moved (only those go through <see cref="ClassChanges.Between"/>).
/// </summary>
internal static class CurrentClasses
{
    /// <summary>What a run found against the table: every current row, the ones to write, and the class moves.</summary>
    public sealed record Comparison(
        List<CustomerClassificationRow> Current,
        List<DifferingRow> Differing,
        IReadOnlyList<ClassChange> Changes);

    /// <summary>
    /// One row per customer from the aggregate and the rules. Both lists are ordered by customer id
    /// (the aggregate's ORDER BY, the rules' output), so they are zipped rather than looked up.
    /// </summary>
    public static List<CustomerClassificationRow> Rows(IReadOnlyList<CustomerActivity> activity, ClassificationResult result, PredictedValue value)
    {
        var classes = result.Customers;
        if (classes.Count != activity.Count)
            throw new InvalidOperationException($"The rules classified {classes.Count} customers of {activity.Count}.");
        var rows = new List<CustomerClassificationRow>(classes.Count);
        for (var i = 0; i < classes.Count; i++)
        {
            var (a, c) = (activity[i], classes[i]);
            if (a.CustomerId != c.CustomerId)
                throw new InvalidOperationException($"Customer {a.CustomerId} of the aggregate met customer {c.CustomerId} of the rules.");
            rows.Add(new CustomerClassificationRow
            {
                CustomerId = c.CustomerId, RevenueFen = c.RevenueFen, ShipmentCount = a.ShipmentCount, ActiveMonths = a.ActiveMonths,
                LastShipment = a.LastShipment, Abc = c.Abc, Pyramid = c.Pyramid, KeyAccount = c.KeyAccount,
                RfmR = c.Rfm?.Recency, RfmF = c.Rfm?.Frequency, RfmM = c.Rfm?.Monetary, Quadrant = c.Quadrant,
                Lifecycle = c.Lifecycle, PredictedValueFen = value.FenOf(c.RevenueFen),
            });
        }
        return rows;
    }

    /// <summary>
    /// Merges the fresh rows with the table's rows (both ordered by customer id). A customer keeps its
    /// AbcSince while its ABC class stays; a new class (the first one included) starts on
    /// <paramref name="asOf"/>; no class has no since. Table rows of customers the aggregate no longer
    /// saw (deleted meanwhile; the database's cascade removes their rows) are left out: a removed
    /// customer has no history to write.
    /// </summary>
    public static Comparison Compare(List<CustomerClassificationRow> fresh, IReadOnlyList<CustomerClassificationRow> table, DateOnly asOf)
    {
        var differing = new List<DifferingRow>();
        var before = new List<CustomerClassification>();
        var after = new List<CustomerClassification>();
        var j = 0;
        foreach (var row in fresh)
        {
            while (j < table.Count && table[j].CustomerId < row.CustomerId) j++;
            var was = j < table.Count && table[j].CustomerId == row.CustomerId ? table[j] : null;
            row.AbcSince = row.Abc is null ? null
                : was is { AbcSince: { } since } && was.Abc == row.Abc ? since
                : asOf;
            if (was is null)
                differing.Add(new(row, RowChange.New));
            else if (!SameFigures(was, row))
                differing.Add(new(row, SameClasses(was, row) ? RowChange.FiguresOnly : RowChange.Classes));
            if (was is null || !SameGrades(was, row))
            {
                if (was is not null) before.Add(was.ToDomain());
                after.Add(row.ToDomain());
            }
        }
        // Only customers whose graded classes differ are compared: Between looks at each customer on
        // its own, so leaving out the unchanged ones changes nothing but the time it takes.
        return new(fresh, differing, ClassChanges.Between(before, after));
    }

    /// <summary>Every stored column but the run that wrote it.</summary>
    private static bool SameFigures(CustomerClassificationRow a, CustomerClassificationRow b) =>
        a.RevenueFen == b.RevenueFen && a.ShipmentCount == b.ShipmentCount && a.ActiveMonths == b.ActiveMonths
        && a.LastShipment == b.LastShipment && a.Abc == b.Abc && a.AbcSince == b.AbcSince && a.Pyramid == b.Pyramid
        && a.KeyAccount == b.KeyAccount && a.RfmR == b.RfmR && a.RfmF == b.RfmF && a.RfmM == b.RfmM
        && a.Quadrant == b.Quadrant && a.Lifecycle == b.Lifecycle && a.PredictedValueFen == b.PredictedValueFen;

    /// <summary>
    /// Every stored column but the figures that move with the waybills (revenue, shipments, months, last
    /// shipment, predicted value) and the run: when these agree only the figures need writing.
    /// </summary>
    private static bool SameClasses(CustomerClassificationRow a, CustomerClassificationRow b) =>
        a.Abc == b.Abc && a.AbcSince == b.AbcSince && a.Pyramid == b.Pyramid && a.KeyAccount == b.KeyAccount
        && a.RfmR == b.RfmR && a.RfmF == b.RfmF && a.RfmM == b.RfmM && a.Quadrant == b.Quadrant && a.Lifecycle == b.Lifecycle;

    /// <summary>The classes <see cref="ClassChanges"/> tracks as moves.</summary>
    private static bool SameGrades(CustomerClassificationRow a, CustomerClassificationRow b) =>
        a.Abc == b.Abc && a.Pyramid == b.Pyramid && a.KeyAccount == b.KeyAccount && a.Lifecycle == b.Lifecycle;
}

/// <summary>How a row to write differs from the table: what the store has to write for it.</summary>
internal enum RowChange
{
    /// <summary>The customer has no row yet.</summary>
    New,
    /// <summary>Only the figures moved (the nightly run's usual case): the class columns and their indexes stay.</summary>
    FiguresOnly,
    /// <summary>A class moved: every column is rewritten.</summary>
    Classes,
}

/// <summary>A row of the current-classes table to write, with what differs about it.</summary>
internal readonly record struct DifferingRow(CustomerClassificationRow Row, RowChange Change);

/// <summary>
/// A customer's predicted lifetime value (issue 4 item 6) by <see cref="DwyerValue.PredictPerCustomer"/>
/// over its yearly revenue (the period's revenue scaled to twelve months). The prediction is linear in
/// the revenue (every year's term is revenue × a factor − a cost), so the model is evaluated once at
/// 0 and at 1 yuan and each customer costs one multiplication instead of a pass over the years.
/// </summary>
internal sealed class PredictedValue
{
    private readonly decimal _fenPerFen;
    private readonly decimal _baseFen;

    public PredictedValue(LifetimeValueSettings settings, int periodMonths)
    {
        var model = settings.Model();
        var atZero = DwyerValue.PredictPerCustomer(0, model);
        var perYuan = DwyerValue.PredictPerCustomer(1, model) - atZero;
        // Revenue fen over the period → yearly yuan: × 12 / months / 100; value yuan → fen: × 100.
        _fenPerFen = perYuan * 12 / periodMonths;
        _baseFen = atZero * 100;
    }

    public long FenOf(long periodRevenueFen) =>
        (long)Math.Round(_baseFen + _fenPerFen * periodRevenueFen, MidpointRounding.AwayFromZero);
}
