using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;

namespace CourierCrm.Web.Segmentation.Segments;

/// <summary>
/// Who is in a saved segment, for a viewer: the customer ids of the segment's filter within the viewer's
/// data scope, as a query on the caller's own context, so callers (callbacks, campaigns) compose it into
/// their own reads or inserts without loading the ids. The same segment holds different customers for
/// different viewers: a rep gets their own customers of it, a manager their region's.
/// </summary>
public sealed class SegmentMembers
{
    /// <summary>
    /// NotFound when the segment is not the viewer's own nor shared; Invalid (field "filter") when its
    /// saved filter can no longer be read.
    /// </summary>
    public async Task<CommandResult<IQueryable<int>>> CustomerIdsAsync(CrmDbContext db, Viewer viewer, int segmentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (segment, filter, problem) = await SegmentFilters.ReadAsync(db, viewer, segmentId, ct);
        if (segment is null) return CommandResult<IQueryable<int>>.NotFound();
        if (filter is null) return CommandResult<IQueryable<int>>.Invalid("filter", problem ?? "The saved filter cannot be read.");
        var customers = await CustomerQueries.MatchingAsync(db, viewer, filter, ct);
        return CommandResult<IQueryable<int>>.Ok(customers.Select(c => c.Id));
    }
}
