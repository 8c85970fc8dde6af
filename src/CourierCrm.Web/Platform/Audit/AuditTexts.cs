namespace CourierCrm.Web.Platform.Audit;

/// <summary>Marker for the audit log page's texts (AuditTexts.resx, AuditTexts.zh-CN.resx).</summary>
public sealed class AuditTexts;
