using System.Net;
using System.Text.Json;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Shipments;

/// <summary>POST /api/v1/waybills: batches up to 1,000, idempotent by number, all or nothing, unknown customers kept.</summary>
public abstract class WaybillPushTests(CrmWebFactory factory)
{
    private async Task<int> CountAsync(params string[] numbers)
    {
        await using var db = factory.NewDb();
        return await db.Waybills.CountAsync(w => numbers.Contains(w.Number));
    }

    [Fact]
    public async Task A_batch_creates_its_waybills_and_sending_it_again_updates_without_duplicates()
    {
        var customer = new CustomerInputBuilder();
        var customerId = await Arrange.CustomerAsync(factory, "rep.sz1", customer);
        var a = new WaybillJson(customer.Build().Code);
        var b = new WaybillJson(customer.Build().Code);
        var admin = await factory.SignedInAsync("admin");

        var first = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, "/api/v1/waybills", WaybillJson.Batch(a, b)));
        Assert.Equal(2, first.GetProperty("created").GetInt32());
        Assert.Equal(0, first.GetProperty("updated").GetInt32());
        Assert.Equal(0, first.GetProperty("unmatched").GetInt32());

        a.Set("freight", 99.9m).Set("status", "Delivered").Set("deliveredAt", "2026-10-03T15:00:00+08:00");
        var again = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, "/api/v1/waybills", WaybillJson.Batch(a, b)));
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(2, again.GetProperty("updated").GetInt32());

        Assert.Equal(2, await CountAsync(a.Number, b.Number));
        var detail = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(admin, $"/api/v1/waybills/{a.Number}"));
        Assert.Equal(99.9m, detail.GetProperty("summary").GetProperty("freight").GetDecimal());
        Assert.Equal("Delivered", detail.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(customerId, detail.GetProperty("summary").GetProperty("customerId").GetInt32());
    }

    [Fact]
    public async Task An_invalid_item_answers_400_naming_its_field_and_saves_nothing()
    {
        var good = new WaybillJson();
        var bad = new WaybillJson().Set("freight", -1m);
        var admin = await factory.SignedInAsync("admin");

        var response = await CrmApi.PostAsync(admin, "/api/v1/waybills", WaybillJson.Batch(good, new WaybillJson(), bad));

        await CrmApi.FieldErrorAsync(response, "waybills[2].freight");
        Assert.Equal(0, await CountAsync(good.Number, bad.Number));
    }

    [Theory]
    [InlineData("declaredValue", "insured")]
    [InlineData("senderName", null)]
    [InlineData("orderedAt", null)]
    [InlineData("deliveredAt", "early")]
    public async Task Rules_of_each_item_are_checked(string field, string? setup)
    {
        var item = new WaybillJson();
        switch (setup)
        {
            case "insured": item.Set("insured", true); break;
            case "early": item.Set("deliveredAt", "2026-09-01T09:30:00+08:00"); break;
            default: item.Without(field); break;
        }
        var admin = await factory.SignedInAsync("admin");

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(admin, "/api/v1/waybills", WaybillJson.Batch(item)), $"waybills[0].{field}");
    }

    [Fact]
    public async Task An_unknown_enum_value_is_named_by_its_path()
    {
        var admin = await factory.SignedInAsync("admin");
        var item = new WaybillJson().Set("product", "Teleport");

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(admin, "/api/v1/waybills", WaybillJson.Batch(item)), "waybills[0].product");
    }

    [Fact]
    public async Task More_than_1000_items_answers_400_and_saves_nothing()
    {
        var items = Enumerable.Range(0, 1001).Select(_ => new WaybillJson()).ToList();
        var admin = await factory.SignedInAsync("admin");

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(admin, "/api/v1/waybills", WaybillJson.Batch(items.Select(i => i.Build()))), "waybills");
        Assert.Equal(0, await CountAsync(items[0].Number, items[1000].Number));
    }

    [Fact]
    public async Task A_full_batch_of_1000_is_saved()
    {
        var items = Enumerable.Range(0, 1000).Select(_ => new WaybillJson()).ToList();
        var admin = await factory.SignedInAsync("admin");

        var counts = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, "/api/v1/waybills", WaybillJson.Batch(items.Select(i => i.Build()))));

        Assert.Equal(1000, counts.GetProperty("created").GetInt32());
        Assert.Equal(1000, await CountAsync(items.Select(i => i.Number).ToArray()));
    }

    [Fact]
    public async Task An_unknown_customer_is_kept_unmatched_and_listed_for_matching()
    {
        var item = new WaybillJson("NO-SUCH-CUSTOMER");
        var admin = await factory.SignedInAsync("admin");

        var counts = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, "/api/v1/waybills", WaybillJson.Batch(item)));
        Assert.Equal(1, counts.GetProperty("unmatched").GetInt32());

        var list = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(admin, $"/api/v1/waybills?unmatched=true&number={item.Number}"));
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(item.Number, row.GetProperty("number").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("customerId").ValueKind);
        Assert.Equal("NO-SUCH-CUSTOMER", row.GetProperty("sentCustomerCode").GetString());
    }

    [Fact]
    public async Task A_customer_is_matched_by_monthly_account_number_when_no_code_is_sent()
    {
        var account = "MA" + Guid.NewGuid().ToString("N")[..10];
        var customerId = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder().With(c => c.MonthlyAccountNo = account));
        var item = new WaybillJson().Set("monthlyAccountNo", account);
        var admin = await factory.SignedInAsync("admin");

        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, "/api/v1/waybills", WaybillJson.Batch(item)));

        var detail = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(admin, $"/api/v1/waybills/{item.Number}"));
        Assert.Equal(customerId, detail.GetProperty("summary").GetProperty("customerId").GetInt32());
    }

    [Fact]
    public async Task An_analyst_cannot_push_and_an_anonymous_caller_is_refused()
    {
        var analyst = await factory.SignedInAsync("analyst");
        await CrmApi.ProblemAsync(await CrmApi.PostAsync(analyst, "/api/v1/waybills", WaybillJson.Batch(new WaybillJson())), HttpStatusCode.Forbidden);

        var anonymous = await CrmApi.PostAsync(factory.Anonymous(), "/api/v1/waybills", WaybillJson.Batch(new WaybillJson()));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_api_token_may_push()
    {
        var token = await ApiTokens.IssueAsync(factory, ApiTokens.OutletToken(
            "运营系统" + Guid.NewGuid().ToString("N")[..6], CourierCrm.Domain.Organisation.StaffRole.Manager, factory.Demo.OutletId("SZ-NS")));
        using var client = ApiTokens.ClientWith(factory, token.Token);
        var item = new WaybillJson();

        var counts = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(client, "/api/v1/waybills", WaybillJson.Batch(item)));

        Assert.Equal(1, counts.GetProperty("created").GetInt32());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteWaybillPushTests(SqliteCrmWebFactory factory) : WaybillPushTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresWaybillPushTests(PostgresCrmWebFactory factory) : WaybillPushTests(factory);
