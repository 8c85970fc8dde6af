using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Privacy;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Complaints;

/// <summary>Filters of the complaint list (query string of GET /api/v1/complaints).</summary>
public sealed class ComplaintListQuery
{
    /// <summary>true: only open ones; false: only closed or declined ones.</summary>
    public bool? Open { get; set; }
    public ComplaintStage? Stage { get; set; }
    public ComplaintCategory? Category { get; set; }
    public ComplaintPriority? Priority { get; set; }
    public int? CustomerId { get; set; }
    /// <summary>Only those the viewer handles or took.</summary>
    public bool? Mine { get; set; }
    /// <summary>Only open ones past their resolution deadline (the overdue board).</summary>
    public bool? Overdue { get; set; }
    /// <summary>A complaint number or its beginning.</summary>
    public string? Number { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
}

/// <summary>Reads complaints within the viewer's reach (<see cref="ComplaintScope"/>), masked for roles without personal-data rights.</summary>
public sealed class ComplaintQueries(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock, ComplaintClocks clocks)
{
    public async Task<PagedResult<ComplaintListItem>> ListAsync(Viewer viewer, ComplaintListQuery query, CancellationToken ct)
    {
        var size = PageLimits.Size(query.PageSize);
        var number = PageLimits.Number(query.Page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var complaints = db.Complaints.VisibleTo(viewer);
        if (query.Open is true) complaints = complaints.Where(c => c.Stage != ComplaintStage.Closed && c.Stage != ComplaintStage.Declined);
        if (query.Open is false) complaints = complaints.Where(c => c.Stage == ComplaintStage.Closed || c.Stage == ComplaintStage.Declined);
        if (query.Stage is { } stage) complaints = complaints.Where(c => c.Stage == stage);
        if (query.Category is { } category) complaints = complaints.Where(c => c.Category == category);
        if (query.Priority is { } priority) complaints = complaints.Where(c => c.Priority == priority);
        if (query.CustomerId is { } customerId) complaints = complaints.Where(c => c.CustomerId == customerId);
        if (query.Mine is true && viewer.UserId is int me) complaints = complaints.Where(c => c.HandlerId == me || c.FirstContactOwnerId == me);
        if (query.Overdue is true)
        {
            var now = clock.GetUtcNow();
            complaints = complaints.Where(c => c.Stage != ComplaintStage.Closed && c.Stage != ComplaintStage.Declined
                && !c.WaitingForCustomer && c.ResolutionDueAt != null && c.ResolutionDueAt < now);
        }
        if (!string.IsNullOrWhiteSpace(query.Number))
        {
            var start = query.Number.Trim().ToUpperInvariant();
            var end = start + "~";
            complaints = complaints.Where(c => string.Compare(c.Number, start) >= 0 && string.Compare(c.Number, end) < 0);
        }

        var total = await complaints.CountAsync(ct);
        // Overdue board: the most urgent deadline first; otherwise the newest first.
        var ordered = query.Overdue is true
            ? complaints.OrderBy(c => c.ResolutionDueAt).ThenBy(c => c.Id)
            : complaints.OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id);
        var items = await ItemsAsync(db, viewer, ordered.Skip((number - 1) * size).Take(size), ct);
        return new(items, total, number, size);
    }

    /// <summary>
    /// The overdue board: open complaints not waiting for the customer whose resolution deadline is past or whose
    /// warning time has come, the most urgent deadline first (at most 200: a board, not an archive).
    /// </summary>
    public async Task<IReadOnlyList<ComplaintListItem>> OverdueBoardAsync(Viewer viewer, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var due = db.Complaints.VisibleTo(viewer)
            .Where(c => c.Stage != ComplaintStage.Closed && c.Stage != ComplaintStage.Declined && !c.WaitingForCustomer
                && ((c.ResolutionWarnAt != null && c.ResolutionWarnAt <= now) || (c.ResolutionDueAt != null && c.ResolutionDueAt <= now)))
            .OrderBy(c => c.ResolutionDueAt).ThenBy(c => c.Id).Take(PageLimits.MaxPageSize);
        return await ItemsAsync(db, viewer, due, ct);
    }

