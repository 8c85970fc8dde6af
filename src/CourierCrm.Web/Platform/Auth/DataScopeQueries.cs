using CourierCrm.Domain.Organisation;

namespace CourierCrm.Web.Platform.Auth;

/// <summary>The data-scope filter for database queries; every read of customer-owned rows starts here.</summary>
public static class DataScopeQueries
{
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, Viewer viewer) where T : class, IScopedRecord =>
        query.Where(DataScopeRule.Visible<T>(viewer));
}
