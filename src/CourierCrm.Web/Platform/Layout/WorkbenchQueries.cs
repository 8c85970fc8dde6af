using CourierCrm.Web.Platform.Localization;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Platform.Layout;

/// <summary>The workbench's figures, all counted inside the viewer's data scope.</summary>
public sealed record WorkbenchFigures(
    string? OutletName,
    string? RegionName,
    int InScope,
    int Mine,
    int NewThisMonth,
    IReadOnlyDictionary<LifecycleState, int> ByLifecycle,
    IReadOnlyDictionary<MarketType, int> ByMarketType,
    IReadOnlyList<RecentCustomer> RecentlyUpdated);

/// <summary>A recently changed customer; the name already masked for viewers without personal-data rights.</summary>
public sealed record RecentCustomer(int Id, string Code, string Name, CustomerType Type, LifecycleState Lifecycle, string? OwnerName, string? OutletName, DateTimeOffset UpdatedAt);

/// <summary>Reads what the home page shows. Every count starts from <c>VisibleTo(viewer)</c>, so no figure leaks another scope.</summary>
public sealed class WorkbenchQueries(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock)
{
    public const int RecentCount = 8;

    public async Task<WorkbenchFigures> LoadAsync(Viewer viewer, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Customers.AsNoTracking().VisibleTo(viewer);

        var inScope = await visible.CountAsync(ct);
        var mine = viewer.UserId is int me ? await visible.CountAsync(c => c.OwnerId == me, ct) : 0;
        var monthStart = MonthStart();
        var newThisMonth = await visible.CountAsync(c => c.CreatedAt >= monthStart, ct);
        var byLifecycle = (await visible.GroupBy(c => c.Lifecycle).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => g.Key, g => g.Count);
        var byMarket = (await visible.GroupBy(c => c.MarketType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => g.Key, g => g.Count);

        var mask = CustomerMasking.Masks(viewer);
        var recent = await visible.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id).Take(RecentCount)
            .Select(c => new
            {
                c.Id, c.Code, c.Name, c.Type, c.Lifecycle, c.UpdatedAt,
                OwnerName = db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                OutletName = db.Outlets.Where(o => o.Id == c.OutletId).Select(o => o.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var outlet = await db.Outlets.Where(o => o.Id == viewer.OutletId).Select(o => new { o.Name, Region = o.Region!.Name }).FirstOrDefaultAsync(ct);
        return new WorkbenchFigures(outlet?.Name, outlet?.Region, inScope, mine, newThisMonth, byLifecycle, byMarket,
            recent.Select(c => new RecentCustomer(c.Id, c.Code, CustomerMasking.Name(c.Name, c.Type, mask), c.Type, c.Lifecycle, c.OwnerName, c.OutletName, c.UpdatedAt)).ToList());
    }

    /// <summary>The first instant of the current month in China time, where the couriers work (<see cref="CompanyTime"/>).</summary>
    private DateTimeOffset MonthStart()
    {
        var now = CompanyTime.Local(clock.GetUtcNow());
        return new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, now.Offset);
    }
}
