using System.Globalization;
using System.Text.Json;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Data;
using CourierCrm.Web.Data.Bulk;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// "Ltv", not the folder name: a namespace ...Segmentation.LifetimeValue would hide the domain's LifetimeValue class.
namespace CourierCrm.Web.Tests.Segmentation.Ltv;

/// <summary>
/// /api/v1/lifetime-value: the Dwyer table (DOMAIN.md §4) of a cohort taken from the waybills, within the
/// viewer's scope and by China-time years, and of a model entered by hand, checked cell by cell.
/// </summary>
public abstract class LifetimeValueTests(CrmWebFactory factory)
{
    // Seed 001's worked example, as the domain's table test works it by hand.
    private static readonly object WorkedExample = new
    {
        initialCustomers = 1000, acquisitionCostPerCustomer = 50, discountRate = 0.25,
        years = new[]
        {
            new { retentionRate = 0.5, ordersPerCustomer = 2, averageOrderValue = 100, variableCostRate = 0.6, marketingCostPerCustomer = 10 },
            new { retentionRate = 0.6, ordersPerCustomer = 3, averageOrderValue = 100, variableCostRate = 0.5, marketingCostPerCustomer = 10 },
            new { retentionRate = 0.7, ordersPerCustomer = 4, averageOrderValue = 100, variableCostRate = 0.5, marketingCostPerCustomer = 10 },
        },
    };

    [Fact]
    public async Task The_hand_entered_table_equals_the_domains_worked_example()
    {
        var table = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(await factory.SignedInAsync("analyst"), "/api/v1/lifetime-value/table", WorkedExample));

