namespace CourierCrm.Web.Segmentation.Dashboards;

/// <summary>Marker for the classification dashboards' texts (DashboardTexts.resx, DashboardTexts.zh-CN.resx).</summary>
public sealed class DashboardTexts;
