using CourierCrm.Web.Platform.Jobs;
using CourierCrm.Web.Platform.Localization;
using CourierCrm.Web.Shipments;
using CourierCrm.Web.Shipments.Pages;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Exports;

/// <summary>
/// Background export of the waybill list (JobKind.WaybillExport): every field of the list rows, money
/// in yuan and weight in kilograms as numbers, times in China time, in the starter's language and
/// within their scope and masking.
/// </summary>
public sealed class WaybillExportHandler(WaybillExportRows rows, ExportFile file, IStringLocalizer<ShipmentTexts> s, IStringLocalizer<ExportTexts> t) : IJobHandler
{
    public JobKind Kind => JobKind.WaybillExport;

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var parameters = run.Parameters<WaybillExportParameters>();
        using var language = ExportCulture.Use(parameters.Culture);
        var viewer = run.Owner;
        var filter = parameters.Filter;
        var plan = new ExportPlan<WaybillListItem>(
            "Waybill", "waybills", "waybills", t["Sheet.Waybills"], ExportFilters.Describe(filter),
            [
                new(t["Col.Number"], Width: 18), new(t["Col.OrderedAt"], Width: 17), new(t["Col.CustomerCode"], Width: 14),
                new(t["Col.CustomerName"], Width: 28), new(t["Col.SentCustomerCode"], Width: 16), new(t["Col.MonthlyAccountNo"], Width: 16),
                new(t["Col.Product"], Width: 10), new(t["Col.Status"], Width: 10),
                new(t["Col.SenderName"], Width: 10), new(t["Col.SenderPhone"], Width: 15), new(t["Col.SenderAddress"], Width: 40),
                new(t["Col.ReceiverName"], Width: 10), new(t["Col.ReceiverPhone"], Width: 15), new(t["Col.ReceiverAddress"], Width: 40),
                new(t["Col.OriginCity"], Width: 10), new(t["Col.DestinationCity"], Width: 10),
                new(t["Col.Pieces"], ColumnKind.Integer, 8), new(t["Col.WeightKg"], ColumnKind.Weight, 12), new(t["Col.Freight"], ColumnKind.Money, 12),
                new(t["Col.PickupOutlet"], Width: 18), new(t["Col.DeliveredAt"], Width: 17),
            ],
            token => rows.CountAsync(viewer, filter, token),
            token => rows.BatchesAsync(viewer, filter, ct: token),
            w =>
            [
                w.Number, CompanyTime.Format(w.OrderedAt), w.CustomerCode, w.CustomerName, w.SentCustomerCode, w.MonthlyAccountNo,
                s.Of(w.Product), s.Of(w.Status),
                w.SenderName, w.SenderPhone, w.SenderAddress, w.ReceiverName, w.ReceiverPhone, w.ReceiverAddress,
                w.OriginCity, w.DestinationCity, w.Pieces, w.WeightKg, w.Freight,
                w.PickupOutletName, w.DeliveredAt is { } d ? CompanyTime.Format(d) : null,
            ]);
        await file.RunAsync(run, parameters.Format, plan, ct);
    }
}
