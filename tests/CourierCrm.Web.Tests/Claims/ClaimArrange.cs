using System.Text.Json;
using System.Text.Json.Nodes;
using CourierCrm.Domain.Incidents;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Claims;

/// <summary>
/// An incident on a new customer of rep.sz1 (outlet SZ-NS, region SOUTH), written straight into the database so the
/// claim tests do not depend on how incidents are recorded: open, uninsured, damage, ¥20 freight, recorded now.
/// </summary>
public sealed class IncidentBuilder
{
    private IncidentStatus _status = IncidentStatus.Open;
    private bool _insured;
    private decimal _declared;
    private decimal _freight = 20m;
    private IncidentResponsibility _responsibility = IncidentResponsibility.Internal;
    private int _occurredDaysAgo;
    private int _recordedDaysAgo;
    private CustomerInputBuilder _customer = new();

    public IncidentBuilder Insured(decimal declaredValue) { (_insured, _declared) = (true, declaredValue); return this; }
    public IncidentBuilder Uninsured(decimal freight) { (_insured, _declared, _freight) = (false, 0, freight); return this; }
    public IncidentBuilder Status(IncidentStatus status) { _status = status; return this; }
    public IncidentBuilder ThirdParty() { _responsibility = IncidentResponsibility.ThirdParty; return this; }
    public IncidentBuilder OccurredDaysAgo(int days) { _occurredDaysAgo = days; return this; }
    public IncidentBuilder RecordedDaysAgo(int days) { _recordedDaysAgo = days; return this; }
    public IncidentBuilder For(CustomerInputBuilder customer) { _customer = customer; return this; }

    public async Task<int> SaveAsync(CrmWebFactory factory)
    {
        var customerId = await Arrange.CustomerAsync(factory, "rep.sz1", _customer);
        await using var db = factory.NewDb();
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId);
        var now = DateTimeOffset.UtcNow;
        var incident = new ServiceIncident
        {
            Number = "SG-T" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
            WaybillNumber = "TW" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
            CustomerId = customerId, Source = IncidentSource.Waybill, Kind = IncidentKind.Damage, Status = _status,
            Insured = _insured, DeclaredValueFen = (long)(_declared * 100), FreightFen = (long)(_freight * 100),
            ExpectedLossFen = 50_000, Grade = IncidentGrade.Ordinary, Responsibility = _responsibility,
            ThirdPartyName = _responsibility == IncidentResponsibility.ThirdParty ? "某航空货运 / Air cargo partner" : null,
            Description = "外包装破损 / Outer box crushed",
            OccurredAt = now.AddDays(-_occurredDaysAgo), RecordedAt = now.AddDays(-_recordedDaysAgo), UpdatedAt = now, Version = 1,
            OwnerId = customer.OwnerId, OutletId = customer.OutletId, RegionId = customer.RegionId,
        };
        db.ServiceIncidents.Add(incident);
        await db.SaveChangesAsync();
        return incident.Id;
    }
}

internal static class ClaimArrange
{
    public static JsonObject Filing(decimal claimed, decimal actualLoss) => new() { ["claimedAmount"] = claimed, ["actualLoss"] = actualLoss };

    public static Task<HttpResponseMessage> FileAsync(HttpClient client, int incidentId, JsonObject body) =>
        CrmApi.PostAsync(client, $"/api/v1/incidents/{incidentId}/claims", body);

    /// <summary>Files a claim as cs.sz (the desk) and answers its id.</summary>
    public static async Task<int> FiledAsync(CrmWebFactory factory, int incidentId, decimal claimed, decimal actualLoss, string filer = "cs.sz")
    {
        var client = await factory.SignedInAsync(filer);
        return (await CrmApi.OkJsonAsync(await FileAsync(client, incidentId, Filing(claimed, actualLoss)))).GetProperty("id").GetInt32();
    }

    public static async Task<JsonElement> DetailAsync(HttpClient client, int claimId) =>
        await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, $"/api/v1/claims/{claimId}"));

    /// <summary>Posts an action with the claim's current version (read as the same client) and the other fields given.</summary>
    public static async Task<HttpResponseMessage> ActAsync(HttpClient client, int claimId, string action, params (string Field, JsonNode? Value)[] fields)
    {
        var body = new JsonObject { ["version"] = (await DetailAsync(client, claimId)).GetProperty("version").GetInt32() };
        foreach (var (field, value) in fields) body[field] = value;
        return await CrmApi.PostAsync(client, $"/api/v1/claims/{claimId}/{action}", body);
    }

    public static string Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Web.Platform.Localization.CompanyTime.Zone).DateTime).ToString("yyyy-MM-dd");

    /// <summary>A claim of ¥300 on an uninsured parcel with ¥200 freight (rule amount ¥300), approved in full by mgr.south.</summary>
    public static async Task<int> ApprovedAsync(CrmWebFactory factory, IncidentBuilder? incident = null)
    {
        var incidentId = await (incident ?? new IncidentBuilder().Uninsured(200m)).SaveAsync(factory);
        var claimId = await FiledAsync(factory, incidentId, 300m, 300m);
        await CrmApi.OkJsonAsync(await ActAsync(await factory.SignedInAsync("mgr.south"), claimId, "approve", ("amount", 300m)));
        return claimId;
    }
}
