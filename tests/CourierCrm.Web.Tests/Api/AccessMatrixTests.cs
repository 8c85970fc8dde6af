using System.Net;
using System.Text.Json.Nodes;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Organisation;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Api;

/// <summary>Every /api/v1 endpoint with every role and without a sign-in gives the status of <see cref="AccessMatrix"/>.</summary>
public abstract class AccessMatrixTests(CrmWebFactory factory)
{
    public static TheoryData<string, string, string, int> Cases => AccessMatrix.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_gives_the_role_the_status_of_the_access_table(string method, string route, string user, int expected)
    {
        var client = await factory.ClientForAsync(user);
        var target = await TargetCustomerAsync(user);
        var outlet = await MatrixOutletAsync();
        var path = route.Replace("{customer}", target.Id.ToString()).Replace("{outlet}", outlet.Id.ToString());
        if (route.Contains("{fresh}", StringComparison.Ordinal))
            path = path.Replace("{fresh}", (await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder())).ToString());

        var response = await CrmApi.SendAsync(client, new HttpMethod(method), path, await BodyAsync(method, route, target, outlet));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"{method} {route} as {user}: {(int)response.StatusCode}, expected {expected}. {body}");
        if (expected >= 400)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A customer the user's scope covers: rep.sz1's own (in SZ-NS, region SOUTH) for everyone but kam.south, who gets one of their own.</summary>
    private Task<(int Id, CustomerInput Input, int OwnerId)> TargetCustomerAsync(string user)
    {
        var owner = user == "kam.south" ? "kam.south" : "rep.sz1";
        return factory.SharedAsync("matrix-customer-" + owner, async () =>
        {
            var input = new CustomerInputBuilder().Build();
            var id = await Arrange.CustomerAsync(factory, owner, input);
            return (id, input, factory.Demo.UserId(owner));
        });
    }

    private Task<(int Id, OutletInput Input)> MatrixOutletAsync() =>
        factory.SharedAsync("matrix-outlet", async () =>
        {
            var admin = await factory.ViewerAsync("admin");
            var input = NewOutlet();
            var result = await factory.WithScopeAsync<OrganisationService, CommandResult<int>>(o => o.SaveOutletAsync(admin, null, input, CancellationToken.None));
            Assert.True(result.Succeeded);
            return (result.Value, input);
        });

    private OutletInput NewOutlet() => new()
    {
        Code = "MX-" + Guid.NewGuid().ToString("N")[..8], Name = "矩阵测试网点", RegionId = factory.Demo.RegionId("SOUTH"),
        Address = "广东省深圳市南山区", Phone = "0755-86001234", HeadName = "王志强",
    };

    /// <summary>A valid body for the endpoint that changes nothing the table's other rows rely on.</summary>
    private async Task<object?> BodyAsync(string method, string route, (int Id, CustomerInput Input, int OwnerId) target, (int Id, OutletInput Input) outlet)
    {
        if (method is "GET" or "DELETE" || route.EndsWith("/reveal", StringComparison.Ordinal)) return null;
        // Marking notices read and retrying a parked message take no body.
        if (route.StartsWith("/api/v1/notifications/", StringComparison.Ordinal) || route.StartsWith("/api/v1/outbox/", StringComparison.Ordinal)) return null;
        return route switch
        {
            "/api/v1/customers" or "/api/v1/customers/duplicates" => new CustomerInputBuilder().ToJson(),
            "/api/v1/customers/{customer}" => await StoredInputAsync(target.Id), // the archive as it stands: an update that changes nothing
            "/api/v1/customers/{customer}/transfer" => new JsonObject { ["newOwnerId"] = target.OwnerId }, // to the owner it has: no move
            "/api/v1/customers/{customer}/notes" => new JsonObject { ["text"] = "访问矩阵备注" },
            "/api/v1/outlets" => NewOutlet(),
            "/api/v1/outlets/{outlet}" => outlet.Input,
            "/api/v1/customers/exports" or "/api/v1/waybills/exports" => new JsonObject { ["format"] = "Csv" },
            "/api/v1/tasks" => new JsonObject
            {
                ["kind"] = "Visit", ["customerId"] = target.Id, ["title"] = "访问矩阵拜访",
                ["dueOn"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            },
            "/api/v1/segments" => new JsonObject
            {
                ["name"] = "矩阵 " + Guid.NewGuid().ToString("N")[..8], ["filter"] = new JsonObject { ["abc"] = "A" },
            },
            "/api/v1/complaints" => new JsonObject
            {
                ["customerId"] = target.Id, ["channel"] = "Counter", ["category"] = "Attitude", ["description"] = "访问矩阵投诉",
            },
            _ => throw new InvalidOperationException($"No body for {method} {route}."),
        };
    }

    private async Task<CustomerInput> StoredInputAsync(int id)
    {
        await using var db = factory.NewDb();
        var c = await db.Customers.AsNoTracking().Include(x => x.Contacts).Include(x => x.Addresses).Include(x => x.Tags).AsSplitQuery().SingleAsync(x => x.Id == id);
        return CustomerMapping.ToInput(c);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAccessMatrixTests(SqliteCrmWebFactory factory) : AccessMatrixTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAccessMatrixTests(PostgresCrmWebFactory factory) : AccessMatrixTests(factory);
