using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Demo;

/// <summary>
/// What every installation needs, demo or not: one policy row per role, and on an empty
/// database without demo data a head-office outlet and an administrator to sign in with.
/// </summary>
public sealed class ReferenceDataSeeder(IDbContextFactory<CrmDbContext> dbFactory, UserManager<CrmUser> users, IConfiguration configuration, TimeProvider clock, ILogger<ReferenceDataSeeder> log)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.RolePolicies.Select(p => p.Role).ToListAsync(ct);
        foreach (var policy in RolePolicy.Defaults.Where(p => !existing.Contains(p.Role)))
            db.RolePolicies.Add(new RolePolicy
            {
                Role = policy.Role, Scope = policy.Scope, CanViewPersonalData = policy.CanViewPersonalData,
                CanRevealPersonalData = policy.CanRevealPersonalData, CanEditCustomers = policy.CanEditCustomers,
                CanTransferCustomers = policy.CanTransferCustomers, CanExport = policy.CanExport,
            });
        await db.SaveChangesAsync(ct);

        if (await db.Users.AnyAsync(ct)) return;
        var company = await db.Companies.FirstOrDefaultAsync(ct);
        if (company is null)
        {
            company = new Company { Name = "CourierCrm" };
            company.Regions.Add(new Region { Code = "HQ", Name = "总部 Head office", Outlets = [new Outlet { Code = "HQ", Name = "总部 Head office" }] });
            db.Companies.Add(company);
            await db.SaveChangesAsync(ct);
        }
        var outletId = await db.Outlets.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(ct);
        var password = configuration["Bootstrap:AdminPassword"] ?? DemoCompanySeeder.AdminPassword;
        var admin = new CrmUser { UserName = "admin", DisplayName = "系统管理员", Role = StaffRole.Administrator, OutletId = outletId, CreatedAt = clock.GetUtcNow() };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("Could not create the first administrator: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        log.LogWarning("Created the administrator 'admin'. Change its password after the first sign-in.");
    }
}
