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

/// <summary>One customer's classes in one run.</summary>
public sealed class CustomerClassificationRow
{
    public long RunId { get; set; }
    public int CustomerId { get; set; }
    public long RevenueFen { get; set; }
    public AbcClass? Abc { get; set; }
    public ValuePyramidTier? Pyramid { get; set; }
    public KeyAccountTier? KeyAccount { get; set; }
    public int? RfmR { get; set; }
    public int? RfmF { get; set; }
    public int? RfmM { get; set; }
    public LoyaltyValueQuadrant? Quadrant { get; set; }
    public LifecycleState Lifecycle { get; set; }

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
