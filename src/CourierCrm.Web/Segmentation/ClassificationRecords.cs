using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;

namespace CourierCrm.Web.Segmentation;

// What a classification run keeps (issue 4 "History: every run kept"). Named ...Row so they do not
// clash with the domain's ClassificationRun (the rules) in code that uses both.

/// <summary>One classification run: when, over which days, by which policy, and its ABC mix.</summary>
public sealed class ClassificationRunRow
{
    public long Id { get; set; }
    public DateOnly AsOf { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    /// <summary>The <see cref="ClassificationPolicy"/> the run used, as JSON: later runs may use other thresholds.</summary>
    public required string PolicyJson { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public int CustomerCount { get; set; }
    public int AbcA { get; set; }
    public int AbcB { get; set; }
    public int AbcC { get; set; }
    public int ChangeCount { get; set; }
    /// <summary>"nightly" for the schedule, else the name of the person who asked for the run.</summary>
    public required string TriggeredBy { get; set; }
}

/// <summary>
/// A customer's current classes: what the latest run that changed anything about it found. One row per
/// customer (a run rewrites only the rows that differ); the history is the runs and their class changes.
/// </summary>
public sealed class CustomerClassificationRow
{
    public int CustomerId { get; set; }
    /// <summary>The run that last wrote this row.</summary>
    public long RunId { get; set; }
    public long RevenueFen { get; set; }
    /// <summary>Waybills in the run's period (RFM frequency, the quadrant's loyalty axis with the active months).</summary>
    public int ShipmentCount { get; set; }
    /// <summary>Months of the period with at least one waybill.</summary>
    public int ActiveMonths { get; set; }
    public DateOnly? LastShipment { get; set; }
    public AbcClass? Abc { get; set; }
    /// <summary>The day the customer entered its current ABC class (the service schedule counts from it).</summary>
    public DateOnly? AbcSince { get; set; }
    public ValuePyramidTier? Pyramid { get; set; }
    public KeyAccountTier? KeyAccount { get; set; }
    public int? RfmR { get; set; }
    public int? RfmF { get; set; }
    public int? RfmM { get; set; }
    public LoyaltyValueQuadrant? Quadrant { get; set; }
    public LifecycleState Lifecycle { get; set; }
    /// <summary>Predicted lifetime value (fen) by the Dwyer model over its revenue; null when not computed.</summary>
    public long? PredictedValueFen { get; set; }

    public CustomerClassification ToDomain() => new(
        CustomerId, RevenueFen, Abc, Pyramid, KeyAccount,
        RfmR is { } r && RfmF is { } f && RfmM is { } m ? new RfmScore(r, f, m) : null,
        Quadrant, Lifecycle);
}

/// <summary>One class change of one customer found by a run, against the run before it.</summary>
public sealed class ClassChangeRow
{
    public long RunId { get; set; }
    public int CustomerId { get; set; }
    public ClassDimension Dimension { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public ClassMovement Movement { get; set; }
    public ClassChangeReason Reason { get; set; }
    public long PreviousRevenueFen { get; set; }
    public long CurrentRevenueFen { get; set; }
}

public enum ChurnWarningState
{
    /// <summary>Raised, nobody has looked at it yet.</summary>
    Open,
    /// <summary>The owner has seen it and is acting.</summary>
    Acknowledged,
    /// <summary>Closed with a resolution (kept, lost, false alarm…).</summary>
    Resolved,
}

/// <summary>
/// One churn early warning (issue 4 item 4): a customer and the signal it raised, with the figures
/// behind it, its follow-up task and its state. At most one unresolved warning per customer and signal.
/// </summary>
public sealed class ChurnWarningRow
{
    public long Id { get; set; }
    public int CustomerId { get; set; }
    public ChurnSignal Signal { get; set; }
    public decimal? BaselineMonthly { get; set; }
    public decimal? RecentMonthly { get; set; }
    public decimal? DropShare { get; set; }
    public int? SilentDays { get; set; }
    public DateOnly RaisedOn { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    /// <summary>The classification run that raised it.</summary>
    public long? RunId { get; set; }
    public ChurnWarningState State { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public int? AcknowledgedById { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public int? ResolvedById { get; set; }
    public string? Resolution { get; set; }
    /// <summary>The follow-up task given to the customer's owner.</summary>
    public long? TaskId { get; set; }
}

/// <summary>
/// A saved customer filter (issue 4 item 7): classification and archive attributes as JSON, counted and
/// listed on demand; later callbacks and campaigns target segments. Private to its owner unless shared.
/// </summary>
public sealed class SavedSegment
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int OwnerId { get; set; }
    public bool Shared { get; set; }
    /// <summary>The filter, as the segment filter record serialises it.</summary>
    public required string FilterJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
