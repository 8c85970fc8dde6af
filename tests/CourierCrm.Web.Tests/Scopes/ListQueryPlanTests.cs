using System.Text.RegularExpressions;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Platform.Paging;
using CourierCrm.Web.Shipments;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CourierCrm.Web.Tests.Scopes;

/// <summary>
/// The lists read by index (DESIGN.md "Scale"): SQLite's plan for the SQL the product actually sends
/// (captured, then explained) walks an index in the list's order or searches an index range, never
/// scans a table or sorts the whole list. SQLite only: PostgreSQL's planner chooses by statistics,
/// and on the test factories' few rows a sequential scan is the right choice there.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class ListQueryPlanTests(SqliteCrmWebFactory factory)
{
    [Theory]
    [InlineData("admin", "IX_Customers_Name_Id")]
    [InlineData("rep.sz1", "IX_Customers_OwnerId_Name_Id")]
    [InlineData("cs.sz", "IX_Customers_OutletId_Name_Id")]
    [InlineData("mgr.south", "IX_Customers_RegionId_Name_Id")]
    public async Task The_customer_list_by_name_walks_the_scope_and_name_index(string user, string index)
    {
        var viewer = await factory.ViewerAsync(user);
        var (_, commands) = await SqlCapture.RecordAsync(() => factory.WithScopeAsync<CustomerQueries, PagedResult<CustomerListItem>>(
            q => q.ListAsync(viewer, new CustomerListQuery { PageSize = 10 }, CancellationToken.None)));

        var plan = await PlanAsync(Single(commands, "ORDER BY"));

        Assert.Contains(plan, line => line.Contains($"INDEX {index}", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => Regex.IsMatch(line, @"SCAN c\b(?!.*INDEX)") || line.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deep_customer_page_walks_the_name_index_backwards_from_the_end()
    {
        var viewer = await factory.ViewerAsync("admin");
        // Rows 971–980 of 1,000: 20 from the end, 970 from the start.
        var (_, commands) = await SqlCapture.RecordAsync(() => factory.WithScopeAsync<CustomerQueries, PagedResult<CustomerListItem>>(
            q => q.ListAsync(viewer, new CustomerListQuery { Page = 98, PageSize = 10, KnownTotal = 1000 }, CancellationToken.None)));

        var rows = Single(commands, "ORDER BY");
        var numbers = rows.Parameters.Select(p => Convert.ToInt64(p.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("\"Name\" DESC", rows.Sql, StringComparison.Ordinal);
        Assert.Contains(20L, numbers);
        Assert.DoesNotContain(970L, numbers);
        Assert.Contains(await PlanAsync(rows), line => line.Contains("INDEX IX_Customers_Name_Id", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("rep.sz1")]
    public async Task The_waybill_number_filter_searches_an_index_range(string user)
    {
        var viewer = await factory.ViewerAsync(user);
        var (_, commands) = await SqlCapture.RecordAsync(() => factory.WithScopeAsync<WaybillQueries, PagedResult<WaybillListItem>>(
            q => q.ListAsync(viewer, new WaybillListQuery { Number = "XD73", PageSize = 10 }, CancellationToken.None)));

        foreach (var command in commands.Where(c => c.Sql.Contains("\"Number\" >=", StringComparison.Ordinal)))
        {
            var plan = await PlanAsync(command);
            Assert.True(plan.Any(line => Regex.IsMatch(line, @"SEARCH w USING (COVERING )?INDEX \w+ \((CustomerId=\? AND )?Number>\? AND Number<\?\)")),
                string.Join(Environment.NewLine, plan.Prepend(command.Sql)));
            Assert.DoesNotContain(plan, line => Regex.IsMatch(line, @"SCAN w\b"));
        }
        Assert.Equal(2, commands.Count(c => c.Sql.Contains("\"Number\" >=", StringComparison.Ordinal)));
    }

    private static CapturedCommand Single(List<CapturedCommand> commands, string marker) =>
        Assert.Single(commands, c => c.Sql.Contains(marker, StringComparison.Ordinal) && c.Sql.Contains("\"Customers\"", StringComparison.Ordinal));

    private async Task<List<string>> PlanAsync(CapturedCommand command)
    {
        await using var db = factory.NewDb();
        await using var connection = new SqliteConnection(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(db.Database));
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return lines;
    }
}
