namespace CourierCrm.Web.Platform.Layout;

/// <summary>Marker for the workbench (home page) texts (WorkbenchTexts.resx, WorkbenchTexts.zh-CN.resx).</summary>
public sealed class WorkbenchTexts;
