using System.Text.Json.Nodes;
using CourierCrm.Web.Data;
using CourierCrm.Web.Incidents;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Tests.Infrastructure;
using CourierCrm.Web.Tests.Shipments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CourierCrm.Web.Tests.Incidents;

/// <summary>Waybills, request bodies and services on a test clock for the incident tests.</summary>
public static class IncidentArrange
{
    /// <summary>A waybill of a fresh customer of rep.sz1 (outlet SZ-NS), insured for ¥5,000, freight ¥18.50; pushed by the administrator.</summary>
    public static async Task<(string Number, int CustomerId)> WaybillAsync(CrmWebFactory factory, string pickupOutlet = "SZ-NS", string owner = "rep.sz1")
    {
        var customerId = await Arrange.CustomerAsync(factory, owner, new CustomerInputBuilder());
        await using var db = factory.NewDb();
        var code = await db.Customers.Where(c => c.Id == customerId).Select(c => c.Code).SingleAsync();
        var waybill = new WaybillJson(code).Set("insured", true).Set("declaredValue", 5000m).Set("insuranceFee", 25m).Set("pickupOutletCode", pickupOutlet);
        var admin = await factory.SignedInAsync("admin");
        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, "/api/v1/waybills", WaybillJson.Batch(waybill)));
        return (waybill.Number, customerId);
    }

    public static JsonObject Record(string waybillNumber, string kind = "Damage", decimal expectedLoss = 500m) => new()
    {
        ["waybillNumber"] = waybillNumber,
        ["kind"] = kind,
        ["expectedLoss"] = expectedLoss,
        ["responsibility"] = "Internal",
        ["description"] = "外包装破损,内件受损 / Box crushed, contents damaged",
        ["occurredAt"] = "2026-10-02T10:00:00+08:00",
    };

    public static JsonObject Update(int version, string kind = "Damage", decimal expectedLoss = 500m) => new()
    {
        ["version"] = version,
        ["kind"] = kind,
        ["expectedLoss"] = expectedLoss,
        ["responsibility"] = "Internal",
        ["handling"] = "CompensationPerContract",
        ["description"] = "外包装破损 / Box crushed",
        ["occurredAt"] = "2026-10-02T10:00:00+08:00",
    };

    public static async Task<JsonObject> RecordedAsync(CrmWebFactory factory, string user, JsonObject body)
    {
        var client = await factory.SignedInAsync(user);
        return JsonNode.Parse((await CrmApi.OkJsonAsync(await CrmApi.PostAsync(client, "/api/v1/incidents", body))).GetRawText())!.AsObject();
    }

    /// <summary>Recording on a given clock and settings, the way the endpoints do it.</summary>
    public static IncidentRecording RecordingOn(CrmWebFactory factory, TimeProvider clock, IncidentOptions? options = null)
    {
        options ??= new IncidentOptions();
        return new IncidentRecording(factory.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>(),
            factory.Services.GetRequiredService<AuditLog>(), clock, new IncidentReporting(options), options);
    }

    public static IncidentReportAlerts AlertsOn(CrmWebFactory factory, TimeProvider clock) =>
        new(factory.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>(), clock, NullLogger<IncidentReportAlerts>.Instance);
}

/// <summary>A clock a test sets and moves.</summary>
public sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