        decimal[][] expected =
        [
            // customers, revenue, variable, marketing, acquisition, total cost, profit, factor, NPV, cumulative, CLV
            [1000, 200_000, 120_000, 10_000, 50_000, 180_000, 20_000, 1, 20_000, 20_000, 20],
            [500, 150_000, 75_000, 5_000, 0, 80_000, 70_000, 1.25m, 56_000, 76_000, 76],
            [300, 120_000, 60_000, 3_000, 0, 63_000, 57_000, 1.5625m, 36_480, 112_480, 112.48m],
        ];
        Assert.Equal(expected.Select(r => r.Select(v => v.ToString("0.####", CultureInfo.InvariantCulture))),
            table.EnumerateArray().Select(Row));
    }

    [Theory]
    [InlineData("years[1].retentionRate", 1.5)]
    [InlineData("years[0].variableCostRate", -0.1)]
    [InlineData("years[2].averageOrderValue", -1)]
    public async Task A_bad_cell_answers_400_naming_the_cell(string cell, double value)
    {
        var body = JsonSerializer.SerializeToNode(WorkedExample)!;
        var year = int.Parse(cell[6..7], CultureInfo.InvariantCulture);
        body["years"]![year]![cell[(cell.IndexOf('.', StringComparison.Ordinal) + 1)..]] = value;

        var response = await CrmApi.PostAsync(await factory.SignedInAsync("admin"), "/api/v1/lifetime-value/table", body);

        await CrmApi.FieldErrorAsync(response, cell);
    }

    [Fact]
    public async Task A_missing_cell_answers_400_naming_it()
    {
        var response = await CrmApi.PostAsync(await factory.SignedInAsync("admin"), "/api/v1/lifetime-value/table",
            new { acquisitionCostPerCustomer = 0, discountRate = 0.1, years = new[] { new { retentionRate = 0.5 } } });

        await CrmApi.FieldErrorAsync(response, "initialCustomers");
        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(await factory.SignedInAsync("admin"), "/api/v1/lifetime-value/table",
            new { acquisitionCostPerCustomer = 0, discountRate = 0.1, years = new[] { new { retentionRate = 0.5 } } }), "years[0].ordersPerCustomer");
    }

    /// <summary>
    /// Two customers first shipping in 2003 (one of rep.sz1, one of rep.sz2) and one of rep.sz1 that
    /// shipped already in 2002 (not of the cohort). 2004-01-01 07:00 China is still 2003 in UTC: it counts for 2004.
    /// </summary>
    private async Task<int> ArrangeCohortAsync()
    {
        var year = await factory.SharedAsync("ltv-cohort-year", async () =>
        {
            var x = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
            var y = await Arrange.CustomerAsync(factory, "rep.sz2", new CustomerInputBuilder());
            var z = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
            await WaybillsAsync(x, ("2003-03-01 10:00", 10_000), ("2004-01-01 07:00", 20_000), ("2004-05-01 09:00", 30_000), ("2005-02-01 09:00", 40_000));
            await WaybillsAsync(y, ("2003-06-01 10:00", 50_000), ("2005-07-01 10:00", 60_000));
            await WaybillsAsync(z, ("2002-12-01 10:00", 70_000), ("2003-02-01 10:00", 80_000));
            return 2003;
        });
        return year;
    }

    [Fact]
    public async Task A_cohort_counts_its_members_orders_and_revenue_year_by_year_in_China_time()
    {
        var year = await ArrangeCohortAsync();

        var cohort = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("mgr.south"),
            $"/api/v1/lifetime-value/cohort?year={year}&variableCostRate=0.5&acquisitionCostPerCustomer=100&discountRate=0"));

        Assert.Equal(2, cohort.GetProperty("customers").GetInt32());
        var years = cohort.GetProperty("years").EnumerateArray().Take(4)
            .Select(y => (y.GetProperty("calendarYear").GetInt32(), y.GetProperty("activeCustomers").GetInt32(), y.GetProperty("orders").GetInt64(), y.GetProperty("revenueFen").GetInt64()));
        Assert.Equal([(2003, 2, 2L, 60_000L), (2004, 1, 2L, 50_000L), (2005, 2, 2L, 100_000L), (2006, 0, 0L, 0L)], years);
        // Year 1: 2 customers × 1 order × 300 yuan = 600; half variable cost, 200 acquisition: profit 100, CLV 50.
        var first = cohort.GetProperty("table")[0];
        Assert.Equal(600m, first.GetProperty("revenue").GetDecimal());
        Assert.Equal(0.5m, first.GetProperty("retentionRate").GetDecimal());
        Assert.Equal(50m, first.GetProperty("lifetimeValuePerCustomer").GetDecimal());
    }

    [Fact]
    public async Task A_reps_cohort_holds_only_their_own_customers()
    {
        var year = await ArrangeCohortAsync();

        var cohort = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("rep.sz1"), $"/api/v1/lifetime-value/cohort?year={year}"));

        Assert.Equal(1, cohort.GetProperty("customers").GetInt32());
        Assert.Equal(10_000, cohort.GetProperty("years")[0].GetProperty("revenueFen").GetInt64());
    }

    [Theory]
    [InlineData("", "year")]
    [InlineData("year=1999", "year")]
    [InlineData("year=2003&variableCostRate=2", "variableCostRate")]
    [InlineData("year=2003&discountRate=-1", "discountRate")]
    [InlineData("year=abc", "year")]
    public async Task A_bad_cohort_request_answers_400_naming_the_field(string query, string field)
    {
        var response = await CrmApi.GetAsync(await factory.SignedInAsync("admin"), "/api/v1/lifetime-value/cohort?" + query);

        await CrmApi.FieldErrorAsync(response, field);
    }

    private static IEnumerable<string> Row(JsonElement r) =>
        new[] { "customers", "revenue", "variableCost", "marketingCost", "acquisitionCost", "totalCost", "profit", "discountFactor", "netPresentValue", "cumulativeNetPresentValue", "lifetimeValuePerCustomer" }
            .Select(name => r.GetProperty(name).GetDecimal().ToString("0.####", CultureInfo.InvariantCulture));

    private async Task WaybillsAsync(int customerId, params (string At, long FreightFen)[] waybills)
    {
        var prefix = "LV" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var batch = waybills.Select((w, i) =>
        {
            var at = new DateTimeOffset(DateTime.ParseExact(w.At, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));
            return new Waybill
            {
                Number = prefix + i.ToString("D3", CultureInfo.InvariantCulture), CustomerId = customerId, OriginCity = "深圳市", DestinationCity = "北京市",
                FreightFen = w.FreightFen, WeightGrams = 1_000, OrderedAt = at, UpdatedAt = at,
            };
        }).ToList();
        await new WaybillBulkWriter(factory.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>()).UpsertAsync(batch, CancellationToken.None);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteLifetimeValueTests(SqliteCrmWebFactory factory) : LifetimeValueTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresLifetimeValueTests(PostgresCrmWebFactory factory) : LifetimeValueTests(factory);
