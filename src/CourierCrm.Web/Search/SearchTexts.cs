namespace CourierCrm.Web.Search;

/// <summary>Marker for the search box's texts (SearchTexts.resx, SearchTexts.zh-CN.resx).</summary>
public sealed class SearchTexts;
