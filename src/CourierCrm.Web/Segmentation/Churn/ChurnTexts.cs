namespace CourierCrm.Web.Segmentation.Churn;

/// <summary>Marker for the texts of the churn early-warning list (ChurnTexts.resx, ChurnTexts.zh-CN.resx).</summary>
public sealed class ChurnTexts;
