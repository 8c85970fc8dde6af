using CourierCrm.Domain.Customers;
using CourierCrm.Web.Platform.Paging;

namespace CourierCrm.Web.Customers;

/// <summary>Filters, order and page of the customer list (query string of GET /api/v1/customers).</summary>
public sealed class CustomerListQuery
{
    /// <summary>Name or contact name substring, customer code, or phone digits (full number or prefix).</summary>
    public string? Search { get; set; }
    public CustomerType? Type { get; set; }
    public CustomerNature? Nature { get; set; }
    public MarketType? MarketType { get; set; }
    public SpecialisedMarket? SpecialisedMarket { get; set; }
    public BusinessRelation? BusinessRelation { get; set; }
    public LifecycleState? Lifecycle { get; set; }
    public int? OutletId { get; set; }
    public int? OwnerId { get; set; }
    /// <summary>Only customers with no owner.</summary>
    public bool? Unassigned { get; set; }
    public string? Tag { get; set; }
    /// <summary>name (default), code, createdAt or updatedAt.</summary>
    public string? Sort { get; set; }
    public SortDirection? Direction { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    /// <summary>
    /// The total an earlier page with the same filters answered. When given, the list is not counted
    /// again (counting a large archive on every page is the costly part of paging), the page is placed
    /// by it and it is answered back. Customers added or deleted since shift pages by that many rows,
    /// as any change between two pages does; a page that comes back short is counted afresh.
    /// </summary>
    public int? KnownTotal { get; set; }
}
