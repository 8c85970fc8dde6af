using System.Globalization;

namespace CourierCrm.Domain.Shipments;

/// <summary>Conversions between yuan as people write them and the fen (分) the records keep.</summary>
public static class Money
{
    public static long ToFen(decimal yuan) => (long)decimal.Round(yuan * 100m, 0, MidpointRounding.AwayFromZero);

    public static decimal ToYuan(long fen) => fen / 100m;

    /// <summary>"¥1,234.50".</summary>
    public static string Format(long fen) => "¥" + ToYuan(fen).ToString("#,##0.00", CultureInfo.InvariantCulture);
}
