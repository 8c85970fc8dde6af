using System.Diagnostics;
using CourierCrm.Domain.Customers;
using CourierCrm.Web.Complaints;
using CourierCrm.Web.Data;
using CourierCrm.Web.Data.Bulk;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Demo;

/// <summary>
/// Gives the demo company two years of shipping: by default 100 waybills per demo customer
/// (200,000 for the 2,000-customer demo; "Demo:Waybills" sets another number), drawn by
/// <see cref="DemoWaybillGenerator"/> and written through <see cref="WaybillBulkWriter"/>.
/// Runs once, when the demo customers are there and no waybill is.
/// </summary>
public sealed class DemoWaybillSeeder(IDbContextFactory<CrmDbContext> dbFactory, IConfiguration configuration, TimeProvider clock, ILogger<DemoWaybillSeeder> log)
{
    public const int WaybillsPerCustomer = 100;

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<DemoShipper> shippers;
        List<DemoOutlet> outlets;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Waybills.AnyAsync(ct) || !await db.Customers.AnyAsync(ct)) return;
            outlets = (await db.Outlets.OrderBy(o => o.Id).Select(o => new { o.Id, o.Name, o.Address }).ToListAsync(ct))
                .Select(o => new DemoOutlet(o.Id, o.Name, CityOf(o.Address))).ToList();
            shippers = await LoadShippersAsync(db, now, ct);
        }
        var customerCount = configuration.GetValue("Demo:Customers", 2000);
        var count = configuration.GetValue("Demo:Waybills", WaybillsPerCustomer * customerCount);
        if (count <= 0) return;

        var watch = Stopwatch.StartNew();
        var revenue = new Dictionary<int, long>();
        var generator = new DemoWaybillGenerator(shippers, outlets, now);
        var result = await new WaybillBulkWriter(dbFactory).UpsertAllAsync(Tally(generator.Generate(count), revenue), ct);
        log.LogInformation("Seeded {Count} demo waybills in {Seconds:0.0} s; the top 20 % of shipping customers make {Share:P0} of the revenue",
            result.Written, watch.Elapsed.TotalSeconds, TopFifthShare(revenue.Values));
        var clocks = new ComplaintClocks(configuration.GetSection(ComplaintOptions.Section).Get<ComplaintOptions>() ?? new ComplaintOptions());
        await new DemoComplaintGenerator(dbFactory, clocks, now).SeedAsync(customerCount, ct);
    }

    /// <summary>Share of revenue made by the top fifth of customers (by revenue) among those with any.</summary>
    public static double TopFifthShare(IEnumerable<long> revenuePerCustomer)
    {
        var sorted = revenuePerCustomer.Where(r => r > 0).OrderByDescending(r => r).ToArray();
        if (sorted.Length == 0) return 0;
        var top = sorted.Take((int)Math.Ceiling(sorted.Length * 0.2)).Sum();
        return (double)top / sorted.Sum();
    }

    private static IEnumerable<Domain.Shipments.Waybill> Tally(IEnumerable<Domain.Shipments.Waybill> waybills, Dictionary<int, long> revenue)
    {
        foreach (var w in waybills)
        {
            if (w.CustomerId is { } id) revenue[id] = revenue.GetValueOrDefault(id) + w.FreightFen;
            yield return w;
        }
    }

    private static async Task<List<DemoShipper>> LoadShippersAsync(CrmDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Customers.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Code, c.Name, c.Phone, c.MonthlyAccountNo, c.OutletId, c.CreatedAt, c.Lifecycle, c.MarketType,
                Address = c.Addresses.OrderByDescending(a => a.IsDefault).Select(a => new { a.City, a.District, a.Street }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var random = new Random(2027);
        return rows.Select(c => new DemoShipper(
            c.Id, c.Code, c.Name, c.Phone, c.MonthlyAccountNo, c.OutletId,
            c.Address?.City ?? "深圳市", c.Address is { } a ? $"{a.City}{a.District}{a.Street}" : "深圳市",
            c.CreatedAt,
            // A churned customer stopped shipping two to ten months ago; a potential one never started.
            c.Lifecycle == LifecycleState.Churned ? now.AddDays(-random.Next(60, 300)) : now,
            c.MarketType == MarketType.ECommerce,
            Ships: c.Lifecycle != LifecycleState.Potential)).ToList();
    }

    // Demo outlet addresses start with province and city ("广东省深圳市南山区", "上海市浦东新区").
    private static string CityOf(string? address)
    {
        if (address is null) return "深圳市";
        var afterProvince = address[(address.IndexOf('省') + 1)..];
        var end = afterProvince.IndexOf('市');
        return end > 0 ? afterProvince[..(end + 1)] : "深圳市";
    }
}
