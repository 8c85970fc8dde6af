using CourierCrm.Domain.Incidents;
using CourierCrm.Web.Incidents;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Incidents;

/// <summary>The overdue-report alert: once per report, to the people of its level, only after the due time.</summary>
public abstract class IncidentAlertTests(CrmWebFactory factory)
{
    // Years ahead of the real clock: the host's own alert job (every minute, real time) never finds these reports due.
    private static readonly DateTimeOffset Recorded = new(2036, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

    private async Task<int> IncidentRecordedAtAsync(MovableClock clock, decimal loss)
    {
        var (waybill, _) = await IncidentArrange.WaybillAsync(factory);
        var result = await IncidentArrange.RecordingOn(factory, clock).RecordFromWaybillAsync(await factory.ViewerAsync("cs.sz"), new RecordIncidentInput
        {
            WaybillNumber = waybill, Kind = IncidentKind.Damage, ExpectedLoss = loss, Description = "破损",
        }, CancellationToken.None);
        return result.Value!.Id;
    }

    private async Task<List<(int UserId, string Key)>> NoticesAsync(int incidentId)
    {
        var prefix = $"incident:{incidentId}:report:";
        await using var db = factory.NewDb();
        var rows = await db.StaffNotifications.Where(n => n.DedupKey != null && n.DedupKey.StartsWith(prefix)).Select(n => new { n.UserId, n.DedupKey }).ToListAsync();
        return rows.ConvertAll(r => (r.UserId, r.DedupKey!));
    }

    [Fact]
    public async Task Nothing_is_raised_before_the_due_time()
    {
        var clock = new MovableClock(Recorded);
        var id = await IncidentRecordedAtAsync(clock, 500m);
        clock.Now = Recorded.AddMinutes(29);

        await IncidentArrange.AlertsOn(factory, clock).AlertOverdueAsync(CancellationToken.None);

        Assert.Empty(await NoticesAsync(id));
    }

    [Fact]
    public async Task An_overdue_report_tells_the_outlet_head_once()
    {
        var clock = new MovableClock(Recorded);
        var id = await IncidentRecordedAtAsync(clock, 500m);
        clock.Now = Recorded.AddMinutes(31);
        var alerts = IncidentArrange.AlertsOn(factory, clock);

        await alerts.AlertOverdueAsync(CancellationToken.None);
        var first = await NoticesAsync(id);
        clock.Now = Recorded.AddMinutes(45);
        await alerts.AlertOverdueAsync(CancellationToken.None);

        Assert.Contains((factory.Demo.UserId("mgr.south"), $"incident:{id}:report:OutletHead"), first);
        Assert.Equal(first.Count, (await NoticesAsync(id)).Count);
        await using var db = factory.NewDb();
        Assert.Equal(Recorded.AddMinutes(31), await db.IncidentReports.Where(r => r.IncidentId == id).Select(r => r.AlertedAt).SingleAsync());
    }

    [Fact]
    public async Task A_report_made_in_time_raises_nothing()
    {
        var clock = new MovableClock(Recorded);
        var id = await IncidentRecordedAtAsync(clock, 500m);
        await using (var db = factory.NewDb())
        {
            await db.IncidentReports.Where(r => r.IncidentId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReportedAt, Recorded.AddMinutes(10).ToUniversalTime()));
        }
        clock.Now = Recorded.AddHours(1);

        await IncidentArrange.AlertsOn(factory, clock).AlertOverdueAsync(CancellationToken.None);

        Assert.Empty(await NoticesAsync(id));
    }

    [Fact]
    public async Task Head_office_is_told_through_the_administrators()
    {
        var clock = new MovableClock(Recorded);
        var id = await IncidentRecordedAtAsync(clock, 20_000m);
        clock.Now = Recorded.AddHours(5);

        await IncidentArrange.AlertsOn(factory, clock).AlertOverdueAsync(CancellationToken.None);

        var headOffice = (await NoticesAsync(id)).Where(n => n.Key.EndsWith(":HeadOffice", StringComparison.Ordinal)).Select(n => n.UserId).ToList();
        Assert.Contains(factory.Demo.UserId("admin"), headOffice);
        Assert.DoesNotContain(factory.Demo.UserId("mgr.south"), headOffice);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteIncidentAlertTests(SqliteCrmWebFactory factory) : IncidentAlertTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresIncidentAlertTests(PostgresCrmWebFactory factory) : IncidentAlertTests(factory);
