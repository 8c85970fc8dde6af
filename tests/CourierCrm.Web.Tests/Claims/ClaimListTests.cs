using System.Net;
using CourierCrm.Web.Tests.Infrastructure;

namespace CourierCrm.Web.Tests.Claims;

/// <summary>GET /api/v1/claims and /{id}: a claim is seen by whoever sees its incident; filters and totals.</summary>
public abstract class ClaimListTests(CrmWebFactory factory)
{
    private async Task<List<int>> ListedAsync(string user, string query)
    {
        var body = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync(user), "/api/v1/claims?pageSize=200" + query));
        return body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
    }

    [Theory]
    [InlineData("rep.sz1", HttpStatusCode.OK)]   // owns the customer
    [InlineData("cs.sz", HttpStatusCode.OK)]     // its outlet
    [InlineData("mgr.south", HttpStatusCode.OK)] // its region
    [InlineData("analyst", HttpStatusCode.OK)]   // reads everything
    [InlineData("rep.sz2", HttpStatusCode.NotFound)]
    [InlineData("mgr.east", HttpStatusCode.NotFound)]
    public async Task A_claim_is_visible_to_whoever_sees_its_incident(string user, HttpStatusCode expected)
    {
        var id = await ClaimArrange.FiledAsync(factory, await new IncidentBuilder().SaveAsync(factory), 100m, 100m);

        var response = await CrmApi.GetAsync(await factory.SignedInAsync(user), $"/api/v1/claims/{id}");

        if (expected == HttpStatusCode.OK) await CrmApi.OkJsonAsync(response);
        else await CrmApi.ProblemAsync(response, expected);
        Assert.Equal(expected == HttpStatusCode.OK, (await ListedAsync(user, "&maxAmount=100&minAmount=100")).Contains(id));
    }

    [Fact]
    public async Task Acting_on_a_claim_outside_the_scope_answers_404()
    {
        var id = await ClaimArrange.ApprovedAsync(factory);

        var other = await CrmApi.PostAsync(await factory.SignedInAsync("mgr.east"), $"/api/v1/claims/{id}/pay",
            new System.Text.Json.Nodes.JsonObject { ["version"] = 2, ["amount"] = 300m, ["paidOn"] = ClaimArrange.Today(), ["paymentReference"] = "B" });

        await CrmApi.ProblemAsync(other, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_filters_narrow_by_status_and_claimed_amount()
    {
        var incidentId = await new IncidentBuilder().Insured(100_000m).SaveAsync(factory);
        var small = await ClaimArrange.FiledAsync(factory, incidentId, 111.11m, 111.11m);
        var large = await ClaimArrange.FiledAsync(factory, incidentId, 5_555.55m, 5_555.55m);
        await CrmApi.OkJsonAsync(await ClaimArrange.ActAsync(await factory.SignedInAsync("mgr.south"), large, "approve", ("amount", 5_000m)));

        Assert.Equal([small, large], (await ListedAsync("mgr.south", $"&incidentId={incidentId}")).Order());
        Assert.Equal([large], await ListedAsync("mgr.south", $"&incidentId={incidentId}&status=Approved"));
        Assert.Equal([small], await ListedAsync("mgr.south", $"&incidentId={incidentId}&maxAmount=1000"));
        Assert.Equal([large], await ListedAsync("mgr.south", $"&incidentId={incidentId}&minAmount=5555.55"));
    }

    [Fact]
    public async Task The_totals_sum_every_claim_the_filter_matches_not_only_the_page()
    {
        var incidentId = await new IncidentBuilder().Insured(100_000m).SaveAsync(factory);
        await ClaimArrange.FiledAsync(factory, incidentId, 100m, 100m);
        var approved = await ClaimArrange.FiledAsync(factory, incidentId, 250.5m, 250.5m);
        await CrmApi.OkJsonAsync(await ClaimArrange.ActAsync(await factory.SignedInAsync("mgr.south"), approved, "approve", ("amount", 200m), ("note", "部分 / partly")));

        var body = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("mgr.south"), $"/api/v1/claims?incidentId={incidentId}&pageSize=1"));

        Assert.Single(body.GetProperty("items").EnumerateArray());
        var totals = body.GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("count").GetInt32());
        Assert.Equal(350.5m, totals.GetProperty("claimed").GetDecimal());
        Assert.Equal(200m, totals.GetProperty("approved").GetDecimal());
        Assert.Equal(0m, totals.GetProperty("paid").GetDecimal());
    }

    [Fact]
    public async Task Overdue_recovery_lists_third_party_claims_past_the_deadline_with_nothing_recovered()
    {
        var late = await ClaimArrange.ApprovedAsync(factory, new IncidentBuilder().Uninsured(200m).ThirdParty().RecordedDaysAgo(120));
        var inTime = await ClaimArrange.ApprovedAsync(factory, new IncidentBuilder().Uninsured(200m).ThirdParty().RecordedDaysAgo(10));
        var recovered = await ClaimArrange.ApprovedAsync(factory, new IncidentBuilder().Uninsured(200m).ThirdParty().RecordedDaysAgo(120));
        await CrmApi.OkJsonAsync(await ClaimArrange.ActAsync(await factory.SignedInAsync("mgr.south"), recovered, "recover", ("amount", 50m), ("recoveredOn", ClaimArrange.Today())));

        var listed = await ListedAsync("mgr.south", "&overdue=Recovery");

        Assert.Contains(late, listed);
        Assert.DoesNotContain(inTime, listed);
        Assert.DoesNotContain(recovered, listed);
        var detail = await ClaimArrange.DetailAsync(await factory.SignedInAsync("mgr.south"), late);
        Assert.True(detail.GetProperty("recoveryBy").GetProperty("daysLeft").GetInt32() < 0);
    }

    [Fact]
    public async Task A_private_customers_name_is_masked_for_the_analyst()
    {
        var incident = new IncidentBuilder().For(new CustomerInputBuilder().Individual("欧阳娜娜"));
        var id = await ClaimArrange.FiledAsync(factory, await incident.SaveAsync(factory), 100m, 100m);

        var plain = await ClaimArrange.DetailAsync(await factory.SignedInAsync("mgr.south"), id);
        var masked = await ClaimArrange.DetailAsync(await factory.SignedInAsync("analyst"), id);

        Assert.Equal("欧阳娜娜", plain.GetProperty("customerName").GetString());
        Assert.NotEqual("欧阳娜娜", masked.GetProperty("customerName").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteClaimListTests(SqliteCrmWebFactory factory) : ClaimListTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresClaimListTests(PostgresCrmWebFactory factory) : ClaimListTests(factory);
