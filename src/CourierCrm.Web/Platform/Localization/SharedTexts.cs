namespace CourierCrm.Web.Platform.Localization;

/// <summary>Marker for the texts every page uses (SharedTexts.resx, SharedTexts.zh-CN.resx).</summary>
public sealed class SharedTexts;
