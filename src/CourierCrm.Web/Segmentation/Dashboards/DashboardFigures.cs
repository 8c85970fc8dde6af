using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;

namespace CourierCrm.Web.Segmentation.Dashboards;

// The classification dashboards' figures (issue 4 item 3): what the page draws, the API answers and the
// export writes, always over the customers in the viewer's data scope. Shares are fractions (0.25 = 25 %).

/// <summary>Everything the dashboard shows; <see cref="Run"/> is null until the first classification run.</summary>
/// <param name="Customers">Customers in the viewer's scope.</param>
/// <param name="Classified">Of those, customers with classes (the others were created after the latest run).</param>
/// <param name="Paying">Of those, customers with revenue in the period (the ones with value classes).</param>
public sealed record ClassificationDashboard(
    DashboardRun? Run,
    int Customers,
    int Classified,
    int Paying,
    long RevenueFen,
    IReadOnlyList<PyramidTierFigure> Pyramid,
    IReadOnlyList<AbcClassFigure> Abc,
    ParetoFigure Pareto,
    IReadOnlyList<RfmCellFigure> Rfm,
    IReadOnlyList<QuadrantFigure> Quadrants,
    ScatterFigure Scatter,
    IReadOnlyList<LifecycleFigure> Lifecycle,
    MovementFigure? Movement);

/// <summary>The latest run: the day it classified as of, its revenue period and when it finished.</summary>
public sealed record DashboardRun(long Id, DateOnly AsOf, DateOnly PeriodFrom, DateOnly PeriodTo, DateTimeOffset FinishedAt, string TriggeredBy);

/// <param name="TargetShare">The share of paying customers the pyramid puts in the tier (1 / 19 / 30 / 50 %).</param>
public sealed record PyramidTierFigure(ValuePyramidTier Tier, int Customers, long RevenueFen, decimal CustomerShare, decimal RevenueShare, decimal TargetShare);

/// <param name="IdealShare">The ideal mix beside the actual one: 20 / 40 / 40 % (DOMAIN.md §3).</param>
public sealed record AbcClassFigure(AbcClass Class, int Customers, long RevenueFen, decimal CustomerShare, decimal RevenueShare, decimal IdealShare);

/// <summary>The Pareto curve of the viewer's paying customers, with the run's ABC cut lines (70 % and 95 % of revenue by default).</summary>
public sealed record ParetoFigure(IReadOnlyList<ParetoPoint> Points, decimal ACut, decimal BCut);

/// <summary>One cell of the RFM heat map: recency score × frequency score, with the cell's average monetary score.</summary>
public sealed record RfmCellFigure(int Recency, int Frequency, int Customers, decimal? AverageMonetary);

public sealed record QuadrantFigure(LoyaltyValueQuadrant Quadrant, int Customers, long RevenueFen);

/// <summary>
/// The loyalty × value scatter: loyalty = active months in the period, value = revenue. A big archive is
/// sampled (every n-th customer by id) to at most <see cref="ClassificationDashboardQueries.MaxScatterPoints"/> points.
/// </summary>
/// <param name="Placed">Customers in the quadrant (shipped in the period).</param>
/// <param name="LoyaltyLine">Fewest active months of a loyal customer: where the loyalty line falls (null when nobody is loyal).</param>
/// <param name="ValueLine">Least revenue of a high-value customer: where the value line falls (null when nobody is).</param>
public sealed record ScatterFigure(IReadOnlyList<ScatterPoint> Points, int Placed, int? LoyaltyLine, long? ValueLine)
{
    public bool Sampled => Points.Count < Placed;
}

public sealed record ScatterPoint(int CustomerId, int ActiveMonths, long RevenueFen, LoyaltyValueQuadrant Quadrant);

public sealed record LifecycleFigure(LifecycleState State, int Customers);

/// <summary>Class changes a run found against the run before it, counted per dimension and movement.</summary>
public sealed record MovementFigure(long RunId, DateOnly AsOf, long? PreviousRunId, DateOnly? PreviousAsOf, IReadOnlyList<MovementCounts> Dimensions);

public sealed record MovementCounts(ClassDimension Dimension, int Up, int Down, int New, int Lost)
{
    public int Count(ClassMovement movement) => movement switch
    {
        ClassMovement.Up => Up,
        ClassMovement.Down => Down,
        ClassMovement.New => New,
        _ => Lost,
    };
}
