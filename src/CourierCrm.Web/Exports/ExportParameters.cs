using System.Globalization;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Platform.Localization;
using CourierCrm.Web.Shipments;

namespace CourierCrm.Web.Exports;

/// <summary>
/// What a customer export job writes: the list's filters and order (paging ignored), the file format,
/// and the language of the person who started it (the job runs without their request).
/// </summary>
public sealed record CustomerExportParameters(CustomerListQuery Filter, ExportFormat Format, string Culture);

/// <summary>What a waybill export job writes: the waybill list's filters, the format and the starter's language.</summary>
public sealed record WaybillExportParameters(WaybillListQuery Filter, ExportFormat Format, string Culture);

/// <summary>The language an export's headers and labels are written in.</summary>
public static class ExportCulture
{
    /// <summary>The current request's UI language if CourierCrm supports it, else Chinese.</summary>
    public static string Current() =>
        CultureSetup.Supported.FirstOrDefault(c => string.Equals(c, CultureInfo.CurrentUICulture.Name, StringComparison.OrdinalIgnoreCase))
        ?? (CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN");

    /// <summary>
    /// Runs the rest of the job in <paramref name="name"/> (IStringLocalizer reads CurrentUICulture);
    /// the previous culture comes back on dispose. Culture flows with the async context, so this
    /// covers every await of the job and nothing outside it.
    /// </summary>
    public static IDisposable Use(string? name)
    {
        var supported = CultureSetup.Supported.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)) ?? "zh-CN";
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(supported);
        return new Restore(() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui));
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
