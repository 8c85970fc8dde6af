using System.Text.Json;
using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Segmentation.Dashboards;

/// <summary>
/// Reads the dashboard figures from the current classes (CustomerClassifications) of the customers in the
/// viewer's scope. Every count is a GROUP BY in the database: one grouping over the class columns gives the
/// pyramid, the ABC mix, the RFM grid, the quadrants and the lifecycle funnel together; the Pareto curve reads
/// revenue values only; the scatter reads a sample. Nothing reads whole customer rows, so 100,000 customers
/// cost a few scans, not 100,000 objects.
/// </summary>
public sealed class ClassificationDashboardQueries(IDbContextFactory<CrmDbContext> dbFactory)
{
    /// <summary>The most points the loyalty × value scatter draws; a bigger archive is sampled.</summary>
    public const int MaxScatterPoints = 2_000;

    /// <summary>The most points of the Pareto curve (DOMAIN.md §3 chart; more would not show).</summary>
    public const int MaxParetoPoints = 100;

    /// <param name="movementRun">The run whose class changes the movement figure counts; null for the latest run.</param>
    /// <returns>Invalid naming "movementRun" when there is no such run.</returns>
    public async Task<CommandResult<ClassificationDashboard>> ReadAsync(Viewer viewer, long? movementRun, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.ClassificationRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (movementRun is { } asked && !await db.ClassificationRuns.AnyAsync(r => r.Id == asked, ct))
            return CommandResult<ClassificationDashboard>.Invalid("movementRun", $"no classification run has the id {asked}.");

        var visible = db.Customers.VisibleTo(viewer);
        var customers = await visible.CountAsync(ct);
        // The scope as "customer id IN (ids of visible customers)": the ids come from a covering index of the
        // scope column, which is cheaper than a join that looks up every customer row. Every class row and change
        // belongs to a customer (cascade delete), so a viewer who sees every customer needs no filter at all.
        var visibleIds = viewer.Scope == DataScope.All ? null : visible.Select(c => c.Id);
        var classes = visibleIds is null ? db.CustomerClassifications.AsQueryable()
            : db.CustomerClassifications.Where(r => visibleIds.Contains(r.CustomerId));
        var groups = await classes
            .GroupBy(r => new { r.Abc, r.Pyramid, r.Quadrant, r.Lifecycle, r.RfmR, r.RfmF })
            .Select(g => new ClassGroup(g.Key.Abc, g.Key.Pyramid, g.Key.Quadrant, g.Key.Lifecycle, g.Key.RfmR, g.Key.RfmF,
                g.Count(), g.Sum(x => x.RevenueFen), g.Sum(x => x.RfmM ?? 0), g.Min(x => x.ActiveMonths), g.Min(x => x.RevenueFen)))
            .ToListAsync(ct);
        var revenues = await classes.Where(r => r.RevenueFen > 0).Select(r => r.RevenueFen).ToListAsync(ct);
        var scatter = await ScatterAsync(classes, groups, ct);
        var movement = await MovementAsync(db, visibleIds, movementRun ?? latest?.Id, ct);

        var policy = PolicyOf(latest);
        var paying = groups.Where(g => g.Abc is not null).Sum(g => g.Customers);
        var revenue = groups.Sum(g => g.RevenueFen);
        return CommandResult<ClassificationDashboard>.Ok(new(
            latest is null ? null : new DashboardRun(latest.Id, latest.AsOf, latest.PeriodFrom, latest.PeriodTo, latest.FinishedAt, latest.TriggeredBy),
            customers,
            groups.Sum(g => g.Customers),
            paying,
            revenue,
            Pyramid(groups, policy.Pyramid, revenue),
            Abc(groups, revenue),
            new ParetoFigure(ParetoCurve.Of(revenues.Select((fen, i) => new CustomerRevenue(i, fen)), MaxParetoPoints), policy.Abc.AShare, policy.Abc.BShare),
            Rfm(groups),
            Enum.GetValues<LoyaltyValueQuadrant>().Select(q => new QuadrantFigure(q,
                groups.Where(g => g.Quadrant == q).Sum(g => g.Customers), groups.Where(g => g.Quadrant == q).Sum(g => g.RevenueFen))).ToList(),
            scatter,
            Enum.GetValues<LifecycleState>().Select(s => new LifecycleFigure(s, groups.Where(g => g.Lifecycle == s).Sum(g => g.Customers))).ToList(),
            movement));
    }

    /// <summary>The customers behind one combination of classes, with what the figures add up.</summary>
    private sealed record ClassGroup(
        AbcClass? Abc, ValuePyramidTier? Pyramid, LoyaltyValueQuadrant? Quadrant, LifecycleState Lifecycle, int? RfmR, int? RfmF,
        int Customers, long RevenueFen, long MonetarySum, int MinActiveMonths, long MinRevenueFen);

    private static List<PyramidTierFigure> Pyramid(List<ClassGroup> groups, PyramidPolicy policy, long revenue)
    {
        var tiered = groups.Where(g => g.Pyramid is not null).Sum(g => g.Customers);
        var targets = new Dictionary<ValuePyramidTier, decimal>
        {
            [ValuePyramidTier.Important] = policy.ImportantShare,
            [ValuePyramidTier.Major] = policy.MajorShare,
            [ValuePyramidTier.Ordinary] = policy.OrdinaryShare,
            [ValuePyramidTier.Small] = 1 - policy.ImportantShare - policy.MajorShare - policy.OrdinaryShare,
        };
        return Enum.GetValues<ValuePyramidTier>().Select(t =>
        {
            var count = groups.Where(g => g.Pyramid == t).Sum(g => g.Customers);
            var fen = groups.Where(g => g.Pyramid == t).Sum(g => g.RevenueFen);
            return new PyramidTierFigure(t, count, fen, Share(count, tiered), Share(fen, revenue), targets[t]);
        }).ToList();
    }

