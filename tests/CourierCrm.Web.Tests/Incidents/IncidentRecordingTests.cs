using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourierCrm.Domain.Incidents;
using CourierCrm.Web.Incidents;
using CourierCrm.Web.Tests.Complaints;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Incidents;

/// <summary>POST /api/v1/incidents and /api/v1/complaints/{id}/incidents: values copied, graded, placed, reported, clear errors.</summary>
public abstract partial class IncidentRecordingTests(CrmWebFactory factory)
{
    [GeneratedRegex(@"^SG-\d{8}-\d{4}$")]
    private static partial Regex NumberFormat();

    [Fact]
    public async Task Recording_from_a_waybill_copies_its_values_and_opens_the_incident()
    {
        var (waybill, customerId) = await IncidentArrange.WaybillAsync(factory);

        var recorded = await IncidentArrange.RecordedAsync(factory, "cs.sz", IncidentArrange.Record(waybill));

        Assert.Matches(NumberFormat(), recorded["number"]!.GetValue<string>());
        await using var db = factory.NewDb();
        var incident = await db.ServiceIncidents.SingleAsync(i => i.Id == recorded["id"]!.GetValue<int>());
        Assert.Equal((IncidentStatus.Open, IncidentSource.Waybill, customerId), (incident.Status, incident.Source, incident.CustomerId));
        Assert.Equal((true, 500_000L, 1_850L), (incident.Insured, incident.DeclaredValueFen, incident.FreightFen));
        Assert.Equal((factory.Demo.OutletId("SZ-NS"), factory.Demo.RegionId("SOUTH")), (incident.OutletId, incident.RegionId));
    }

    [Theory]
    [InlineData(1000, "Ordinary")]
    [InlineData(1000.01, "Major")]
    [InlineData(10000, "Major")]
    [InlineData(10000.01, "Extraordinary")]
    public async Task The_grade_follows_the_expected_loss_over_the_thresholds(decimal loss, string grade)
    {
        var (waybill, _) = await IncidentArrange.WaybillAsync(factory);

        var recorded = await IncidentArrange.RecordedAsync(factory, "cs.sz", IncidentArrange.Record(waybill, expectedLoss: loss));

        Assert.Equal(grade, recorded["grade"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_thresholds_come_from_the_settings()
    {
        var (waybill, _) = await IncidentArrange.WaybillAsync(factory);
        var options = new IncidentOptions { MajorAboveYuan = 200m, ExtraordinaryAboveYuan = 400m };
        var recording = IncidentArrange.RecordingOn(factory, TimeProvider.System, options);
        var desk = await factory.ViewerAsync("cs.sz");

        var result = await recording.RecordFromWaybillAsync(desk, new RecordIncidentInput
        {
            WaybillNumber = waybill, Kind = IncidentKind.Damage, ExpectedLoss = 400.01m, Description = "破损",
        }, CancellationToken.None);

        Assert.Equal(IncidentGrade.Extraordinary, result.Value!.Grade);
    }

    [Theory]
    [InlineData(500, new[] { ReportingLevel.OutletHead })]
    [InlineData(5000, new[] { ReportingLevel.OutletHead, ReportingLevel.NextLevel })]
    [InlineData(20000, new[] { ReportingLevel.OutletHead, ReportingLevel.NextLevel, ReportingLevel.HeadOffice })]
    public async Task The_reports_owed_follow_the_amount_each_due_its_time_after_recording(decimal loss, ReportingLevel[] levels)
    {
        var (waybill, _) = await IncidentArrange.WaybillAsync(factory);
        var clock = new MovableClock(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)));
        var recording = IncidentArrange.RecordingOn(factory, clock);

        var result = await recording.RecordFromWaybillAsync(await factory.ViewerAsync("cs.sz"), new RecordIncidentInput
        {
            WaybillNumber = waybill, Kind = IncidentKind.Loss, ExpectedLoss = loss, Description = "丢失",
        }, CancellationToken.None);

        await using var db = factory.NewDb();
        var reports = (await db.IncidentReports.Where(r => r.IncidentId == result.Value!.Id).ToListAsync()).OrderBy(r => r.Level).ToList();
        Assert.Equal(levels, reports.Select(r => r.Level));
        var expected = new Dictionary<ReportingLevel, TimeSpan>
        {
            [ReportingLevel.OutletHead] = TimeSpan.FromMinutes(30),
            [ReportingLevel.NextLevel] = TimeSpan.FromHours(2),
            [ReportingLevel.HeadOffice] = TimeSpan.FromHours(4),
        };
        Assert.All(reports, r => Assert.Equal(clock.Now + expected[r.Level], r.DueAt));
    }

    [Fact]
    public async Task From_a_complaint_the_waybill_customer_and_kind_come_from_the_complaint()
    {
        var (waybill, customerId) = await IncidentArrange.WaybillAsync(factory);
        var desk = await factory.SignedInAsync("cs.sz");
        var complaint = ComplaintJson.Record(customerId, "Loss");
        complaint["waybillNumbers"] = new JsonArray(waybill);
        var complaintId = (await CrmApi.OkJsonAsync(await CrmApi.PostAsync(desk, "/api/v1/complaints", complaint))).GetProperty("id").GetInt32();

        var recorded = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(desk, $"/api/v1/complaints/{complaintId}/incidents", new JsonObject { ["expectedLoss"] = 300m }));

        await using var db = factory.NewDb();
        var incident = await db.ServiceIncidents.SingleAsync(i => i.Id == recorded.GetProperty("id").GetInt32());
        Assert.Equal((waybill, (int?)customerId, (int?)complaintId, IncidentKind.Loss, IncidentSource.Complaint),
            (incident.WaybillNumber, incident.CustomerId, incident.ComplaintId, incident.Kind, incident.Source));
        Assert.Equal(500_000L, incident.DeclaredValueFen);
    }

