using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Complaints.Reports;

/// <summary>
/// Waybills per month and outlet, the denominator of the complaint rate, in the same scope and outlet the
/// complaints are counted by: a customer's waybills belong to the customer's outlet (as its complaints do),
/// an unmatched sender's to the pick-up outlet (as <see cref="Shipments.WaybillScope"/> has it). One GROUP BY
/// per month and kind, each a range of the (CustomerId, OrderedAt, …) covering index or of OrderedAt: the
/// waybill rows themselves are never read into memory.
/// </summary>
public static class WaybillVolumes
{
    public sealed record Volume(DateOnly Month, int OutletId, long Waybills);

    public static async Task<List<Volume>> CountAsync(CrmDbContext db, Viewer viewer, ComplaintReportFilter filter, CancellationToken ct)
    {
        var customers = db.Customers.VisibleTo(viewer);
        if (filter.OutletId is int o) customers = customers.Where(c => c.OutletId == o);
        if (filter.RegionId is int r) customers = customers.Where(c => c.RegionId == r);
        var outlets = UnmatchedOutlets(db, viewer, filter);

        var volumes = new List<Volume>();
        foreach (var month in filter.Months())
        {
            var start = Max(ComplaintReportFilter.DayStart(month), filter.Start);
            var end = Min(ComplaintReportFilter.DayStart(month.AddMonths(1)), filter.End);
            var matched = await db.Waybills.AsNoTracking()
                .Where(w => w.CustomerId != null && w.OrderedAt >= start && w.OrderedAt < end)
                .Join(customers, w => w.CustomerId, c => c.Id, (w, c) => c.OutletId)
                .GroupBy(outlet => outlet).Select(g => new { Outlet = g.Key, Count = g.LongCount() })
                .ToListAsync(ct);
            var unmatched = outlets is null ? [] : await db.Waybills.AsNoTracking()
                .Where(w => w.CustomerId == null && w.PickupOutletId != null && w.OrderedAt >= start && w.OrderedAt < end)
                .Where(w => outlets.Contains(w.PickupOutletId!.Value))
                .GroupBy(w => w.PickupOutletId!.Value).Select(g => new { Outlet = g.Key, Count = g.LongCount() })
                .ToListAsync(ct);
            volumes.AddRange(matched.Concat(unmatched).GroupBy(x => x.Outlet).Select(g => new Volume(month, g.Key, g.Sum(x => x.Count))));
        }
        return volumes;
    }

    /// <summary>The outlets whose unmatched waybills the viewer sees (none for an own-customers scope).</summary>
    private static IQueryable<int>? UnmatchedOutlets(CrmDbContext db, Viewer viewer, ComplaintReportFilter filter)
    {
        var outlets = db.Outlets.AsQueryable();
        switch (viewer.Scope)
        {
            case DataScope.All: break;
            case DataScope.Region when viewer.RegionId is int region: outlets = outlets.Where(x => x.RegionId == region); break;
            case DataScope.Outlet when viewer.OutletId is int outlet: outlets = outlets.Where(x => x.Id == outlet); break;
            default: return null;
        }
        if (filter.OutletId is int o) outlets = outlets.Where(x => x.Id == o);
        if (filter.RegionId is int r) outlets = outlets.Where(x => x.RegionId == r);
        return outlets.Select(x => x.Id);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
