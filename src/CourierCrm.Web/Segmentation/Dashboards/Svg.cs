using System.Globalization;

namespace CourierCrm.Web.Segmentation.Dashboards;

/// <summary>Numbers for SVG attributes: invariant, at most two decimals, whatever the reader's language.</summary>
public static class Svg
{
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
