using CourierCrm.Web.Platform;
using System.Text.Json.Nodes;
using CourierCrm.Domain.Audit;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Audit;

/// <summary>Changes to customers through the API leave audit entries with who, what and the values.</summary>
public abstract class CustomerAuditTests(CrmWebFactory factory)
{
    [Fact]
    public async Task Create_writes_a_Create_entry_with_the_new_archive()
    {
        var builder = new CustomerInputBuilder();
        var rep = await factory.SignedInAsync("rep.sz1");

        var created = await CrmApi.OkAsync<CustomerDetail>(await CrmApi.PostAsync(rep, "/api/v1/customers", builder.ToJson()));

        var entry = Assert.Single(await Arrange.CustomerAuditAsync(factory, created.Id));
        Assert.Equal(AuditAction.Create, entry.Action);
        Assert.Equal(factory.Demo.UserId("rep.sz1"), entry.ActorId);
        Assert.Null(entry.Before);
        var after = JsonNode.Parse(entry.After!)!;
        Assert.Equal(builder.Build().Name, (string?)after["Name"]);
        Assert.Equal(builder.Build().Phone, (string?)after["Phone"]);
    }

    [Fact]
    public async Task Update_writes_an_Update_entry_holding_only_the_changed_fields_before_and_after()
    {
        var builder = new CustomerInputBuilder();
        var id = await Arrange.CustomerAsync(factory, "rep.sz1", builder);
        var rep = await factory.SignedInAsync("rep.sz1");
        var changed = builder.With(i => { i.Industry = "医疗器械"; i.BillingDay = 25; }).ToJson();

        await CrmApi.OkJsonAsync(await CrmApi.PutAsync(rep, $"/api/v1/customers/{id}", changed));

        var entry = Assert.Single(await Arrange.CustomerAuditAsync(factory, id), e => e.Action == AuditAction.Update);
        var before = JsonNode.Parse(entry.Before!)!.AsObject();
        var after = JsonNode.Parse(entry.After!)!.AsObject();
        Assert.Equal(["BillingDay", "Industry"], before.Select(p => p.Key).Order());
        Assert.Equal(["BillingDay", "Industry"], after.Select(p => p.Key).Order());
        Assert.Equal("电子产品", (string?)before["Industry"]);
        Assert.Equal("医疗器械", (string?)after["Industry"]);
        Assert.Null(before["BillingDay"]);
        Assert.Equal(25, (int?)after["BillingDay"]);
    }

    [Fact]
    public async Task Delete_removes_the_customer_and_keeps_its_whole_archive_in_a_Delete_entry()
    {
        var builder = new CustomerInputBuilder();
        var id = await Arrange.CustomerAsync(factory, "rep.sz1", builder);
        var admin = await factory.SignedInAsync("admin");

        await CrmApi.OkJsonAsync(await CrmApi.SendAsync(admin, HttpMethod.Delete, $"/api/v1/customers/{id}"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await CrmApi.GetAsync(admin, $"/api/v1/customers/{id}")).StatusCode);
        var entry = Assert.Single(await Arrange.CustomerAuditAsync(factory, id), e => e.Action == AuditAction.Delete);
        Assert.Equal(factory.Demo.UserId("admin"), entry.ActorId);
        var before = JsonNode.Parse(entry.Before!)!;
        Assert.Equal(builder.Build().Name, (string?)before["Archive"]!["Name"]);
        Assert.Equal(builder.Build().Phone, (string?)before["Archive"]!["Phone"]);
    }

    [Fact]
    public async Task Update_that_changes_nothing_writes_no_entry()
    {
        var builder = new CustomerInputBuilder();
        var id = await Arrange.CustomerAsync(factory, "rep.sz1", builder);
        var rep = await factory.SignedInAsync("rep.sz1");

        await CrmApi.OkJsonAsync(await CrmApi.PutAsync(rep, $"/api/v1/customers/{id}", builder.ToJson()));

        Assert.DoesNotContain(await Arrange.CustomerAuditAsync(factory, id), e => e.Action == AuditAction.Update);
    }

    [Fact]
    public async Task Transfer_moves_the_customer_and_writes_a_Transfer_entry_with_old_and_new_owner()
    {
        var id = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var manager = await factory.SignedInAsync("mgr.south");
        var (rep1, rep2) = (factory.Demo.UserId("rep.sz1"), factory.Demo.UserId("rep.sz2"));

        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(manager, $"/api/v1/customers/{id}/transfer", new JsonObject { ["newOwnerId"] = rep2, ["reason"] = "离职交接" }));

