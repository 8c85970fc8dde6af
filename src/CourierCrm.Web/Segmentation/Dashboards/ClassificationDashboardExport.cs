using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Exports;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Segmentation.Dashboards;

/// <summary>A finished dashboard export, ready to hand to the browser.</summary>
public sealed record DashboardFile(string FileName, string ContentType, byte[] Content, int Rows);

/// <summary>
/// The dashboard's figures (every card's numbers, one row each) as CSV or Excel, written with the exports'
/// <see cref="TableWriter"/> so text cells follow the one formula rule of all exports. The figures are a few
/// hundred rows at most, so the file is made in the request, not as a background job. Needs the export right;
/// every export leaves an audit entry, as the list exports do.
/// </summary>
public sealed class ClassificationDashboardExport(
    ClassificationDashboardQueries queries, AuditLog audit, TimeProvider clock, IStringLocalizer<DashboardTexts> texts)
{
    public async Task<CommandResult<DashboardFile>> ExportAsync(Viewer viewer, ExportFormat format, long? movementRun, CancellationToken ct)
    {
        if (!viewer.CanExport) return CommandResult<DashboardFile>.Forbidden("Your role cannot export.");
        var read = await queries.ReadAsync(viewer, movementRun, ct);
        if (!read.Succeeded) return CommandResult<DashboardFile>.Invalid(read.Errors!);
        var figures = read.Value!;

        using var content = new MemoryStream();
        int rows;
        using (var writer = TableWriter.Open(format, content, texts["Export.Sheet"], Columns()))
        {
            foreach (var row in Rows(figures)) writer.WriteRow(row);
            writer.Complete();
            rows = (int)writer.Rows;
        }
        var kind = format == ExportFormat.Xlsx ? "Excel" : "CSV";
        await audit.WriteAsync(viewer, AuditAction.Export, "ClassificationDashboard", figures.Run?.Id,
            $"{kind} export of the classification dashboard ({rows} figures, {figures.Customers} customers in scope, run {figures.Run?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, movement run {figures.Movement?.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})", ct);
        var fileName = $"classification-{CompanyTime.Local(clock.GetUtcNow()):yyyyMMdd-HHmm}{TableWriter.Extension(format)}";
        var contentType = format == ExportFormat.Xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
        return CommandResult<DashboardFile>.Ok(new DashboardFile(fileName, contentType, content.ToArray(), rows));
    }

    private List<ExportColumn> Columns() =>
    [
        new(texts["Export.Figure"], Width: 18),
        new(texts["Export.Item"], Width: 28),
        new(texts["Export.Customers"], ColumnKind.Integer, 12),
        new(texts["Export.CustomerShare"], ColumnKind.Money, 14),
        new(texts["Export.Revenue"], ColumnKind.Money, 16),
        new(texts["Export.RevenueShare"], ColumnKind.Money, 14),
        new(texts["Export.TargetShare"], ColumnKind.Money, 14),
        new(texts["Export.AverageM"], ColumnKind.Money, 12),
    ];

    /// <summary>Figure, item, customers, customer share %, revenue ¥, revenue share %, target share %, average M.</summary>
    private IEnumerable<object?[]> Rows(ClassificationDashboard f)
    {
        string run = texts["Export.Run"];
        yield return f.Run is { } r
            ? [run, texts["Export.RunItem", r.Id, r.AsOf.ToString("yyyy-MM-dd"), r.PeriodFrom.ToString("yyyy-MM-dd"), r.PeriodTo.ToString("yyyy-MM-dd")].Value, f.Customers, null, Yuan(f.RevenueFen), null, null, null]
            : [run, texts["Empty.Title"].Value, f.Customers, null, null, null, null, null];

        string pyramid = texts["Pyramid.Title"];
        foreach (var t in f.Pyramid)
            yield return [pyramid, texts.Of(t.Tier), t.Customers, Pct(t.CustomerShare), Yuan(t.RevenueFen), Pct(t.RevenueShare), Pct(t.TargetShare), null];

        string abc = texts["Abc.Title"];
        foreach (var c in f.Abc)
            yield return [abc, texts.Of(c.Class), c.Customers, Pct(c.CustomerShare), Yuan(c.RevenueFen), Pct(c.RevenueShare), Pct(c.IdealShare), null];

        string pareto = texts["Pareto.Title"];
        foreach (var p in f.Pareto.Points.Skip(1))
            yield return [pareto, texts["Export.ParetoItem", p.Customers].Value, p.Customers, Pct(p.CustomerShare), null, Pct(p.RevenueShare), null, null];

        string rfm = texts["Rfm.Title"];
        foreach (var c in f.Rfm)
            yield return [rfm, $"R{c.Recency} F{c.Frequency}", c.Customers, null, null, null, null, c.AverageMonetary];

        string quadrant = texts["Quadrant.Title"];
        var placed = f.Quadrants.Sum(q => q.Customers);
        foreach (var q in f.Quadrants)
            yield return [quadrant, texts.Of(q.Quadrant), q.Customers, Pct(Share(q.Customers, placed)), Yuan(q.RevenueFen), Pct(Share(q.RevenueFen, f.RevenueFen)), null, null];

        string lifecycle = texts["Lifecycle.Title"];
        var classified = f.Lifecycle.Sum(l => l.Customers);
        foreach (var l in f.Lifecycle)
            yield return [lifecycle, texts.Of(l.State), l.Customers, Pct(Share(l.Customers, classified)), null, null, null, null];

        if (f.Movement is { } m)
        {
            string movement = texts["Movement.Title"];
            foreach (var d in m.Dimensions)
                foreach (var kind in Enum.GetValues<ClassMovement>())
                    yield return [movement, $"{texts.Of(d.Dimension)} · {texts.Of(kind)}", d.Count(kind), null, null, null, null, null];
        }
    }

    private static decimal Yuan(long fen) => fen / 100m;

    private static decimal Pct(decimal share) => Math.Round(share * 100, 2);

    private static decimal Share(long part, long whole) => whole <= 0 ? 0 : (decimal)part / whole;
}
