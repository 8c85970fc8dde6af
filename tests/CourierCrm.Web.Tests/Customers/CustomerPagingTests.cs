using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Customers;

/// <summary>
/// GET /api/v1/customers pages: a page past the middle is read backwards from the end of the list
/// (CustomerQueries, PageWindow), and whichever end it is read from it holds exactly the rows a
/// single sorted read of the whole list has at that position, ties in names included.
/// </summary>
public abstract class CustomerPagingTests(CrmWebFactory factory)
{
    private const int PageSize = 4;

    [Theory]
    [InlineData("admin", "")]
    [InlineData("admin", "&direction=Desc")]
    [InlineData("admin", "&sort=code")]
    [InlineData("admin", "&sort=createdAt&direction=Desc")]
    [InlineData("admin", "&sort=updatedAt")]
    [InlineData("rep.sz1", "")]
    [InlineData("rep.sz1", "&sort=name&direction=Desc")]
    [InlineData("cs.sz", "")]
    [InlineData("mgr.south", "&sort=createdAt")]
    public async Task Every_page_holds_the_rows_the_whole_sorted_list_has_there(string user, string order)
    {
        var client = await factory.SignedInAsync(user);
        await AssertPagesMatchWholeListAsync(client, await FilterAsync() + order, knownTotal: false);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("rep.sz1")]
    public async Task Pages_asked_with_the_known_total_hold_the_same_rows(string user)
    {
        var client = await factory.SignedInAsync(user);
        await AssertPagesMatchWholeListAsync(client, await FilterAsync(), knownTotal: true);
    }

    [Fact]
    public async Task A_scoped_list_pages_through_its_own_customers_only()
    {
        var filter = await FilterAsync();
        var rep = await PageAsync(await factory.SignedInAsync("rep.sz1"), "pageSize=200" + filter);
        var manager = await PageAsync(await factory.SignedInAsync("mgr.south"), "pageSize=200" + filter);
        Assert.Equal(OwnCount, rep.Total);
        Assert.Equal(OwnCount + OtherOutletCount, manager.Total);
    }

    [Fact]
    public async Task The_last_pages_of_the_whole_archive_match_a_sorted_read_of_it()
    {
        await FilterAsync();
        var client = await factory.SignedInAsync("admin");
        await using var db = factory.NewDb();
        var sorted = await db.Customers.OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync();
        var pages = (sorted.Count + 24) / 25;
        foreach (var page in new[] { pages, pages - 1, pages / 2 + 1 })
        {
            var rows = await PageAsync(client, $"pageSize=25&page={page}");
            Assert.Equal(sorted.Count, rows.Total);
            Assert.Equal(sorted.Skip((page - 1) * 25).Take(25), rows.Ids);
        }
    }

    [Fact]
    public async Task A_known_total_is_answered_back_without_counting_again()
    {
        var filter = await FilterAsync();
        var client = await factory.SignedInAsync("admin");
        var counted = await PageAsync(client, $"pageSize={PageSize}{filter}");
        var remembered = await PageAsync(client, $"pageSize={PageSize}{filter}&knownTotal={counted.Total + 1}");
        Assert.Equal(counted.Total + 1, remembered.Total);
        Assert.Equal(counted.Ids, remembered.Ids);
    }

    [Fact]
    public async Task A_remembered_total_that_is_far_too_large_is_counted_again_when_the_page_comes_back_short()
    {
        var filter = await FilterAsync();
        var client = await factory.SignedInAsync("rep.sz1");
        var whole = await PageAsync(client, "pageSize=200" + filter);
        var last = (whole.Total + PageSize - 1) / PageSize;
        var page = await PageAsync(client, $"pageSize={PageSize}&page={last}{filter}&knownTotal={whole.Total * 3}");
        Assert.Equal(whole.Total, page.Total);
        Assert.Equal(whole.Ids.Skip((last - 1) * PageSize), page.Ids);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_and_reports_the_total()
    {
        var filter = await FilterAsync();
        var client = await factory.SignedInAsync("rep.sz1");
        var page = await PageAsync(client, $"pageSize={PageSize}&page=99{filter}");
        Assert.Empty(page.Ids);
        Assert.Equal(OwnCount, page.Total);
    }

    private static async Task AssertPagesMatchWholeListAsync(HttpClient client, string query, bool knownTotal)
    {
        // One page of 200 starts at the top: a plain forward read of the whole (filtered) list.
        var whole = await PageAsync(client, "pageSize=200" + query);
        Assert.True(whole.Total > PageSize * 3, $"The list needs several pages: {whole.Total} rows");
        Assert.Equal(whole.Total, whole.Ids.Count);
        var pages = (whole.Total + PageSize - 1) / PageSize;
        for (var page = 1; page <= pages; page++)
        {
            var known = knownTotal ? $"&knownTotal={whole.Total}" : "";
            var rows = await PageAsync(client, $"pageSize={PageSize}&page={page}{query}{known}");
            var expected = whole.Ids.Skip((page - 1) * PageSize).Take(PageSize).ToList();
            Assert.Equal(whole.Total, rows.Total);
            Assert.True(expected.SequenceEqual(rows.Ids),
                $"Page {page} of {pages} ({query}): expected [{string.Join(",", expected)}], got [{string.Join(",", rows.Ids)}]");
        }
    }

    private static async Task<(List<int> Ids, int Total)> PageAsync(HttpClient client, string query)
    {
        var body = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, "/api/v1/customers?" + query));
        return (body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList(), body.GetProperty("total").GetInt32());
    }

    private const int OwnCount = 15;
    private const int OtherOutletCount = 6;

    /// <summary>
    /// The customers these tests page through, made once per database: 15 of rep.sz1 (outlet SZ-NS)
    /// and 6 of rep.sz2 (outlet SZ-FT, same region), all named with one marker and only five names
    /// among them, so most names tie and only the Id orders them. Answers the list filter that
    /// selects exactly them.
    /// </summary>
    private Task<string> FilterAsync() => factory.SharedAsync("customer-paging", async () =>
    {
        var marker = "分页" + Guid.NewGuid().ToString("N")[..6];
        string[] names = ["甲", "乙", "丙", "丁", "戊"];
        for (var i = 0; i < OwnCount + OtherOutletCount; i++)
            await Arrange.CustomerAsync(factory, i < OwnCount ? "rep.sz1" : "rep.sz2",
                new CustomerInputBuilder().Named($"{marker}{names[i % names.Length]}快运商行"));
        return "&search=" + Uri.EscapeDataString(marker);
    });
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCustomerPagingTests(SqliteCrmWebFactory factory) : CustomerPagingTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCustomerPagingTests(PostgresCrmWebFactory factory) : CustomerPagingTests(factory);
