using CourierCrm.Domain.Classification;
using CourierCrm.Web.Segmentation;
using CourierCrm.Web.Segmentation.Churn;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Segmentation.Churn;

/// <summary>
/// The early warning's monthly-volume aggregate reads the waybills through their covering index,
/// never the waybill rows (SQLite's plan; the statement's shape is the same on PostgreSQL).
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class SqliteChurnVolumePlanTests(SqliteCrmWebFactory factory)
{
    [Fact]
    public async Task The_monthly_volume_aggregate_reads_waybills_through_the_covering_index()
    {
        await using var db = factory.NewDb();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + ChurnVolumeQuery.SqlFor(db, AbcClass.B);
        var window = ChurnVolumeQuery.Window(new DateOnly(2026, 11, 23), 7);
        foreach (var (name, value) in new (string, object)[] { ("$from", 0L), ("$to", 0L), ("$months", CustomerActivityQuery.MonthOfDay(window)) })
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(3));

        Assert.Equal(2, plan.Count(step => step.Contains("USING COVERING INDEX IX_Waybills_CustomerId_OrderedAt_FreightFen_Status_Product", StringComparison.Ordinal)));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN w", StringComparison.Ordinal) || step.StartsWith("SCAN e", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-06-30", "2025-12-01", "2026-06-30")] // the last day of a month completes it
    [InlineData("2026-06-29", "2025-11-01", "2026-05-31")]
    [InlineData("2026-01-15", "2025-06-01", "2025-12-31")]
    public void The_window_is_the_complete_months_before_the_day_after_as_of(string asOf, string from, string to)
    {
        var window = ChurnVolumeQuery.Window(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), 7);

        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (window.From, window.To));
    }
}
