using System.Globalization;
using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using CourierCrm.Web.Exports;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Complaints.Reports;

/// <summary>A finished report export, ready to hand to the browser.</summary>
public sealed record ReportFile(string FileName, string ContentType, byte[] Content, int Rows);

/// <summary>
/// Every figure of the complaint reports, one row each, and the whole lessons list, as CSV or Excel through the
/// exports' <see cref="TableWriter"/> (the one formula-safe cell rule). A report is a few hundred rows plus its
/// lessons, so the file is made in the request, like the classification dashboard's. Needs the export right;
/// audited.
/// </summary>
public sealed class ComplaintReportExport(
    ComplaintReportQueries queries, IDbContextFactory<CrmDbContext> dbFactory, AuditLog audit, TimeProvider clock, IStringLocalizer<ComplaintReportTexts> t)
{
    /// <summary>Lessons beyond this many are left out of one file (the list page pages through all of them).</summary>
    public const int MaxLessons = 10_000;

    public async Task<CommandResult<ReportFile>> ExportAsync(Viewer viewer, ComplaintReportQuery query, ExportFormat format, CancellationToken ct)
    {
        if (!viewer.CanExport) return CommandResult<ReportFile>.Forbidden("Your role cannot export.");
        var read = await queries.ReadAsync(viewer, query, ct);
        if (!read.Succeeded) return CommandResult<ReportFile>.Invalid(read.Errors!);
        var report = read.Value!;
        var (filter, _) = ComplaintReportFilters.Parse(query, queries.Today);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lessons = await ComplaintReportQueries.LessonsAsync(db, viewer, filter!, ct, MaxLessons);

        using var content = new MemoryStream();
        int rows;
        using (var writer = TableWriter.Open(format, content, t["Export.Sheet"], Columns()))
        {
            foreach (var row in Rows(report, lessons.Items)) writer.WriteRow(row);
            writer.Complete();
            rows = (int)writer.Rows;
        }
        var kind = format == ExportFormat.Xlsx ? "Excel" : "CSV";
        await audit.WriteAsync(viewer, AuditAction.Export, "ComplaintReport", null,
            $"{kind} export of the complaint reports {Day(report.From)}…{Day(report.To)} (outlet {report.OutletId?.ToString(CultureInfo.InvariantCulture) ?? "all"}, region {report.RegionId?.ToString(CultureInfo.InvariantCulture) ?? "all"}; {report.Complaints} complaints, {rows} rows)", ct);
        var fileName = $"complaint-reports-{CompanyTime.Local(clock.GetUtcNow()):yyyyMMdd-HHmm}{TableWriter.Extension(format)}";
        var contentType = format == ExportFormat.Xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
        return CommandResult<ReportFile>.Ok(new ReportFile(fileName, contentType, content.ToArray(), rows));
    }

    private List<ExportColumn> Columns() =>
    [
        new(t["Export.Figure"], Width: 18),
        new(t["Export.Item"], Width: 28),
        new(t["Export.Complaints"], ColumnKind.Integer, 12),
        new(t["Export.Waybills"], ColumnKind.Integer, 12),
        new(t["Export.PerTenThousand"], ColumnKind.Money, 12),
        new(t["Export.Value"], ColumnKind.Money, 14),
        new(t["Export.Share"], ColumnKind.Money, 12),
        new(t["Export.Text"], Width: 60),
    ];

    /// <summary>Figure, item, complaints, waybills, per 10,000, value (hours or yuan), share %, text.</summary>
    private IEnumerable<object?[]> Rows(ComplaintReport r, IReadOnlyList<LessonRow> lessons)
    {
        yield return [t["Export.Period"].Value, $"{Day(r.From)} – {Day(r.To)}", r.Complaints, r.Waybills, r.PerTenThousand, null, null, null];
        string category = t["Category.Title"];
        foreach (var c in r.ByCategory) yield return [category, t.Of(c.Category), c.Complaints, null, null, null, Pct(c.Share), null];
        string outlet = t["Outlet.Title"];
        foreach (var o in r.ByOutlet) yield return [outlet, o.OutletName, o.Complaints, o.Waybills, o.PerTenThousand, null, null, null];
        string handler = t["Handler.Title"];
        foreach (var h in r.ByHandler)
            yield return [handler, h.HandlerName ?? t["Handler.None"].Value, h.Complaints, null, null, Hours(h.MedianHours), null, t["Export.ClosedMedian", h.Closed].Value];
        string month = t["Month.Title"];
        foreach (var m in r.ByMonth) yield return [month, ComplaintReportLabels.Month(m.Month), m.Complaints, m.Waybills, m.PerTenThousand, null, null, null];
        string handling = t["Handling.Title"];
        yield return [handling, t["Handling.Median"].Value, r.HandlingTime.Closed, null, null, Hours(r.HandlingTime.MedianHours), null, t["Handling.Basis"].Value];
        yield return [handling, t["Handling.P90"].Value, r.HandlingTime.Closed, null, null, Hours(r.HandlingTime.P90Hours), null, t["Handling.Basis"].Value];
        yield return [handling, t["Handling.Mean"].Value, r.HandlingTime.Closed, null, null, Hours(r.HandlingTime.MeanHours), null, t["Handling.Basis"].Value];
        string sla = t["Sla.Title"];
        var s = r.ServiceLevels;
        yield return [sla, t["Sla.FirstResponse"].Value, s.FirstResponseMet + s.FirstResponseMissed, null, null, null, Pct(s.FirstResponseCompliance), t["Sla.MetMissed", s.FirstResponseMet, s.FirstResponseMissed].Value];
        yield return [sla, t["Sla.Resolution"].Value, s.ResolutionMet + s.ResolutionMissed, null, null, null, Pct(s.ResolutionCompliance), t["Sla.MetMissed", s.ResolutionMet, s.ResolutionMissed].Value];
        string causes = t["Causes.Title"];
        foreach (var c in r.Causes)
            yield return [causes, $"{t.Of(c.Category)} · {t.Of(c.Responsibility)}", c.Complaints, null, null, null, Pct(c.Share), t["Causes.Cumulative", Pct(c.CumulativeShare) ?? 0].Value];
        foreach (var m in r.Compensation)
        {
            yield return [t["Money.Paid"].Value, ComplaintReportLabels.Month(m.Month), null, null, null, m.Paid, null, null];
            yield return [t["Money.Recovered"].Value, ComplaintReportLabels.Month(m.Month), null, null, null, m.Recovered, null, null];
            yield return [t["Money.Remedies"].Value, ComplaintReportLabels.Month(m.Month), null, null, null, m.Remedies, null, null];
        }
        string lesson = t["Lessons.Title"];
        foreach (var l in lessons)
            yield return [lesson, $"{l.Number} {t.Of(l.Category)} {CompanyTime.Date(l.ClosedAt)}", null, null, null, null, null,
                l.CorrectiveAction is { } action ? $"{l.Lesson} → {action}" : l.Lesson];
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal? Pct(decimal? share) => share is { } s ? Math.Round(s * 100, 2) : null;

    private static decimal? Hours(double? hours) => hours is { } h ? (decimal)h : null;
}
