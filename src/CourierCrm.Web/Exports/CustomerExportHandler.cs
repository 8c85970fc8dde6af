using CourierCrm.Web.Customers;
using CourierCrm.Web.Customers.Pages;
using CourierCrm.Web.Platform.Jobs;
using CourierCrm.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Exports;

/// <summary>
/// Background export of the customer list (JobKind.CustomerExport): the columns of the list page,
/// in the language of the person who started it, for the rows their scope and masking show them.
/// </summary>
public sealed class CustomerExportHandler(CustomerExportRows rows, ExportFile file, IStringLocalizer<CustomerTexts> c, IStringLocalizer<ExportTexts> texts) : IJobHandler
{
    public JobKind Kind => JobKind.CustomerExport;

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var parameters = run.Parameters<CustomerExportParameters>();
        using var language = ExportCulture.Use(parameters.Culture);
        var viewer = run.Owner;
        var filter = parameters.Filter;
        var unassigned = c["Unassigned"].Value;
        var plan = new ExportPlan<CustomerListItem>(
            "Customer", "customers", "customers", texts["Sheet.Customers"], CustomerExport.Describe(filter),
            [
                new(c["Field.Code"], Width: 14), new(c["Field.Name"], Width: 32), new(c["Field.Type"], Width: 10),
                new(c["Field.MarketType"], Width: 12), new(c["Field.Lifecycle"], Width: 10), new(c["Field.Phone"], Width: 16),
                new(c["Field.Owner"], Width: 12), new(c["Field.Outlet"], Width: 18), new(c["Field.CreatedAt"], Width: 17),
                new(c["Field.UpdatedAt"], Width: 17),
            ],
            token => rows.CountAsync(viewer, filter, token),
            token => rows.BatchesAsync(viewer, filter, ct: token),
            x =>
            [
                x.Code, x.Name, c.Of(x.Type), c.Of(x.MarketType), c.Of(x.Lifecycle), x.Phone, x.OwnerName ?? unassigned, x.OutletName,
                CompanyTime.Format(x.CreatedAt), CompanyTime.Format(x.UpdatedAt),
            ]);
        await file.RunAsync(run, parameters.Format, plan, ct);
    }
}
