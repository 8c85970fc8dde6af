using System.Linq.Expressions;
using CourierCrm.Domain.Customers;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Scopes;

/// <summary>GET /api/v1/customers lists exactly the customers of the caller's data scope: no fewer, no more.</summary>
public abstract class ListScopeTests(CrmWebFactory factory)
{
    [Fact]
    public async Task Rep_lists_only_and_all_of_their_own_customers()
    {
        var rep = factory.Demo.UserId("rep.sz1");
        await AssertListIsExactlyAsync("rep.sz1", c => c.OwnerId == rep);
    }

    [Fact]
    public async Task Customer_service_agent_lists_only_and_all_customers_of_their_outlet()
    {
        var outlet = factory.Demo.OutletId("SZ-NS");
        await AssertListIsExactlyAsync("cs.sz", c => c.OutletId == outlet);
    }

    [Fact]
    public async Task Manager_lists_only_and_all_customers_of_their_region()
    {
        var region = factory.Demo.RegionId("SOUTH");
        await AssertListIsExactlyAsync("mgr.south", c => c.RegionId == region);
    }

    [Fact]
    public async Task Administrator_lists_every_customer()
    {
        await AssertListIsExactlyAsync("admin", _ => true);
    }

    [Fact]
    public async Task Filtering_by_another_outlet_does_not_widen_an_outlet_scope()
    {
        var agent = await factory.SignedInAsync("cs.sz");
        var list = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(agent, $"/api/v1/customers?outletId={factory.Demo.OutletId("BJ-CY")}&pageSize=200"));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    private async Task AssertListIsExactlyAsync(string user, Expression<Func<Customer, bool>> scope)
    {
        // Every scope must hold some customers, or "only these" would pass on an empty list.
        await Arrange.CustomerAsync(factory, user == "admin" ? "rep.sz1" : user == "mgr.south" ? "rep.sz2" : user, new CustomerInputBuilder());
        var client = await factory.SignedInAsync(user);

        var (listed, total) = await CrmApi.ListAllCustomerIdsAsync(client);

        await using var db = factory.NewDb();
        var expected = await db.Customers.Where(scope).Select(c => c.Id).OrderBy(id => id).ToListAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, total);
        Assert.Equal(expected, listed);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteListScopeTests(SqliteCrmWebFactory factory) : ListScopeTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresListScopeTests(PostgresCrmWebFactory factory) : ListScopeTests(factory);
