namespace CourierCrm.Web.Complaints;

/// <summary>Marker of the complaint pages' texts (ComplaintPageTexts.resx, .zh-CN.resx).</summary>
public sealed class ComplaintPageTexts;
