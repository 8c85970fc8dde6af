using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Incidents;

/// <summary>Filters of the incident list (query string of GET /api/v1/incidents).</summary>
public sealed class IncidentListQuery
{
    public IncidentStatus? Status { get; set; }
    public IncidentKind? Kind { get; set; }
    public IncidentGrade? Grade { get; set; }
    public IncidentSource? Source { get; set; }
    public int? OutletId { get; set; }
    public int? CustomerId { get; set; }
    public int? ComplaintId { get; set; }
    /// <summary>Only incidents with a report past due and not made.</summary>
    public bool? OverdueReports { get; set; }
    /// <summary>An incident number or a waybill number, or the beginning of one.</summary>
    public string? Number { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
}

/// <summary>Reads incidents in the viewer's data scope (<see cref="DataScopeQueries.VisibleTo"/>), customer names masked as elsewhere.</summary>
public sealed class IncidentQueries(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The audit log's entity type of incidents; their history is read from it.</summary>
    public const string Entity = "ServiceIncident";

    public async Task<PagedResult<IncidentListItem>> ListAsync(Viewer viewer, IncidentListQuery query, CancellationToken ct)
    {
        var size = PageLimits.Size(query.PageSize);
        var page = PageLimits.Number(query.Page);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incidents = db.ServiceIncidents.VisibleTo(viewer);
        if (query.Status is { } status) incidents = incidents.Where(i => i.Status == status);
        if (query.Kind is { } kind) incidents = incidents.Where(i => i.Kind == kind);
        if (query.Grade is { } grade) incidents = incidents.Where(i => i.Grade == grade);
        if (query.Source is { } source) incidents = incidents.Where(i => i.Source == source);
        if (query.OutletId is { } outletId) incidents = incidents.Where(i => i.OutletId == outletId);
        if (query.CustomerId is { } customerId) incidents = incidents.Where(i => i.CustomerId == customerId);
        if (query.ComplaintId is { } complaintId) incidents = incidents.Where(i => i.ComplaintId == complaintId);
        if (query.OverdueReports is true)
            incidents = incidents.Where(i => i.Status == IncidentStatus.Open
                && db.IncidentReports.Any(r => r.IncidentId == i.Id && r.ReportedAt == null && r.DueAt < now));
        if (!string.IsNullOrWhiteSpace(query.Number))
        {
            // Ranges on the two unique/indexed columns, not LIKE (which scans on SQLite).
            var start = query.Number.Trim().ToUpperInvariant();
            var end = start + "~";
            incidents = incidents.Where(i => (string.Compare(i.Number, start) >= 0 && string.Compare(i.Number, end) < 0)
                || (string.Compare(i.WaybillNumber, start) >= 0 && string.Compare(i.WaybillNumber, end) < 0));
        }

        var total = await incidents.CountAsync(ct);
        var rows = await incidents.OrderByDescending(i => i.RecordedAt).ThenByDescending(i => i.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(i => new
            {
                i.Id, i.Number, i.WaybillNumber, i.CustomerId, i.Source, i.Kind, i.Status, i.Grade, i.ExpectedLossFen, i.OccurredAt, i.RecordedAt,
                Customer = db.Customers.Where(c => c.Id == i.CustomerId).Select(c => new { c.Code, c.Name, c.Type }).FirstOrDefault(),
                Outlet = db.Outlets.Where(o => o.Id == i.OutletId).Select(o => o.Name).FirstOrDefault(),
                Overdue = db.IncidentReports.Count(r => r.IncidentId == i.Id && r.ReportedAt == null && r.DueAt < now),
                NextDue = db.IncidentReports.Where(r => r.IncidentId == i.Id && r.ReportedAt == null).Min(r => (DateTimeOffset?)r.DueAt),
            })
            .ToListAsync(ct);
        var mask = CustomerMasking.Masks(viewer);
        var items = rows.ConvertAll(r => new IncidentListItem(
            r.Id, r.Number, r.WaybillNumber, r.CustomerId, r.Customer?.Code,
            r.Customer is { } c ? CustomerMasking.Name(c.Name, c.Type, mask) : null,
            r.Source, r.Kind, r.Status, r.Grade, Domain.Shipments.Money.ToYuan(r.ExpectedLossFen), r.Outlet ?? "",
            r.OccurredAt, r.RecordedAt, r.Status == IncidentStatus.Open ? r.Overdue : 0, r.Status == IncidentStatus.Open ? r.NextDue : null));
        return new(items, total, page, size);
    }

    public async Task<IncidentDetail?> GetAsync(Viewer viewer, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await db.ServiceIncidents.VisibleTo(viewer).AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (i is null) return null;
        var customer = i.CustomerId is int customerId
            ? await db.Customers.Where(c => c.Id == customerId).Select(c => new { c.Code, c.Name, c.Type }).SingleOrDefaultAsync(ct)
            : null;
        var complaintNumber = i.ComplaintId is int complaintId
            ? await db.Complaints.Where(c => c.Id == complaintId).Select(c => c.Number).SingleOrDefaultAsync(ct)
            : null;
        var place = await db.Outlets.Where(o => o.Id == i.OutletId)
            .Select(o => new { o.Name, Region = db.Regions.Where(r => r.Id == o.RegionId).Select(r => r.Name).FirstOrDefault() })
            .SingleAsync(ct);
        var reports = await db.IncidentReports.Where(r => r.IncidentId == id).AsNoTracking().ToListAsync(ct);
        var userIds = reports.Select(r => r.ReportedById).Append(i.RecordedById).OfType<int>().Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var history = await db.AuditEntries.Where(a => a.EntityType == Entity && a.EntityId == key)
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new { a.At, a.ActorName, a.Summary })
            .ToListAsync(ct);

        var now = clock.GetUtcNow();
        var mask = CustomerMasking.Masks(viewer);
        var reportViews = reports.OrderBy(r => r.Level)
            .Select(r => new IncidentReportView(r.Level, r.DueAt, StateOf(r, now), r.ReportedAt,
                r.ReportedById is int by ? names.GetValueOrDefault(by) : null, r.Note, r.AlertedAt))
            .ToList();
        return new IncidentDetail(
            i.Id, i.Number, i.Version, i.WaybillNumber, i.CustomerId, customer?.Code,
            customer is { } c ? CustomerMasking.Name(c.Name, c.Type, mask) : null,
            i.ComplaintId, complaintNumber, i.Source, i.Kind, i.Status, i.Insured,
            Domain.Shipments.Money.ToYuan(i.DeclaredValueFen), Domain.Shipments.Money.ToYuan(i.FreightFen),
            Domain.Shipments.Money.ToYuan(i.ExpectedLossFen), i.Grade, i.Responsibility, i.ThirdPartyName, i.Handling, i.Description,
            i.OccurredAt, i.RecordedAt, i.RecordedById is int rb ? names.GetValueOrDefault(rb) : null, i.ClosedAt,
            i.OutletId, place.Name, place.Region ?? "", i.UpdatedAt, reportViews,
            history.ConvertAll(h => HistoryEntry(h.At, h.ActorName, i.Number, h.Summary ?? "")), IncidentPermissions.MayHandle(viewer.Role));
    }

    /// <summary>The outlets the filter offers: those the viewer's scope reaches.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> OutletsAsync(Viewer viewer, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var outlets = db.Outlets.AsQueryable();
        if (viewer.Scope == DataScope.Region && viewer.RegionId is int region) outlets = outlets.Where(o => o.RegionId == region);
        else if (viewer.Scope != DataScope.All && viewer.OutletId is int outlet) outlets = outlets.Where(o => o.Id == outlet);
        var rows = await outlets.OrderBy(o => o.Code).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return rows.ConvertAll(o => (o.Id, o.Name));
    }

