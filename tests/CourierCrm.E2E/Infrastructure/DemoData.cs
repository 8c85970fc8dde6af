using CourierCrm.Domain.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CourierCrm.E2E.Infrastructure;

/// <summary>A seeded customer the tests can open directly, read from the app's own database.</summary>
public sealed record DemoCustomer(int Id, string Code, string Name, string Phone);

public static class DemoData
{
    /// <summary>The first demo company (not a private person: its name is never masked) of an outlet, with a phone.</summary>
    public static async Task<DemoCustomer> CompanyOfOutletAsync(IServiceProvider services, string outletCode)
    {
        var factory = services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var outletId = await db.Outlets.Where(o => o.Code == outletCode).Select(o => o.Id).SingleAsync();
        return await db.Customers
            .Where(c => c.OutletId == outletId && c.Type == CustomerType.Organisation && c.Phone != null)
            .OrderBy(c => c.Id)
            .Select(c => new DemoCustomer(c.Id, c.Code, c.Name, c.Phone!))
            .FirstAsync();
    }
}

/// <summary>The demo logins the seeder creates (Demo/DemoCompanySeeder.cs).</summary>
public static class DemoLogins
{
    public static string PasswordOf(string userName) =>
        userName == "admin" ? DemoCompanySeeder.AdminPassword : DemoCompanySeeder.StaffPassword;

    /// <summary>The person's name as the pages greet them.</summary>
    public static string NameOf(string userName) => DemoCompanySeeder.Staff.Single(s => s.UserName == userName).Name;
}

/// <summary>Addresses of the product's pages, in one place.</summary>
public static class Paths
{
    public const string Login = "/account/login";
    public const string Customers = "/customers";
    public const string NewCustomer = "/customers/new";
    public static string Customer(int id) => $"/customers/{id}";
    public static string EditCustomer(int id) => $"/customers/{id}/edit";
}