    private static List<AbcClassFigure> Abc(List<ClassGroup> groups, long revenue)
    {
        var classified = groups.Where(g => g.Abc is not null).Sum(g => g.Customers);
        var ideal = AbcMix.Ideal;
        return Enum.GetValues<AbcClass>().Select(c =>
        {
            var count = groups.Where(g => g.Abc == c).Sum(g => g.Customers);
            var fen = groups.Where(g => g.Abc == c).Sum(g => g.RevenueFen);
            var idealShare = c switch { AbcClass.A => ideal.A, AbcClass.B => ideal.B, _ => ideal.C };
            return new AbcClassFigure(c, count, fen, Share(count, classified), Share(fen, revenue), idealShare);
        }).ToList();
    }

    /// <summary>All 25 cells, recency 5 (most recent) first, frequency 1 to 5 within it.</summary>
    private static List<RfmCellFigure> Rfm(List<ClassGroup> groups)
    {
        var cells = new List<RfmCellFigure>(25);
        for (var r = 5; r >= 1; r--)
            for (var f = 1; f <= 5; f++)
            {
                var inCell = groups.Where(g => g.RfmR == r && g.RfmF == f).ToList();
                var count = inCell.Sum(g => g.Customers);
                cells.Add(new RfmCellFigure(r, f, count, count == 0 ? null : Math.Round((decimal)inCell.Sum(g => g.MonetarySum) / count, 1)));
            }
        return cells;
    }

    private static async Task<ScatterFigure> ScatterAsync(IQueryable<CustomerClassificationRow> classes, List<ClassGroup> groups, CancellationToken ct)
    {
        var placed = groups.Where(g => g.Quadrant is not null).Sum(g => g.Customers);
        // Every n-th customer by id: the same sample on every visit, spread over the whole archive.
        var step = Math.Max(1, (placed + MaxScatterPoints - 1) / MaxScatterPoints);
        var sample = classes.Where(r => r.Quadrant != null);
        if (step > 1) sample = sample.Where(r => r.CustomerId % step == 0);
        var points = await sample.OrderBy(r => r.CustomerId).Take(MaxScatterPoints)
            .Select(r => new ScatterPoint(r.CustomerId, r.ActiveMonths, r.RevenueFen, r.Quadrant!.Value))
            .ToListAsync(ct);
        var loyal = groups.Where(g => g.Quadrant is LoyaltyValueQuadrant.Core or LoyaltyValueQuadrant.LoyalLowValue).ToList();
        var valuable = groups.Where(g => g.Quadrant is LoyaltyValueQuadrant.Core or LoyaltyValueQuadrant.HighValueLowLoyalty).ToList();
        return new ScatterFigure(points, placed,
            loyal.Count == 0 ? null : loyal.Min(g => g.MinActiveMonths),
            valuable.Count == 0 ? null : valuable.Min(g => g.MinRevenueFen));
    }

    /// <param name="visibleIds">Ids of the viewer's customers; null when the viewer sees every customer.</param>
    private static async Task<MovementFigure?> MovementAsync(CrmDbContext db, IQueryable<int>? visibleIds, long? runId, CancellationToken ct)
    {
        if (runId is not { } id) return null;
        var run = await db.ClassificationRuns.Where(r => r.Id == id).Select(r => new { r.Id, r.AsOf }).SingleAsync(ct);
        var previous = await db.ClassificationRuns.Where(r => r.Id < id).OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.AsOf }).FirstOrDefaultAsync(ct);
        var changes = db.ClassChanges.Where(c => c.RunId == id);
        if (visibleIds is not null) changes = changes.Where(ch => visibleIds.Contains(ch.CustomerId));
        var counts = await changes
            .GroupBy(ch => new { ch.Dimension, ch.Movement })
            .Select(g => new { g.Key.Dimension, g.Key.Movement, Count = g.Count() })
            .ToListAsync(ct);
        int Count(ClassDimension d, ClassMovement m) => counts.Where(c => c.Dimension == d && c.Movement == m).Sum(c => c.Count);
        var dimensions = Enum.GetValues<ClassDimension>()
            .Select(d => new MovementCounts(d, Count(d, ClassMovement.Up), Count(d, ClassMovement.Down), Count(d, ClassMovement.New), Count(d, ClassMovement.Lost)))
            .ToList();
        return new MovementFigure(run.Id, run.AsOf, previous?.Id, previous?.AsOf, dimensions);
    }

    /// <summary>The thresholds the run used (its cut lines and tier targets); the defaults before any run.</summary>
    private static ClassificationPolicy PolicyOf(ClassificationRunRow? run)
    {
        if (run is null) return ClassificationPolicy.Default;
        try
        {
            return JsonSerializer.Deserialize<ClassificationPolicy>(run.PolicyJson, JsonSerializerOptions.Web) ?? ClassificationPolicy.Default;
        }
        catch (JsonException)
        {
            // A run stored by an older version with another shape: the defaults still draw sensible lines.
            return ClassificationPolicy.Default;
        }
    }

    private static decimal Share(long part, long whole) => whole <= 0 ? 0 : Math.Round((decimal)part / whole, 4);
}
