using System.Globalization;
using System.Text.Json.Nodes;

namespace CourierCrm.Web.Tests.Shipments;

/// <summary>
/// A valid pushed waybill as the operations system's JSON, with a unique number, changed only
/// where a test says so; <see cref="Batch"/> wraps items in the push body.
/// </summary>
public sealed class WaybillJson
{
    private static long _counter = Random.Shared.NextInt64(100_000_000, 900_000_000);

    private readonly JsonObject _json;

    public WaybillJson(string? customerCode = null)
    {
        Number = "TW" + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
        _json = new JsonObject
        {
            ["number"] = Number,
            ["customerCode"] = customerCode,
            ["product"] = "Standard",
            ["senderName"] = "张三丰",
            ["senderPhone"] = "13812345678",
            ["senderAddress"] = "广东省深圳市南山区科技园路12号3栋502",
            ["receiverName"] = "李四",
            ["receiverPhone"] = "13987654321",
            ["receiverAddress"] = "上海市浦东新区世纪大道100号",
            ["originCity"] = "深圳",
            ["destinationCity"] = "上海",
            ["pieces"] = 1,
            ["weightKg"] = 1.25m,
            ["freight"] = 18.5m,
            ["insured"] = false,
            ["payer"] = "MonthlyAccount",
            ["status"] = "Ordered",
            ["orderedAt"] = "2026-10-01T09:30:00+08:00",
            ["pickupOutletCode"] = "SZ-NS",
        };
    }

    public string Number { get; }

    public WaybillJson Set(string field, JsonNode? value) { _json[field] = value; return this; }

    public WaybillJson Without(string field) { _json.Remove(field); return this; }

    public JsonObject Build() => (JsonObject)_json.DeepClone();

    public static JsonObject Batch(params WaybillJson[] items) => Batch(items.Select(i => i.Build()));

    public static JsonObject Batch(IEnumerable<JsonObject> items) => new() { ["waybills"] = new JsonArray(items.Cast<JsonNode>().ToArray()) };

    public static JsonObject Events(params (string At, string Place, string Description, string? Status)[] events) => new()
    {
        ["events"] = new JsonArray(events.Select(e => (JsonNode)new JsonObject
        {
            ["at"] = e.At, ["place"] = e.Place, ["description"] = e.Description, ["status"] = e.Status,
        }).ToArray()),
    };
}
