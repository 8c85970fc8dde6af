using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Exports;
using CourierCrm.Web.Platform.Jobs;
using CourierCrm.Web.Platform.Paging;
using CourierCrm.Web.Shipments;
using CourierCrm.Web.Tests.Infrastructure;
using CourierCrm.Web.Tests.Shipments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CourierCrm.Web.Tests.Exports;

/// <summary>
/// The export's row readers and its shared steps on a real database: keyset batches give exactly the
/// list's rows in the list's order, and a job refuses to write what it must not.
/// </summary>
public abstract class ExportRowsTests(CrmWebFactory factory)
{
    private static async Task<List<T>> AllAsync<T>(IAsyncEnumerable<IReadOnlyList<T>> batches)
    {
        var all = new List<T>();
        await foreach (var batch in batches) all.AddRange(batch);
        return all;
    }

    [Fact]
    public async Task Customer_batches_give_the_lists_rows_in_the_lists_order_for_every_sort()
    {
        var tag = "ks" + Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 3; i++) await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder().With(c => c.Tags = [tag]));
        // Customers of the same name: the order falls back to the id, and a batch may end between them.
        for (var i = 0; i < 3; i++) await Arrange.CustomerAsync(factory, "kam.south", new CustomerInputBuilder().Named("同名客户" + tag).With(c => c.Tags = [tag]));
        var viewer = await factory.ViewerAsync("mgr.south");
        await using var scope = factory.Services.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<CustomerQueries>();
        var rows = scope.ServiceProvider.GetRequiredService<CustomerExportRows>();

        foreach (var sort in CustomerQueries.SortFields)
            foreach (var direction in new[] { SortDirection.Asc, SortDirection.Desc })
            {
                var filter = new CustomerListQuery { Tag = tag, Sort = sort, Direction = direction, PageSize = 200 };
                var listed = (await list.ListAsync(viewer, filter, CancellationToken.None)).Items.Select(c => c.Id).ToList();

                var exported = await AllAsync(rows.BatchesAsync(viewer, filter, batchSize: 2));

                Assert.Equal(6, listed.Count);
                Assert.Equal(listed, exported.Select(c => c.Id));
                Assert.Equal(6, await rows.CountAsync(viewer, filter, CancellationToken.None));
            }
    }

    [Fact]
    public async Task Waybill_batches_give_the_lists_rows_newest_first_also_across_equal_order_times()
    {
        var prefix = "KS" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var times = new[] { "2026-10-01T09:30:00+08:00", "2026-10-01T09:30:00+08:00", "2026-10-01T09:30:00+08:00", "2026-10-03T10:00:00+08:00", "2026-09-30T08:00:00+08:00" };
        var waybills = times.Select((t, i) => new WaybillJson().Set("number", $"{prefix}{i}").Set("orderedAt", t).Build()).ToList();
        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(await factory.SignedInAsync("admin"), "/api/v1/waybills", WaybillJson.Batch(waybills)));
        var viewer = await factory.ViewerAsync("admin");
        await using var scope = factory.Services.CreateAsyncScope();
        var filter = new WaybillListQuery { Number = prefix, PageSize = 200 };

        var listed = (await scope.ServiceProvider.GetRequiredService<WaybillQueries>().ListAsync(viewer, filter, CancellationToken.None)).Items.Select(w => w.Number).ToList();
        var exported = await AllAsync(scope.ServiceProvider.GetRequiredService<WaybillExportRows>().BatchesAsync(viewer, filter, batchSize: 2));

        Assert.Equal(5, listed.Count);
        Assert.Equal(listed, exported.Select(w => w.Number));
    }

    private JobRun RunOf(Viewer owner, JobKind kind, string parametersJson, string folder) => new(
        new BackgroundJob
        {
            Id = Guid.NewGuid(), Kind = kind, Status = JobStatus.Running, OwnerKey = "user:0", CreatedByName = owner.Name,
            Title = "test", ParametersJson = parametersJson,
        },
        owner, folder, "test-runner", factory.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>(), TimeProvider.System);

    [Fact]
    public async Task The_job_checks_the_export_right_again_when_it_runs()
    {
        var folder = Directory.CreateTempSubdirectory("ccrm-export-").FullName;
        var parameters = JobJson.Serialize(new WaybillExportParameters(new WaybillListQuery(), ExportFormat.Csv, "en"));
        var run = RunOf(await factory.ViewerAsync("rep.sz1"), JobKind.WaybillExport, parameters, folder);
        await using var scope = factory.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IJobHandler>().Single(h => h.Kind == JobKind.WaybillExport);

        var failure = await Assert.ThrowsAsync<JobFailedException>(() => handler.RunAsync(run, CancellationToken.None));

        Assert.Contains("export permission", failure.Message);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task More_rows_than_an_excel_sheet_holds_fail_before_writing_with_a_message_suggesting_csv()
    {
        var folder = Directory.CreateTempSubdirectory("ccrm-export-").FullName;
        var run = RunOf(await factory.ViewerAsync("admin"), JobKind.WaybillExport, "{}", folder);
        await using var scope = factory.Services.CreateAsyncScope();
        var file = scope.ServiceProvider.GetRequiredService<ExportFile>();
        var plan = new ExportPlan<string>("Waybill", "waybills", "waybills", "Waybills", "(none)", [new ExportColumn("Number")],
            _ => Task.FromResult(2_000_000L), _ => throw new InvalidOperationException("No row may be read."), s => [s]);

        JobFailedException failure;
        using (ExportCulture.Use("en"))
            failure = await Assert.ThrowsAsync<JobFailedException>(() => file.RunAsync(run, ExportFormat.Xlsx, plan, CancellationToken.None));

        Assert.Contains("Export as CSV", failure.Message);
        Assert.Contains("1,048,575", failure.Message);
        Assert.Empty(Directory.GetFiles(folder));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteExportRowsTests(SqliteCrmWebFactory factory) : ExportRowsTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresExportRowsTests(PostgresCrmWebFactory factory) : ExportRowsTests(factory);
