using CourierCrm.Web.Platform;
using System.Net;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Organisation;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.BadInput;

/// <summary>
/// Nothing half saved: when the audit entry of a change cannot be written, the change is not saved
/// either (AuditLog: "the change and its audit entry are saved together or not at all"), and the
/// caller gets a 500 ProblemDetails without internals.
/// </summary>
public abstract class AtomicityTests(CrmWebFactory factory)
{
    [Fact]
    public async Task Customer_whose_audit_entry_fails_is_not_created()
    {
        await AuditFault.InstallAsync(factory);
        var builder = new CustomerInputBuilder().Named($"审计失败{AuditFault.Marker}客户");
        var admin = await factory.SignedInAsync("admin");

        var response = await CrmApi.PostAsync(admin, "/api/v1/customers", builder.ToJson());

        await AssertServerErrorProblemAsync(response);
        await using var db = factory.NewDb();
        var code = builder.Build().Code;
        Assert.False(await db.Customers.AnyAsync(c => c.Code == code), "The customer was saved without its audit entry.");
        Assert.False(await db.Contacts.AnyAsync(c => c.PhoneDigits == builder.Build().Contacts[0].Phone));
    }

    [Fact]
    public async Task Outlet_whose_audit_entry_fails_is_not_created()
    {
        await AuditFault.InstallAsync(factory);
        var code = "AF-" + Guid.NewGuid().ToString("N")[..6];
        var admin = await factory.SignedInAsync("admin");

        var response = await CrmApi.PostAsync(admin, "/api/v1/outlets",
            new OutletInput { Code = code, Name = $"审计失败{AuditFault.Marker}网点", RegionId = factory.Demo.RegionId("SOUTH") });

        await AssertServerErrorProblemAsync(response);
        await using var db = factory.NewDb();
        Assert.False(await db.Outlets.AnyAsync(o => o.Code == code), "The outlet was saved without its audit entry.");
    }

    [Fact]
    public async Task Api_token_whose_audit_entry_fails_is_not_issued()
    {
        await AuditFault.InstallAsync(factory);
        var admin = await factory.ViewerAsync("admin");
        var name = $"审计失败{AuditFault.Marker}{Guid.NewGuid():N}";

        await Assert.ThrowsAnyAsync<Exception>(() => factory.WithScopeAsync<StaffAdministration, CommandResult<IssuedToken>>(s =>
            s.IssueTokenAsync(admin, ApiTokens.OutletToken(name, StaffRole.CustomerServiceAgent, factory.Demo.OutletId("SZ-NS")), CancellationToken.None)));

        await using var db = factory.NewDb();
        Assert.False(await db.ApiTokens.AnyAsync(t => t.Name == name), "The token was issued without its audit entry.");
    }

    private static async Task AssertServerErrorProblemAsync(HttpResponseMessage response)
    {
        var problem = await CrmApi.ProblemAsync(response, HttpStatusCode.InternalServerError);
        var text = problem.ToString();
        Assert.DoesNotContain("injected audit failure", text);
        Assert.DoesNotContain("   at ", text);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAtomicityTests(SqliteCrmWebFactory factory) : AtomicityTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAtomicityTests(PostgresCrmWebFactory factory) : AtomicityTests(factory);
