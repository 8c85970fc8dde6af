using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Segmentation.Dashboards;

/// <summary>The movement report's header: the run, the run it was compared with, and whether the run exists at all.</summary>
public sealed record MovementRunView(long Id, DateOnly AsOf, DateOnly PeriodFrom, DateOnly PeriodTo, long? PreviousId, DateOnly? PreviousAsOf);

/// <summary>
/// The customers behind a movement count of the dashboard (/classification/movement): one run's class
/// changes among the viewer's customers, by movement and, unlike <see cref="ClassificationQueries.ChangesAsync"/>,
/// also by dimension, since the dashboard counts every dimension apart.
/// </summary>
public sealed class MovementQueries(IDbContextFactory<CrmDbContext> dbFactory)
{
    public async Task<MovementRunView?> RunAsync(long runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.ClassificationRuns.Where(r => r.Id == runId)
            .Select(r => new { r.Id, r.AsOf, r.PeriodFrom, r.PeriodTo }).SingleOrDefaultAsync(ct);
        if (run is null) return null;
        var previous = await db.ClassificationRuns.Where(r => r.Id < runId).OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.AsOf }).FirstOrDefaultAsync(ct);
        return new MovementRunView(run.Id, run.AsOf, run.PeriodFrom, run.PeriodTo, previous?.Id, previous?.AsOf);
    }

    /// <summary>The changes, customer code order, names masked for the viewer; empty for an unknown run.</summary>
    public async Task<PagedResult<ClassChangeView>> ChangesAsync(
        Viewer viewer, long runId, ClassMovement? movement, ClassDimension? dimension, int? page, int? pageSize, CancellationToken ct)
    {
        var size = PageLimits.Size(pageSize);
        var number = PageLimits.Number(page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changes = db.ClassChanges.Where(c => c.RunId == runId);
        if (movement is { } m) changes = changes.Where(c => c.Movement == m);
        if (dimension is { } d) changes = changes.Where(c => c.Dimension == d);
        var visible = changes.Join(db.Customers.VisibleTo(viewer), ch => ch.CustomerId, c => c.Id, (ch, c) => new { ch, c.Code, c.Name, c.Type });
        var total = await visible.CountAsync(ct);
        var rows = await visible.OrderBy(x => x.Code).ThenBy(x => x.ch.Dimension)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var mask = CustomerMasking.Masks(viewer);
        var items = rows.ConvertAll(x => new ClassChangeView(x.ch.CustomerId, x.Code, CustomerMasking.Name(x.Name, x.Type, mask),
            x.ch.Dimension, x.ch.From, x.ch.To, x.ch.Movement, x.ch.Reason, x.ch.PreviousRevenueFen, x.ch.CurrentRevenueFen));
        return new(items, total, number, size);
    }
}
