using CourierCrm.Domain.Incidents;

namespace CourierCrm.Web.Incidents;

/// <summary>
/// Recording an incident (POST /api/v1/incidents, POST /api/v1/complaints/{id}/incidents and the form). The
/// insured flag, declared value and freight are copied from the waybill, never taken from the caller.
/// </summary>
public sealed class RecordIncidentInput
{
    /// <summary>Required from a waybill; from a complaint the complaint's first waybill when left out.</summary>
    public string? WaybillNumber { get; set; }
    /// <summary>From a complaint the kind follows its category (delay, damage, loss) when left out.</summary>
    public IncidentKind? Kind { get; set; }
    /// <summary>Expected loss in yuan; it decides the grade and the reporting chain.</summary>
    public decimal? ExpectedLoss { get; set; }
    public IncidentResponsibility? Responsibility { get; set; }
    /// <summary>Required when a third party is responsible (airline, partner, sub-contractor).</summary>
    public string? ThirdPartyName { get; set; }
    public IncidentHandling? Handling { get; set; }
    /// <summary>From a complaint the complaint's description when left out.</summary>
    public string? Description { get; set; }
    /// <summary>When it happened; now when left out. Not in the future.</summary>
    public DateTimeOffset? OccurredAt { get; set; }
}

/// <summary>Changing an incident's facts (PUT /api/v1/incidents/{id}): every field is sent, with the version seen.</summary>
public sealed class UpdateIncidentInput
{
    public int? Version { get; set; }
    public IncidentKind? Kind { get; set; }
    public decimal? ExpectedLoss { get; set; }
    public IncidentResponsibility? Responsibility { get; set; }
    public string? ThirdPartyName { get; set; }
    public IncidentHandling? Handling { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset? OccurredAt { get; set; }
}

/// <summary>Confirm, dismiss or close (POST /api/v1/incidents/{id}/confirm|dismiss|close).</summary>
public sealed class IncidentDecisionInput
{
    public int? Version { get; set; }
    /// <summary>Required to dismiss a draft: why it is no incident. A note otherwise.</summary>
    public string? Reason { get; set; }
}

/// <summary>Marking one level of the reporting chain as told (POST /api/v1/incidents/{id}/reports/{level}/reported).</summary>
public sealed class ReportDoneInput
{
    /// <summary>Whom was told and how ("phoned 王站长").</summary>
    public string? Note { get; set; }
}
