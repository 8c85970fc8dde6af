using System.Net;
using System.Text.Json.Nodes;
using CourierCrm.Domain.Incidents;
using CourierCrm.Web.Incidents;
using CourierCrm.Web.Tests.Infrastructure;
using CourierCrm.Web.Tests.Shipments;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Incidents;

/// <summary>After recording: changes with the version check, the draft decisions, closing, the reporting chain and scope.</summary>
public abstract class IncidentHandlingTests(CrmWebFactory factory)
{
    private async Task<(int Id, int CustomerId)> OpenIncidentAsync(decimal loss = 500m)
    {
        var (waybill, customerId) = await IncidentArrange.WaybillAsync(factory);
        var recorded = await IncidentArrange.RecordedAsync(factory, "cs.sz", IncidentArrange.Record(waybill, expectedLoss: loss));
        return (recorded["id"]!.GetValue<int>(), customerId);
    }

    [Fact]
    public async Task A_higher_loss_regrades_and_adds_the_reports_the_new_amount_owes()
    {
        var (id, _) = await OpenIncidentAsync(500m);
        var desk = await factory.SignedInAsync("cs.sz");

        await CrmApi.OkJsonAsync(await CrmApi.PutAsync(desk, $"/api/v1/incidents/{id}", IncidentArrange.Update(1, expectedLoss: 15000m)));

        var detail = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(desk, $"/api/v1/incidents/{id}"));
        Assert.Equal("Extraordinary", detail.GetProperty("grade").GetString());
        Assert.Equal(3, detail.GetProperty("reports").GetArrayLength());
    }

    [Fact]
    public async Task A_stale_version_answers_409_naming_version_and_changes_nothing()
    {
        var (id, _) = await OpenIncidentAsync();
        var desk = await factory.SignedInAsync("cs.sz");
        await CrmApi.OkJsonAsync(await CrmApi.PutAsync(desk, $"/api/v1/incidents/{id}", IncidentArrange.Update(1, expectedLoss: 600m)));

        await CrmApi.FieldErrorAsync(await CrmApi.PutAsync(desk, $"/api/v1/incidents/{id}", IncidentArrange.Update(1, expectedLoss: 700m)), "version", HttpStatusCode.Conflict);

        await using var db = factory.NewDb();
        Assert.Equal(60_000L, await db.ServiceIncidents.Where(i => i.Id == id).Select(i => i.ExpectedLossFen).SingleAsync());
    }

    [Theory]
    [InlineData("kind", null)]
    [InlineData("expectedLoss", null)]
    [InlineData("description", " ")]
    [InlineData("version", null)]
    public async Task A_change_with_a_missing_field_answers_400_naming_it(string field, string? value)
    {
        var (id, _) = await OpenIncidentAsync();
        var body = IncidentArrange.Update(1);
        body[field] = value;
        var desk = await factory.SignedInAsync("cs.sz");

        await CrmApi.FieldErrorAsync(await CrmApi.PutAsync(desk, $"/api/v1/incidents/{id}", body), field);
    }

    [Fact]
    public async Task Closing_needs_the_handling_method()
    {
        var (id, _) = await OpenIncidentAsync();
        var desk = await factory.SignedInAsync("cs.sz");

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(desk, $"/api/v1/incidents/{id}/close", new JsonObject { ["version"] = 1 }), "handling");
    }

    [Fact]
    public async Task Closing_a_handled_incident_puts_it_on_the_customers_timeline()
    {
        var (id, customerId) = await OpenIncidentAsync();
        var desk = await factory.SignedInAsync("cs.sz");
        await CrmApi.OkJsonAsync(await CrmApi.PutAsync(desk, $"/api/v1/incidents/{id}", IncidentArrange.Update(1)));

        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(desk, $"/api/v1/incidents/{id}/close", new JsonObject { ["version"] = 2 }));

        await using var db = factory.NewDb();
        Assert.Equal(IncidentStatus.Closed, await db.ServiceIncidents.Where(i => i.Id == id).Select(i => i.Status).SingleAsync());
        Assert.Equal(3, await db.CustomerEvents.CountAsync(e => e.CustomerId == customerId && e.Kind == "incident"));
    }

    [Fact]
    public async Task Marking_a_report_records_who_and_when_once()
    {
        var (id, _) = await OpenIncidentAsync();
        var desk = await factory.SignedInAsync("cs.sz");
        var path = $"/api/v1/incidents/{id}/reports/OutletHead/reported";

        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(desk, path, new JsonObject { ["note"] = "电话告知王站长" }));
        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(desk, path, new JsonObject()), "level", HttpStatusCode.Conflict);

        await using var db = factory.NewDb();
        var report = await db.IncidentReports.SingleAsync(r => r.IncidentId == id);
        Assert.Equal((factory.Demo.UserId("cs.sz"), "电话告知王站长"), (report.ReportedById, report.Note));
        Assert.NotNull(report.ReportedAt);
    }

    [Theory]
    [InlineData("Nowhere")]
    [InlineData("HeadOffice")]
    public async Task A_level_that_is_not_owed_answers_400_naming_level(string level)
    {
        var (id, _) = await OpenIncidentAsync(500m);
        var desk = await factory.SignedInAsync("cs.sz");

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(desk, $"/api/v1/incidents/{id}/reports/{level}/reported", new JsonObject()), "level");
    }

    [Fact]
    public async Task Reception_may_record_but_not_handle()
    {
        var (id, _) = await OpenIncidentAsync();
        var reception = await factory.SignedInAsync("front.sz");

        await CrmApi.ProblemAsync(await CrmApi.PutAsync(reception, $"/api/v1/incidents/{id}", IncidentArrange.Update(1)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_outlet_agent_sees_its_outlets_incidents_and_not_another_outlets()
    {
        var (own, _) = await OpenIncidentAsync();
        var (waybill, _) = await IncidentArrange.WaybillAsync(factory, "SZ-FT", "rep.sz2");
        var other = (await IncidentArrange.RecordedAsync(factory, "admin", IncidentArrange.Record(waybill)))["id"]!.GetValue<int>();
        var desk = await factory.SignedInAsync("cs.sz");

        var listed = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(desk, "/api/v1/incidents?pageSize=200"));
        var ids = listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();

        Assert.Contains(own, ids);
        Assert.DoesNotContain(other, ids);
        await CrmApi.ProblemAsync(await CrmApi.GetAsync(desk, $"/api/v1/incidents/{other}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_exception_event_opens_one_draft_however_often_it_is_reported()
    {
        var (waybill, _) = await IncidentArrange.WaybillAsync(factory);
        var admin = await factory.SignedInAsync("admin");

        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, $"/api/v1/waybills/{waybill}/events",
            WaybillJson.Events(("2026-10-02T08:00:00+08:00", "深圳转运中心", "快件异常", "Exception"))));
        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, $"/api/v1/waybills/{waybill}/events",
            WaybillJson.Events(("2026-10-02T09:00:00+08:00", "深圳转运中心", "外包装破损", null))));

        await using var db = factory.NewDb();
        var drafts = await db.ServiceIncidents.Where(i => i.WaybillNumber == waybill).ToListAsync();
        var draft = Assert.Single(drafts);
        Assert.Equal((IncidentStatus.Draft, IncidentSource.TrackingException), (draft.Status, draft.Source));
        Assert.False(await db.IncidentReports.AnyAsync(r => r.IncidentId == draft.Id));
    }

    [Fact]
    public async Task A_keyword_in_an_events_words_opens_a_draft_and_an_ordinary_scan_does_not()
    {
        var (quiet, _) = await IncidentArrange.WaybillAsync(factory);
        var (broken, _) = await IncidentArrange.WaybillAsync(factory);
        var admin = await factory.SignedInAsync("admin");

        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, $"/api/v1/waybills/{quiet}/events",
            WaybillJson.Events(("2026-10-02T08:00:00+08:00", "深圳转运中心", "已到达", "InTransit"))));
        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, $"/api/v1/waybills/{broken}/events",
            WaybillJson.Events(("2026-10-02T08:00:00+08:00", "深圳转运中心", "到件扫描:外包装破损", "InTransit"))));

        await using var db = factory.NewDb();
        Assert.False(await db.ServiceIncidents.AnyAsync(i => i.WaybillNumber == quiet));
        Assert.Equal(IncidentKind.Damage, await db.ServiceIncidents.Where(i => i.WaybillNumber == broken).Select(i => i.Kind).SingleAsync());
    }

    [Fact]
    public async Task Confirming_a_draft_opens_it_and_starts_its_reporting_chain()
    {
        var (waybill, _) = await IncidentArrange.WaybillAsync(factory);
        var admin = await factory.SignedInAsync("admin");
        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, $"/api/v1/waybills/{waybill}/events",
            WaybillJson.Events(("2026-10-02T08:00:00+08:00", "深圳转运中心", "丢件", "Exception"))));
        await using var before = factory.NewDb();
        var id = await before.ServiceIncidents.Where(i => i.WaybillNumber == waybill).Select(i => i.Id).SingleAsync();
        var desk = await factory.SignedInAsync("cs.sz");

        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(desk, $"/api/v1/incidents/{id}/confirm", new JsonObject { ["version"] = 1 }));

        await using var after = factory.NewDb();
        Assert.Equal(IncidentStatus.Open, await after.ServiceIncidents.Where(i => i.Id == id).Select(i => i.Status).SingleAsync());
        Assert.True(await after.IncidentReports.AnyAsync(r => r.IncidentId == id && r.Level == ReportingLevel.OutletHead));
    }

    [Fact]
    public async Task Dismissing_a_draft_needs_the_reason()
    {
        var (waybill, _) = await IncidentArrange.WaybillAsync(factory);
        var admin = await factory.SignedInAsync("admin");
        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, $"/api/v1/waybills/{waybill}/events",
            WaybillJson.Events(("2026-10-02T08:00:00+08:00", "深圳转运中心", "滞留", "Exception"))));
        await using var db = factory.NewDb();
        var id = await db.ServiceIncidents.Where(i => i.WaybillNumber == waybill).Select(i => i.Id).SingleAsync();
        var desk = await factory.SignedInAsync("cs.sz");

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(desk, $"/api/v1/incidents/{id}/dismiss", new JsonObject { ["version"] = 1 }), "reason");
        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(desk, $"/api/v1/incidents/{id}/dismiss", new JsonObject { ["version"] = 1, ["reason"] = "快件已找到" }));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteIncidentHandlingTests(SqliteCrmWebFactory factory) : IncidentHandlingTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresIncidentHandlingTests(PostgresCrmWebFactory factory) : IncidentHandlingTests(factory);
