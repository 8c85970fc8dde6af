using System.ComponentModel;
using CourierCrm.Domain.Classification;

namespace CourierCrm.Web.Segmentation.Churn;

/// <summary>One warning as the list shows it, the customer masked for the viewer.</summary>
public sealed record ChurnWarningView(
    long Id,
    int CustomerId,
    string CustomerCode,
    string CustomerName,
    [property: Description("The customer's current ABC class; null when it has none (no revenue in the period).")]
    AbcClass? Abc,
    ChurnSignal Signal,
    decimal? BaselineMonthly,
    decimal? RecentMonthly,
    decimal? DropShare,
    int? SilentDays,
    int? OwnerId,
    string? OwnerName,
    bool OwnerActive,
    DateOnly RaisedOn,
    ChurnWarningState State,
    [property: Description("True when today's data no longer shows the signal (the customer shipped again; the customer has an active owner again); null when not known (volume drops). Resolution stays with a person.")]
    bool? SignalCleared,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ResolvedAt,
    string? Resolution,
    long? TaskId);

/// <summary>Query string of GET /api/v1/churn-warnings.</summary>
public sealed class ChurnWarningQuery
{
    [Description("VolumeDrop, Silent or OwnerDeparted.")]
    public string? Signal { get; set; }
    [Description("Open, Acknowledged or Resolved; unresolved (Open and Acknowledged) when left out, all with state=all.")]
    public string? State { get; set; }
    [Description("The customer's current ABC class: A, B or C.")]
    public string? Abc { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
}

/// <summary>Body of POST /api/v1/churn-warnings/{id}/resolve.</summary>
public sealed record ChurnResolution(string? Resolution);

/// <summary>Which state changes a warning allows: open → acknowledged → resolved, or open → resolved at once.</summary>
public static class ChurnWarningRules
{
    public static bool CanChange(ChurnWarningState from, ChurnWarningState to) => (from, to) switch
    {
        (ChurnWarningState.Open, ChurnWarningState.Acknowledged) => true,
        (ChurnWarningState.Open or ChurnWarningState.Acknowledged, ChurnWarningState.Resolved) => true,
        _ => false,
    };
}
