using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Paging;
using CourierCrm.Web.Platform.Validation;
using CourierCrm.Web.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Segmentation.Churn;

/// <summary>Reads churn warnings of the customers in the viewer's scope, newest first.</summary>
public sealed class ChurnQueries(IDbContextFactory<CrmDbContext> dbFactory)
{
    public async Task<CommandResult<PagedResult<ChurnWarningView>>> ListAsync(Viewer viewer, ChurnWarningQuery query, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var signal = TaskQueries.Parse<ChurnSignal>(query.Signal, "signal", errors);
        var all = string.Equals(query.State, "all", StringComparison.OrdinalIgnoreCase);
        var state = all ? null : TaskQueries.Parse<ChurnWarningState>(query.State, "state", errors);
        var abc = TaskQueries.Parse<AbcClass>(query.Abc, "abc", errors);
        if (!errors.IsEmpty) return CommandResult<PagedResult<ChurnWarningView>>.Invalid(errors);

        var size = PageLimits.Size(query.PageSize);
        var number = PageLimits.Number(query.Page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Rows(db, viewer);
        if (signal is { } s) rows = rows.Where(r => r.Warning.Signal == s);
        if (state is { } st) rows = rows.Where(r => r.Warning.State == st);
        else if (!all) rows = rows.Where(r => r.Warning.State != ChurnWarningState.Resolved);
        if (abc is { } a) rows = rows.Where(r => r.Abc == a);

        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(r => r.Warning.RaisedOn).ThenByDescending(r => r.Warning.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var mask = CustomerMasking.Masks(viewer);
        return CommandResult<PagedResult<ChurnWarningView>>.Ok(new(page.ConvertAll(r => View(r, mask)), total, number, size));
    }

    public async Task<ChurnWarningView?> GetAsync(Viewer viewer, long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Rows(db, viewer).SingleOrDefaultAsync(r => r.Warning.Id == id, ct);
        return row is null ? null : View(row, CustomerMasking.Masks(viewer));
    }

    /// <summary>A warning with what the list shows beside it; a class made by EF from one query with left joins.</summary>
    internal sealed class Row
    {
        public required ChurnWarningRow Warning { get; init; }
        public required string Code { get; init; }
        public required string Name { get; init; }
        public CourierCrm.Domain.Customers.CustomerType Type { get; init; }
        public int? OwnerId { get; init; }
        public string? OwnerName { get; init; }
        public bool OwnerActive { get; init; }
        public AbcClass? Abc { get; init; }
        public DateOnly? LastShipment { get; init; }
        public DateOnly? RunAsOf { get; init; }
    }

    private static IQueryable<Row> Rows(CrmDbContext db, Viewer viewer) =>
        from w in db.ChurnWarnings
        join c in db.Customers.VisibleTo(viewer) on w.CustomerId equals c.Id
        join u in db.Users on c.OwnerId equals u.Id into owners
        from u in owners.DefaultIfEmpty()
        join k in db.CustomerClassifications on c.Id equals k.CustomerId into classes
        from k in classes.DefaultIfEmpty()
        join r in db.ClassificationRuns on w.RunId equals r.Id into runs
        from r in runs.DefaultIfEmpty()
        select new Row
        {
            Warning = w, Code = c.Code, Name = c.Name, Type = c.Type, OwnerId = c.OwnerId,
            OwnerName = u == null ? null : u.DisplayName, OwnerActive = u != null && u.IsActive,
            Abc = k == null ? null : k.Abc, LastShipment = k == null ? null : k.LastShipment,
            RunAsOf = r == null ? null : r.AsOf,
        };

    private static ChurnWarningView View(Row r, bool mask)
    {
        var w = r.Warning;
        return new(w.Id, w.CustomerId, r.Code, CustomerMasking.Name(r.Name, r.Type, mask), r.Abc, w.Signal,
            w.BaselineMonthly, w.RecentMonthly, w.DropShare, w.SilentDays, r.OwnerId, r.OwnerName, r.OwnerActive,
            w.RaisedOn, w.State, Cleared(r), w.AcknowledgedAt, w.ResolvedAt, w.Resolution, w.TaskId);
    }

    /// <summary>
    /// Whether today's data no longer shows the signal. Silent: a waybill after the last one the
    /// warning knew of (the run's day minus the silent days). Owner departed: the customer has an
    /// active owner again. A volume drop needs the monthly figures again: not known here.
    /// </summary>
    private static bool? Cleared(Row r) => r.Warning.Signal switch
    {
        ChurnSignal.Silent when r.RunAsOf is { } asOf && r.Warning.SilentDays is { } days =>
            r.LastShipment is { } last && last > asOf.AddDays(-days),
        ChurnSignal.OwnerDeparted => r.OwnerActive,
        _ => null,
    };
}
