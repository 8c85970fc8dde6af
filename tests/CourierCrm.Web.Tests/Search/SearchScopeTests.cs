using System.Text.Json;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Search;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Search;

/// <summary>The search box never reaches past the viewer's data scope, and masks as the archive does.</summary>
public abstract class SearchScopeTests(CrmWebFactory factory)
{
    /// <summary>Every way of finding a customer, as the queries a caller would give.</summary>
    private static async Task<string[]> EveryQueryForAsync(CrmWebFactory factory, int id, CustomerInput input, string contactPhone, string contactName)
    {
        var waybill = await SearchTests.WaybillAsync(factory, id);
        return
        [
            input.Phone!, input.Phone![..10], input.Phone![^4..], contactPhone, contactPhone[^4..], waybill, waybill.ToLowerInvariant(),
            input.MonthlyAccountNo!, input.Code!, input.Name, input.Name[6..12], contactName, contactName[..2], contactName[..1],
        ];
    }

    [Fact]
    public async Task A_rep_never_finds_another_reps_customer_by_any_query()
    {
        var contactPhone = CustomerInputBuilder.NewMobile();
        var contactName = "慕容" + Guid.NewGuid().ToString("N")[..4];
        var builder = new CustomerInputBuilder().WithContact(contactName, contactPhone)
            .With(i => i.MonthlyAccountNo = "A" + Guid.NewGuid().ToString("N")[..9]);
        var input = builder.Build();
        var othersId = await Arrange.CustomerAsync(factory, "rep.sz2", builder);
        var queries = await EveryQueryForAsync(factory, othersId, input, contactPhone, contactName);
        var rep = await factory.SignedInAsync("rep.sz1");
        var admin = await factory.SignedInAsync("admin");
        await using var db = factory.NewDb();
        var repId = factory.Demo.UserId("rep.sz1");
        var own = (await db.Customers.Where(c => c.OwnerId == repId).Select(c => c.Id).ToListAsync()).ToHashSet();

        foreach (var q in queries)
        {
            // The query does find the customer for someone allowed to see it, so its absence below means the scope.
            Assert.Contains((await SearchTests.SearchAsync(admin, q)).Hits, h => h.CustomerId == othersId);
            var result = await SearchTests.SearchAsync(rep, q);
            Assert.DoesNotContain(result.Hits, h => h.CustomerId == othersId);
            Assert.All(result.Hits, h => Assert.Contains(h.CustomerId, own));
            Assert.NotEqual(othersId, result.OpenCustomerId);
        }
    }

    [Fact]
    public async Task An_agent_finds_an_individual_by_phone_with_name_and_phones_masked()
    {
        const string person = "欧阳锋华";
        const string contact = "上官婉儿";
        var contactPhone = CustomerInputBuilder.NewMobile();
        var builder = new CustomerInputBuilder().Individual(person).WithContact(contact, contactPhone);
        var input = builder.Build();
        var id = await Arrange.CustomerAsync(factory, "rep.sz1", builder);
        var agent = await factory.SignedInAsync("cs.sz");

        foreach (var q in new[] { input.Phone!, input.Phone![^4..], contactPhone, contactPhone[^4..], person, contact })
        {
            var response = await CrmApi.GetAsync(agent, $"/api/v1/search?q={Uri.EscapeDataString(q)}&limit=50");
            var text = await response.Content.ReadAsStringAsync();
            var result = JsonSerializer.Deserialize<SearchResult>(text, SearchTests.Json)!;
            var hit = Assert.Single(result.Hits, h => h.CustomerId == id);
            Assert.Equal("欧**华", hit.Name);
            Assert.NotEqual(input.Phone, hit.Phone);
            Assert.Contains("*", hit.Phone);
            // Nothing personal leaks through the hit or its reason (what the agent typed is theirs already).
            var hitJson = JsonSerializer.Serialize(hit, SearchTests.Json).Replace(q, "", StringComparison.Ordinal);
            foreach (var secret in new[] { person, contact, input.Phone!, contactPhone })
                Assert.DoesNotContain(secret, hitJson);
        }
    }

    [Fact]
    public async Task A_manager_with_the_permission_sees_clear_names_and_phones()
    {
        var builder = new CustomerInputBuilder().Individual("东方明月");
        var input = builder.Build();
        var id = await Arrange.CustomerAsync(factory, "rep.sz1", builder);

        var result = await SearchTests.SearchAsync(await factory.SignedInAsync("mgr.south"), input.Phone!);

        var hit = Assert.Single(result.Hits, h => h.CustomerId == id);
        Assert.Equal("东方明月", hit.Name);
        Assert.Equal(input.Phone, hit.Phone);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSearchScopeTests(SqliteCrmWebFactory factory) : SearchScopeTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSearchScopeTests(PostgresCrmWebFactory factory) : SearchScopeTests(factory);
