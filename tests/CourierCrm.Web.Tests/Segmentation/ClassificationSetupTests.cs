using CourierCrm.Domain.Classification;
using CourierCrm.Web.Segmentation;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CourierCrm.Web.Tests.Segmentation;

/// <summary>
/// How the classification run is set up: its aggregate reads the waybills' covering index, never the
/// waybill rows (the difference between a second and ten at a million waybills, docs/benchmarks.md),
/// and it is scheduled every night. Provider-independent or SQLite-specific, so SQLite only.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class SqliteClassificationSetupTests(SqliteCrmWebFactory factory)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_activity_aggregate_reads_waybills_through_the_covering_index(bool onePart)
    {
        await using var db = factory.NewDb();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var period = ClassificationPeriod.Ending(new DateOnly(2026, 11, 23), 12);
        command.CommandText = "EXPLAIN QUERY PLAN " + (onePart ? CustomerActivityQuery.RangeSqlFor(db) : CustomerActivityQuery.SqlFor(db));
        var parameters = new List<(string, object)> { ("$from", 0L), ("$to", 0L), ("$months", CustomerActivityQuery.MonthOfDay(period)) };
        if (onePart) parameters.AddRange([("$first", 1L), ("$end", 1_000L)]);
        foreach (var (name, value) in parameters)
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

        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX IX_Waybills_CustomerId_OrderedAt_FreightFen_Status_Product", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN w", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_nightly_run_is_scheduled_at_half_past_two_China_time()
    {
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var triggers = await scheduler.GetTriggersOfJob(NightlyClassification.Key);

        var cron = Assert.IsAssignableFrom<ICronTrigger>(Assert.Single(triggers));
        Assert.Equal("0 30 2 * * ?", cron.CronExpressionString);
        Assert.Equal(TimeSpan.FromHours(8), cron.TimeZone.BaseUtcOffset);
    }
}

/// <summary>The aggregate's plan on PostgreSQL: the waybills are read from the covering index.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresClassificationSetupTests(PostgresCrmWebFactory factory)
{
    [Fact]
    public async Task The_activity_aggregate_reads_waybills_through_the_covering_index()
    {
        await using var db = factory.NewDb();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        // The test database holds a few thousand waybills, freshly written and never vacuumed: on a
        // table that small a sequential scan (or a bitmap scan that visits the table rows anyway) is
        // cheaper and the planner rightly takes it. At a million vacuumed waybills it reads the
        // covering index by itself (docs/benchmarks.md); switching those two off for this transaction
        // shows which index the planner reads the waybills through, which is what this test is about.
        command.CommandText = "SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off";
        await command.ExecuteNonQueryAsync();

        command.CommandText = "EXPLAIN " + CustomerActivityQuery.SqlFor(db);
        var day = CustomerActivityQuery.StartOf(new DateOnly(2026, 11, 23)).ToUniversalTime();
        foreach (var (name, value) in new (string, object)[] { ("from", day.AddYears(-1)), ("to", day) })
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(0));

        const string Covering = "\"IX_Waybills_CustomerId_OrderedAt_FreightFen_Status_Product\"";
        Assert.True(plan.Any(step => step.Contains("Index Only Scan using " + Covering, StringComparison.Ordinal) || step.Contains("Index Scan using " + Covering, StringComparison.Ordinal)),
            string.Join(Environment.NewLine, plan));
        Assert.DoesNotContain(plan, step => step.Contains("Seq Scan on \"Waybills\"", StringComparison.Ordinal));
    }
}
