using System.Net;
using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;
using CourierCrm.Web.Segmentation;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CourierCrm.Web.Tests.Segmentation.ClassificationArrange;

namespace CourierCrm.Web.Tests.Segmentation;

/// <summary>
/// The classification run over the database: the aggregate's figures in China time, the classes
/// it stores, idempotency, changes on the timeline, and changes read within the viewer's scope.
/// </summary>
public abstract class ClassificationRunTests(CrmWebFactory factory)
{
    [Fact]
    public async Task The_aggregate_counts_revenue_shipments_and_active_months_in_China_time()
    {
        var (p, q, r, s) = await FourCustomersAsync();
        var period = ClassificationPeriod.Ending(new DateOnly(2041, 6, 30), 12);

        await using var db = factory.NewDb();
        var activity = (await CustomerActivityQuery.ReadAsync(db, period, CancellationToken.None)).ToDictionary(a => a.CustomerId);

        // P: the 04-01 01:00 waybill is April in China (March in UTC): two active months, not three.
        Assert.Equal(new CustomerActivity(p, 70_000, 3, 2, new(2040, 1, 15), new(2041, 6, 20)), activity[p]);
        // Q: the waybill of 07-01 00:30 China is after the as-of day and counts nowhere.
        Assert.Equal(new CustomerActivity(q, 25_000, 2, 1, new(2041, 6, 1), new(2041, 6, 2)), activity[q]);
        // R: 06-30 23:30 China is the day before the period starts: its first shipment, not its revenue.
        Assert.Equal(new CustomerActivity(r, 5_000, 1, 1, new(2040, 6, 30), new(2040, 12, 1)), activity[r]);
        Assert.Equal(CustomerActivity.NeverShipped(s), activity[s]);
    }

    [Fact]
    public async Task The_aggregate_read_in_parts_at_once_gives_what_one_statement_gives()
    {
        await FourCustomersAsync();
        var period = ClassificationPeriod.Ending(new DateOnly(2041, 6, 30), 12);
        await using var db = factory.NewDb();
        var whole = await CustomerActivityQuery.ReadAsync(db, period, CancellationToken.None);

        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<CourierCrm.Web.Data.CrmDbContext>>();
        var inParts = await CustomerActivityQuery.ReadAsync(dbFactory, period, parts: 3, CancellationToken.None, minCustomersPerPart: 1);

        Assert.True(whole.Count >= 4);
        Assert.Equal(whole, inParts);
    }

    [Fact]
    public async Task A_run_stores_every_class_of_every_customer_and_the_archive_lifecycle()
    {
        var (p, q, r, s) = await FourCustomersAsync();

        var run = await RunAsync(factory, new DateOnly(2041, 6, 30));

        var expected = new (int Id, long Revenue, AbcClass? Abc, ValuePyramidTier? Pyramid, KeyAccountTier? Key, string? Rfm, LoyaltyValueQuadrant? Quadrant, LifecycleState Lifecycle)[]
        {
            (p, 70_000, AbcClass.A, ValuePyramidTier.Important, KeyAccountTier.Key, "555", LoyaltyValueQuadrant.Core, LifecycleState.Loyal),
            (q, 25_000, AbcClass.B, ValuePyramidTier.Ordinary, KeyAccountTier.Ordinary, "333", LoyaltyValueQuadrant.Core, LifecycleState.New),
            (r, 5_000, AbcClass.C, ValuePyramidTier.Small, KeyAccountTier.Ordinary, "111", LoyaltyValueQuadrant.LoyalLowValue, LifecycleState.Churned),
            (s, 0, null, null, null, null, null, LifecycleState.Potential),
        };
        foreach (var e in expected)
        {
            var c = await ClassesAsync(factory, e.Id);
            Assert.Equal(run.Id, c.RunId);
            Assert.Equal(e, (c.CustomerId, c.RevenueFen, c.Abc, c.Pyramid, c.KeyAccount, c.ToDomain().Rfm?.Code, c.Quadrant, c.Lifecycle));
        }
        Assert.Equal((1, 1, 1), (run.AbcA, run.AbcB, run.AbcC));
        await using var db = factory.NewDb();
        Assert.Equal(await db.Customers.CountAsync(), run.CustomerCount);
        var lifecycles = await db.Customers.Where(c => c.Id == p || c.Id == q || c.Id == r || c.Id == s).ToDictionaryAsync(c => c.Id, c => c.Lifecycle);
        Assert.Equal([LifecycleState.Loyal, LifecycleState.New, LifecycleState.Churned, LifecycleState.Potential], new[] { p, q, r, s }.Select(id => lifecycles[id]));
    }

    [Fact]
    public async Task Running_again_on_the_same_day_over_the_same_waybills_records_no_changes()
    {
        var customer = await CustomerOfAsync(factory, "rep.sz1");
        await WaybillsAsync(factory, customer, ("2043-05-10 10:00", 30_000));
        var day = new DateOnly(2043, 6, 30);
        await RunAsync(factory, day);
        var eventsBefore = await TimelineCountAsync(customer);

        // A new runner (as after a restart, or on another node) compares with the stored classes, not remembered ones.
        var again = await NewRunner(factory).RunAsync(day, "test", null, CancellationToken.None);

        Assert.Equal(0, again.ChangeCount);
        Assert.Equal(0, again.RowsWritten);
        await using var db = factory.NewDb();
        Assert.False(await db.ClassChanges.AnyAsync(c => c.RunId == again.Id));
        Assert.False(await db.CustomerClassifications.AnyAsync(c => c.RunId == again.Id));
        Assert.Equal(eventsBefore, await TimelineCountAsync(customer));
    }

