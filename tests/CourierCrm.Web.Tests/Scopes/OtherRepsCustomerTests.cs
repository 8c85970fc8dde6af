using System.Net;
using System.Text.Json.Nodes;
using CourierCrm.Web.Tests.Infrastructure;

namespace CourierCrm.Web.Tests.Scopes;

/// <summary>
/// A sales rep (own scope) cannot read or change another rep's customer by guessing its id:
/// the API answers exactly as for an id that does not exist, and nothing about the customer changes.
/// </summary>
public abstract class OtherRepsCustomerTests(CrmWebFactory factory)
{
    private const int NoSuchCustomer = 987_654_321;

    public static TheoryData<string, string> ByIdEndpoints => new()
    {
        { "GET", "/api/v1/customers/{id}" },
        { "PUT", "/api/v1/customers/{id}" },
        { "POST", "/api/v1/customers/{id}/reveal" },
        { "POST", "/api/v1/customers/{id}/notes" },
        { "GET", "/api/v1/customers/{id}/timeline" },
    };

    [Theory]
    [MemberData(nameof(ByIdEndpoints))]
    public async Task Rep_gets_404_for_another_reps_customer_exactly_as_for_a_missing_id_and_it_stays_unchanged(string method, string route)
    {
        var theirs = await Arrange.CustomerAsync(factory, "rep.sz2", new CustomerInputBuilder());
        var before = await Arrange.CustomerSnapshotAsync(factory, theirs);
        var rep = await factory.SignedInAsync("rep.sz1");

        var response = await CrmApi.SendAsync(rep, new HttpMethod(method), route.Replace("{id}", theirs.ToString()), Body(method, route));
        var missing = await CrmApi.SendAsync(rep, new HttpMethod(method), route.Replace("{id}", NoSuchCustomer.ToString()), Body(method, route));

        var problem = await CrmApi.ProblemAsync(response, HttpStatusCode.NotFound);
        var missingProblem = await CrmApi.ProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Equal(missingProblem.GetProperty("title").GetString(), problem.GetProperty("title").GetString());
        Assert.Equal(missingProblem.GetProperty("detail").GetString(), problem.GetProperty("detail").GetString());
        Assert.Equal(before, await Arrange.CustomerSnapshotAsync(factory, theirs));
    }

    [Fact]
    public async Task Rep_cannot_transfer_another_reps_customer_to_themselves()
    {
        var theirs = await Arrange.CustomerAsync(factory, "rep.sz2", new CustomerInputBuilder());
        var before = await Arrange.CustomerSnapshotAsync(factory, theirs);
        var rep = await factory.SignedInAsync("rep.sz1");

        var response = await CrmApi.PostAsync(rep, $"/api/v1/customers/{theirs}/transfer", new JsonObject { ["newOwnerId"] = factory.Demo.UserId("rep.sz1") });
        var missing = await CrmApi.PostAsync(rep, $"/api/v1/customers/{NoSuchCustomer}/transfer", new JsonObject { ["newOwnerId"] = factory.Demo.UserId("rep.sz1") });

        // A sales rep may not transfer at all: the refusal is the same whatever the id, so it reveals nothing either.
        await CrmApi.ProblemAsync(response, HttpStatusCode.Forbidden);
        await CrmApi.ProblemAsync(missing, HttpStatusCode.Forbidden);
        Assert.Equal(before, await Arrange.CustomerSnapshotAsync(factory, theirs));
    }

    [Fact]
    public async Task Manager_of_another_region_gets_404_when_transferring_a_customer_outside_it()
    {
        var southern = await Arrange.CustomerAsync(factory, "rep.sz2", new CustomerInputBuilder());
        var before = await Arrange.CustomerSnapshotAsync(factory, southern);
        var eastManager = await factory.SignedInAsync("mgr.east");

        var response = await CrmApi.PostAsync(eastManager, $"/api/v1/customers/{southern}/transfer", new JsonObject { ["newOwnerId"] = factory.Demo.UserId("rep.sh1") });

        await CrmApi.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(before, await Arrange.CustomerSnapshotAsync(factory, southern));
    }

    [Fact]
    public async Task Rep_finds_another_reps_customer_neither_by_its_code_nor_by_its_phone()
    {
        var builder = new CustomerInputBuilder();
        await Arrange.CustomerAsync(factory, "rep.sz2", builder);
        var rep = await factory.SignedInAsync("rep.sz1");
        var owner = await factory.SignedInAsync("rep.sz2");
        var input = builder.Build();

        var ownersSearch = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(owner, "/api/v1/customers?search=" + input.Phone));
        var byCode = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(rep, "/api/v1/customers?search=" + Uri.EscapeDataString(input.Code!)));
        var byPhone = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(rep, "/api/v1/customers?search=" + input.Phone));

        Assert.Equal(1, ownersSearch.GetProperty("total").GetInt32()); // the search works: only the scope hides it
        Assert.Equal(0, byCode.GetProperty("total").GetInt32());
        Assert.Equal(0, byPhone.GetProperty("total").GetInt32());
    }

    private static object? Body(string method, string route) => (method, route) switch
    {
        ("PUT", _) => new CustomerInputBuilder().Named("越权修改").ToJson(),
        (_, var r) when r.EndsWith("/notes", StringComparison.Ordinal) => new JsonObject { ["text"] = "越权备注" },
        _ => null,
    };
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteOtherRepsCustomerTests(SqliteCrmWebFactory factory) : OtherRepsCustomerTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresOtherRepsCustomerTests(PostgresCrmWebFactory factory) : OtherRepsCustomerTests(factory);
