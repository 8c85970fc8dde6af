using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Segmentation.Segments;

/// <summary>Reads of saved segments: the viewer's own and the shared ones, counted within the viewer's scope.</summary>
public sealed class SegmentQueries(IDbContextFactory<CrmDbContext> dbFactory, CustomerQueries customers)
{
    /// <summary>The viewer's segments first, then the shared ones of others, each by name; with live counts.</summary>
    public async Task<IReadOnlyList<SegmentView>> ListAsync(Viewer viewer, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = viewer.UserId ?? -1;
        var rows = await Rows(db, viewer).OrderByDescending(x => x.Segment.OwnerId == me).ThenBy(x => x.Segment.Name).ToListAsync(ct);
        var views = new List<SegmentView>(rows.Count);
        // One count per segment: a handful per person, each an indexed count like the customer list's.
        foreach (var row in rows) views.Add(await ViewAsync(db, viewer, row.Segment, row.OwnerName, withCount: true, ct));
        return views;
    }

    public async Task<SegmentView?> GetAsync(Viewer viewer, int id, bool withCount, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Rows(db, viewer).SingleOrDefaultAsync(x => x.Segment.Id == id, ct);
        return row is null ? null : await ViewAsync(db, viewer, row.Segment, row.OwnerName, withCount, ct);
    }

    /// <summary>The segment's customers in the viewer's scope, as the customer list pages and masks them.</summary>
    public async Task<CommandResult<PagedResult<CustomerListItem>>> MembersAsync(Viewer viewer, int id, int? page, int? pageSize, int? knownTotal, CancellationToken ct)
    {
        if (await GetAsync(viewer, id, withCount: false, ct) is not { } segment) return CommandResult<PagedResult<CustomerListItem>>.NotFound();
        if (segment.FilterProblem is { } problem) return CommandResult<PagedResult<CustomerListItem>>.Invalid("filter", problem);
        var query = new CustomerListQuery { Segment = id, Page = page, PageSize = pageSize, KnownTotal = knownTotal };
        return CommandResult<PagedResult<CustomerListItem>>.Ok(await customers.ListAsync(viewer, query, ct));
    }

    private static IQueryable<SegmentRow> Rows(CrmDbContext db, Viewer viewer) =>
        db.SavedSegments.AsNoTracking().VisibleTo(viewer)
            .Select(s => new SegmentRow { Segment = s, OwnerName = db.Users.Where(u => u.Id == s.OwnerId).Select(u => u.DisplayName).FirstOrDefault() ?? "" });

    private sealed class SegmentRow
    {
        public required SavedSegment Segment { get; init; }
        public required string OwnerName { get; init; }
    }

    private static async Task<SegmentView> ViewAsync(CrmDbContext db, Viewer viewer, SavedSegment s, string ownerName, bool withCount, CancellationToken ct)
    {
        var (filter, problem) = SegmentFilters.Read(s.FilterJson);
        int? count = null;
        if (withCount && filter is not null)
            count = await (await CustomerQueries.MatchingAsync(db, viewer, filter.ToQuery(), ct)).CountAsync(ct);
        var mine = s.OwnerId == viewer.UserId;
        return new SegmentView(s.Id, s.Name, s.Description, s.OwnerId, ownerName, s.Shared, mine, SegmentCommands.MayChange(viewer, s),
            filter, problem, count, s.CreatedAt, s.UpdatedAt);
    }
}