    [Fact]
    public async Task More_revenue_moves_a_customer_up_with_the_reason_on_its_timeline()
    {
        var small = await CustomerOfAsync(factory, "rep.sz1");
        var big = await CustomerOfAsync(factory, "rep.sz1");
        await WaybillsAsync(factory, small, ("2045-05-10 10:00", 10_000));
        await WaybillsAsync(factory, big, ("2045-05-11 10:00", 90_000));
        var day = new DateOnly(2045, 6, 30);
        var first = await RunAsync(factory, day);
        Assert.Equal(AbcClass.B, (await ClassesAsync(factory, small)).Abc);

        await WaybillsAsync(factory, small, ("2045-06-01 10:00", 200_000));
        var second = await RunAsync(factory, day);

        await using var db = factory.NewDb();
        var change = await db.ClassChanges.SingleAsync(c => c.RunId == second.Id && c.CustomerId == small && c.Dimension == ClassDimension.Abc);
        Assert.Equal(("B", "A", ClassMovement.Up, ClassChangeReason.RevenueRose, 10_000L, 210_000L),
            (change.From, change.To, change.Movement, change.Reason, change.PreviousRevenueFen, change.CurrentRevenueFen));
        var entry = await db.CustomerEvents.Where(e => e.CustomerId == small && e.Kind == ClassChangeTimeline.Kind).OrderBy(e => e.Id).LastAsync();
        Assert.Contains("ABC: B → A", entry.Detail);
        Assert.Contains("revenue rose", entry.Detail);
    }

    [Fact]
    public async Task A_rep_reads_only_the_changes_of_their_own_customers()
    {
        var own = await CustomerOfAsync(factory, "rep.sz1");
        var colleagues = await CustomerOfAsync(factory, "rep.sz2");
        await WaybillsAsync(factory, own, ("2047-05-10 10:00", 10_000));
        await WaybillsAsync(factory, colleagues, ("2047-05-10 10:00", 20_000));
        var run = await RunAsync(factory, new DateOnly(2047, 6, 30));

        var repSees = await ChangedCustomersAsync("rep.sz1", run.Id);
        var adminSees = await ChangedCustomersAsync("admin", run.Id);

        Assert.Contains(own, repSees);
        Assert.DoesNotContain(colleagues, repSees);
        Assert.Contains(own, adminSees);
        Assert.Contains(colleagues, adminSees);
    }

    [Fact]
    public async Task Changes_filtered_by_an_unknown_movement_answer_400_naming_the_field()
    {
        var run = await RunAsync(factory, new DateOnly(2049, 6, 30));

        var response = await CrmApi.GetAsync(await factory.SignedInAsync("admin"), $"/api/v1/classification/runs/{run.Id}/changes?movement=Sideways");

        Assert.NotEmpty(await CrmApi.FieldErrorAsync(response, "movement"));
    }

    [Fact]
    public async Task Only_administrators_and_managers_may_start_a_run()
    {
        var rep = await CrmApi.PostAsync(await factory.SignedInAsync("rep.sz1"), "/api/v1/classification/runs", null);
        Assert.Equal(HttpStatusCode.Forbidden, rep.StatusCode);

        var manager = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(await factory.SignedInAsync("mgr.south"), "/api/v1/classification/runs", null));
        var latest = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("rep.sz1"), "/api/v1/classification/runs?pageSize=1"));
        Assert.Equal(manager.GetProperty("id").GetInt64(), latest.GetProperty("items")[0].GetProperty("id").GetInt64());
    }

    /// <summary>
    /// P: loyal, big; Q: new, two waybills in June; R: one waybill in December, churned by June;
    /// S: never shipped. Classified up to 2041-06-30 (period 2040-07-01 … 2041-06-30).
    /// </summary>
    private async Task<(int P, int Q, int R, int S)> FourCustomersAsync()
    {
        await using (var db = factory.NewDb())
        {
            // The four are the only customers with waybills in 2040–2041 (tests here run more than once per database).
            var earlier = await db.Waybills.Where(w => w.OrderedAt >= China("2040-01-01 00:00") && w.OrderedAt < China("2042-01-01 00:00")).ToListAsync();
            db.Waybills.RemoveRange(earlier);
            await db.SaveChangesAsync();
        }
        var p = await CustomerOfAsync(factory, "rep.sz1");
        var q = await CustomerOfAsync(factory, "rep.sz1");
        var r = await CustomerOfAsync(factory, "rep.sz1");
        var s = await CustomerOfAsync(factory, "rep.sz1");
        await WaybillsAsync(factory, p, ("2040-01-15 10:00", 999), ("2041-04-01 01:00", 30_000), ("2041-04-15 12:00", 20_000), ("2041-06-20 12:00", 20_000));
        await WaybillsAsync(factory, q, ("2041-06-01 10:00", 10_000), ("2041-06-02 10:00", 15_000), ("2041-07-01 00:30", 50_000));
        await WaybillsAsync(factory, r, ("2040-06-30 23:30", 7_777), ("2040-12-01 10:00", 5_000));
        return (p, q, r, s);
    }

    private async Task<int> TimelineCountAsync(int customerId)
    {
        await using var db = factory.NewDb();
        return await db.CustomerEvents.CountAsync(e => e.CustomerId == customerId);
    }

    private async Task<List<int>> ChangedCustomersAsync(string user, long runId)
    {
        var client = await factory.SignedInAsync(user);
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var json = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, $"/api/v1/classification/runs/{runId}/changes?movement=New&pageSize=200&page={page}"));
            var items = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("customerId").GetInt32()).ToList();
            ids.AddRange(items);
            if (items.Count == 0 || ids.Count >= json.GetProperty("total").GetInt32()) return ids;
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteClassificationRunTests(SqliteCrmWebFactory factory) : ClassificationRunTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresClassificationRunTests(PostgresCrmWebFactory factory) : ClassificationRunTests(factory);
