using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Localization;
using CourierCrm.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Complaints.Reports;

/// <summary>
/// The complaint reports (issue 5 item 9) for a period, within the viewer's reach: complaints through
/// <see cref="ComplaintScope"/>, waybills through the customers' data scope, incidents and claims through
/// the incident's scope. Complaints are rare next to waybills (a few per 10,000), so the period's complaints
/// are read once as narrow rows and every complaint figure is computed from them, with the service-level
/// clocks of <see cref="ComplaintClocks"/> (business hours, pauses); waybills are only ever counted in SQL.
/// </summary>
public sealed class ComplaintReportQueries(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock, ComplaintClocks clocks)
{
    public DateOnly Today => DateOnly.FromDateTime(CompanyTime.Local(clock.GetUtcNow()).DateTime);

    public async Task<CommandResult<ComplaintReport>> ReadAsync(Viewer viewer, ComplaintReportQuery query, CancellationToken ct)
    {
        var (filter, errors) = ComplaintReportFilters.Parse(query, Today);
        if (filter is null) return CommandResult<ComplaintReport>.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (filter.OutletId is int outletId && !await db.Outlets.AnyAsync(o => o.Id == outletId, ct))
            return CommandResult<ComplaintReport>.Invalid("outletId", "No such outlet.");
        if (filter.RegionId is int regionId && !await db.Regions.AnyAsync(r => r.Id == regionId, ct))
            return CommandResult<ComplaintReport>.Invalid("regionId", "No such region.");

        var rows = await ComplaintRowsAsync(db, viewer, filter, ct);
        var volumes = await WaybillVolumes.CountAsync(db, viewer, filter, ct);
        var names = await NamesAsync(db, rows, volumes, ct);
        var handling = HandlingHours(rows);

        var waybills = volumes.Sum(v => v.Waybills);
        return CommandResult<ComplaintReport>.Ok(new ComplaintReport(
            filter.From, filter.To, filter.OutletId, filter.RegionId, rows.Count, waybills,
            ComplaintMetrics.PerTenThousandWaybills(rows.Count, waybills),
            ByCategory(rows), ByOutlet(rows, volumes, names.Outlets), ByHandler(rows, handling, names.Users), ByMonth(filter, rows, volumes),
            HandlingTime(handling.Values.ToList()), ServiceLevels(rows), Causes(rows),
            await CompensationAsync(db, viewer, filter, ct), await LessonsAsync(db, viewer, filter, ct)));
    }

    /// <summary>One page of the lessons list alone, for paging on the report page without reading every figure again.</summary>
    public async Task<CommandResult<PagedResult<LessonRow>>> LessonPageAsync(Viewer viewer, ComplaintReportQuery query, CancellationToken ct)
    {
        var (filter, errors) = ComplaintReportFilters.Parse(query, Today);
        if (filter is null) return CommandResult<PagedResult<LessonRow>>.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return CommandResult<PagedResult<LessonRow>>.Ok(await LessonsAsync(db, viewer, filter, ct));
    }

    public sealed record Place(int Id, string Name, int? RegionId);

