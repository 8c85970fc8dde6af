using System.Net;
using System.Text;
using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using CourierCrm.Web.Segmentation.Dashboards;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CourierCrm.Web.Tests.Segmentation.ClassificationArrange;

namespace CourierCrm.Web.Tests.Segmentation.Dashboards;

/// <summary>
/// The classification dashboard's figures over arranged customers and waybills. Each test works in its own
/// year far ahead (no other waybill falls into its period, so the company-wide ranking holds only its
/// customers) and reads as a sales rep made for the test, who sees exactly the test's customers.
/// </summary>
public abstract class ClassificationDashboardTests(CrmWebFactory factory)
{
    [Fact]
    public async Task The_pyramid_counts_one_two_three_five_of_ten_paying_customers_with_their_revenue()
    {
        var (rep, _, _) = await TenCustomersAsync(2071);

        var figures = await DashboardAsync(rep);

        Assert.Equal([1, 1, 3, 5], figures.Pyramid.Select(t => t.Customers));
        Assert.Equal([100_000L, 90_000, 210_000, 150_000], figures.Pyramid.Select(t => t.RevenueFen));
        Assert.Equal([0.01m, 0.19m, 0.30m, 0.50m], figures.Pyramid.Select(t => t.TargetShare));
        Assert.Equal(0.1m, figures.Pyramid[0].CustomerShare);
        Assert.Equal((11, 11, 10, 550_000L), (figures.Customers, figures.Classified, figures.Paying, figures.RevenueFen));
    }

    [Fact]
    public async Task The_abc_mix_is_five_four_one_beside_the_ideal_and_the_pareto_curve_passes_through_every_customer()
    {
        var (rep, _, _) = await TenCustomersAsync(2072);

        var figures = await DashboardAsync(rep);

        Assert.Equal([5, 4, 1], figures.Abc.Select(c => c.Customers));
        Assert.Equal([0.5m, 0.4m, 0.1m], figures.Abc.Select(c => c.CustomerShare));
        Assert.Equal([0.2m, 0.4m, 0.4m], figures.Abc.Select(c => c.IdealShare));
        Assert.Equal((0.70m, 0.95m), (figures.Pareto.ACut, figures.Pareto.BCut));
        Assert.Equal(11, figures.Pareto.Points.Count);
        // The best five customers (1,000 + 900 + 800 + 700 + 600 yuan) make 4,000 of 5,500 yuan.
        Assert.Equal(new ParetoPoint(5, 0.5m, 4_000m / 5_500m), figures.Pareto.Points[5]);
        Assert.Equal(new ParetoPoint(10, 1m, 1m), figures.Pareto.Points[^1]);
    }

    [Fact]
    public async Task The_lifecycle_funnel_counts_potential_new_loyal_and_churned_customers()
    {
        var (rep, _, _) = await TenCustomersAsync(2073);

        var figures = await DashboardAsync(rep);

        Assert.Equal(
            [(LifecycleState.Potential, 1), (LifecycleState.New, 4), (LifecycleState.Loyal, 4), (LifecycleState.Churned, 2)],
            figures.Lifecycle.Select(l => (l.State, l.Customers)));
    }

    [Fact]
    public async Task The_rfm_cells_and_quadrants_count_the_stored_scores_of_the_viewers_customers()
    {
        var (rep, ids, _) = await TenCustomersAsync(2074);

        var figures = await DashboardAsync(rep);

        await using var db = factory.NewDb();
        var stored = await db.CustomerClassifications.AsNoTracking().Where(c => ids.Contains(c.CustomerId)).ToListAsync();
        Assert.Equal(25, figures.Rfm.Count);
        foreach (var cell in figures.Rfm)
        {
            var inCell = stored.Where(c => c.RfmR == cell.Recency && c.RfmF == cell.Frequency).ToList();
            Assert.Equal(inCell.Count, cell.Customers);
            Assert.Equal(inCell.Count == 0 ? null : Math.Round((decimal)inCell.Average(c => c.RfmM!.Value), 1), cell.AverageMonetary);
        }
        Assert.Equal(10, figures.Rfm.Sum(c => c.Customers));
        foreach (var quadrant in figures.Quadrants)
            Assert.Equal(stored.Count(c => c.Quadrant == quadrant.Quadrant), quadrant.Customers);
        Assert.Equal(10, figures.Scatter.Placed);
        Assert.Equal(ids[..10].Order(), figures.Scatter.Points.Select(p => p.CustomerId).Order());
    }

