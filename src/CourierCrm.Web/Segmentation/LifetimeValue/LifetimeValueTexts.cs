namespace CourierCrm.Web.Segmentation.Ltv;

/// <summary>Texts of the lifetime value page (/lifetime-value).</summary>
public sealed class LifetimeValueTexts;
