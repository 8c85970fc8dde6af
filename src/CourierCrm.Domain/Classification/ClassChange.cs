using CourierCrm.Domain.Customers;

namespace CourierCrm.Domain.Classification;

/// <summary>Which classification moved.</summary>
public enum ClassDimension { Abc, ValuePyramid, KeyAccount, Lifecycle }

/// <summary>Direction of a move (DOMAIN.md §3: class changes are history, when and why).</summary>
public enum ClassMovement
{
    Up,
    Down,
    /// <summary>Had no class in the previous run (no revenue, or not a customer yet), has one now.</summary>
    New,
    /// <summary>Had a class in the previous run, has none now (no revenue in the period, or removed).</summary>
    Lost,
}

/// <summary>Why a customer moved, for the timeline and the movement report.</summary>
public enum ClassChangeReason
{
    /// <summary>Classified for the first time (revenue appeared, or the customer is new to the run).</summary>
    FirstClassified,
    /// <summary>No revenue in the period any more, or no longer in the run.</summary>
    NoLongerClassified,
    /// <summary>Moved up because its own revenue rose.</summary>
    RevenueRose,
    /// <summary>Moved down because its own revenue fell.</summary>
    RevenueFell,
    /// <summary>Moved although its own revenue did not move that way: other customers grew or shrank.</summary>
    OthersMoved,
    /// <summary>Lifecycle: first waybill (potential → new).</summary>
    StartedShipping,
    /// <summary>Lifecycle: past the new period and still shipping (new → loyal).</summary>
    BecameEstablished,
    /// <summary>Lifecycle: silent longer than the churn limit (→ churned).</summary>
    WentSilent,
    /// <summary>Lifecycle: shipped again after churning.</summary>
    WonBack,
    /// <summary>A move the dates alone cannot make (e.g. loyal → new): earlier waybills were corrected or removed.</summary>
    WaybillsCorrected,
}

/// <summary>
/// One customer's move in one classification between two runs. <see cref="From"/> and
/// <see cref="To"/> are enum names ("A", "Important", "Loyal"; null for no class) so one list can
/// hold every dimension; show them through the texts for that enum.
/// </summary>
public sealed record ClassChange(
    int CustomerId,
    ClassDimension Dimension,
    string? From,
    string? To,
    ClassMovement Movement,
    ClassChangeReason Reason,
    long PreviousRevenueFen,
    long CurrentRevenueFen);

/// <summary>
/// Compares two runs. A customer in only one of them is compared with "no class". RFM and the
/// quadrant are not tracked as moves: they are positions, not grades of service.
/// </summary>
public static class ClassChanges
{
    public static IReadOnlyList<ClassChange> Between(
        IEnumerable<CustomerClassification> previous, IEnumerable<CustomerClassification> current)
    {
        var before = previous.ToDictionary(c => c.CustomerId);
        var after = current.ToDictionary(c => c.CustomerId);
        var changes = new List<ClassChange>();
        foreach (var id in before.Keys.Union(after.Keys).Order())
        {
            var was = before.GetValueOrDefault(id);
            var now = after.GetValueOrDefault(id);
            var wasRevenue = was?.RevenueFen ?? 0;
            var nowRevenue = now?.RevenueFen ?? 0;
            AddGrade(changes, id, ClassDimension.Abc, was?.Abc, now?.Abc, wasRevenue, nowRevenue);
            AddGrade(changes, id, ClassDimension.ValuePyramid, was?.Pyramid, now?.Pyramid, wasRevenue, nowRevenue);
            AddGrade(changes, id, ClassDimension.KeyAccount, was?.KeyAccount, now?.KeyAccount, wasRevenue, nowRevenue);
            AddLifecycle(changes, id, was?.Lifecycle, now?.Lifecycle, wasRevenue, nowRevenue);
        }
        return changes;
    }

    /// <summary>Value classes: a lower enum value is a better class (A before B, Important before Major).</summary>
    private static void AddGrade<T>(List<ClassChange> changes, int id, ClassDimension dimension, T? was, T? now, long wasRevenue, long nowRevenue)
        where T : struct, Enum
    {
        if (EqualityComparer<T?>.Default.Equals(was, now)) return;
        var (movement, reason) = (was, now) switch
        {
            (null, _) => (ClassMovement.New, ClassChangeReason.FirstClassified),
            (_, null) => (ClassMovement.Lost, ClassChangeReason.NoLongerClassified),
            _ when Convert.ToInt32(now.Value) < Convert.ToInt32(was.Value) =>
                (ClassMovement.Up, nowRevenue > wasRevenue ? ClassChangeReason.RevenueRose : ClassChangeReason.OthersMoved),
            _ => (ClassMovement.Down, nowRevenue < wasRevenue ? ClassChangeReason.RevenueFell : ClassChangeReason.OthersMoved),
        };
        changes.Add(new(id, dimension, was?.ToString(), now?.ToString(), movement, reason, wasRevenue, nowRevenue));
    }

    private static void AddLifecycle(List<ClassChange> changes, int id, LifecycleState? was, LifecycleState? now, long wasRevenue, long nowRevenue)
    {
        if (was == now) return;
        var (movement, reason) = (was, now) switch
        {
            (null, _) => (ClassMovement.New, ClassChangeReason.FirstClassified),
            (_, null) => (ClassMovement.Lost, ClassChangeReason.NoLongerClassified),
            (_, LifecycleState.Churned) => (ClassMovement.Down, ClassChangeReason.WentSilent),
            (LifecycleState.Churned, _) => (ClassMovement.Up, ClassChangeReason.WonBack),
            (LifecycleState.Potential, _) => (ClassMovement.Up, ClassChangeReason.StartedShipping),
            (LifecycleState.New, LifecycleState.Loyal) => (ClassMovement.Up, ClassChangeReason.BecameEstablished),
            // Loyal → new or → potential cannot follow from time passing; only corrected waybills do it.
            _ => (ClassMovement.Down, ClassChangeReason.WaybillsCorrected),
        };
        changes.Add(new(id, ClassDimension.Lifecycle, was?.ToString(), now?.ToString(), movement, reason, wasRevenue, nowRevenue));
    }
}
