using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Localization;
using CourierCrm.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Claims;

/// <summary>Which deadline a claim has let pass.</summary>
public enum ClaimOverdue
{
    /// <summary>Still undecided after the customer's filing deadline: the customer waits too long.</summary>
    Filing,
    /// <summary>A third party is responsible, nothing was recovered and the recovery deadline has passed.</summary>
    Recovery,
}

/// <summary>Filters of the claim list (query string of GET /api/v1/claims).</summary>
public sealed class ClaimListQuery
{
    public ClaimStatus? Status { get; set; }
    public ClaimOverdue? Overdue { get; set; }
    /// <summary>Claimed amount from, in yuan.</summary>
    public decimal? MinAmount { get; set; }
    /// <summary>Claimed amount up to (included), in yuan.</summary>
    public decimal? MaxAmount { get; set; }
    public int? IncidentId { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
}

/// <summary>
/// Reads claims in the viewer's reach: a claim is visible to whoever sees its incident (the incident is scoped
/// like its customer, <see cref="DataScopeQueries.VisibleTo{T}"/>). Customer names masked as everywhere.
/// </summary>
public sealed class ClaimQueries(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock, ClaimRules rules)
{
    // A member-init class (not a positional record) so EF can keep composing filters on its members.
    private sealed class Row
    {
        public required Claim Claim { get; init; }
        public required ServiceIncident Incident { get; init; }
    }

    public async Task<ClaimList> ListAsync(Viewer viewer, ClaimListQuery query, CancellationToken ct)
    {
        var size = PageLimits.Size(query.PageSize);
        var number = PageLimits.Number(query.Page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Filtered(db, viewer, query);

        var sums = await rows.GroupBy(r => 1).Select(g => new
        {
            Count = g.Count(),
            Claimed = g.Sum(r => r.Claim.ClaimedFen),
            Approved = g.Sum(r => r.Claim.ApprovedFen ?? 0),
            Paid = g.Sum(r => r.Claim.PaidFen ?? 0),
            Recovered = g.Sum(r => r.Claim.RecoveredFen),
        }).SingleOrDefaultAsync(ct);
        var totals = sums is null
            ? new ClaimTotals(0, 0, 0, 0, 0)
            : new ClaimTotals(sums.Count, Money.ToYuan(sums.Claimed), Money.ToYuan(sums.Approved), Money.ToYuan(sums.Paid), Money.ToYuan(sums.Recovered));

        var page = rows.OrderByDescending(r => r.Claim.FiledOn).ThenByDescending(r => r.Claim.Id).Skip((number - 1) * size).Take(size);
        var items = await ItemsAsync(db, viewer, page, ct);
        return new(items, totals.Count, number, size, totals);
    }

    public async Task<IncidentClaimList?> ForIncidentAsync(Viewer viewer, int incidentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var status = await db.ServiceIncidents.VisibleTo(viewer).Where(i => i.Id == incidentId).Select(i => (IncidentStatus?)i.Status).SingleOrDefaultAsync(ct);
        if (status is not { } incidentStatus) return null;
        var rows = Filtered(db, viewer, new ClaimListQuery { IncidentId = incidentId }).OrderBy(r => r.Claim.Id);
        var items = await ItemsAsync(db, viewer, rows, ct);
        var mayFile = ClaimRules.MayFile(viewer.Role) && incidentStatus is IncidentStatus.Open or IncidentStatus.Closed;
        return new(incidentStatus, mayFile, items);
    }

    public async Task<ClaimDetail?> GetAsync(Viewer viewer, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Scoped(db, viewer).AsNoTracking().SingleOrDefaultAsync(r => r.Claim.Id == id, ct);
        if (row is null) return null;
        var (c, i) = (row.Claim, row.Incident);
        var customer = i.CustomerId is int customerId
            ? await db.Customers.Where(x => x.Id == customerId).Select(x => new { x.Name, x.Type }).SingleOrDefaultAsync(ct)
            : null;
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var history = await db.AuditEntries.Where(a => a.EntityType == ClaimHistory.EntityType && a.EntityId == key)
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new { a.At, a.Action, a.ActorId, a.ActorName, a.Summary, a.After })
            .ToListAsync(ct);
        var filedById = history.FirstOrDefault(h => h.Action == AuditAction.Create)?.ActorId;
        var approver = c.ApprovedById is int approverId
            ? await db.Users.Where(u => u.Id == approverId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct)
            : null;

        var today = ClaimRules.Day(clock.GetUtcNow());
        var facts = new ClaimFacts(c.ClaimedFen, c.ActualLossFen, i.Insured, i.DeclaredValueFen, i.FreightFen);
        var decision = rules.Rule.Decide(facts);
        var rule = new ClaimRuleView(i.Insured, Money.ToYuan(i.DeclaredValueFen), Money.ToYuan(i.FreightFen),
            rules.Rule.UninsuredFreightMultiple, Money.ToYuan(decision.CapFen), c.RuleLimit);
        // The customer's deadline was met by filing; it still shows how long the customer would have had.
        var claimBy = new ClaimDeadlineView(c.CustomerClaimBy, c.Status == ClaimStatus.Filed ? c.CustomerClaimBy.DayNumber - today.DayNumber : null);
        ClaimDeadlineView? recoveryBy = null;
        if (i.Responsibility == IncidentResponsibility.ThirdParty)
        {
            var day = c.RecoveryBy ?? rules.Deadlines.RecoveryBy(ClaimRules.Day(i.RecordedAt));
            recoveryBy = new(day, c.RecoveredFen == 0 && c.Status != ClaimStatus.Rejected ? day.DayNumber - today.DayNumber : null);
        }
        var mask = CustomerMasking.Masks(viewer);
        return new ClaimDetail(
            c.Id, c.Version, i.Id, i.Number, i.WaybillNumber, i.Kind, i.Responsibility, i.ThirdPartyName,
            i.CustomerId, customer is { } cu ? CustomerMasking.Name(cu.Name, cu.Type, mask) : null,
            c.Status, Money.ToYuan(c.ClaimedFen), Money.ToYuan(c.ActualLossFen), Money.ToYuan(c.RuleAmountFen), rule, c.ApprovalRequired,
            c.ApprovedFen is { } approved ? Money.ToYuan(approved) : null, c.ApprovedAt, approver, c.RejectionReason,
            c.PaidFen is { } paid ? Money.ToYuan(paid) : null, c.PaidOn, c.PaymentReference, Money.ToYuan(c.RecoveredFen), c.RecoveredOn,
            c.FiledOn, history.FirstOrDefault(h => h.Action == AuditAction.Create)?.ActorName, claimBy, recoveryBy, c.Note,
            history.ConvertAll(h =>
            {
                var (step, amount) = ClaimHistory.Parse(h.Summary);
                return new ClaimHistoryEntry(h.At, h.Action, step, amount, h.ActorName, h.After);
            }),
            rules.Allowed(c, i.Responsibility, viewer, filedById));
    }