    /// <summary>Reads back the summaries <see cref="IncidentRecording"/> and <see cref="IncidentActions"/> write ("SG-… reported to NextLevel").</summary>
    private static IncidentHistoryEntry HistoryEntry(DateTimeOffset at, string actor, string number, string summary)
    {
        var what = summary.StartsWith(number, StringComparison.Ordinal) ? summary[number.Length..].Trim() : summary;
        static string After(string text, string marker) => text[(text.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim();
        return what switch
        {
            _ when what.StartsWith("drafted", StringComparison.Ordinal) => new(at, actor, IncidentEvent.Drafted, null, summary),
            _ when what.StartsWith("changed, regraded", StringComparison.Ordinal) => new(at, actor, IncidentEvent.Regraded, After(what, "→"), summary),
            _ when what.StartsWith("changed", StringComparison.Ordinal) => new(at, actor, IncidentEvent.Changed, null, summary),
            _ when what.StartsWith("confirmed", StringComparison.Ordinal) => new(at, actor, IncidentEvent.Confirmed, null, summary),
            _ when what.StartsWith("dismissed", StringComparison.Ordinal) => new(at, actor, IncidentEvent.Dismissed, what.Contains(':') ? After(what, ":") : null, summary),
            _ when what.StartsWith("closed", StringComparison.Ordinal) => new(at, actor, IncidentEvent.Closed, null, summary),
            _ when what.StartsWith("reported to", StringComparison.Ordinal) => new(at, actor, IncidentEvent.Reported, After(what, "reported to"), summary),
            _ => new(at, actor, IncidentEvent.Recorded, null, summary),
        };
    }

    public static ReportState StateOf(IncidentReport report, DateTimeOffset now) =>
        report.ReportedAt is { } at ? (at > report.DueAt ? ReportState.ReportedLate : ReportState.Reported)
        : report.DueAt < now ? ReportState.Overdue : ReportState.Due;
}
