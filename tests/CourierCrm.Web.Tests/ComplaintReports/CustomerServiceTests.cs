using System.Net;
using CourierCrm.Web.Tests.Infrastructure;

namespace CourierCrm.Web.Tests.ComplaintReports;

/// <summary>GET /api/v1/customers/{id}/service: a customer's complaints, incidents and claims (issue 5 item 10).</summary>
public abstract class CustomerServiceTests(CrmWebFactory factory)
{
    [Fact]
    public async Task Lists_the_customers_complaints_incidents_and_claims_with_counts()
    {
        var data = await ReportData.SharedAsync(factory);

        var service = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("admin"), $"/api/v1/customers/{data.CustomerC}/service"));

        Assert.Equal(2, service.GetProperty("complaints").GetInt32());
        Assert.Equal(1, service.GetProperty("openComplaints").GetInt32());
        Assert.Equal(1, service.GetProperty("incidents").GetInt32());
        Assert.Equal(2, service.GetProperty("claims").GetInt32());
        Assert.Equal(599m, service.GetProperty("claimsPaid").GetDecimal());
        var latest = service.GetProperty("latestComplaints").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
        Assert.Equal([data.ComplaintIds[3], data.ComplaintIds[2]], latest);
        Assert.Equal("Met", service.GetProperty("latestComplaints")[1].GetProperty("resolutionState").GetString());
        Assert.Equal("Damage", service.GetProperty("latestIncidents")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_customer_outside_the_callers_scope_answers_404()
    {
        var data = await ReportData.SharedAsync(factory);

        await CrmApi.ProblemAsync(await CrmApi.GetAsync(await factory.SignedInAsync("mgr.south"), $"/api/v1/customers/{data.CustomerC}/service"), HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCustomerServiceTests(SqliteCrmWebFactory factory) : CustomerServiceTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCustomerServiceTests(PostgresCrmWebFactory factory) : CustomerServiceTests(factory);
