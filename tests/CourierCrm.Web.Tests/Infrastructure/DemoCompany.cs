using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Infrastructure;

/// <summary>Ids of the seeded demo company's staff, outlets and regions (DemoCompanySeeder), read from the fixture's database.</summary>
public sealed class DemoCompany
{
    public const string AnonymousUser = "anonymous";

    /// <summary>The roles the access tables are written for, one demo login each (DemoCompanySeeder.Staff).</summary>
    public static readonly string[] MatrixUsers = ["admin", "mgr.south", "cs.sz", "ch.sz", "rep.sz1", "kam.south", "front.sz", "analyst"];

    private readonly Dictionary<string, int> _users;
    private readonly Dictionary<string, int> _outlets;
    private readonly Dictionary<string, int> _regions;

    private DemoCompany(Dictionary<string, int> users, Dictionary<string, int> outlets, Dictionary<string, int> regions)
    {
        _users = users;
        _outlets = outlets;
        _regions = regions;
    }

    public static string PasswordOf(string userName) =>
        DemoCompanySeeder.Staff.Single(s => s.UserName == userName).Role == StaffRole.Administrator
            ? DemoCompanySeeder.AdminPassword
            : DemoCompanySeeder.StaffPassword;

    public static StaffRole RoleOf(string userName) => DemoCompanySeeder.Staff.Single(s => s.UserName == userName).Role;

    public int UserId(string userName) => _users.TryGetValue(userName, out var id) ? id : throw new KeyNotFoundException($"No demo user {userName}.");

    public int OutletId(string code) => _outlets.TryGetValue(code, out var id) ? id : throw new KeyNotFoundException($"No demo outlet {code}.");

    public int RegionId(string code) => _regions.TryGetValue(code, out var id) ? id : throw new KeyNotFoundException($"No demo region {code}.");

    public static async Task<DemoCompany> LoadAsync(CrmWebFactory factory)
    {
        await using var db = factory.NewDb();
        var users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id);
        var outlets = await db.Outlets.ToDictionaryAsync(o => o.Code, o => o.Id);
        var regions = await db.Regions.ToDictionaryAsync(r => r.Code, r => r.Id);
        foreach (var (userName, _, _, _) in DemoCompanySeeder.Staff)
            if (!users.ContainsKey(userName))
                throw new InvalidOperationException($"The demo seed did not create {userName}.");
        return new DemoCompany(users, outlets, regions);
    }

    /// <summary>The viewer a user stands for, built the way the sign-in resolves it (current role, outlet and policy).</summary>
    public async Task<Viewer> ViewerAsync(CrmWebFactory factory, string userName)
    {
        await using var db = factory.NewDb();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var regionId = await db.Outlets.Where(o => o.Id == user.OutletId).Select(o => (int?)o.RegionId).SingleOrDefaultAsync();
        var policy = await db.RolePolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Role == user.Role) ?? RolePolicy.DefaultFor(user.Role);
        return Viewer.For(user.Id, user.DisplayName, user.Role, user.OutletId, regionId, policy);
    }
}