    private async Task<List<ComplaintListItem>> ItemsAsync(CrmDbContext db, Viewer viewer, IQueryable<Complaint> page, CancellationToken ct)
    {
        var rows = await page
            .Select(c => new
            {
                c.Id, c.Number, c.CustomerId, c.CallerPhone, c.Channel, c.Category, c.Priority, c.Stage, c.WaitingForCustomer,
                c.EscalationLevel, c.RecordedAt, c.ResolutionDueAt, c.ResolutionWarnAt, c.ClosedAt,
                Customer = db.Customers.Where(x => x.Id == c.CustomerId).Select(x => new { x.Code, x.Name, x.Type }).FirstOrDefault(),
                Handler = db.Users.Where(u => u.Id == c.HandlerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var mask = CustomerMasking.Masks(viewer);
        return rows.ConvertAll(r => new ComplaintListItem(
            r.Id, r.Number, r.CustomerId, r.Customer?.Code, r.Customer is { } cu ? CustomerMasking.Name(cu.Name, cu.Type, mask) : null,
            mask ? PersonalDataMask.Phone(r.CallerPhone) : r.CallerPhone, r.Channel, r.Category, r.Priority, r.Stage,
            ComplaintWorkflow.StepNumber(r.Stage), r.WaitingForCustomer, r.EscalationLevel, r.Handler, r.RecordedAt, r.ResolutionDueAt, r.ClosedAt,
            r.ResolutionWarnAt, StoredState(r.Stage, r.WaitingForCustomer, r.ResolutionWarnAt, r.ResolutionDueAt, r.ClosedAt, now)));
    }

    /// <summary>The resolution clock's state as the stored deadlines tell it (they are brought up to date at every step).</summary>
    public static ServiceLevelState StoredState(ComplaintStage stage, bool waiting, DateTimeOffset? warnAt, DateTimeOffset? dueAt, DateTimeOffset? closedAt, DateTimeOffset now)
    {
        if (stage is ComplaintStage.Closed or ComplaintStage.Declined)
            return dueAt is { } d && (closedAt ?? now) > d ? ServiceLevelState.Missed : ServiceLevelState.Met;
        if (waiting) return ServiceLevelState.Paused;
        if (dueAt is { } due && now >= due) return ServiceLevelState.Breached;
        if (warnAt is { } warn && now >= warn) return ServiceLevelState.Warning;
        return ServiceLevelState.OnTrack;
    }

    public async Task<ComplaintDetail?> GetAsync(Viewer viewer, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Complaints.VisibleTo(viewer).AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var customer = c.CustomerId is int customerId
            ? await db.Customers.Where(x => x.Id == customerId).Select(x => new { x.Code, x.Name, x.Type }).SingleOrDefaultAsync(ct)
            : null;
        var userIds = new[] { c.FirstContactOwnerId, c.HandlerId ?? 0 };
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var outletName = c.HandlingOutletId is int outletId
            ? await db.Outlets.Where(o => o.Id == outletId).Select(o => o.Name).SingleOrDefaultAsync(ct)
            : null;
        var waybills = await db.ComplaintWaybills.Where(w => w.ComplaintId == id).OrderBy(w => w.WaybillNumber).Select(w => w.WaybillNumber).ToListAsync(ct);
        var steps = await db.ComplaintSteps.Where(s => s.ComplaintId == id).OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new ComplaintStepView(s.At, s.Action, s.Step, s.FromStage, s.ToStage, s.ActorName, s.Note, s.DataJson))
            .ToListAsync(ct);
        var pauses = await db.ComplaintPauses.Where(p => p.ComplaintId == id).Select(p => new ClockPause(p.From, p.To)).ToListAsync(ct);

        var now = clock.GetUtcNow();
        var mask = CustomerMasking.Masks(viewer);
        var actor = new ComplaintActor(viewer.Role, c.HandlerId == viewer.UserId, c.FirstContactOwnerId == viewer.UserId);
        var allowed = ComplaintWorkflow.AllowedActions(c.State).Where(a => ComplaintPermissions.Allows(actor, a)).ToList();
        return new ComplaintDetail(
            c.Id, c.Number, c.Version, c.CustomerId, customer?.Code, customer is { } cu ? CustomerMasking.Name(cu.Name, cu.Type, mask) : null,
            mask ? PersonalDataMask.Phone(c.CallerPhone) : c.CallerPhone, mask ? PersonalDataMask.PersonName(c.CallerName) : c.CallerName,
            c.Channel, c.Category, ComplaintTaxonomy.GroupOf(c.Category), c.Priority, c.Description, c.Demand, waybills,
            names.GetValueOrDefault(c.FirstContactOwnerId, "?"), c.RecordedAt,
            c.Stage, ComplaintWorkflow.StepNumber(c.Stage), c.WaitingForCustomer, c.EscalationLevel,
            c.DeclineReason, c.HandlingOutletId, outletName, c.HandlerId, c.HandlerId is int h ? names.GetValueOrDefault(h) : null,
            c.Cause, c.Responsibility, c.ResponsibleDetail,
            c.Remedy, c.RemedyDetail, Domain.Shipments.Money.ToYuan(c.RemedyAmountFen), c.RemedyPoints, c.ApprovalRequired,
            c.ApprovedAt, c.CarriedOutAt, c.FeedbackAtClose, c.Summary, c.Lesson, c.CorrectiveAction, c.ClosedAt,
            ComplaintClocks.View(clocks.FirstResponse(c, now)), ComplaintClocks.View(clocks.Resolution(c, pauses, now)),
            steps, allowed);
    }
    public async Task<bool> IsVisibleAsync(Viewer viewer, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Complaints.VisibleTo(viewer).AnyAsync(c => c.Id == id, ct);
    }

    /// <summary>
    /// Staff a complaint can be assigned, reassigned or escalated to: active, of a role that handles complaints (not
    /// analysts or reception), with an outlet; within the viewer's region (complaints cross outlets, and the senior
    /// handler an escalation needs usually sits at another one), everyone for administrators and company-wide scopes.
    /// Most senior first, so the escalation picker starts with the managers.
    /// </summary>
    public async Task<IReadOnlyList<ComplaintHandlerOption>> AssignableHandlersAsync(Viewer viewer, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = db.Users.Where(u => u.IsActive && u.OutletId != null && u.Role != StaffRole.Analyst && u.Role != StaffRole.Reception)
            .Join(db.Outlets, u => u.OutletId, o => o.Id, (u, o) => new { u.Id, u.DisplayName, u.Role, OutletId = o.Id, OutletName = o.Name, o.RegionId });
        if (!viewer.IsAdministrator && viewer.Scope != DataScope.All)
            staff = staff.Where(s => s.RegionId == viewer.RegionId);
        var rows = await staff.ToListAsync(ct);
        return rows.Select(s => new ComplaintHandlerOption(s.Id, s.DisplayName, s.Role, s.OutletId, s.OutletName))
            .OrderBy(s => Seniority(s.Role)).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Who is more senior for an escalation: administrators, managers, complaint handlers, then the rest.</summary>
    public static int Seniority(StaffRole role) => role switch
    {
        StaffRole.Administrator => 0,
        StaffRole.Manager => 1,
        StaffRole.ComplaintHandler => 2,
        StaffRole.CustomerServiceAgent => 3,
        _ => 4,
    };
}
