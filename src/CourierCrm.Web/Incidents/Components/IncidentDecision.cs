namespace CourierCrm.Web.Incidents.Components;

/// <summary>The three decisions the incident page offers through <see cref="IncidentDecisionDialog"/>.</summary>
public enum IncidentDecision { Confirm, Dismiss, Close }
