using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;
using CourierCrm.Web.Segmentation;
using CourierCrm.Web.Tests.Infrastructure;

namespace CourierCrm.Web.Tests.Segmentation.Segments;

/// <summary>
/// Customers with given current classes, written straight into CustomerClassifications under a run of
/// their own: the list filters read only that table, whatever a classification run would compute.
/// Each test arranges its own customers (the tests of one database run one after another, so no run
/// rewrites them in between) and finds them by a marker in their names.
/// </summary>
internal sealed class ClassArrange(CrmWebFactory factory)
{
    public string Marker { get; } = "类" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The query-string part that selects exactly this arrangement's customers.</summary>
    public string Search => "search=" + Uri.EscapeDataString(Marker);

    public async Task<int> CustomerAsync(string owner, Action<CustomerClassificationRow>? classes, string? name = null, CustomerInputBuilder? builder = null)
    {
        var id = await Arrange.CustomerAsync(factory, owner, (builder ?? new CustomerInputBuilder()).Named(name ?? $"{Marker}{Guid.NewGuid().ToString("N")[..4]}物流公司"));
        if (classes is null) return id;
        await using var db = factory.NewDb();
        var run = new ClassificationRunRow
        {
            AsOf = new DateOnly(2026, 1, 1), PeriodFrom = new DateOnly(2025, 1, 1), PeriodTo = new DateOnly(2025, 12, 31),
            PolicyJson = "{}", TriggeredBy = "test", StartedAt = DateTimeOffset.UtcNow, FinishedAt = DateTimeOffset.UtcNow,
        };
        db.ClassificationRuns.Add(run);
        await db.SaveChangesAsync();
        var row = new CustomerClassificationRow { CustomerId = id, RunId = run.Id, Lifecycle = LifecycleState.Loyal };
        classes(row);
        db.CustomerClassifications.Add(row);
        await db.SaveChangesAsync();
        return id;
    }

    public static Action<CustomerClassificationRow> Classes(AbcClass? abc = null, ValuePyramidTier? pyramid = null, KeyAccountTier? key = null,
        int? r = null, int? f = null, int? m = null, LoyaltyValueQuadrant? quadrant = null, long? predicted = null) => row =>
    {
        row.Abc = abc;
        row.Pyramid = pyramid;
        row.KeyAccount = key;
        (row.RfmR, row.RfmF, row.RfmM) = (r, f, m);
        row.Quadrant = quadrant;
        row.PredictedValueFen = predicted;
    };
}
