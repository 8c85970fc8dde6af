namespace CourierCrm.Web.Claims;

/// <summary>Marker for the claim pages' texts (ClaimTexts.resx, ClaimTexts.zh-CN.resx).</summary>
public sealed class ClaimTexts;