    /// <summary>The regions and outlets the filter offers: those the viewer's data scope reaches.</summary>
    public async Task<(List<Place> Regions, List<Place> Outlets)> PlacesAsync(Viewer viewer, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var outlets = db.Outlets.AsNoTracking();
        if (viewer.Scope == DataScope.Region) outlets = outlets.Where(o => o.RegionId == viewer.RegionId);
        else if (viewer.Scope != DataScope.All) outlets = outlets.Where(o => o.Id == viewer.OutletId);
        var outletList = await outlets.OrderBy(o => o.Code).Select(o => new Place(o.Id, o.Name, o.RegionId)).ToListAsync(ct);
        var regionIds = outletList.Select(o => o.RegionId).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => regionIds.Contains(r.Id)).OrderBy(r => r.Code).Select(r => new Place(r.Id, r.Name, null)).ToListAsync(ct);
        return (regions, outletList);
    }

    /// <summary>A complaint as the reports need it, with its pauses for the resolution clock.</summary>
    internal sealed record Row(Complaint Complaint, IReadOnlyList<ClockPause> Pauses);

    internal static IQueryable<Complaint> InReach(CrmDbContext db, Viewer viewer, ComplaintReportFilter filter)
    {
        var complaints = db.Complaints.VisibleTo(viewer).AsNoTracking();
        if (filter.OutletId is int o) complaints = complaints.Where(c => c.OutletId == o);
        if (filter.RegionId is int r) complaints = complaints.Where(c => c.RegionId == r);
        return complaints;
    }

    private static async Task<List<Row>> ComplaintRowsAsync(CrmDbContext db, Viewer viewer, ComplaintReportFilter filter, CancellationToken ct)
    {
        var (start, end) = (filter.Start, filter.End);
        var list = await InReach(db, viewer, filter).Where(c => c.RecordedAt >= start && c.RecordedAt < end)
            .Select(c => new
            {
                c.Id, c.Number, c.Category, c.Priority, c.OutletId, c.HandlerId, c.RecordedAt, c.Stage, c.ClosedAt,
                c.FirstRespondedAt, c.Responsibility, Analysed = c.Cause != null,
            })
            .ToListAsync(ct);
        var closedIds = list.Where(c => c.ClosedAt != null).Select(c => c.Id).ToList();
        var pauses = new Dictionary<int, List<ClockPause>>();
        foreach (var chunk in closedIds.Chunk(500))
            foreach (var p in await db.ComplaintPauses.Where(p => chunk.Contains(p.ComplaintId)).Select(p => new { p.ComplaintId, p.From, p.To }).ToListAsync(ct))
                (pauses.TryGetValue(p.ComplaintId, out var l) ? l : pauses[p.ComplaintId] = []).Add(new ClockPause(p.From, p.To));
        return list.ConvertAll(c => new Row(
            new Complaint
            {
                Id = c.Id, Number = c.Number, Description = "", Category = c.Category, Priority = c.Priority, OutletId = c.OutletId,
                HandlerId = c.HandlerId, RecordedAt = c.RecordedAt, Stage = c.Stage, ClosedAt = c.ClosedAt, FirstRespondedAt = c.FirstRespondedAt,
                Responsibility = c.Responsibility, Cause = c.Analysed ? "" : null,
            },
            pauses.GetValueOrDefault(c.Id) ?? []));
    }

    private sealed record Names(Dictionary<int, string> Outlets, Dictionary<int, string> Users);

    private static async Task<Names> NamesAsync(CrmDbContext db, List<Row> rows, List<WaybillVolumes.Volume> volumes, CancellationToken ct)
    {
        var outletIds = rows.Select(r => r.Complaint.OutletId).Concat(volumes.Select(v => v.OutletId)).Distinct().ToList();
        var userIds = rows.Where(r => r.Complaint.HandlerId is not null).Select(r => r.Complaint.HandlerId!.Value).Distinct().ToList();
        return new(
            await db.Outlets.Where(o => outletIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct),
            await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct));
    }

    /// <summary>Working hours from recording to closing of each closed complaint (the resolution clock's reading).</summary>
    private Dictionary<int, double> HandlingHours(List<Row> rows)
    {
        var now = clock.GetUtcNow();
        return rows.Where(r => r.Complaint.ClosedAt is not null)
            .ToDictionary(r => r.Complaint.Id, r => clocks.Resolution(r.Complaint, r.Pauses, now).Used.TotalHours);
    }

    private static List<CategoryFigure> ByCategory(List<Row> rows) =>
        rows.GroupBy(r => r.Complaint.Category)
            .Select(g => new CategoryFigure(g.Key, ComplaintTaxonomy.GroupOf(g.Key), g.Count(), Share(g.Count(), rows.Count)))
            .OrderByDescending(f => f.Complaints).ThenBy(f => f.Category).ToList();

    private static List<OutletFigure> ByOutlet(List<Row> rows, List<WaybillVolumes.Volume> volumes, Dictionary<int, string> outlets)
    {
        var complaints = rows.GroupBy(r => r.Complaint.OutletId).ToDictionary(g => g.Key, g => g.Count());
        var waybills = volumes.GroupBy(v => v.OutletId).ToDictionary(g => g.Key, g => g.Sum(v => v.Waybills));
        return complaints.Keys.Union(waybills.Keys)
            .Select(id => new OutletFigure(id, outlets.GetValueOrDefault(id, "?"), complaints.GetValueOrDefault(id), waybills.GetValueOrDefault(id),
                ComplaintMetrics.PerTenThousandWaybills(complaints.GetValueOrDefault(id), waybills.GetValueOrDefault(id))))
            .OrderByDescending(f => f.Complaints).ThenBy(f => f.OutletName, StringComparer.Ordinal).ToList();
    }

    private static List<HandlerFigure> ByHandler(List<Row> rows, Dictionary<int, double> handling, Dictionary<int, string> users) =>
        rows.GroupBy(r => r.Complaint.HandlerId)
            .Select(g =>
            {
                var times = g.Where(r => handling.ContainsKey(r.Complaint.Id)).Select(r => TimeSpan.FromHours(handling[r.Complaint.Id])).ToList();
                return new HandlerFigure(g.Key, g.Key is int id ? users.GetValueOrDefault(id) : null, g.Count(),
                    g.Count(r => r.Complaint.ClosedAt is not null), Hours(ComplaintMetrics.Percentile(times, 0.5m)));
            })
            .OrderByDescending(f => f.Complaints).ThenBy(f => f.HandlerName, StringComparer.Ordinal).ToList();

    private static List<MonthFigure> ByMonth(ComplaintReportFilter filter, List<Row> rows, List<WaybillVolumes.Volume> volumes) =>
        filter.Months().Select(month =>
        {
            var inMonth = rows.Where(r => MonthOf(r.Complaint.RecordedAt) == month).ToList();
            var waybills = volumes.Where(v => v.Month == month).Sum(v => v.Waybills);
            return new MonthFigure(month, inMonth.Count, inMonth.Count(r => r.Complaint.ClosedAt is not null), waybills,
                ComplaintMetrics.PerTenThousandWaybills(inMonth.Count, waybills));
        }).ToList();

    private static HandlingTimeFigure HandlingTime(List<double> hours)
    {
        var times = hours.Select(TimeSpan.FromHours).ToList();
        return new(hours.Count, Hours(ComplaintMetrics.Percentile(times, 0.5m)), Hours(ComplaintMetrics.Percentile(times, 0.9m)),
            hours.Count == 0 ? null : Math.Round(hours.Average(), 2), "BusinessHours");
    }

    private ServiceLevelFigure ServiceLevels(List<Row> rows)
    {
        var now = clock.GetUtcNow();
        var first = rows.Where(r => r.Complaint.FirstRespondedAt is not null).Select(r => clocks.FirstResponse(r.Complaint, now).State).ToList();
        var resolution = rows.Where(r => r.Complaint.ClosedAt is not null).Select(r => clocks.Resolution(r.Complaint, r.Pauses, now).State).ToList();
        int Met(List<ServiceLevelState> s) => s.Count(x => x == ServiceLevelState.Met);
        int Missed(List<ServiceLevelState> s) => s.Count(x => x == ServiceLevelState.Missed);
        return new(Met(first), Missed(first), ComplaintMetrics.Compliance(Met(first), Missed(first)),
            Met(resolution), Missed(resolution), ComplaintMetrics.Compliance(Met(resolution), Missed(resolution)));
    }

    /// <summary>
    /// Top causes: the cause itself is free text, so the analysed complaints (step 4 done) are grouped by what
    /// the analysis fixes in fields, category and responsibility ("Delay · Internal"), biggest first.
    /// </summary>
    private static List<CauseFigure> Causes(List<Row> rows)
    {
        var analysed = rows.Where(r => r.Complaint.Cause is not null).ToList();
        var running = 0;
        return analysed.GroupBy(r => (r.Complaint.Category, r.Complaint.Responsibility))
            .Select(g => (g.Key, Count: g.Count()))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Key.Category).ThenBy(x => x.Key.Responsibility)
            .Select(x =>
            {
                running += x.Count;
                return new CauseFigure(x.Key.Category, x.Key.Responsibility, x.Count, Share(x.Count, analysed.Count), Share(running, analysed.Count));
            }).ToList();
    }

    /// <summary>Claims paid and recovered (by the day paid or recovered) and complaint remedies carried out, per month.</summary>
    private static async Task<List<CompensationMonth>> CompensationAsync(CrmDbContext db, Viewer viewer, ComplaintReportFilter filter, CancellationToken ct)
    {
        var incidents = Platform.Auth.DataScopeQueries.VisibleTo(db.ServiceIncidents, viewer);
        if (filter.OutletId is int o) incidents = incidents.Where(i => i.OutletId == o);
        if (filter.RegionId is int r) incidents = incidents.Where(i => i.RegionId == r);
        var claims = db.Claims.AsNoTracking().Where(c => incidents.Any(i => i.Id == c.IncidentId));
        var (from, to) = (filter.From, filter.To);
        var paid = await claims.Where(c => c.PaidOn != null && c.PaidOn >= from && c.PaidOn <= to && c.PaidFen != null)
            .Select(c => new { Day = c.PaidOn!.Value, Fen = c.PaidFen!.Value }).ToListAsync(ct);
        var recovered = await claims.Where(c => c.RecoveredOn != null && c.RecoveredOn >= from && c.RecoveredOn <= to && c.RecoveredFen > 0)
            .Select(c => new { Day = c.RecoveredOn!.Value, Fen = c.RecoveredFen }).ToListAsync(ct);
        var (start, end) = (filter.Start, filter.End);
        var remedies = await InReach(db, viewer, filter)
            .Where(c => c.CarriedOutAt != null && c.CarriedOutAt >= start && c.CarriedOutAt < end && c.RemedyAmountFen > 0)
            .Select(c => new { c.CarriedOutAt, Fen = c.RemedyAmountFen }).ToListAsync(ct);
        return filter.Months().Select(m => new CompensationMonth(m,
            Yuan(paid.Where(p => First(p.Day) == m).Sum(p => p.Fen)),
            Yuan(recovered.Where(p => First(p.Day) == m).Sum(p => p.Fen)),
            Yuan(remedies.Where(p => MonthOf(p.CarriedOutAt!.Value) == m).Sum(p => p.Fen)))).ToList();
    }

    /// <summary>Lessons from step eight of the complaints closed in the period, newest first.</summary>
    internal static async Task<PagedResult<LessonRow>> LessonsAsync(CrmDbContext db, Viewer viewer, ComplaintReportFilter filter, CancellationToken ct, int? take = null)
    {
        var (start, end) = (filter.Start, filter.End);
        var lessons = InReach(db, viewer, filter).Where(c => c.Lesson != null && c.ClosedAt != null && c.ClosedAt >= start && c.ClosedAt < end);
        var total = await lessons.CountAsync(ct);
        var (skip, size) = take is int all ? (0, all) : ((filter.Page - 1) * filter.PageSize, filter.PageSize);
        var items = await lessons.OrderByDescending(c => c.ClosedAt).ThenByDescending(c => c.Id).Skip(skip).Take(size)
            .Select(c => new LessonRow(c.Id, c.Number, c.Category, c.Lesson!, c.CorrectiveAction, c.ClosedAt!.Value))
            .ToListAsync(ct);
        return new(items, total, take is null ? filter.Page : 1, size);
    }

    private static DateOnly MonthOf(DateTimeOffset at)
    {
        var local = CompanyTime.Local(at);
        return new DateOnly(local.Year, local.Month, 1);
    }

    private static DateOnly First(DateOnly day) => new(day.Year, day.Month, 1);

    private static decimal Share(int part, int whole) => whole == 0 ? 0 : decimal.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);

    private static double? Hours(TimeSpan? time) => time is { } t ? Math.Round(t.TotalHours, 2) : null;

    private static decimal Yuan(long fen) => Domain.Shipments.Money.ToYuan(fen);
}