    [Fact]
    public async Task From_a_complaint_whose_category_names_no_kind_the_kind_is_asked_for()
    {
        var (waybill, customerId) = await IncidentArrange.WaybillAsync(factory);
        var desk = await factory.SignedInAsync("cs.sz");
        var complaint = ComplaintJson.Record(customerId, "Attitude");
        complaint["waybillNumbers"] = new JsonArray(waybill);
        var complaintId = (await CrmApi.OkJsonAsync(await CrmApi.PostAsync(desk, "/api/v1/complaints", complaint))).GetProperty("id").GetInt32();

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(desk, $"/api/v1/complaints/{complaintId}/incidents", new JsonObject()), "kind");
    }

    [Theory]
    [InlineData("waybillNumber", null)]
    [InlineData("kind", "Fire")]
    [InlineData("expectedLoss", -1)]
    [InlineData("expectedLoss", 1.005)]
    [InlineData("thirdPartyName", null)]
    [InlineData("description", "")]
    [InlineData("occurredAt", "2099-01-01T00:00:00+08:00")]
    public async Task Bad_input_answers_400_naming_the_field(string field, object? value)
    {
        var (waybill, _) = await IncidentArrange.WaybillAsync(factory);
        var body = IncidentArrange.Record(waybill);
        if (field == "thirdPartyName") body["responsibility"] = "ThirdParty";
        else body[field] = value switch { null => null, string s => s, int i => i, double d => (decimal)d, _ => null };
        var desk = await factory.SignedInAsync("cs.sz");

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(desk, "/api/v1/incidents", body), field);
    }

    [Fact]
    public async Task A_waybill_outside_the_recorders_scope_is_refused_naming_the_waybill()
    {
        var (waybill, _) = await IncidentArrange.WaybillAsync(factory, "SZ-FT", "rep.sz2");
        var desk = await factory.SignedInAsync("cs.sz");

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(desk, "/api/v1/incidents", IncidentArrange.Record(waybill)), "waybillNumber");
    }

    [Fact]
    public async Task An_analyst_cannot_record()
    {
        var (waybill, _) = await IncidentArrange.WaybillAsync(factory);
        var analyst = await factory.SignedInAsync("analyst");

        await CrmApi.ProblemAsync(await CrmApi.PostAsync(analyst, "/api/v1/incidents", IncidentArrange.Record(waybill)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Recording_puts_the_incident_on_the_customers_timeline()
    {
        var (waybill, customerId) = await IncidentArrange.WaybillAsync(factory);

        var recorded = await IncidentArrange.RecordedAsync(factory, "cs.sz", IncidentArrange.Record(waybill));

        await using var db = factory.NewDb();
        var number = recorded["number"]!.GetValue<string>();
        Assert.True(await db.CustomerEvents.AnyAsync(e => e.CustomerId == customerId && e.Kind == "incident" && e.Title.Contains(number)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteIncidentRecordingTests(SqliteCrmWebFactory factory) : IncidentRecordingTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresIncidentRecordingTests(PostgresCrmWebFactory factory) : IncidentRecordingTests(factory);
