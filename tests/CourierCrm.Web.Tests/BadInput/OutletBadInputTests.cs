using System.Net;
using System.Text.Json.Nodes;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.BadInput;

/// <summary>Bad outlet bodies (as admin): a 4xx ProblemDetails naming the field, and no outlet saved.</summary>
public abstract class OutletBadInputTests(CrmWebFactory factory)
{
    public static TheoryData<string, string> BrokenFields => new()
    {
        { """{"code": "有 空格"}""", "code" },
        { """{"code": ""}""", "code" },
        { """{"name": ""}""", "name" },
        { """{"name": "@LONG"}""", "name" },
        { """{"regionId": 0}""", "regionId" },
        { """{"regionId": 999999}""", "regionId" },
        { """{"regionId": "south"}""", "regionId" },
        { """{"phone": "abc"}""", "phone" },
        { """{"isActive": "yes"}""", "isActive" },
        { """{"customerCount": 5}""", "customerCount" },
        { """{"id": 1}""", "id" },
    };

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public async Task Create_with_a_bad_field_answers_400_naming_it_and_saves_no_outlet(string change, string field)
    {
        var body = new JsonObject
        {
            ["code"] = "BI-" + Guid.NewGuid().ToString("N")[..6], ["name"] = "坏输入网点", ["regionId"] = factory.Demo.RegionId("SOUTH"),
            ["phone"] = "0755-86001234",
        };
        foreach (var (key, value) in JsonNode.Parse(change.Replace("@LONG", new string('长', 201), StringComparison.Ordinal))!.AsObject().ToList())
            body[key] = value?.DeepClone();
        var admin = await factory.SignedInAsync("admin");
        var before = await OutletCountAsync();

        var response = await CrmApi.PostAsync(admin, "/api/v1/outlets", body);

        await CrmApi.FieldErrorAsync(response, field);
        Assert.Equal(before, await OutletCountAsync());
    }

    [Fact]
    public async Task Outlet_code_already_used_answers_409_naming_code()
    {
        var admin = await factory.SignedInAsync("admin");

        var response = await CrmApi.PostAsync(admin, "/api/v1/outlets", new JsonObject { ["code"] = "SZ-NS", ["name"] = "重复", ["regionId"] = factory.Demo.RegionId("SOUTH") });

        await CrmApi.FieldErrorAsync(response, "code", HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Updating_an_outlet_that_does_not_exist_answers_404_problem()
    {
        var admin = await factory.SignedInAsync("admin");

        var response = await CrmApi.PutAsync(admin, "/api/v1/outlets/987654", new JsonObject { ["code"] = "NONE-1", ["name"] = "无", ["regionId"] = factory.Demo.RegionId("SOUTH") });

        await CrmApi.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    private async Task<int> OutletCountAsync()
    {
        await using var db = factory.NewDb();
        return await db.Outlets.CountAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteOutletBadInputTests(SqliteCrmWebFactory factory) : OutletBadInputTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresOutletBadInputTests(PostgresCrmWebFactory factory) : OutletBadInputTests(factory);
