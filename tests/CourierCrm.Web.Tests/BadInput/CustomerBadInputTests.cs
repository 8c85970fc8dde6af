using System.Net;
using System.Text.Json.Nodes;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.BadInput;

/// <summary>
/// Bad customer bodies and routes (as admin, who may do everything): a 4xx ProblemDetails naming
/// the field, and nothing saved.
/// </summary>
public abstract class CustomerBadInputTests(CrmWebFactory factory)
{
    public static TheoryData<string, string> BrokenFields => new()
    {
        { """{"name": "@LONG"}""", "name" },
        { """{"name": ""}""", "name" },
        { """{"name": "   "}""", "name" },
        { """{"name": null}""", "name" },
        { """{"registeredCapital": "abc"}""", "registeredCapital" },
        { """{"registeredCapital": -5}""", "registeredCapital" },
        { """{"billingDay": 32}""", "billingDay" },
        { """{"billingDay": "first"}""", "billingDay" },
        { """{"marketType": "Spaceship"}""", "marketType" },
        { """{"marketType": 99}""", "marketType" },
        { """{"phone": "12345"}""", "phone" },
        { """{"phone": "<b>13800138000</b>"}""", "phone" },
        { """{"email": "not-an-email"}""", "email" },
        { """{"postalCode": "51805"}""", "postalCode" },
        { """{"birthday": "2999-01-01"}""", "birthday" },
        { """{"birthday": "yesterday"}""", "birthday" },
        { """{"contacts": [{"name": "张三", "phone": "0755-1"}]}""", "contacts[0].phone" },
        { """{"contacts": [{"name": "", "phone": "13800138000"}]}""", "contacts[0].name" },
        { """{"contacts": [{"name": "@PERSONLONG"}]}""", "contacts[0].name" },
        { """{"contacts": [{"name": "张三"}, {"name": "李四", "birthday": "2999-12-31"}]}""", "contacts[1].birthday" },
        { "{\"contacts\": [" + string.Join(",", Enumerable.Repeat("""{"name": "张三"}""", 51)) + "]}", "contacts" },
        { """{"contacts": [{"name": "张三", "role": "Boss"}]}""", "contacts[0].role" },
        { """{"addresses": [{"province": "广东省", "city": "深圳市", "street": ""}]}""", "addresses[0].street" },
        { """{"tags": ["@TAGLONG"]}""", "tags[0]" },
        { """{"code": "@CODELONG"}""", "code" },
        { """{"ownerId": 1}""", "ownerId" },
        { """{"outletId": 1}""", "outletId" },
        { """{"regionId": 1}""", "regionId" },
        { """{"id": 1}""", "id" },
        { """{"createdAt": "2020-01-01T00:00:00Z"}""", "createdAt" },
    };

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public async Task Create_with_a_bad_field_answers_400_naming_it_and_saves_nothing(string change, string field)
    {
        var body = Merge(new CustomerInputBuilder().ToJson(), change);
        var admin = await factory.SignedInAsync("admin");
        var before = await CountsAsync();

        var response = await CrmApi.PostAsync(admin, "/api/v1/customers", body);

        await CrmApi.FieldErrorAsync(response, field);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public async Task Update_with_a_bad_field_answers_400_naming_it_and_changes_nothing(string change, string field)
    {
        var builder = new CustomerInputBuilder();
        var id = await Arrange.CustomerAsync(factory, "rep.sz1", builder);
        var snapshot = await Arrange.CustomerSnapshotAsync(factory, id);
        var admin = await factory.SignedInAsync("admin");

        var response = await CrmApi.PutAsync(admin, $"/api/v1/customers/{id}", Merge(builder.ToJson(), change));

        await CrmApi.FieldErrorAsync(response, field);
        Assert.Equal(snapshot, await Arrange.CustomerSnapshotAsync(factory, id));
    }

    [Fact]
    public async Task Every_bad_field_of_one_request_is_named_at_once()
    {
        var body = Merge(new CustomerInputBuilder().ToJson(), """{"name": "", "phone": "12", "contacts": [{"name": "李四", "phone": "0"}], "billingDay": 40}""");
        var admin = await factory.SignedInAsync("admin");

        var response = await CrmApi.PostAsync(admin, "/api/v1/customers", body);

        var problem = await CrmApi.ProblemAsync(response, HttpStatusCode.BadRequest);
        var named = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Superset(new HashSet<string> { "name", "phone", "contacts[0].phone", "billingDay" }, named.ToHashSet());
    }

    public static TheoryData<string, string> MalformedIdRoutes => new()
    {
        { "GET", "/api/v1/customers/abc" },
        { "PUT", "/api/v1/customers/abc" },
        { "POST", "/api/v1/customers/1.5/transfer" },
        { "POST", "/api/v1/customers/abc/reveal" },
        { "GET", "/api/v1/customers/99999999999/timeline" },
        { "POST", "/api/v1/customers/%3Cscript%3E/notes" },
        { "GET", "/api/v1/outlets/abc" },
        { "PUT", "/api/v1/outlets/abc" },
    };

    [Theory]
    [MemberData(nameof(MalformedIdRoutes))]
    public async Task Malformed_id_in_the_route_answers_400_naming_id(string method, string path)
    {
        var admin = await factory.SignedInAsync("admin");
        object? body = method == "GET" ? null : path.Contains("/outlets/") ? """{"code":"X1","name":"x","regionId":1}""" : path.EndsWith("/transfer") ? """{"newOwnerId":1}""" : path.EndsWith("/notes") ? """{"text":"x"}""" : method == "PUT" ? new CustomerInputBuilder().ToJson() : null;

        var response = await CrmApi.SendAsync(admin, new HttpMethod(method), path, body);

        await CrmApi.FieldErrorAsync(response, "id");
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"name\": \"未闭合\"")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"just a string\"")]
    public async Task Body_that_is_not_a_customer_object_answers_400_problem(string raw)
    {
        var admin = await factory.SignedInAsync("admin");
        var before = await CountsAsync();

        var response = await CrmApi.PostAsync(admin, "/api/v1/customers", raw);

        await CrmApi.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Missing_body_answers_400_problem()
    {
        var admin = await factory.SignedInAsync("admin");

        var response = await admin.PostAsync("/api/v1/customers", new StringContent("", System.Text.Encoding.UTF8, "application/json"));

        await CrmApi.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Body_sent_as_plain_text_answers_415_problem()
    {
        var admin = await factory.SignedInAsync("admin");

        var response = await admin.PostAsync("/api/v1/customers", new StringContent(new CustomerInputBuilder().ToJson().ToJsonString(), System.Text.Encoding.UTF8, "text/plain"));

        await CrmApi.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Script_in_a_name_is_stored_and_returned_verbatim_as_JSON_text()
    {
        var builder = new CustomerInputBuilder();
        var name = $"<script>alert(1)</script><b>粗体</b>&amp;{builder.Unique}";
        var admin = await factory.SignedInAsync("admin");

        var created = await CrmApi.OkAsync<CustomerDetail>(await CrmApi.PostAsync(admin, "/api/v1/customers", builder.Named(name).ToJson()));
        var fetched = await CrmApi.OkAsync<CustomerDetail>(await CrmApi.GetAsync(admin, $"/api/v1/customers/{created.Id}"));

        Assert.Equal(name, created.Name);
        Assert.Equal(name, fetched.Name);
        await using var db = factory.NewDb();
        Assert.Equal(name, await db.Customers.Where(c => c.Id == created.Id).Select(c => c.Name).SingleAsync());
    }

    [Fact]
    public async Task Formula_in_a_name_is_exported_as_text()
    {
        var builder = new CustomerInputBuilder();
        builder.Named($"=HYPERLINK(\"http://evil.example/\",\"点我\"){builder.Unique}");
        await Arrange.CustomerAsync(factory, "rep.sz1", builder);
        var admin = await factory.SignedInAsync("admin");

        var response = await admin.GetAsync("/api/v1/customers/export?search=" + builder.Build().Code);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = System.Text.Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example/\"\"", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
    }

    [Fact]
    public async Task Duplicate_code_answers_409_naming_code_and_saves_nothing()
    {
        var first = new CustomerInputBuilder();
        await Arrange.CustomerAsync(factory, "rep.sz1", first);
        var admin = await factory.SignedInAsync("admin");
        var before = await CountsAsync();

        var response = await CrmApi.PostAsync(admin, "/api/v1/customers", new CustomerInputBuilder().WithCode(first.Build().Code).ToJson());

        await CrmApi.FieldErrorAsync(response, "code", HttpStatusCode.Conflict);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Unknown_sort_field_answers_400_naming_sort()
    {
        var admin = await factory.SignedInAsync("admin");

        var response = await CrmApi.GetAsync(admin, "/api/v1/customers?sort=password");

        await CrmApi.FieldErrorAsync(response, "sort");
    }

    [Theory]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=1e9", "pageSize")]
    [InlineData("marketType=Spaceship", "marketType")]
    [InlineData("outletId=north", "outletId")]
    public async Task Malformed_list_filter_answers_400_naming_it(string query, string field)
    {
        var admin = await factory.SignedInAsync("admin");

        var response = await CrmApi.GetAsync(admin, "/api/v1/customers?" + query);

        await CrmApi.FieldErrorAsync(response, field);
    }

    /// <summary>Customers, contacts, addresses, events and audit rows: a refused request must add to none of them.</summary>
    private async Task<(int, int, int, int, long)> CountsAsync()
    {
        await using var db = factory.NewDb();
        return (await db.Customers.CountAsync(), await db.Contacts.CountAsync(), await db.CustomerAddresses.CountAsync(),
            await db.CustomerEvents.CountAsync(), await db.AuditEntries.LongCountAsync(e => e.EntityType == "Customer"));
    }

    /// <summary>A valid body with the test's fields laid over it; @LONG and friends stand for over-long values.</summary>
    private static JsonObject Merge(JsonObject body, string change)
    {
        var patch = JsonNode.Parse(change
            .Replace("@LONG", new string('长', 201), StringComparison.Ordinal)
            .Replace("@PERSONLONG", new string('名', 51), StringComparison.Ordinal)
            .Replace("@TAGLONG", new string('签', 31), StringComparison.Ordinal)
            .Replace("@CODELONG", new string('C', 33), StringComparison.Ordinal))!.AsObject();
        foreach (var (key, value) in patch.ToList())
        {
            patch.Remove(key);
            body[key] = value;
        }
        return body;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCustomerBadInputTests(SqliteCrmWebFactory factory) : CustomerBadInputTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCustomerBadInputTests(PostgresCrmWebFactory factory) : CustomerBadInputTests(factory);
