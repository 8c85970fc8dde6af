using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Segmentation;

/// <summary>A stored run as the history lists it.</summary>
public sealed record ClassificationRunView(
    long Id, DateOnly AsOf, DateOnly PeriodFrom, DateOnly PeriodTo, int CustomerCount,
    int AbcA, int AbcB, int AbcC, int ChangeCount, string TriggeredBy, DateTimeOffset StartedAt, DateTimeOffset FinishedAt);

/// <summary>One class change of a customer in the viewer's scope.</summary>
public sealed record ClassChangeView(
    int CustomerId, string CustomerCode, string CustomerName, ClassDimension Dimension, string? From, string? To,
    ClassMovement Movement, ClassChangeReason Reason, long PreviousRevenueFen, long CurrentRevenueFen);

/// <summary>Reads runs and their changes. Runs are company figures; changes are scoped to the viewer's customers.</summary>
public sealed class ClassificationQueries(IDbContextFactory<CrmDbContext> dbFactory)
{
    public async Task<PagedResult<ClassificationRunView>> RunsAsync(int? page, int? pageSize, CancellationToken ct)
    {
        var size = PageLimits.Size(pageSize);
        var number = PageLimits.Number(page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var total = await db.ClassificationRuns.CountAsync(ct);
        var items = await db.ClassificationRuns.OrderByDescending(r => r.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(r => new ClassificationRunView(r.Id, r.AsOf, r.PeriodFrom, r.PeriodTo, r.CustomerCount,
                r.AbcA, r.AbcB, r.AbcC, r.ChangeCount, r.TriggeredBy, r.StartedAt, r.FinishedAt))
            .ToListAsync(ct);
        return new(items, total, number, size);
    }

    /// <summary>
    /// The changes a run found among the viewer's customers, optionally one movement only
    /// ("Up", "Down", "New", "Lost"); NotFound for an unknown run.
    /// </summary>
    public async Task<CommandResult<PagedResult<ClassChangeView>>> ChangesAsync(
        Viewer viewer, long runId, string? movement, int? page, int? pageSize, CancellationToken ct)
    {
        ClassMovement? only = null;
        if (!string.IsNullOrWhiteSpace(movement))
        {
            if (!Enum.TryParse<ClassMovement>(movement, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(movement, out _))
                return CommandResult<PagedResult<ClassChangeView>>.Invalid("movement", $"must be one of {string.Join(", ", Enum.GetNames<ClassMovement>())}.");
            only = parsed;
        }
        var size = PageLimits.Size(pageSize);
        var number = PageLimits.Number(page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.ClassificationRuns.AnyAsync(r => r.Id == runId, ct))
            return CommandResult<PagedResult<ClassChangeView>>.NotFound();

        var changes = db.ClassChanges.Where(c => c.RunId == runId);
        if (only is { } m) changes = changes.Where(c => c.Movement == m);
        var visible = changes.Join(db.Customers.VisibleTo(viewer), ch => ch.CustomerId, c => c.Id, (ch, c) => new { ch, c.Code, c.Name, c.Type });
        var total = await visible.CountAsync(ct);
        var rows = await visible.OrderBy(x => x.ch.CustomerId).ThenBy(x => x.ch.Dimension)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var mask = CustomerMasking.Masks(viewer);
        var items = rows.ConvertAll(x => new ClassChangeView(x.ch.CustomerId, x.Code, CustomerMasking.Name(x.Name, x.Type, mask),
            x.ch.Dimension, x.ch.From, x.ch.To, x.ch.Movement, x.ch.Reason, x.ch.PreviousRevenueFen, x.ch.CurrentRevenueFen));
        return CommandResult<PagedResult<ClassChangeView>>.Ok(new(items, total, number, size));
    }
}
