using System.Text.Json;
using CourierCrm.Domain.Audit;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Organisation;
using CourierCrm.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Infrastructure;

/// <summary>Sets up rows through the product's own services, as the user a test names.</summary>
public static class Arrange
{
    /// <summary>Creates a customer as a demo user: it lands in their outlet, and a rep or key account manager owns it.</summary>
    public static async Task<int> CustomerAsync(CrmWebFactory factory, string userName, CustomerInput input)
    {
        var viewer = await factory.ViewerAsync(userName);
        var result = await factory.WithScopeAsync<CustomerCommands, CommandResult<int>>(c => c.CreateAsync(viewer, input, CancellationToken.None));
        Assert.True(result.Succeeded, $"Creating a customer as {userName} failed: {result.Status} {Describe(result)}");
        return result.Value;
    }

    public static Task<int> CustomerAsync(CrmWebFactory factory, string userName, CustomerInputBuilder builder) =>
        CustomerAsync(factory, userName, builder.Build());

    /// <summary>Creates a member of staff of a demo outlet, for tests that lock or log an account of their own.</summary>
    public static async Task<(int Id, string UserName, string Password)> StaffAsync(CrmWebFactory factory, CourierCrm.Domain.Organisation.StaffRole role, string outletCode)
    {
        var admin = await factory.ViewerAsync("admin");
        var userName = "t" + Guid.NewGuid().ToString("N")[..10];
        const string password = "Test#2026ab";
        var input = new StaffInput
        {
            UserName = userName, DisplayName = "测试员" + userName[^4..], Role = role,
            OutletId = factory.Demo.OutletId(outletCode), Password = password,
        };
        var result = await factory.WithScopeAsync<StaffAdministration, CommandResult<int>>(s => s.SaveAsync(admin, null, input, CancellationToken.None));
        Assert.True(result.Succeeded, $"Creating staff failed: {result.Status} {Describe(result)}");
        return (result.Value, userName, password);
    }

    /// <summary>
    /// Everything about a customer a change could touch: its archive, owner, outlet, timestamps,
    /// and how many notes, events and audit rows it has. Equal snapshots mean nothing changed.
    /// </summary>
    public static async Task<string> CustomerSnapshotAsync(CrmWebFactory factory, int id)
    {
        await using var db = factory.NewDb();
        var c = await db.Customers.AsNoTracking().Include(x => x.Contacts).Include(x => x.Addresses).Include(x => x.Tags)
            .AsSplitQuery().SingleAsync(x => x.Id == id);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return JsonSerializer.Serialize(new
        {
            Archive = CustomerMapping.ToInput(c), c.OwnerId, c.OutletId, c.RegionId, UpdatedAt = c.UpdatedAt.UtcTicks,
            Notes = await db.CustomerNotes.CountAsync(n => n.CustomerId == id),
            Events = await db.CustomerEvents.CountAsync(e => e.CustomerId == id),
            Audit = await db.AuditEntries.CountAsync(e => e.EntityType == "Customer" && e.EntityId == key),
        });
    }

    /// <summary>The audit rows about one customer, oldest first.</summary>
    public static async Task<List<AuditEntry>> CustomerAuditAsync(CrmWebFactory factory, int id)
    {
        await using var db = factory.NewDb();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Customer" && e.EntityId == key).OrderBy(e => e.Id).ToListAsync();
    }

    private static string Describe<T>(CommandResult<T> result) =>
        result.Message + " " + string.Join("; ", result.Errors?.ToDictionary().Select(e => e.Key + ": " + string.Join(" ", e.Value)) ?? []);
}
