using System.Net;
using System.Text.Json;
using CourierCrm.Domain.Classification;
using CourierCrm.Web.Segmentation;
using CourierCrm.Web.Segmentation.Segments;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using static CourierCrm.Web.Tests.Segmentation.Segments.ClassArrange;

namespace CourierCrm.Web.Tests.Segmentation.Segments;

/// <summary>
/// /api/v1/segments: a saved customer filter, private to its owner unless shared, changed only by its
/// owner or an administrator, counted and listed within each viewer's own data scope.
/// </summary>
public abstract class SegmentTests(CrmWebFactory factory)
{
    private static string NewName() => "群" + Guid.NewGuid().ToString("N")[..10];

    private static object Body(string name, object? filter = null, bool shared = false, string? description = null) =>
        new { name, description, shared, filter = filter ?? new { } };

    private static async Task<JsonElement> CreateAsync(HttpClient client, object body) =>
        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(client, "/api/v1/segments", body));

    [Fact]
    public async Task A_saved_segment_lists_with_its_filter_and_count()
    {
        var a = new ClassArrange(factory);
        await a.CustomerAsync("rep.sz1", Classes(AbcClass.A));
        await a.CustomerAsync("rep.sz1", Classes(AbcClass.A));
        await a.CustomerAsync("rep.sz1", Classes(AbcClass.B));
        var client = await factory.SignedInAsync("mgr.south");
        var name = NewName();

        var created = await CreateAsync(client, Body(name, new { search = a.Marker, abc = "A" }, description: "A 类客户"));

        var listed = (await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, "/api/v1/segments"))).EnumerateArray()
            .Single(s => s.GetProperty("id").GetInt32() == created.GetProperty("id").GetInt32());
        Assert.Equal(name, listed.GetProperty("name").GetString());
        Assert.Equal("A 类客户", listed.GetProperty("description").GetString());
        Assert.Equal("A", listed.GetProperty("filter").GetProperty("abc").GetString());
        Assert.Equal(2, listed.GetProperty("count").GetInt32());
        Assert.True(listed.GetProperty("canEdit").GetBoolean());
    }

    [Fact]
    public async Task A_segments_customers_are_the_customer_list_with_its_filter()
    {
        var a = new ClassArrange(factory);
        var first = await a.CustomerAsync("rep.sz1", Classes(AbcClass.A));
        var second = await a.CustomerAsync("rep.sz1", Classes(AbcClass.A));
        await a.CustomerAsync("rep.sz1", Classes(AbcClass.C));
        var client = await factory.SignedInAsync("admin");
        var id = (await CreateAsync(client, Body(NewName(), new { search = a.Marker, abc = "A" }))).GetProperty("id").GetInt32();

        var members = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, $"/api/v1/segments/{id}/customers?pageSize=50"));
        var listed = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, $"/api/v1/customers?segment={id}&pageSize=50"));

        int[] expected = [first, second];
        Assert.Equal(expected.Order(), Ids(members).Order());
        Assert.Equal(Ids(members), Ids(listed));
        Assert.Equal(2, members.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_segments_count_depends_on_who_looks()
    {
        var a = new ClassArrange(factory);
        for (var i = 0; i < 3; i++) await a.CustomerAsync("rep.sz1", Classes(AbcClass.B));
        for (var i = 0; i < 2; i++) await a.CustomerAsync("rep.sz2", Classes(AbcClass.B));
        var manager = await factory.SignedInAsync("mgr.south");
        var id = (await CreateAsync(manager, Body(NewName(), new { search = a.Marker, abc = "B" }, shared: true))).GetProperty("id").GetInt32();

        var managerCount = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(manager, $"/api/v1/segments/{id}/count"));
        var repCount = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("rep.sz1"), $"/api/v1/segments/{id}/count"));

        Assert.Equal(5, managerCount.GetProperty("count").GetInt32());
        Assert.Equal(3, repCount.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Segment_members_are_masked_for_customer_service()
    {
        var a = new ClassArrange(factory);
        var phone = CustomerInputBuilder.NewMobile();
        await a.CustomerAsync("rep.sz1", Classes(AbcClass.A), name: "欧阳" + a.Marker, builder: new CustomerInputBuilder().Individual("x").WithPhone(phone));
        var id = (await CreateAsync(await factory.SignedInAsync("admin"), Body(NewName(), new { search = a.Marker }, shared: true))).GetProperty("id").GetInt32();

        var members = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("cs.sz"), $"/api/v1/segments/{id}/customers"));

        var item = Assert.Single(members.GetProperty("items").EnumerateArray());
        Assert.True(item.GetProperty("isMasked").GetBoolean());
        Assert.NotEqual(phone, item.GetProperty("phone").GetString());
        Assert.DoesNotContain(a.Marker, item.GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentMembers_resolves_a_segment_to_the_viewers_customer_ids()
    {
        var a = new ClassArrange(factory);
        var own = await a.CustomerAsync("rep.sz1", Classes(AbcClass.C));
        await a.CustomerAsync("rep.sz2", Classes(AbcClass.C));
        var id = (await CreateAsync(await factory.SignedInAsync("mgr.south"), Body(NewName(), new { search = a.Marker }, shared: true))).GetProperty("id").GetInt32();
        var rep = await factory.ViewerAsync("rep.sz1");

        await using var db = factory.NewDb();
        var result = await factory.Services.GetRequiredService<SegmentMembers>().CustomerIdsAsync(db, rep, id, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal([own], await result.Value!.ToListAsync());
    }

    [Fact]
    public async Task A_private_segment_is_invisible_to_others()
    {
        var id = (await CreateAsync(await factory.SignedInAsync("rep.sz1"), Body(NewName()))).GetProperty("id").GetInt32();
        var other = await factory.SignedInAsync("rep.sz2");

        var list = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(other, "/api/v1/segments"));

        Assert.DoesNotContain(list.EnumerateArray(), s => s.GetProperty("id").GetInt32() == id);
        await CrmApi.ProblemAsync(await CrmApi.GetAsync(other, $"/api/v1/segments/{id}/count"), HttpStatusCode.NotFound);
        await CrmApi.ProblemAsync(await CrmApi.GetAsync(other, $"/api/v1/segments/{id}/customers"), HttpStatusCode.NotFound);
        await CrmApi.FieldErrorAsync(await CrmApi.GetAsync(other, $"/api/v1/customers?segment={id}"), "segment");
    }

    [Fact]
    public async Task A_shared_segment_is_visible_to_all_and_read_only_to_others()
    {
        var name = NewName();
        var id = (await CreateAsync(await factory.SignedInAsync("rep.sz1"), Body(name, shared: true))).GetProperty("id").GetInt32();
        var other = await factory.SignedInAsync("rep.sz2");

        var seen = (await CrmApi.OkJsonAsync(await CrmApi.GetAsync(other, "/api/v1/segments"))).EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == id);
        Assert.False(seen.GetProperty("canEdit").GetBoolean());
        await CrmApi.ProblemAsync(await CrmApi.PutAsync(other, $"/api/v1/segments/{id}", Body(name + "改")), HttpStatusCode.Forbidden);
        await CrmApi.ProblemAsync(await CrmApi.SendAsync(other, HttpMethod.Delete, $"/api/v1/segments/{id}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_owner_renames_and_an_administrator_deletes()
    {
        var owner = await factory.SignedInAsync("rep.sz1");
        var id = (await CreateAsync(owner, Body(NewName(), shared: true))).GetProperty("id").GetInt32();
        var renamed = NewName();

        var updated = await CrmApi.OkJsonAsync(await CrmApi.PutAsync(owner, $"/api/v1/segments/{id}", Body(renamed, new { abc = "A" }, shared: true)));
        Assert.Equal(renamed, updated.GetProperty("name").GetString());
        Assert.Equal("A", updated.GetProperty("filter").GetProperty("abc").GetString());

        await CrmApi.OkJsonAsync(await CrmApi.SendAsync(await factory.SignedInAsync("admin"), HttpMethod.Delete, $"/api/v1/segments/{id}"));
        await CrmApi.ProblemAsync(await CrmApi.GetAsync(owner, $"/api/v1/segments/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_name_is_unique_per_owner_only()
    {
        var name = NewName();
        await CreateAsync(await factory.SignedInAsync("rep.sz1"), Body(name));

        var again = await CrmApi.PostAsync(await factory.SignedInAsync("rep.sz1"), "/api/v1/segments", Body(name));
        await CrmApi.FieldErrorAsync(again, "name", HttpStatusCode.Conflict);
        await CreateAsync(await factory.SignedInAsync("rep.sz2"), Body(name));
    }

    [Theory]
    [InlineData("""{"name":"","filter":{}}""", "name")]
    [InlineData("""{"name":"@51","filter":{}}""", "name")]
    [InlineData("""{"name":"x","filter":{"abc":"D"}}""", "filter.abc")]
    [InlineData("""{"name":"x","filter":{"rfmM":6}}""", "filter.rfmM")]
    [InlineData("""{"name":"x","filter":{"pyramid":7}}""", "filter.pyramid")]
    [InlineData("""{"name":"x","filter":{"colour":"red"}}""", "colour")]
    [InlineData("""{"name":"x"}""", "filter")]
    public async Task A_bad_segment_answers_400_naming_the_field(string json, string field)
    {
        var body = JsonDocument.Parse(json.Replace("@51", new string('名', 51), StringComparison.Ordinal)).RootElement;

        var response = await CrmApi.PostAsync(await factory.SignedInAsync("rep.sz1"), "/api/v1/segments", body);

        await CrmApi.FieldErrorAsync(response, field);
    }

    [Fact]
    public async Task A_filter_that_no_longer_reads_is_reported_not_a_server_error()
    {
        var userId = factory.Demo.UserId("rep.sz1");
        await using (var db = factory.NewDb())
        {
            db.SavedSegments.Add(new SavedSegment
            {
                Name = NewName(), OwnerId = userId, FilterJson = """{"abc":"AA","loyaltyBand":3}""",
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var client = await factory.SignedInAsync("rep.sz1");
        int id;
        await using (var db = factory.NewDb())
            id = await db.SavedSegments.Where(s => s.OwnerId == userId).OrderByDescending(s => s.Id).Select(s => s.Id).FirstAsync();

        var listed = (await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, "/api/v1/segments"))).EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == id);
        Assert.Contains("abc", listed.GetProperty("filterProblem").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("count").ValueKind);
        Assert.Contains("abc", (await CrmApi.FieldErrorAsync(await CrmApi.GetAsync(client, $"/api/v1/segments/{id}/count"), "filter"))[0], StringComparison.Ordinal);
        await CrmApi.FieldErrorAsync(await CrmApi.GetAsync(client, $"/api/v1/segments/{id}/customers"), "filter");
        await CrmApi.FieldErrorAsync(await CrmApi.GetAsync(client, $"/api/v1/customers?segment={id}"), "segment");
    }

    private static List<int> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSegmentTests(SqliteCrmWebFactory factory) : SegmentTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSegmentTests(PostgresCrmWebFactory factory) : SegmentTests(factory);
