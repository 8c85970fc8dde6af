namespace CourierCrm.Web.Customers.Pages;

/// <summary>One labelled value on the customer 360 page.</summary>
/// <param name="Masked">The value was masked for the viewer: shown in the muted masked style.</param>
public sealed record ArchiveItem(string Label, string? Value, string? TestId = null, bool Masked = false);
