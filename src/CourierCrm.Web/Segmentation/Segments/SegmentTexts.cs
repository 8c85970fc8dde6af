namespace CourierCrm.Web.Segmentation.Segments;

/// <summary>Texts of saved segments (/segments, the save dialog).</summary>
public sealed class SegmentTexts;
