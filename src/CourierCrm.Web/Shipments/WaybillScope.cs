using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Auth;

namespace CourierCrm.Web.Shipments;

/// <summary>
/// Which waybills a viewer may read: those of customers in their data scope. A waybill whose
/// sender is not matched to a customer yet belongs to its pick-up outlet, so it falls under the
/// outlet and region scopes of that outlet, and an all-company scope sees every one.
/// </summary>
public static class WaybillScope
{
    public static IQueryable<Waybill> VisibleTo(this IQueryable<Waybill> waybills, CrmDbContext db, Viewer viewer)
    {
        if (viewer.Scope == DataScope.All) return waybills;
        var customers = db.Customers.VisibleTo(viewer).Select(c => c.Id);
        var outlets = viewer.Scope switch
        {
            DataScope.Outlet when viewer.OutletId is int o => db.Outlets.Where(x => x.Id == o).Select(x => x.Id),
            DataScope.Region when viewer.RegionId is int r => db.Outlets.Where(x => x.RegionId == r).Select(x => x.Id),
            _ => db.Outlets.Where(_ => false).Select(x => x.Id),
        };
        return waybills.Where(w =>
            (w.CustomerId != null && customers.Contains(w.CustomerId.Value))
            || (w.CustomerId == null && w.PickupOutletId != null && outlets.Contains(w.PickupOutletId.Value)));
    }
}
