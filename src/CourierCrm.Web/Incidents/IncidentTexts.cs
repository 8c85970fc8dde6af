namespace CourierCrm.Web.Incidents;

/// <summary>Marker for the incident pages' texts (IncidentTexts.resx, IncidentTexts.zh-CN.resx).</summary>
public sealed class IncidentTexts;
