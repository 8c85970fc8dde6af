using System.Security.Claims;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Jobs;
using CourierCrm.Web.Platform.Localization;
using CourierCrm.Web.Shipments;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Exports;

/// <summary>
/// Starts export jobs for the list pages and the API: checks the export right and the filters, then
/// queues the job with the filters, the format and the starter's language. Paging is dropped: an
/// export writes every row the filters match.
/// </summary>
public sealed class ExportJobs(JobQueue queue, TimeProvider clock, IStringLocalizer<ExportTexts> texts)
{
    public async Task<CommandResult<BackgroundJob>> StartCustomersAsync(ClaimsPrincipal user, CustomerListQuery filter, ExportFormat? format, CancellationToken ct)
    {
        if (!user.RequireViewer().CanExport) return CommandResult<BackgroundJob>.Forbidden(texts["Err.NoRight"]);
        var errors = ExportValidation.Customers(filter, format);
        if (!errors.IsEmpty) return CommandResult<BackgroundJob>.Invalid(errors);
        var unpaged = new CustomerListQuery
        {
            Search = filter.Search, Type = filter.Type, Nature = filter.Nature, MarketType = filter.MarketType,
            SpecialisedMarket = filter.SpecialisedMarket, BusinessRelation = filter.BusinessRelation, Lifecycle = filter.Lifecycle,
            OutletId = filter.OutletId, OwnerId = filter.OwnerId, Unassigned = filter.Unassigned, Tag = filter.Tag,
            Abc = filter.Abc, Pyramid = filter.Pyramid, KeyAccount = filter.KeyAccount, RfmR = filter.RfmR, RfmF = filter.RfmF,
            RfmM = filter.RfmM, Quadrant = filter.Quadrant, Unclassified = filter.Unclassified, Segment = filter.Segment,
            Sort = filter.Sort, Direction = filter.Direction,
        };
        var parameters = new CustomerExportParameters(unpaged, format!.Value, ExportCulture.Current());
        var job = await queue.EnqueueAsync(JobKind.CustomerExport, user, Title("Job.Title.Customers", format.Value), JobJson.Serialize(parameters), ct);
        return CommandResult<BackgroundJob>.Ok(job);
    }

    public async Task<CommandResult<BackgroundJob>> StartWaybillsAsync(ClaimsPrincipal user, WaybillListQuery filter, ExportFormat? format, CancellationToken ct)
    {
        if (!user.RequireViewer().CanExport) return CommandResult<BackgroundJob>.Forbidden(texts["Err.NoRight"]);
        var errors = ExportValidation.Waybills(filter, format);
        if (!errors.IsEmpty) return CommandResult<BackgroundJob>.Invalid(errors);
        var unpaged = new WaybillListQuery
        {
            From = filter.From, To = filter.To, Status = filter.Status, Product = filter.Product, PickupOutletId = filter.PickupOutletId,
            CustomerId = filter.CustomerId, Unmatched = filter.Unmatched, Number = filter.Number,
        };
        var parameters = new WaybillExportParameters(unpaged, format!.Value, ExportCulture.Current());
        var job = await queue.EnqueueAsync(JobKind.WaybillExport, user, Title("Job.Title.Waybills", format.Value), JobJson.Serialize(parameters), ct);
        return CommandResult<BackgroundJob>.Ok(job);
    }

    /// <summary>"客户导出 2026-11-23 09:30（Excel）".</summary>
    private string Title(string key, ExportFormat format) => texts[key, CompanyTime.Format(clock.GetUtcNow()), texts["Format." + format]];
}