    [Fact]
    public async Task Movement_counts_the_moves_of_the_latest_run_per_dimension()
    {
        var (rep, ids, asOf) = await TenCustomersAsync(2075);
        // The smallest customer (churned since October) ships 2,000 yuan in June and becomes the biggest.
        await WaybillsAsync(factory, ids[9], ("2075-06-20 10:00", 200_000));
        var second = await RunAsync(factory, asOf);

        var movement = (await DashboardAsync(rep)).Movement!;

        Assert.Equal(second.Id, movement.RunId);
        Assert.NotNull(movement.PreviousRunId);
        Assert.Equal(
            [
                new MovementCounts(ClassDimension.Abc, Up: 1, Down: 2, New: 0, Lost: 0),
                new MovementCounts(ClassDimension.ValuePyramid, Up: 1, Down: 3, New: 0, Lost: 0),
                new MovementCounts(ClassDimension.KeyAccount, Up: 1, Down: 2, New: 0, Lost: 0),
                new MovementCounts(ClassDimension.Lifecycle, Up: 1, Down: 0, New: 0, Lost: 0),
            ],
            movement.Dimensions);
    }

    [Fact]
    public async Task The_movement_report_lists_the_customers_behind_a_count_with_from_and_to()
    {
        var (rep, ids, asOf) = await TenCustomersAsync(2076);
        await WaybillsAsync(factory, ids[9], ("2076-06-20 10:00", 200_000));
        var second = await RunAsync(factory, asOf);

        var page = await factory.WithScopeAsync<MovementQueries, CourierCrm.Web.Platform.Paging.PagedResult<CourierCrm.Web.Segmentation.ClassChangeView>>(q =>
            q.ChangesAsync(rep, second.Id, ClassMovement.Down, ClassDimension.Abc, 1, 50, CancellationToken.None));

        Assert.Equal(
            [(ids[4], "A", "B"), (ids[8], "B", "C")],
            page.Items.Select(c => (c.CustomerId, c.From, c.To)).OrderBy(c => c.CustomerId));
        Assert.All(page.Items, c => Assert.Equal(ClassChangeReason.OthersMoved, c.Reason));
    }