    private static IQueryable<Row> Scoped(CrmDbContext db, Viewer viewer) =>
        from c in db.Claims
        join i in db.ServiceIncidents.VisibleTo(viewer) on c.IncidentId equals i.Id
        select new Row { Claim = c, Incident = i };

    private IQueryable<Row> Filtered(CrmDbContext db, Viewer viewer, ClaimListQuery query)
    {
        var rows = Scoped(db, viewer);
        if (query.IncidentId is { } incidentId) rows = rows.Where(r => r.Claim.IncidentId == incidentId);
        if (query.Status is { } status) rows = rows.Where(r => r.Claim.Status == status);
        if (query.MinAmount is { } min) { var fen = Money.ToFen(min); rows = rows.Where(r => r.Claim.ClaimedFen >= fen); }
        if (query.MaxAmount is { } max) { var fen = Money.ToFen(max); rows = rows.Where(r => r.Claim.ClaimedFen <= fen); }
        var today = ClaimRules.Day(clock.GetUtcNow());
        if (query.Overdue == ClaimOverdue.Filing)
            rows = rows.Where(r => r.Claim.Status == ClaimStatus.Filed && r.Claim.CustomerClaimBy < today);
        if (query.Overdue == ClaimOverdue.Recovery)
        {
            // Past the deadline = recorded before the first day that still has time left (RecoveryBy is inclusive).
            var lastDay = today.AddDays(-rules.Deadlines.RecoveryDays).ToDateTime(TimeOnly.MinValue);
            var recordedBefore = new DateTimeOffset(lastDay, CompanyTime.Zone.GetUtcOffset(lastDay)).ToUniversalTime();
            rows = rows.Where(r => r.Incident.Responsibility == IncidentResponsibility.ThirdParty && r.Claim.RecoveredFen == 0
                && (r.Claim.Status == ClaimStatus.Approved || r.Claim.Status == ClaimStatus.Paid) && r.Incident.RecordedAt < recordedBefore);
        }
        return rows;
    }

    private static async Task<List<ClaimListItem>> ItemsAsync(CrmDbContext db, Viewer viewer, IQueryable<Row> rows, CancellationToken ct)
    {
        var list = await rows.Select(r => new
        {
            r.Claim, r.Incident.Number, r.Incident.WaybillNumber, r.Incident.Kind, r.Incident.CustomerId,
            Customer = db.Customers.Where(x => x.Id == r.Incident.CustomerId).Select(x => new { x.Name, x.Type }).FirstOrDefault(),
        }).AsNoTracking().ToListAsync(ct);
        var mask = CustomerMasking.Masks(viewer);
        return list.ConvertAll(r => new ClaimListItem(
            r.Claim.Id, r.Claim.IncidentId, r.Number, r.WaybillNumber, r.Kind, r.CustomerId,
            r.Customer is { } cu ? CustomerMasking.Name(cu.Name, cu.Type, mask) : null, r.Claim.Status,
            Money.ToYuan(r.Claim.ClaimedFen), Money.ToYuan(r.Claim.RuleAmountFen),
            r.Claim.ApprovedFen is { } a ? Money.ToYuan(a) : null, r.Claim.PaidFen is { } p ? Money.ToYuan(p) : null,
            Money.ToYuan(r.Claim.RecoveredFen), r.Claim.FiledOn, r.Claim.CustomerClaimBy, r.Claim.RecoveryBy));
    }
}
