using System.Text.Json.Nodes;

namespace CourierCrm.Web.Tests.Complaints;

/// <summary>Builders for complaint request bodies: a valid complaint or step, changed field by field.</summary>
public static class ComplaintJson
{
    public static JsonObject Record(int? customerId, string category = "Delay") => new()
    {
        ["customerId"] = customerId,
        ["channel"] = "Hotline",
        ["category"] = category,
        ["description"] = "快件延误三天未送达 / Parcel three days late",
        ["demand"] = "退运费 / Refund the freight",
        ["waybillNumbers"] = new JsonArray("SF1000000001"),
    };

    public static JsonObject Step(string action, int version, params (string Field, JsonNode? Value)[] data)
    {
        var step = new JsonObject { ["action"] = action, ["version"] = version };
        foreach (var (field, value) in data) step[field] = value;
        return step;
    }
}
