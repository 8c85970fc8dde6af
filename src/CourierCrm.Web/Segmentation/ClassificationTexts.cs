namespace CourierCrm.Web.Segmentation;

/// <summary>Marker for the classification run's texts (ClassificationTexts.resx, ClassificationTexts.zh-CN.resx).</summary>
public sealed class ClassificationTexts;