        var entry = Assert.Single(await Arrange.CustomerAuditAsync(factory, id), e => e.Action == AuditAction.Transfer);
        Assert.Equal(factory.Demo.UserId("mgr.south"), entry.ActorId);
        Assert.Equal(rep1, (int?)JsonNode.Parse(entry.Before!)!["OwnerId"]);
        Assert.Equal(rep2, (int?)JsonNode.Parse(entry.After!)!["OwnerId"]);
        Assert.Contains("离职交接", entry.Summary);
        await using var db = factory.NewDb();
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal(rep2, customer.OwnerId);
        Assert.Equal(factory.Demo.OutletId("SZ-FT"), customer.OutletId);
        Assert.True(await db.CustomerEvents.AnyAsync(e => e.CustomerId == id && e.Kind == "transferred"));
    }

    [Fact]
    public async Task Bulk_transfer_hands_every_customer_of_a_departing_rep_to_the_new_owners_with_a_Transfer_entry_each()
    {
        var (leaverId, leaver, _) = await Arrange.StaffAsync(factory, Domain.Organisation.StaffRole.SalesRep, "SZ-NS");
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
            ids.Add(await Arrange.CustomerAsync(factory, leaver, new CustomerInputBuilder()));
        var admin = await factory.ViewerAsync("admin");
        var newOwners = new[] { factory.Demo.UserId("rep.sz1"), factory.Demo.UserId("rep.sz2") };

        var result = await factory.WithScopeAsync<CustomerCommands, CommandResult<int>>(c =>
            c.BulkTransferAsync(admin, leaverId, newOwners, "离职", CancellationToken.None));

        Assert.True(result.Succeeded);
        Assert.Equal(3, result.Value);
        await using var db = factory.NewDb();
        Assert.False(await db.Customers.AnyAsync(c => c.OwnerId == leaverId));
        Assert.All(await db.Customers.Where(c => ids.Contains(c.Id)).ToListAsync(), c => Assert.Contains(c.OwnerId!.Value, newOwners));
        foreach (var id in ids)
            Assert.Single(await Arrange.CustomerAuditAsync(factory, id), e => e.Action == AuditAction.Transfer);
        var key = leaverId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Transfer && e.EntityType == "User" && e.EntityId == key));
    }

    [Fact]
    public async Task Transfer_to_someone_who_is_not_staff_is_refused_naming_newOwnerId_and_moves_nothing()
    {
        var id = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var before = await Arrange.CustomerSnapshotAsync(factory, id);
        var admin = await factory.SignedInAsync("admin");

        var response = await CrmApi.PostAsync(admin, $"/api/v1/customers/{id}/transfer", new JsonObject { ["newOwnerId"] = 999_999 });

        await CrmApi.FieldErrorAsync(response, "newOwnerId");
        Assert.Equal(before, await Arrange.CustomerSnapshotAsync(factory, id));
    }

    [Fact]
    public async Task Note_appears_on_the_timeline_newest_first()
    {
        var id = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var rep = await factory.SignedInAsync("rep.sz1");

        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(rep, $"/api/v1/customers/{id}/notes", new JsonObject { ["text"] = "客户要求周五上门取件" }));
        var timeline = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(rep, $"/api/v1/customers/{id}/timeline"));

        var items = timeline.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, timeline.GetProperty("total").GetInt32());
        Assert.Equal("note", items[0].GetProperty("kind").GetString());
        Assert.Equal("客户要求周五上门取件", items[0].GetProperty("detail").GetString());
        Assert.Equal("created", items[1].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Empty_note_is_refused_naming_text()
    {
        var id = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var rep = await factory.SignedInAsync("rep.sz1");

        var response = await CrmApi.PostAsync(rep, $"/api/v1/customers/{id}/notes", new JsonObject { ["text"] = "   " });

        await CrmApi.FieldErrorAsync(response, "text");
        await using var db = factory.NewDb();
        Assert.False(await db.CustomerNotes.AnyAsync(n => n.CustomerId == id));
    }

    [Fact]
    public async Task Audit_rows_cannot_be_changed_or_deleted_even_by_hand_written_SQL()
    {
        var id = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var entryId = Assert.Single(await Arrange.CustomerAuditAsync(factory, id)).Id;
        await using var db = factory.NewDb();

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditEntries\" SET \"Summary\" = 'rewritten' WHERE \"Id\" = {0}", entryId));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
            "DELETE FROM \"AuditEntries\" WHERE \"Id\" = {0}", entryId));

        var entry = Assert.Single(await Arrange.CustomerAuditAsync(factory, id));
        Assert.NotEqual("rewritten", entry.Summary);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCustomerAuditTests(SqliteCrmWebFactory factory) : CustomerAuditTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCustomerAuditTests(PostgresCrmWebFactory factory) : CustomerAuditTests(factory);
