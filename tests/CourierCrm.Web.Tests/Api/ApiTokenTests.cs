using System.Net;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Organisation;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Api;

/// <summary>API tokens carry a role and a scope like a user; revoked and unknown tokens are refused.</summary>
public abstract class ApiTokenTests(CrmWebFactory factory)
{
    [Fact]
    public async Task Outlet_token_of_a_service_agent_lists_exactly_its_outlets_customers_masked()
    {
        var outlet = factory.Demo.OutletId("SZ-NS");
        var issued = await ApiTokens.IssueAsync(factory, ApiTokens.OutletToken("呼叫中心", StaffRole.CustomerServiceAgent, outlet));
        var client = ApiTokens.ClientWith(factory, issued.Token);

        var (listed, total) = await CrmApi.ListAllCustomerIdsAsync(client);
        var firstPage = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, "/api/v1/customers?pageSize=50"));

        await using var db = factory.NewDb();
        var expected = await db.Customers.Where(c => c.OutletId == outlet).Select(c => c.Id).OrderBy(i => i).ToListAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, total);
        Assert.Equal(expected, listed);
        Assert.All(firstPage.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("isMasked").GetBoolean()));
    }

    [Fact]
    public async Task Own_scope_token_acting_as_a_rep_lists_only_that_reps_customers()
    {
        var rep = factory.Demo.UserId("rep.sz2");
        var issued = await ApiTokens.IssueAsync(factory, new ApiTokenInput("销售助手", StaffRole.SalesRep, DataScope.Own, null, rep, null));
        var client = ApiTokens.ClientWith(factory, issued.Token);

        var (listed, _) = await CrmApi.ListAllCustomerIdsAsync(client);

        await using var db = factory.NewDb();
        var expected = await db.Customers.Where(c => c.OwnerId == rep).Select(c => c.Id).OrderBy(i => i).ToListAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task Outlet_token_gets_404_for_a_customer_of_another_outlet()
    {
        var elsewhere = await Arrange.CustomerAsync(factory, "rep.sz2", new CustomerInputBuilder());
        var issued = await ApiTokens.IssueAsync(factory, ApiTokens.OutletToken("南山接口", StaffRole.CustomerServiceAgent, factory.Demo.OutletId("SZ-NS")));
        var client = ApiTokens.ClientWith(factory, issued.Token);

        var response = await CrmApi.GetAsync(client, $"/api/v1/customers/{elsewhere}");

        await CrmApi.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Analyst_token_cannot_create_customers()
    {
        var issued = await ApiTokens.IssueAsync(factory, new ApiTokenInput("报表", StaffRole.Analyst, DataScope.All, null, null, null));
        var client = ApiTokens.ClientWith(factory, issued.Token);

        var response = await CrmApi.PostAsync(client, "/api/v1/customers", new CustomerInputBuilder().ToJson());

        await CrmApi.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Token_cannot_create_outlets_unless_its_role_is_administrator()
    {
        var issued = await ApiTokens.IssueAsync(factory, ApiTokens.OutletToken("经理接口", StaffRole.Manager, factory.Demo.OutletId("SZ-NS")));
        var client = ApiTokens.ClientWith(factory, issued.Token);

        var response = await CrmApi.PostAsync(client, "/api/v1/outlets", new OutletInput { Code = "TK-1", Name = "令牌网点", RegionId = factory.Demo.RegionId("SOUTH") });

        await CrmApi.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Revoked_token_gets_401()
    {
        var issued = await ApiTokens.IssueAsync(factory, ApiTokens.OutletToken("将被吊销", StaffRole.CustomerServiceAgent, factory.Demo.OutletId("SZ-NS")));
        var client = ApiTokens.ClientWith(factory, issued.Token);
        Assert.Equal(HttpStatusCode.OK, (await CrmApi.GetAsync(client, "/api/v1/customers")).StatusCode);

        await ApiTokens.RevokeAsync(factory, issued.Id);

        await CrmApi.ProblemAsync(await CrmApi.GetAsync(client, "/api/v1/customers"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Expired_token_gets_401()
    {
        var issued = await ApiTokens.IssueAsync(factory, new ApiTokenInput("快过期", StaffRole.CustomerServiceAgent, DataScope.Outlet,
            factory.Demo.OutletId("SZ-NS"), null, DateTimeOffset.UtcNow.AddSeconds(2)));
        await using (var db = factory.NewDb())
        {
            var token = await db.ApiTokens.SingleAsync(t => t.Id == issued.Id);
            token.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        var response = await CrmApi.GetAsync(ApiTokens.ClientWith(factory, issued.Token), "/api/v1/customers");

        await CrmApi.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("ccrm_thisTokenWasNeverIssuedByAnyone000000000")]
    [InlineData("not-even-a-token")]
    public async Task Unknown_token_gets_401(string token)
    {
        var response = await CrmApi.GetAsync(ApiTokens.ClientWith(factory, token), "/api/v1/customers");

        await CrmApi.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_the_hash_of_an_issued_token_is_stored()
    {
        var issued = await ApiTokens.IssueAsync(factory, ApiTokens.OutletToken("哈希检查", StaffRole.CustomerServiceAgent, factory.Demo.OutletId("SZ-NS")));

        await using var db = factory.NewDb();
        var stored = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == issued.Id);
        Assert.NotEqual(issued.Token, stored.Hash);
        Assert.DoesNotContain(issued.Token, stored.Hash + stored.Prefix + stored.Name);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteApiTokenTests(SqliteCrmWebFactory factory) : ApiTokenTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresApiTokenTests(PostgresCrmWebFactory factory) : ApiTokenTests(factory);
