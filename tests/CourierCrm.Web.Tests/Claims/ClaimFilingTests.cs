using System.Net;
using CourierCrm.Domain.Incidents;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Claims;

/// <summary>POST /api/v1/incidents/{id}/claims: the rule amount, approval level and deadlines a filed claim gets, and who may file.</summary>
public abstract class ClaimFilingTests(CrmWebFactory factory)
{
    [Theory]
    //          insured declared freight claimed  loss     rule    limit
    [InlineData(true,   1000.0,    20.0,     800.0,     900.0,     800.0,    "Claimed")]
    [InlineData(true,   500.0,     20.0,     800.0,     900.0,     500.0,    "DeclaredValue")]
    [InlineData(true,   2000.0,    20.0,     1500.0,    1200.0,    1200.0,   "ActualLoss")]
    [InlineData(false,  0.0,       20.0,     500.0,     300.0,     60.0,     "FreightMultiple")]
    [InlineData(false,  0.0,       200.0,    500.0,     300.0,     300.0,    "ActualLoss")]
    [InlineData(false,  0.0,       15.5,   500.0,     300.0,     46.5,   "FreightMultiple")]
    [InlineData(false,  0.0,       0.0,      100.0,     100.0,     0.0,      "FreightMultiple")]
    public async Task The_rule_amount_is_the_smallest_of_claim_loss_and_cap(bool insured, double declared, double freight, double claimed, double loss, double rule, string limit)
    {
        var incident = insured ? new IncidentBuilder().Insured((decimal)declared) : new IncidentBuilder().Uninsured((decimal)freight);
        var claimId = await ClaimArrange.FiledAsync(factory, await incident.SaveAsync(factory), (decimal)claimed, (decimal)loss);

        var detail = await ClaimArrange.DetailAsync(await factory.SignedInAsync("cs.sz"), claimId);

        Assert.Equal((decimal)rule, detail.GetProperty("ruleAmount").GetDecimal());
        Assert.Equal(limit, detail.GetProperty("rule").GetProperty("limitedBy").GetString());
    }

    [Theory]
    [InlineData(500.0, "Supervisor")]
    [InlineData(500.01, "OutletHead")]
    [InlineData(2000.0, "OutletHead")]
    [InlineData(10000.0, "RegionManager")]
    [InlineData(10000.01, "HeadOffice")]
    public async Task The_approval_level_follows_the_ladder_by_rule_amount(double amount, string level)
    {
        var incidentId = await new IncidentBuilder().Insured(50_000m).SaveAsync(factory);
        var claimId = await ClaimArrange.FiledAsync(factory, incidentId, (decimal)amount, (decimal)amount);

        var detail = await ClaimArrange.DetailAsync(await factory.SignedInAsync("cs.sz"), claimId);

        Assert.Equal(level, detail.GetProperty("approvalRequired").GetString());
    }

    [Fact]
    public async Task The_customer_deadline_counts_a_year_from_sending_and_recovery_ninety_days_from_recording()
    {
        var incidentId = await new IncidentBuilder().ThirdParty().OccurredDaysAgo(30).RecordedDaysAgo(10).SaveAsync(factory);
        var claimId = await ClaimArrange.FiledAsync(factory, incidentId, 100m, 100m);

        await using var db = factory.NewDb();
        var incident = await db.ServiceIncidents.AsNoTracking().SingleAsync(i => i.Id == incidentId);
        var claim = await db.Claims.AsNoTracking().SingleAsync(c => c.Id == claimId);
        Assert.Equal(Day(incident.OccurredAt).AddDays(365), claim.CustomerClaimBy);
        Assert.Equal(Day(incident.RecordedAt).AddDays(90), claim.RecoveryBy);
        var detail = await ClaimArrange.DetailAsync(await factory.SignedInAsync("cs.sz"), claimId);
        Assert.Equal(80, detail.GetProperty("recoveryBy").GetProperty("daysLeft").GetInt32());
    }

