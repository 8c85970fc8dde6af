namespace CourierCrm.Web.Imports;

/// <summary>Marker for the import feature's texts (ImportTexts.resx, ImportTexts.zh-CN.resx).</summary>
public sealed class ImportTexts;
