using CourierCrm.Domain.Classification;
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

    // Classes of the latest classification run (table CustomerClassifications, DOMAIN.md §3).
    public AbcClass? Abc { get; set; }
    public ValuePyramidTier? Pyramid { get; set; }
    public KeyAccountTier? KeyAccount { get; set; }
    /// <summary>RFM recency score 1..5 (5 = shipped most recently).</summary>
    public int? RfmR { get; set; }
    /// <summary>RFM frequency score 1..5.</summary>
    public int? RfmF { get; set; }
    /// <summary>RFM monetary score 1..5.</summary>
    public int? RfmM { get; set; }
    public LoyaltyValueQuadrant? Quadrant { get; set; }
    /// <summary>Only customers no run has given an ABC class (new archives, no waybills yet).</summary>
    public bool? Unclassified { get; set; }
    /// <summary>A saved segment (Segmentation/Segments) the viewer may see: its filter applies as well as these.</summary>
    public int? Segment { get; set; }

    /// <summary>name (default), code, createdAt, updatedAt or predictedValue (predicted lifetime value, highest first by default).</summary>
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