    [Fact]
    public async Task A_reps_dashboard_shows_only_the_reps_own_customers()
    {
        await ClearYearAsync(2077);
        var own = await CustomerOfAsync(factory, "rep.sz1");
        var colleagues = await CustomerOfAsync(factory, "rep.sz2");
        await WaybillsAsync(factory, own, ("2077-05-10 10:00", 10_000));
        await WaybillsAsync(factory, colleagues, ("2077-05-10 10:00", 90_000));
        await RunAsync(factory, new DateOnly(2077, 6, 30));

        var repSees = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("rep.sz1"), "/api/v1/classification/dashboard"));
        var adminSees = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("admin"), "/api/v1/classification/dashboard"));

        await using var db = factory.NewDb();
        var repId = factory.Demo.UserId("rep.sz1");
        Assert.Equal(await db.Customers.CountAsync(c => c.OwnerId == repId), repSees.GetProperty("customers").GetInt32());
        Assert.Equal(1, repSees.GetProperty("paying").GetInt32());
        Assert.Equal(10_000, repSees.GetProperty("revenueFen").GetInt64());
        Assert.Equal(1, repSees.GetProperty("pyramid").EnumerateArray().Sum(t => t.GetProperty("customers").GetInt32()));
        Assert.Equal(1, repSees.GetProperty("scatter").GetProperty("points").GetArrayLength());
        Assert.Equal(2, adminSees.GetProperty("paying").GetInt32());
        Assert.Equal(await db.Customers.CountAsync(), adminSees.GetProperty("customers").GetInt32());
    }

    [Fact]
    public async Task The_export_holds_every_figure_in_the_readers_language_and_is_audited()
    {
        await TenCustomersAsync(2078);
        var admin = await factory.SignedInAsync("admin");
        var auditsBefore = await DashboardExportAuditsAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/classification/dashboard/export?format=csv");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("Figure,Item,Customers,Customer share (%),Revenue (¥),Revenue share (%),Target or ideal share (%),Average M score", lines[0]);
        var figures = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(admin, "/api/v1/classification/dashboard"));
        var important = figures.GetProperty("pyramid")[0];
        Assert.Contains(lines, l => l.StartsWith($"Value pyramid,Important,{important.GetProperty("customers").GetInt32()},", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ABC mix,A,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("RFM heat map,R5 F5,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Lifecycle funnel,Churned,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Class movement,ABC · Up,", StringComparison.Ordinal));
        var audits = await DashboardExportAuditsAsync();
        Assert.Equal(auditsBefore.Count + 1, audits.Count);
        Assert.StartsWith("CSV export of the classification dashboard", audits[^1].Summary);
        Assert.Equal(factory.Demo.UserId("admin"), audits[^1].ActorId);
    }

    [Fact]
    public async Task The_excel_export_is_a_workbook()
    {
        var response = await (await factory.SignedInAsync("admin")).GetAsync("/api/v1/classification/dashboard/export?format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }

    [Fact]
    public async Task A_role_without_the_export_right_may_not_export_the_figures()
    {
        Assert.False((await factory.ViewerAsync("rep.sz1")).CanExport);

        var response = await CrmApi.GetAsync(await factory.SignedInAsync("rep.sz1"), "/api/v1/classification/dashboard/export?format=csv");

        await CrmApi.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/api/v1/classification/dashboard?movementRun=abc", "movementRun")]
    [InlineData("/api/v1/classification/dashboard?movementRun=-3", "movementRun")]
    [InlineData("/api/v1/classification/dashboard?movementRun=999999999", "movementRun")]
    [InlineData("/api/v1/classification/dashboard/export?format=pdf", "format")]
    [InlineData("/api/v1/classification/dashboard/export?format=csv&movementRun=x", "movementRun")]
    public async Task A_bad_query_value_answers_400_naming_the_field(string path, string field)
    {
        await RunAsync(factory, new DateOnly(2079, 6, 30));

        var response = await CrmApi.GetAsync(await factory.SignedInAsync("admin"), path);

        Assert.NotEmpty(await CrmApi.FieldErrorAsync(response, field));
    }

    /// <summary>
    /// A new rep's ten paying customers and one that never shipped, classified as of June 30th of the year.
    /// Revenue 1,000, 900 … 100 yuan. The first four shipped last September and this June (loyal), the next
    /// four first this June (new), the last two only last October (churned); the eleventh never (potential).
    /// </summary>
    private async Task<(Viewer Rep, int[] Ids, DateOnly AsOf)> TenCustomersAsync(int year)
    {
        await ClearYearAsync(year);
        var (_, userName, _) = await Arrange.StaffAsync(factory, StaffRole.SalesRep, "SZ-NS");
        var ids = new int[11];
        for (var i = 0; i < ids.Length; i++) ids[i] = await CustomerOfAsync(factory, userName);
        for (var i = 0; i < 10; i++)
        {
            var fen = (10 - i) * 10_000L;
            if (i < 4) await WaybillsAsync(factory, ids[i], ($"{year - 1}-09-10 10:00", fen / 2), ($"{year}-06-10 10:00", fen - fen / 2));
            else if (i < 8) await WaybillsAsync(factory, ids[i], ($"{year}-06-15 10:00", fen));
            else await WaybillsAsync(factory, ids[i], ($"{year - 1}-10-01 10:00", fen));
        }
        var asOf = new DateOnly(year, 6, 30);
        await RunAsync(factory, asOf);
        return (await factory.ViewerAsync(userName), ids, asOf);
    }

    /// <summary>Tests run more than once per database: earlier waybills of the test's period would join the ranking.</summary>
    private async Task ClearYearAsync(int year)
    {
        await using var db = factory.NewDb();
        var from = China($"{year - 1}-01-01 00:00").ToUniversalTime();
        var to = China($"{year + 1}-01-01 00:00").ToUniversalTime();
        await db.Waybills.Where(w => w.OrderedAt >= from && w.OrderedAt < to).ExecuteDeleteAsync();
    }

    private async Task<ClassificationDashboard> DashboardAsync(Viewer viewer)
    {
        var result = await factory.WithScopeAsync<ClassificationDashboardQueries, CourierCrm.Web.Platform.CommandResult<ClassificationDashboard>>(q =>
            q.ReadAsync(viewer, null, CancellationToken.None));
        Assert.True(result.Succeeded);
        return result.Value!;
    }

    private async Task<List<AuditEntry>> DashboardExportAuditsAsync()
    {
        await using var db = factory.NewDb();
        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "ClassificationDashboard" && e.Action == AuditAction.Export).OrderBy(e => e.Id).ToListAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteClassificationDashboardTests(SqliteCrmWebFactory factory) : ClassificationDashboardTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresClassificationDashboardTests(PostgresCrmWebFactory factory) : ClassificationDashboardTests(factory);
