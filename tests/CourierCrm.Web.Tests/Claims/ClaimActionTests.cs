using System.Net;
using System.Text.Json.Nodes;
using CourierCrm.Domain.Incidents;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Claims;

/// <summary>POST /api/v1/claims/{id}/approve|reject|pay|recover: the money rules, who may act, versions and what each leaves behind.</summary>
public abstract class ClaimActionTests(CrmWebFactory factory)
{
    private Task<HttpClient> As(string user) => factory.SignedInAsync(user);

    /// <summary>A filed claim whose rule amount is the given yuan (insured, declared value far above it), filed by cs.sz.</summary>
    private async Task<int> FiledAsync(decimal ruleAmount, decimal? claimed = null, IncidentBuilder? incident = null)
    {
        var incidentId = await (incident ?? new IncidentBuilder().Insured(100_000m)).SaveAsync(factory);
        return await ClaimArrange.FiledAsync(factory, incidentId, claimed ?? ruleAmount, ruleAmount);
    }

    private async Task<Claim> StoredAsync(int id)
    {
        await using var db = factory.NewDb();
        return await db.Claims.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    [Fact]
    public async Task A_manager_approves_up_to_the_rule_amount()
    {
        var id = await FiledAsync(800m);

        await CrmApi.OkJsonAsync(await ClaimArrange.ActAsync(await As("mgr.south"), id, "approve", ("amount", 800m)));

        var claim = await StoredAsync(id);
        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.Equal(80_000, claim.ApprovedFen);
        Assert.Equal(factory.Demo.UserId("mgr.south"), claim.ApprovedById);
    }

    [Theory]
    [InlineData(400.0, "ch.sz", HttpStatusCode.Forbidden)]
    [InlineData(400.0, "cs.sz", HttpStatusCode.Forbidden)]
    [InlineData(400.0, "mgr.south", HttpStatusCode.OK)]
    [InlineData(10_000.0, "mgr.south", HttpStatusCode.OK)]
    [InlineData(12_000.0, "mgr.south", HttpStatusCode.Forbidden)]
    [InlineData(12_000.0, "admin", HttpStatusCode.OK)]
    public async Task The_approvers_role_must_reach_the_ladder_level_of_the_amount(double amount, string approver, HttpStatusCode expected)
    {
        var id = await FiledAsync((decimal)amount);

        var response = await ClaimArrange.ActAsync(await As(approver), id, "approve", ("amount", (decimal)amount));

        if (expected == HttpStatusCode.OK) await CrmApi.OkJsonAsync(response);
        else await CrmApi.ProblemAsync(response, expected);
        Assert.Equal(expected == HttpStatusCode.OK ? ClaimStatus.Approved : ClaimStatus.Filed, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task Nobody_approves_a_claim_they_filed()
    {
        var incidentId = await new IncidentBuilder().Insured(5_000m).SaveAsync(factory);
        var id = await ClaimArrange.FiledAsync(factory, incidentId, 300m, 300m, filer: "mgr.south");

        await CrmApi.ProblemAsync(await ClaimArrange.ActAsync(await As("mgr.south"), id, "approve", ("amount", 300m)), HttpStatusCode.Forbidden);
        await CrmApi.ProblemAsync(await ClaimArrange.ActAsync(await As("mgr.south"), id, "reject", ("reason", "x")), HttpStatusCode.Forbidden);
        await CrmApi.OkJsonAsync(await ClaimArrange.ActAsync(await As("admin"), id, "approve", ("amount", 300m)));
    }

    [Fact]
    public async Task The_page_offers_no_approval_to_the_filer()
    {
        var incidentId = await new IncidentBuilder().Insured(5_000m).SaveAsync(factory);
        var id = await ClaimArrange.FiledAsync(factory, incidentId, 300m, 300m, filer: "mgr.south");

        var mine = await ClaimArrange.DetailAsync(await As("mgr.south"), id);
        var others = await ClaimArrange.DetailAsync(await As("admin"), id);

        Assert.Empty(mine.GetProperty("allowedActions").EnumerateArray());
        Assert.Equal(["Approve", "Reject"], others.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task More_than_the_rule_amount_needs_a_note_saying_why()
    {
        var incidentId = await new IncidentBuilder().Uninsured(20m).SaveAsync(factory); // rule: 3 × ¥20 = ¥60
        var id = await ClaimArrange.FiledAsync(factory, incidentId, 300m, 300m);
        var manager = await As("mgr.south");

        await CrmApi.FieldErrorAsync(await ClaimArrange.ActAsync(manager, id, "approve", ("amount", 100m)), "note");
        await CrmApi.OkJsonAsync(await ClaimArrange.ActAsync(manager, id, "approve", ("amount", 100m), ("note", "大客户，破损明显 / Key account, obvious damage")));

        Assert.Equal(10_000, (await StoredAsync(id)).ApprovedFen);
    }

    [Fact]
    public async Task More_than_the_customer_claimed_is_refused_naming_amount()
    {
        var id = await FiledAsync(300m);

        await CrmApi.FieldErrorAsync(await ClaimArrange.ActAsync(await As("mgr.south"), id, "approve", ("amount", 301m), ("note", "x")), "amount");
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_keeps_it()
    {
        var id = await FiledAsync(300m);
        var manager = await As("mgr.south");

        await CrmApi.FieldErrorAsync(await ClaimArrange.ActAsync(manager, id, "reject"), "reason");
        await CrmApi.OkJsonAsync(await ClaimArrange.ActAsync(manager, id, "reject", ("reason", "签收时未验货 / Signed without inspection")));

        var claim = await StoredAsync(id);
        Assert.Equal(ClaimStatus.Rejected, claim.Status);
        Assert.StartsWith("签收时未验货", claim.RejectionReason);
    }

    [Fact]
    public async Task Paying_more_than_approved_is_refused_naming_amount()
    {
        var id = await ClaimArrange.ApprovedAsync(factory);

        var response = await ClaimArrange.ActAsync(await As("mgr.south"), id, "pay",
            ("amount", 300.01m), ("paidOn", ClaimArrange.Today()), ("paymentReference", "BANK-0001"));

        await CrmApi.FieldErrorAsync(response, "amount");
        Assert.Equal(ClaimStatus.Approved, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task Paying_the_approved_amount_marks_the_claim_paid_with_day_and_reference()
    {
        var id = await ClaimArrange.ApprovedAsync(factory);

        await CrmApi.OkJsonAsync(await ClaimArrange.ActAsync(await As("mgr.south"), id, "pay",
            ("amount", 300m), ("paidOn", ClaimArrange.Today()), ("paymentReference", "BANK-0002")));

        var claim = await StoredAsync(id);
        Assert.Equal(ClaimStatus.Paid, claim.Status);
        Assert.Equal(30_000, claim.PaidFen);
        Assert.Equal("BANK-0002", claim.PaymentReference);
        Assert.Equal(ClaimArrange.Today(), claim.PaidOn?.ToString("yyyy-MM-dd"));
    }

    [Theory]
    [InlineData("paidOn", null)]
    [InlineData("paidOn", "2999-01-01")]
    [InlineData("paymentReference", null)]
    [InlineData("paymentReference", " ")]
    public async Task A_payment_without_its_day_or_reference_answers_400_naming_it(string field, string? value)
    {
        var id = await ClaimArrange.ApprovedAsync(factory);
        (string, JsonNode?)[] fields = [("amount", 300m), ("paidOn", ClaimArrange.Today()), ("paymentReference", "BANK-0003")];

        var response = await ClaimArrange.ActAsync(await As("mgr.south"), id, "pay", [.. fields.Where(f => f.Item1 != field), (field, value)]);

        await CrmApi.FieldErrorAsync(response, field);
    }

    [Fact]
    public async Task A_claim_not_yet_approved_cannot_be_paid()
    {
        var id = await FiledAsync(300m);

        var response = await ClaimArrange.ActAsync(await As("mgr.south"), id, "pay", ("amount", 300m), ("paidOn", ClaimArrange.Today()), ("paymentReference", "B"));

        await CrmApi.FieldErrorAsync(response, "status", HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("cs.sz")]
    [InlineData("ch.sz")]
    [InlineData("analyst")]
    public async Task Only_managers_and_administrators_record_payments(string user)
    {
        var id = await ClaimArrange.ApprovedAsync(factory);

        var response = await ClaimArrange.ActAsync(await As(user), id, "pay", ("amount", 300m), ("paidOn", ClaimArrange.Today()), ("paymentReference", "B"));

        await CrmApi.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Recovery_is_refused_when_the_company_itself_is_responsible()
    {
        var id = await ClaimArrange.ApprovedAsync(factory); // internal responsibility

        var response = await ClaimArrange.ActAsync(await As("mgr.south"), id, "recover", ("amount", 100m), ("recoveredOn", ClaimArrange.Today()));

        await CrmApi.FieldErrorAsync(response, "status", HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Recoveries_from_a_third_party_add_up_to_at_most_the_actual_loss()
    {
        var id = await ClaimArrange.ApprovedAsync(factory, new IncidentBuilder().Uninsured(200m).ThirdParty());
        var manager = await As("mgr.south");

        await CrmApi.OkJsonAsync(await ClaimArrange.ActAsync(manager, id, "recover", ("amount", 200m), ("recoveredOn", ClaimArrange.Today())));
        await CrmApi.OkJsonAsync(await ClaimArrange.ActAsync(manager, id, "recover", ("amount", 100m), ("recoveredOn", ClaimArrange.Today())));
        await CrmApi.FieldErrorAsync(await ClaimArrange.ActAsync(manager, id, "recover", ("amount", 0.01m), ("recoveredOn", ClaimArrange.Today())), "amount");

        Assert.Equal(30_000, (await StoredAsync(id)).RecoveredFen);
    }

    [Fact]
    public async Task Acting_on_a_stale_version_answers_409_naming_version_and_changes_nothing()
    {
        var id = await FiledAsync(300m);
        var manager = await As("mgr.south");
        var seen = (await ClaimArrange.DetailAsync(manager, id)).GetProperty("version").GetInt32();
        await CrmApi.OkJsonAsync(await ClaimArrange.ActAsync(manager, id, "approve", ("amount", 300m)));

        var stale = await CrmApi.PostAsync(manager, $"/api/v1/claims/{id}/reject", new JsonObject { ["version"] = seen, ["reason"] = "x" });

        await CrmApi.FieldErrorAsync(stale, "version", HttpStatusCode.Conflict);
        Assert.Equal(ClaimStatus.Approved, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task An_action_without_a_version_answers_400_naming_it()
    {
        var id = await FiledAsync(300m);

        var response = await CrmApi.PostAsync(await As("mgr.south"), $"/api/v1/claims/{id}/approve", new JsonObject { ["amount"] = 300m });

        await CrmApi.FieldErrorAsync(response, "version");
    }

    [Fact]
    public async Task Each_money_change_goes_on_the_customer_timeline_and_in_the_audit_log()
    {
        var id = await ClaimArrange.ApprovedAsync(factory, new IncidentBuilder().Uninsured(200m).ThirdParty());
        var manager = await As("mgr.south");
        await CrmApi.OkJsonAsync(await ClaimArrange.ActAsync(manager, id, "pay", ("amount", 300m), ("paidOn", ClaimArrange.Today()), ("paymentReference", "BANK-0004")));
        await CrmApi.OkJsonAsync(await ClaimArrange.ActAsync(manager, id, "recover", ("amount", 120m), ("recoveredOn", ClaimArrange.Today())));

        await using var db = factory.NewDb();
        var incidentId = (await StoredAsync(id)).IncidentId;
        var customerId = await db.ServiceIncidents.Where(i => i.Id == incidentId).Select(i => i.CustomerId).SingleAsync();
        var titles = await db.CustomerEvents.Where(e => e.CustomerId == customerId && e.Kind == "claim").OrderBy(e => e.Id).Select(e => e.Title).ToListAsync();
        Assert.Equal(4, titles.Count); // filed, approved, paid, recovered
        Assert.Contains("¥120.00", titles[3]);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await db.AuditEntries.Where(a => a.EntityType == "Claim" && a.EntityId == key).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(4, audit.Count);
        Assert.Contains("¥300.00", audit[2].After);
        Assert.Contains("BANK-0004", audit[2].After);
    }

    [Fact]
    public async Task The_history_shows_each_step_with_its_amount()
    {
        var id = await ClaimArrange.ApprovedAsync(factory);

        var history = (await ClaimArrange.DetailAsync(await As("cs.sz"), id)).GetProperty("history").EnumerateArray().ToList();

        Assert.Equal(2, history.Count);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, history[0].GetProperty("step").ValueKind);
        Assert.Equal("Approve", history[1].GetProperty("step").GetString());
        Assert.Equal("¥300.00", history[1].GetProperty("amount").GetString());
        Assert.Equal("王志强", history[1].GetProperty("actorName").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteClaimActionTests(SqliteCrmWebFactory factory) : ClaimActionTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresClaimActionTests(PostgresCrmWebFactory factory) : ClaimActionTests(factory);
