namespace CourierCrm.Web.Exports;

/// <summary>Marker for the export texts (ExportTexts.resx, ExportTexts.zh-CN.resx).</summary>
public sealed class ExportTexts;
