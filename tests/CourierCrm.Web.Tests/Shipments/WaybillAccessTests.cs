using System.Net;
using CourierCrm.Domain.Audit;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Shipments;

/// <summary>Waybills follow their customer's data scope and masking; events and matching change them as audited work.</summary>
public abstract class WaybillAccessTests(CrmWebFactory factory)
{
    /// <summary>A customer made by <paramref name="owner"/> with one pushed waybill; returns the customer id and the waybill.</summary>
    private async Task<(int CustomerId, WaybillJson Waybill)> WaybillOfAsync(string owner)
    {
        var customer = new CustomerInputBuilder();
        var id = await Arrange.CustomerAsync(factory, owner, customer);
        var waybill = new WaybillJson(customer.Build().Code);
        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(await factory.SignedInAsync("admin"), "/api/v1/waybills", WaybillJson.Batch(waybill)));
        return (id, waybill);
    }

    [Fact]
    public async Task A_rep_cannot_read_a_waybill_of_another_reps_customer_and_lists_only_their_own()
    {
        var (mine, ownWaybill) = await WaybillOfAsync("rep.sz1");
        var (_, theirs) = await WaybillOfAsync("rep.sz2");
        var rep = await factory.SignedInAsync("rep.sz1");

        await CrmApi.ProblemAsync(await CrmApi.GetAsync(rep, $"/api/v1/waybills/{theirs.Number}"), HttpStatusCode.NotFound);
        await CrmApi.OkJsonAsync(await CrmApi.GetAsync(rep, $"/api/v1/waybills/{ownWaybill.Number}"));

        // Other tests add waybills of rep.sz1's customers in later years, so the newest 200 need not hold this
        // one: its customer's filtered list must, and the whole list must hold only the rep's own customers.
        var list = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(rep, "/api/v1/waybills?pageSize=200"));
        var customers = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("customerId").GetInt32()).Distinct().ToList();
        var ownCustomers = await OwnCustomerIdsAsync("rep.sz1");
        var ofMine = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(rep, $"/api/v1/waybills?customerId={mine}&pageSize=200"));
        Assert.Contains(ofMine.GetProperty("items").EnumerateArray(), i => i.GetProperty("number").GetString() == ownWaybill.Number);
        Assert.All(customers, c => Assert.Contains(c, ownCustomers));
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("number").GetString() == theirs.Number);
    }

    private async Task<HashSet<int>> OwnCustomerIdsAsync(string userName)
    {
        await using var db = factory.NewDb();
        var userId = factory.Demo.UserId(userName);
        return (await db.Customers.Where(c => c.OwnerId == userId).Select(c => c.Id).ToListAsync()).ToHashSet();
    }

    [Fact]
    public async Task Sender_phone_is_masked_for_a_customer_service_agent_and_clear_for_a_manager()
    {
        var (_, waybill) = await WaybillOfAsync("rep.sz1");

        var agent = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("cs.sz"), $"/api/v1/waybills/{waybill.Number}"));
        Assert.Equal("138******78", agent.GetProperty("summary").GetProperty("senderPhone").GetString());
        Assert.Equal("张*丰", agent.GetProperty("summary").GetProperty("senderName").GetString());
        Assert.DoesNotContain("12", agent.GetProperty("summary").GetProperty("senderAddress").GetString());

        var list = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("cs.sz"), $"/api/v1/waybills?number={waybill.Number}"));
        Assert.Equal("138******78", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("senderPhone").GetString());

        var manager = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("mgr.south"), $"/api/v1/waybills/{waybill.Number}"));
        Assert.Equal("13812345678", manager.GetProperty("summary").GetProperty("senderPhone").GetString());
    }

    [Fact]
    public async Task Events_are_appended_once_and_move_the_status()
    {
        var (_, waybill) = await WaybillOfAsync("rep.sz1");
        var admin = await factory.SignedInAsync("admin");
        var events = WaybillJson.Events(
            ("2026-10-01T12:00:00+08:00", "深圳南山网点", "快件已揽收", "PickedUp"),
            ("2026-10-02T08:00:00+08:00", "上海转运中心", "到达转运中心", "InTransit"),
            ("2026-10-02T09:00:00+08:00", "上海转运中心", "已称重", null));

        var first = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, $"/api/v1/waybills/{waybill.Number}/events", events));
        Assert.Equal(3, first.GetProperty("added").GetInt32());
        Assert.Equal("InTransit", first.GetProperty("status").GetString());

        var again = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, $"/api/v1/waybills/{waybill.Number}/events", events));
        Assert.Equal(0, again.GetProperty("added").GetInt32());
        Assert.Equal(3, again.GetProperty("skipped").GetInt32());

        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, $"/api/v1/waybills/{waybill.Number}/events",
            WaybillJson.Events(("2026-10-03T10:00:00+08:00", "上海浦东网点", "已签收", "Delivered"))));
        var detail = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(admin, $"/api/v1/waybills/{waybill.Number}"));
        Assert.Equal(4, detail.GetProperty("events").GetArrayLength());
        Assert.Equal("Delivered", detail.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-10-03T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            detail.GetProperty("summary").GetProperty("deliveredAt").GetDateTimeOffset());
        Assert.Equal(DateTimeOffset.Parse("2026-10-01T04:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            detail.GetProperty("pickedUpAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Events_for_an_unknown_or_out_of_scope_number_answer_404()
    {
        var (_, theirs) = await WaybillOfAsync("rep.sz2");
        var events = WaybillJson.Events(("2026-10-01T12:00:00+08:00", "深圳", "快件已揽收", "PickedUp"));

        await CrmApi.ProblemAsync(await CrmApi.PostAsync(await factory.SignedInAsync("admin"), "/api/v1/waybills/NO-SUCH-NUMBER/events", events), HttpStatusCode.NotFound);
        await CrmApi.ProblemAsync(await CrmApi.PostAsync(await factory.SignedInAsync("rep.sz1"), $"/api/v1/waybills/{theirs.Number}/events", events), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Matching_an_unmatched_waybill_sets_its_customer_with_an_audit_entry_and_a_timeline_event()
    {
        var customerId = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var waybill = new WaybillJson("UNKNOWN-" + Guid.NewGuid().ToString("N")[..6]);
        var admin = await factory.SignedInAsync("admin");
        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, "/api/v1/waybills", WaybillJson.Batch(waybill)));

        await CrmApi.OkJsonAsync(await CrmApi.PutAsync(admin, $"/api/v1/waybills/{waybill.Number}/customer", new { customerId }));

        var detail = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(admin, $"/api/v1/waybills/{waybill.Number}"));
        Assert.Equal(customerId, detail.GetProperty("summary").GetProperty("customerId").GetInt32());
        await using var db = factory.NewDb();
        var audit = await db.AuditEntries.Where(e => e.EntityType == "Waybill" && e.EntityId == waybill.Number).ToListAsync();
        Assert.Equal(AuditAction.Update, Assert.Single(audit).Action);
        Assert.True(await db.CustomerEvents.AnyAsync(e => e.CustomerId == customerId && e.Kind == "waybill-matched" && e.Detail == waybill.Number));
    }

    [Fact]
    public async Task Matching_needs_an_editing_role_and_a_customer_in_scope()
    {
        var theirs = await Arrange.CustomerAsync(factory, "rep.sz2", new CustomerInputBuilder());
        var waybill = new WaybillJson("UNKNOWN-" + Guid.NewGuid().ToString("N")[..6]);
        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(await factory.SignedInAsync("admin"), "/api/v1/waybills", WaybillJson.Batch(waybill)));

        await CrmApi.ProblemAsync(await CrmApi.PutAsync(await factory.SignedInAsync("analyst"), $"/api/v1/waybills/{waybill.Number}/customer", new { customerId = theirs }), HttpStatusCode.Forbidden);
        // cs.sz sees the unmatched waybill (its outlet picked it up) but not rep.sz2's customer in another outlet.
        await CrmApi.FieldErrorAsync(await CrmApi.PutAsync(await factory.SignedInAsync("cs.sz"), $"/api/v1/waybills/{waybill.Number}/customer", new { customerId = theirs }), "customerId");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteWaybillAccessTests(SqliteCrmWebFactory factory) : WaybillAccessTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresWaybillAccessTests(PostgresCrmWebFactory factory) : WaybillAccessTests(factory);
