using System.Linq.Expressions;

namespace CourierCrm.Domain.Organisation;

/// <summary>
/// The one rule deciding which customer records a viewer may read. The same expression
/// filters database queries (translated to SQL) and checks single records in memory, so the
/// UI, the API and the exports cannot disagree (DESIGN.md "Data scopes and privacy").
/// </summary>
public static class DataScopeRule
{
    public static Expression<Func<T, bool>> Visible<T>(Viewer viewer) where T : IScopedRecord
    {
        switch (viewer.Scope)
        {
            case DataScope.All:
                return _ => true;
            case DataScope.Region when viewer.RegionId is int region:
                return r => r.RegionId == region;
            case DataScope.Outlet when viewer.OutletId is int outlet:
                return r => r.OutletId == outlet;
            case DataScope.Own when viewer.UserId is int user:
                return r => r.OwnerId == user;
            default:
                // A scope that cannot be resolved (a region scope for someone without an outlet,
                // an own scope for a token acting as nobody) sees nothing rather than everything.
                return _ => false;
        }
    }

    public static bool CanSee(Viewer viewer, IScopedRecord record) =>
        Visible<IScopedRecord>(viewer).Compile()(record);
}