    [Fact]
    public async Task An_internal_incident_has_no_recovery_deadline()
    {
        var claimId = await ClaimArrange.FiledAsync(factory, await new IncidentBuilder().SaveAsync(factory), 100m, 100m);

        var detail = await ClaimArrange.DetailAsync(await factory.SignedInAsync("cs.sz"), claimId);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, detail.GetProperty("recoveryBy").ValueKind);
    }

    [Fact]
    public async Task A_claim_after_the_customer_deadline_answers_409_naming_filedOn()
    {
        var incidentId = await new IncidentBuilder().OccurredDaysAgo(400).SaveAsync(factory);

        var response = await ClaimArrange.FileAsync(await factory.SignedInAsync("cs.sz"), incidentId, ClaimArrange.Filing(100m, 100m));

        await CrmApi.FieldErrorAsync(response, "filedOn", HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData(IncidentStatus.Draft)]
    [InlineData(IncidentStatus.Dismissed)]
    public async Task A_draft_or_dismissed_incident_takes_no_claim(IncidentStatus status)
    {
        var incidentId = await new IncidentBuilder().Status(status).SaveAsync(factory);

        var response = await ClaimArrange.FileAsync(await factory.SignedInAsync("cs.sz"), incidentId, ClaimArrange.Filing(100m, 100m));

        await CrmApi.FieldErrorAsync(response, "incidentId", HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("claimedAmount", null, "claimedAmount")]
    [InlineData("claimedAmount", 0.0, "claimedAmount")]
    [InlineData("actualLoss", -1.0, "actualLoss")]
    [InlineData("actualLoss", 10.005, "actualLoss")]
    [InlineData("claimedAmount", 1_000_000_000.0, "claimedAmount")]
    public async Task Bad_amounts_answer_400_naming_the_field(string field, double? value, string named)
    {
        var incidentId = await new IncidentBuilder().SaveAsync(factory);
        var body = ClaimArrange.Filing(100m, 100m);
        body[field] = value is { } v ? (decimal)v : null;

        await CrmApi.FieldErrorAsync(await ClaimArrange.FileAsync(await factory.SignedInAsync("cs.sz"), incidentId, body), named);
    }

    [Fact]
    public async Task An_unknown_member_answers_400_naming_it()
    {
        var incidentId = await new IncidentBuilder().SaveAsync(factory);
        var body = ClaimArrange.Filing(100m, 100m);
        body["ruleAmount"] = 99999;

        await CrmApi.FieldErrorAsync(await ClaimArrange.FileAsync(await factory.SignedInAsync("cs.sz"), incidentId, body), "ruleAmount");
    }

    [Theory]
    [InlineData("analyst")]
    [InlineData("front.sz")]
    public async Task Read_only_and_reception_roles_cannot_file(string user)
    {
        var incidentId = await new IncidentBuilder().SaveAsync(factory);

        var response = await ClaimArrange.FileAsync(await factory.SignedInAsync(user), incidentId, ClaimArrange.Filing(100m, 100m));

        await CrmApi.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("rep.sz2")]
    [InlineData("mgr.east")]
    public async Task An_incident_outside_the_callers_scope_answers_404(string user)
    {
        var incidentId = await new IncidentBuilder().SaveAsync(factory);

        var response = await ClaimArrange.FileAsync(await factory.SignedInAsync(user), incidentId, ClaimArrange.Filing(100m, 100m));

        await CrmApi.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Filing_puts_the_claim_on_the_customer_timeline_and_in_the_audit_log()
    {
        var incidentId = await new IncidentBuilder().SaveAsync(factory);
        var claimId = await ClaimArrange.FiledAsync(factory, incidentId, 123.45m, 100m);

        await using var db = factory.NewDb();
        var customerId = await db.ServiceIncidents.Where(i => i.Id == incidentId).Select(i => i.CustomerId).SingleAsync();
        var entry = await db.CustomerEvents.SingleAsync(e => e.CustomerId == customerId && e.Kind == "claim");
        Assert.Contains("¥123.45", entry.Title);
        Assert.Equal(factory.Demo.UserId("cs.sz"), entry.ActorId);
        var key = claimId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "Claim" && a.EntityId == key);
        Assert.Equal(factory.Demo.UserId("cs.sz"), audit.ActorId);
        Assert.Contains("¥123.45", audit.After);
    }

    private static DateOnly Day(DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Web.Platform.Localization.CompanyTime.Zone).DateTime);
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteClaimFilingTests(SqliteCrmWebFactory factory) : ClaimFilingTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresClaimFilingTests(PostgresCrmWebFactory factory) : ClaimFilingTests(factory);
