namespace CourierCrm.Web.Segmentation.Segments;

/// <summary>A saved segment as a viewer sees it: whether they may change it, and how many of their customers it holds.</summary>
/// <param name="Count">Customers of the segment in the viewer's data scope; null when its filter cannot be read.</param>
/// <param name="FilterProblem">Why the saved filter cannot be read any more (after an upgrade); null when it reads.</param>
public sealed record SegmentView(
    int Id, string Name, string? Description, int OwnerId, string OwnerName, bool Shared, bool IsMine, bool CanEdit,
    SegmentFilter? Filter, string? FilterProblem, int? Count, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Body of POST and PUT /api/v1/segments.</summary>
public sealed class SegmentInput
{
    /// <summary>Required, at most 50 characters, unique among the owner's segments.</summary>
    public string? Name { get; set; }
    /// <summary>Optional, at most 2,000 characters.</summary>
    public string? Description { get; set; }
    /// <summary>Visible (read-only) to every member of staff.</summary>
    public bool Shared { get; set; }
    /// <summary>The customer list's filters (same names and values as GET /api/v1/customers), without paging or order.</summary>
    public SegmentFilter? Filter { get; set; }
}

/// <summary>Answer of GET /api/v1/segments/{id}/count.</summary>
public sealed record SegmentCount(int Id, int Count);
