using System.Text.Json.Nodes;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Shipments;
using CourierCrm.Web.Tests.Infrastructure;

namespace CourierCrm.Web.Tests.Shipments;

/// <summary>
/// GET /api/v1/waybills pages (newest first): the page's ids are picked first and a page past the
/// middle is read from the oldest end (WaybillQueries, PageWindow); either way a page holds exactly
/// the waybills a single read of the whole filtered list has at that position, ties in order time
/// included.
/// </summary>
public abstract class WaybillPagingTests(CrmWebFactory factory)
{
    private const int PageSize = 3;
    private const int Count = 14;

    [Theory]
    [InlineData("admin", "customer")]
    [InlineData("admin", "number")]
    [InlineData("admin", "number-status")]
    [InlineData("rep.sz1", "customer")]
    [InlineData("rep.sz1", "number")]
    [InlineData("rep.sz1", "number-status")]
    [InlineData("cs.sz", "number")]
    public async Task Every_page_holds_the_waybills_the_whole_list_has_there(string user, string filter)
    {
        var set = await WaybillsAsync();
        var query = filter switch
        {
            "customer" => $"&customerId={set.CustomerId}",
            "number" => $"&number={set.Prefix}",
            _ => $"&number={set.Prefix}&status=Delivered",
        };
        var client = await factory.SignedInAsync(user);
        var whole = await PageAsync(client, "pageSize=200" + query);
        Assert.True(whole.Total > PageSize * 2, $"The list needs several pages: {whole.Total}");
        Assert.Equal(whole.Total, whole.Numbers.Count);
        var pages = (whole.Total + PageSize - 1) / PageSize;
        for (var page = 1; page <= pages; page++)
        {
            var rows = await PageAsync(client, $"pageSize={PageSize}&page={page}{query}");
            var expected = whole.Numbers.Skip((page - 1) * PageSize).Take(PageSize).ToList();
            Assert.Equal(whole.Total, rows.Total);
            Assert.True(expected.SequenceEqual(rows.Numbers),
                $"Page {page} of {pages} ({query}): expected [{string.Join(",", expected)}], got [{string.Join(",", rows.Numbers)}]");
        }
    }

    [Fact]
    public async Task The_whole_list_is_newest_first_with_ties_in_the_order_they_were_made_reversed()
    {
        var set = await WaybillsAsync();
        var whole = await PageAsync(await factory.SignedInAsync("admin"), $"pageSize=200&number={set.Prefix}");
        Assert.Equal(set.NewestFirst, whole.Numbers);
    }

    [Fact]
    public async Task The_number_filter_finds_a_prefix_and_not_a_middle_part()
    {
        var set = await WaybillsAsync();
        var client = await factory.SignedInAsync("admin");
        Assert.Equal(Count, (await PageAsync(client, $"pageSize=200&number={set.Prefix}")).Total);
        Assert.Equal(0, (await PageAsync(client, $"pageSize=200&number={set.Prefix[2..]}")).Total);
    }

    [Fact]
    public async Task Another_reps_list_pages_through_none_of_them()
    {
        var set = await WaybillsAsync();
        var other = await PageAsync(await factory.SignedInAsync("rep.sz2"), $"pageSize={PageSize}&page=3&number={set.Prefix}");
        Assert.Equal(0, other.Total);
        Assert.Empty(other.Numbers);
    }

    [Fact]
    public async Task A_known_total_is_not_counted_again_and_a_wrong_one_is_corrected()
    {
        var set = await WaybillsAsync();
        var viewer = await factory.ViewerAsync("rep.sz1");
        WaybillListQuery Query(int page) => new() { Number = set.Prefix, Page = page, PageSize = PageSize };

        var remembered = await factory.WithScopeAsync<WaybillQueries, Web.Platform.Paging.PagedResult<WaybillListItem>>(
            q => q.ListAsync(viewer, Query(1), Count + 1, CancellationToken.None));
        // Far too large: the last real page is then read from the start and comes back short.
        var lastPage = (Count + PageSize - 1) / PageSize;
        var corrected = await factory.WithScopeAsync<WaybillQueries, Web.Platform.Paging.PagedResult<WaybillListItem>>(
            q => q.ListAsync(viewer, Query(lastPage), Count * 3, CancellationToken.None));

        Assert.Equal(Count + 1, remembered.Total);
        Assert.Equal(set.NewestFirst.Take(PageSize), remembered.Items.Select(i => i.Number));
        Assert.Equal(Count, corrected.Total);
        Assert.Equal(set.NewestFirst.Skip((lastPage - 1) * PageSize), corrected.Items.Select(i => i.Number));
    }

    private static async Task<(List<string> Numbers, int Total)> PageAsync(HttpClient client, string query)
    {
        var body = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, "/api/v1/waybills?" + query));
        return (body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!).ToList(), body.GetProperty("total").GetInt32());
    }

    private sealed record PagingSet(int CustomerId, string Prefix, List<string> NewestFirst);

    /// <summary>
    /// Fourteen waybills of a new customer of rep.sz1 (outlet SZ-NS), made once per database, their
    /// numbers starting with one marker, ordered at only three different times (most times tie, and
    /// then the later-made waybill comes first), every other one delivered.
    /// </summary>
    private Task<PagingSet> WaybillsAsync() => factory.SharedAsync("waybill-paging", async () =>
    {
        var builder = new CustomerInputBuilder();
        var customerId = await Arrange.CustomerAsync(factory, "rep.sz1", builder);
        var prefix = "PG" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] times = ["2026-09-01T08:00:00+08:00", "2026-09-02T08:00:00+08:00", "2026-09-03T08:00:00+08:00"];
        var made = new List<(string Number, string At)>();
        var admin = await factory.SignedInAsync("admin");
        for (var i = 0; i < Count; i++)
        {
            var number = $"{prefix}{i:00}";
            var at = times[i % times.Length];
            var item = new WaybillJson("T" + builder.Unique).Set("number", number).Set("orderedAt", at)
                .Set("status", i % 2 == 0 ? nameof(WaybillStatus.Delivered) : nameof(WaybillStatus.InTransit));
            if (i % 2 == 0) item.Set("deliveredAt", JsonValue.Create(at));
            // One at a time: the waybills' ids follow the order they were made in.
            await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, "/api/v1/waybills", WaybillJson.Batch(item)));
            made.Add((number, at));
        }
        var newestFirst = made.Select((m, i) => (m.Number, m.At, i)).OrderByDescending(m => m.At, StringComparer.Ordinal).ThenByDescending(m => m.i)
            .Select(m => m.Number).ToList();
        return new PagingSet(customerId, prefix, newestFirst);
    });
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteWaybillPagingTests(SqliteCrmWebFactory factory) : WaybillPagingTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresWaybillPagingTests(PostgresCrmWebFactory factory) : WaybillPagingTests(factory);
