using System.Text.Json;
using CourierCrm.Domain.Classification;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Exports;
using CourierCrm.Web.Platform.Paging;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CourierCrm.Web.Tests.Segmentation.Segments.ClassArrange;

namespace CourierCrm.Web.Tests.Segmentation.Segments;

/// <summary>
/// GET /api/v1/customers filtered by the customers' current classes (abc, pyramid, keyAccount, rfmR/F/M,
/// quadrant, unclassified) and ordered by predicted lifetime value: each filter narrows the list and its
/// count to the customers with that class, filters combine, and a value that names no class is refused
/// naming the field.
/// </summary>
public abstract class CustomerClassFilterTests(CrmWebFactory factory)
{
    /// <summary>Five classified customers and one never classified, all of rep.sz1.</summary>
    private async Task<(ClassArrange Arranged, Dictionary<string, int> Ids)> ArrangeAsync()
    {
        var a = new ClassArrange(factory);
        var ids = new Dictionary<string, int>
        {
            ["A-important"] = await a.CustomerAsync("rep.sz1", Classes(AbcClass.A, ValuePyramidTier.Important, KeyAccountTier.Key, 5, 5, 5, LoyaltyValueQuadrant.Core, 900_000)),
            ["A-major"] = await a.CustomerAsync("rep.sz1", Classes(AbcClass.A, ValuePyramidTier.Major, KeyAccountTier.Major, 4, 5, 4, LoyaltyValueQuadrant.HighValueLowLoyalty, 500_000)),
            ["B"] = await a.CustomerAsync("rep.sz1", Classes(AbcClass.B, ValuePyramidTier.Ordinary, KeyAccountTier.Ordinary, 3, 2, 3, LoyaltyValueQuadrant.LoyalLowValue, 700_000)),
            ["C"] = await a.CustomerAsync("rep.sz1", Classes(AbcClass.C, ValuePyramidTier.Small, KeyAccountTier.Ordinary, 1, 1, 1, LoyaltyValueQuadrant.LowValueLowLoyalty)),
            ["no-abc"] = await a.CustomerAsync("rep.sz1", Classes(pyramid: ValuePyramidTier.Small)),
            ["never"] = await a.CustomerAsync("rep.sz1", null),
        };
        return (a, ids);
    }

    [Theory]
    [InlineData("abc=A", "A-important,A-major")]
    [InlineData("abc=B", "B")]
    [InlineData("pyramid=Small", "C,no-abc")]
    [InlineData("keyAccount=Ordinary", "B,C")]
    [InlineData("rfmR=5", "A-important")]
    [InlineData("rfmF=5", "A-important,A-major")]
    [InlineData("rfmM=1", "C")]
    [InlineData("quadrant=LoyalLowValue", "B")]
    [InlineData("unclassified=true", "no-abc,never")]
    public async Task A_class_filter_narrows_the_list_and_its_count_to_that_class(string filter, string expected)
    {
        var (a, ids) = await ArrangeAsync();
        var client = await factory.SignedInAsync("admin");

        var (listed, total) = await ListAsync(client, $"{a.Search}&{filter}");

        Assert.Equal(Expected(ids, expected), listed.Order());
        Assert.Equal(listed.Count, total);
    }

    [Theory]
    [InlineData("abc=A&rfmM=4", "A-major")]
    [InlineData("abc=A&quadrant=Core&keyAccount=Key", "A-important")]
    [InlineData("keyAccount=Ordinary&pyramid=Ordinary", "B")]
    [InlineData("abc=C&rfmR=5", "")]
    [InlineData("unclassified=true&pyramid=Small", "no-abc")]
    public async Task Class_filters_combine(string filter, string expected)
    {
        var (a, ids) = await ArrangeAsync();
        var client = await factory.SignedInAsync("admin");

        var (listed, total) = await ListAsync(client, $"{a.Search}&{filter}");

        Assert.Equal(Expected(ids, expected), listed.Order());
        Assert.Equal(listed.Count, total);
    }

    [Fact]
    public async Task A_class_filter_keeps_to_the_viewers_scope()
    {
        var a = new ClassArrange(factory);
        var own = await a.CustomerAsync("rep.sz1", Classes(AbcClass.A));
        await a.CustomerAsync("rep.sz2", Classes(AbcClass.A));

        var (listed, total) = await ListAsync(await factory.SignedInAsync("rep.sz1"), $"{a.Search}&abc=A");

        Assert.Equal([own], listed);
        Assert.Equal(1, total);
    }

