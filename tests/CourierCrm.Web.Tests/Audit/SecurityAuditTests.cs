using System.Net;
using System.Text.Json.Nodes;
using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Organisation;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Audit;

/// <summary>Sign-ins, lockout and permission changes are audited (each test uses an account of its own).</summary>
public abstract class SecurityAuditTests(CrmWebFactory factory)
{
    [Fact]
    public async Task Failed_login_writes_LoginFailed_and_a_good_one_LoginSucceeded()
    {
        var (id, userName, password) = await Arrange.StaffAsync(factory, StaffRole.CustomerServiceAgent, "SZ-NS");

        var failed = await SignIn.PostLoginAsync(factory.NewBrowser(), userName, "Wrong#2026x");
        var succeeded = await SignIn.PostLoginAsync(factory.NewBrowser(), userName, password);

        Assert.StartsWith("/account/login?error=invalid", failed.Headers.Location?.OriginalString);
        SignIn.AssertSignedIn(succeeded, userName);
        var actions = await LoginEntriesAsync(id);
        Assert.Equal([AuditAction.LoginFailed, AuditAction.LoginSucceeded], actions.Select(e => e.Action));
    }

    [Fact]
    public async Task Login_as_an_unknown_user_writes_LoginFailed_under_the_name_tried()
    {
        var name = "ghost" + Guid.NewGuid().ToString("N")[..8];

        var response = await SignIn.PostLoginAsync(factory.NewBrowser(), name, "Whatever#2026");

        Assert.StartsWith("/account/login?error=invalid", response.Headers.Location?.OriginalString);
        await using var db = factory.NewDb();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.ActorName == name);
        Assert.Equal(AuditAction.LoginFailed, entry.Action);
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_so_the_right_password_is_refused_with_the_locked_message()
    {
        var (id, userName, password) = await Arrange.StaffAsync(factory, StaffRole.SalesRep, "SZ-NS");
        for (var i = 0; i < 5; i++)
            await SignIn.PostLoginAsync(factory.NewBrowser(), userName, "Wrong#2026x");
        var browser = factory.NewBrowser();

        var sixth = await SignIn.PostLoginAsync(browser, userName, password);

        var location = sixth.Headers.Location?.OriginalString ?? "";
        Assert.StartsWith("/account/login?error=locked", location);
        var (page, html) = await PageHtml.GetAsync(browser, location, "en-US");
        PageHtml.AssertOk(page, html);
        Assert.Contains("locked", PageHtml.Text(html));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/customers")).StatusCode);
        var entries = await LoginEntriesAsync(id);
        Assert.Equal(6, entries.Count(e => e.Action == AuditAction.LoginFailed));
        Assert.DoesNotContain(entries, e => e.Action == AuditAction.LoginSucceeded);
        Assert.Contains("locked", entries[^1].Summary);
    }

    [Fact]
    public async Task Changing_a_role_policy_writes_PermissionChange_and_applies_at_the_next_request()
    {
        var admin = await factory.ViewerAsync("admin");
        var reception = await factory.SignedInAsync("front.sz");
        var id = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder().Individual("上官婉儿"));
        var original = RolePolicy.DefaultFor(StaffRole.Reception);
        var opened = new RolePolicy
        {
            Role = StaffRole.Reception, Scope = original.Scope, CanViewPersonalData = true, CanRevealPersonalData = true,
            CanEditCustomers = false, CanTransferCustomers = false, CanExport = false,
        };
        try
        {
            var result = await factory.WithScopeAsync<StaffAdministration, CommandResult<StaffRole>>(s => s.SavePolicyAsync(admin, opened, CancellationToken.None));
            Assert.True(result.Succeeded);

            await using var db = factory.NewDb();
            var entry = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Action == AuditAction.PermissionChange && e.EntityType == "RolePolicy" && e.EntityId == "Reception")
                .OrderByDescending(e => e.Id).FirstAsync();
            Assert.Equal(admin.UserId, entry.ActorId);
            Assert.True((bool?)JsonNode.Parse(entry.After!)!["CanViewPersonalData"]);
            var detail = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(reception, $"/api/v1/customers/{id}"));
            Assert.Equal("上官婉儿", detail.GetProperty("name").GetString());
        }
        finally
        {
            await factory.WithScopeAsync<StaffAdministration, CommandResult<StaffRole>>(s => s.SavePolicyAsync(admin, original, CancellationToken.None));
        }
        var masked = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(reception, $"/api/v1/customers/{id}"));
        Assert.Equal("上**儿", masked.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Deactivated_user_loses_access_at_the_next_request()
    {
        var (id, userName, password) = await Arrange.StaffAsync(factory, StaffRole.CustomerServiceAgent, "SZ-NS");
        var browser = factory.NewBrowser();
        SignIn.AssertSignedIn(await SignIn.PostLoginAsync(browser, userName, password), userName);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/customers")).StatusCode);
        var admin = await factory.ViewerAsync("admin");

        var input = new StaffInput { UserName = userName, DisplayName = "已离职", Role = StaffRole.CustomerServiceAgent, OutletId = factory.Demo.OutletId("SZ-NS"), IsActive = false };
        var result = await factory.WithScopeAsync<StaffAdministration, CommandResult<int>>(s => s.SaveAsync(admin, id, input, CancellationToken.None));

        Assert.True(result.Succeeded);
        var after = await browser.GetAsync("/api/v1/customers");
        Assert.True(after.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"A departed user's cookie still answers {(int)after.StatusCode}.");
    }

    private async Task<List<AuditEntry>> LoginEntriesAsync(int userId)
    {
        await using var db = factory.NewDb();
        var key = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "User" && e.EntityId == key && (e.Action == AuditAction.LoginFailed || e.Action == AuditAction.LoginSucceeded))
            .OrderBy(e => e.Id).ToListAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSecurityAuditTests(SqliteCrmWebFactory factory) : SecurityAuditTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSecurityAuditTests(PostgresCrmWebFactory factory) : SecurityAuditTests(factory);
