using CourierCrm.Domain.Classification;
using CourierCrm.Web.Exports;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Segmentation.Ltv;

/// <summary>
/// A Dwyer table as a CSV or Excel file (the exports' <see cref="TableWriter"/>, so formulas are
/// neutralised and numbers stay numbers). At most 50 rows: written in memory and handed to the browser
/// as a data: link, no background job needed.
/// </summary>
public static class LifetimeValueFile
{
    public static byte[] Write(ExportFormat format, IReadOnlyList<DwyerYear> table, IStringLocalizer<LifetimeValueTexts> t)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(t);
        ExportColumn[] columns =
        [
            new(t["Table.Year"], ColumnKind.Integer, 8), new(t["Table.Customers"], ColumnKind.Weight), new(t["Table.Retention"], ColumnKind.Weight),
            new(t["Field.OrdersPerCustomer"], ColumnKind.Weight), new(t["Field.AverageOrderValue"], ColumnKind.Money),
            new(t["Table.Revenue"], ColumnKind.Money), new(t["Table.VariableCost"], ColumnKind.Money), new(t["Table.MarketingCost"], ColumnKind.Money),
            new(t["Table.AcquisitionCost"], ColumnKind.Money), new(t["Table.Costs"], ColumnKind.Money), new(t["Table.Profit"], ColumnKind.Money),
            new(t["Table.DiscountFactor"], ColumnKind.Weight), new(t["Table.Npv"], ColumnKind.Money), new(t["Table.CumulativeNpv"], ColumnKind.Money),
            new(t["Table.Clv"], ColumnKind.Money),
        ];
        using var output = new MemoryStream();
        using (var writer = TableWriter.Open(format, output, t["Sheet"], columns))
        {
            foreach (var y in table)
                writer.WriteRow([y.Year, y.Customers, y.RetentionRate, y.OrdersPerCustomer, y.AverageOrderValue, y.Revenue, y.VariableCost,
                    y.MarketingCost, y.AcquisitionCost, y.TotalCost, y.Profit, y.DiscountFactor, y.NetPresentValue, y.CumulativeNetPresentValue,
                    y.LifetimeValuePerCustomer]);
            writer.Complete();
        }
        return output.ToArray();
    }

    /// <summary>A data: link the browser downloads from.</summary>
    public static string DataUri(ExportFormat format, byte[] content) =>
        (format == ExportFormat.Xlsx ? "data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64," : "data:text/csv;charset=utf-8;base64,")
        + Convert.ToBase64String(content);
}