    [Fact]
    public async Task The_list_by_predicted_value_ranks_the_highest_first_and_the_customers_without_one_last()
    {
        var (a, ids) = await ArrangeAsync();
        var client = await factory.SignedInAsync("admin");

        var (listed, _) = await ListAsync(client, $"{a.Search}&sort=predictedValue");

        Assert.Equal([ids["A-important"], ids["B"], ids["A-major"]], listed.Take(3));
        Assert.Equal(Expected(ids, "C,no-abc,never").OrderDescending(), listed.Skip(3));
    }

    [Fact]
    public async Task Every_page_by_predicted_value_holds_the_rows_the_whole_list_has_there_in_both_directions()
    {
        var (a, _) = await ArrangeAsync();
        var client = await factory.SignedInAsync("admin");
        foreach (var direction in new[] { "", "&direction=Asc" })
        {
            var (whole, total) = await ListAsync(client, $"{a.Search}&sort=predictedValue{direction}");
            for (var page = 1; page <= 3; page++)
            {
                var (rows, _) = await ListAsync(client, $"{a.Search}&sort=predictedValue{direction}&pageSize=2&page={page}&knownTotal={total}");
                Assert.Equal(whole.Skip((page - 1) * 2).Take(2), rows);
            }
        }
    }

    [Fact]
    public async Task A_listed_customer_carries_its_classes_and_predicted_value()
    {
        var (a, ids) = await ArrangeAsync();
        var body = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("admin"), $"/api/v1/customers?{a.Search}&abc=A&pyramid=Important"));

        var item = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(ids["A-important"], item.GetProperty("id").GetInt32());
        Assert.Equal("A", item.GetProperty("abc").GetString());
        Assert.Equal("Important", item.GetProperty("pyramid").GetString());
        Assert.Equal(900_000, item.GetProperty("predictedValueFen").GetInt64());
    }

    [Theory]
    [InlineData("abc=D", "abc")]
    [InlineData("abc=7", "abc")]
    [InlineData("pyramid=Huge", "pyramid")]
    [InlineData("keyAccount=VIP", "keyAccount")]
    [InlineData("rfmR=6", "rfmR")]
    [InlineData("rfmF=0", "rfmF")]
    [InlineData("rfmM=x", "rfmM")]
    [InlineData("quadrant=Star", "quadrant")]
    [InlineData("unclassified=maybe", "unclassified")]
    [InlineData("segment=0", "segment")]
    [InlineData("segment=2147483000", "segment")]
    [InlineData("sort=predicted", "sort")]
    public async Task A_bad_class_filter_answers_400_naming_the_field(string query, string field)
    {
        var response = await CrmApi.GetAsync(await factory.SignedInAsync("admin"), "/api/v1/customers?" + query);

        await CrmApi.FieldErrorAsync(response, field);
    }

    [Fact]
    public async Task The_export_writes_the_rows_the_class_filtered_list_shows_in_its_order()
    {
        var (a, ids) = await ArrangeAsync();
        var viewer = await factory.ViewerAsync("mgr.south");
        await using var scope = factory.Services.CreateAsyncScope();
        var filter = new CustomerListQuery { Search = a.Marker, KeyAccount = KeyAccountTier.Ordinary, Sort = "predictedValue", PageSize = 200 };
        var listed = (await scope.ServiceProvider.GetRequiredService<CustomerQueries>().ListAsync(viewer, filter, CancellationToken.None)).Items.Select(c => c.Id).ToList();

        var exported = new List<int>();
        await foreach (var batch in scope.ServiceProvider.GetRequiredService<CustomerExportRows>().BatchesAsync(viewer, filter, batchSize: 1))
            exported.AddRange(batch.Select(c => c.Id));

        Assert.Equal([ids["B"], ids["C"]], listed);
        Assert.Equal(listed, exported);
    }

    [Fact]
    public async Task An_export_with_a_bad_class_filter_answers_400_naming_it()
    {
        var response = await CrmApi.PostAsync(await factory.SignedInAsync("admin"), "/api/v1/customers/exports",
            new { format = "Csv", abc = "A", rfmR = 9 });

        await CrmApi.FieldErrorAsync(response, "rfmR");
    }

    private static List<int> Expected(Dictionary<string, int> ids, string names) =>
        names.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => ids[n]).Order().ToList();

    private static async Task<(List<int> Ids, int Total)> ListAsync(HttpClient client, string query)
    {
        var size = query.Contains("pageSize=", StringComparison.Ordinal) ? "" : "pageSize=200&";
        var body = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, "/api/v1/customers?" + size + query));
        return (body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList(), body.GetProperty("total").GetInt32());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCustomerClassFilterTests(SqliteCrmWebFactory factory) : CustomerClassFilterTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCustomerClassFilterTests(PostgresCrmWebFactory factory) : CustomerClassFilterTests(factory);
