using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CourierCrm.Domain.Classification;
using CourierCrm.Web.Data;
using CourierCrm.Web.Segmentation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CourierCrm.Bench;

/// <summary>
/// The classification run over 100,000 customers and 1,000,000 waybills (issue 4: "end-to-end time,
/// and the ratio to a hand-written SQL aggregate of the same figures over the same rows in the same
/// run; target ≤ 1.5x and under 1 s on SQLite"). Each round times the bare aggregate (the runner's own
/// SQL, every row read, nothing done with it) and then a whole run (aggregate, classes, comparison
/// with the previous run, 100,000 classes, changes and timeline entries written, lifecycle updated),
/// one after the other on the same database.
/// </summary>
/// <remarks>
/// classify [--db FILE | --postgres CONNECTION] [--customers N] [--waybills N] [--rounds N].
/// A missing database is generated first (minutes); an existing one is reused as it is.
/// </remarks>
public static class ClassificationBenchmark
{
    public const double LimitMs = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = args.Skip(1).Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(x => x.a[2..], x => args.Skip(1).ElementAtOrDefault(x.i + 1) is { } v && !v.StartsWith("--", StringComparison.Ordinal) ? v : "true");
        int Number(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v.Replace("_", "").Replace(",", ""), CultureInfo.InvariantCulture) : fallback;
        var customers = Number("customers", 100_000);
        var waybills = Number("waybills", 1_000_000);
        var rounds = Number("rounds", 5);

        await using var database = options.TryGetValue("postgres", out var connection)
            ? await BenchDatabase.PostgresWithDemoAsync(connection, customers, waybills)
            : await BenchDatabase.SqliteWithDemoAsync(options.GetValueOrDefault("db", Path.Combine(Path.GetTempPath(), "ccrm-bench", "big.db")), customers, waybills);
        var runner = database.Services.GetRequiredService<ClassificationRunner>();
        var asOf = runner.Today;
        var period = ClassificationPeriod.Ending(asOf, database.Services.GetRequiredService<ClassificationOptions>().PeriodMonths);

        await using (var db = await database.DbFactory.CreateDbContextAsync())
            Console.WriteLine($"{db.Database.ProviderName}: {await db.Customers.CountAsync():N0} customers, {await db.Waybills.CountAsync():N0} waybills; as of {asOf:yyyy-MM-dd}, period {period.From:yyyy-MM-dd} … {period.To:yyyy-MM-dd}");

        // Warm-up: the file's pages in the cache, the JIT done, and a previous run to compare with
        // (the nightly case: yesterday's run exists and few classes move).
        var rows = await BareAggregateAsync(database, period);
        var warm = await runner.RunAsync(asOf, "benchmark", null, CancellationToken.None);
        Console.WriteLine($"Warm-up: aggregate {rows:N0} rows; run {warm.Id} classified {warm.CustomerCount:N0} customers (ABC {warm.AbcA:N0}/{warm.AbcB:N0}/{warm.AbcC:N0}), {warm.ChangeCount:N0} changes");

        var bare = new List<double>();
        var whole = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var start = Stopwatch.GetTimestamp();
            await BareAggregateAsync(database, period);
            bare.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

            start = Stopwatch.GetTimestamp();
            var run = await runner.RunAsync(asOf, "benchmark", null, CancellationToken.None);
            whole.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            var t = run.Timings;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round {round}: aggregate alone {bare[^1],7:0} ms | run {whole[^1],7:0} ms = aggregate {t.Aggregate.TotalMilliseconds:0} + classify {t.Classify.TotalMilliseconds:0} + compare {t.Compare.TotalMilliseconds:0} + store {t.Store.TotalMilliseconds:0} ms; {run.ChangeCount:N0} changes"));
        }

        var bareMedian = Median(bare);
        var wholeMedian = Median(whole);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Median of {rounds}: aggregate alone {bareMedian:0} ms, whole run {wholeMedian:0} ms; ratio run / aggregate {wholeMedian / bareMedian:0.00}x (target ≤ 1.5x); ratio to the {LimitMs:0} ms limit {wholeMedian / LimitMs:0.00}"));
        return 0;
    }

    /// <summary>The runner's aggregate statement on its own: every row and column read, nothing kept.</summary>
    private static async Task<int> BareAggregateAsync(BenchDatabase database, ClassificationPeriod period)
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = CustomerActivityQuery.SqlFor(db);
        Add(command, "from", db.IsSqlite ? CustomerActivityQuery.StartOf(period.From).UtcTicks : CustomerActivityQuery.StartOf(period.From).ToUniversalTime());
        Add(command, "to", db.IsSqlite ? CustomerActivityQuery.StartOf(period.To.AddDays(1)).UtcTicks : CustomerActivityQuery.StartOf(period.To.AddDays(1)).ToUniversalTime());
        if (db.IsSqlite)
            Add(command, "months", CustomerActivityQuery.MonthOfDay(period));
        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }
        return rows;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
