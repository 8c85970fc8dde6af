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
/// run; target ≤ 1.5x and under 1 s on SQLite"). Each round times three cases, each right after the
/// bare aggregate for the same day (the runner's own SQL, every row read, nothing done with it):
/// the first run (empty current-classes table: every row written), a re-run of the same day (nothing
/// differs: nothing written), and the next day's run (the nightly case: the day after the last one
/// classified, its waybills come in and a day's waybills leave the period). The target is judged on
/// the nightly case, which is what runs every night; the first run happens once per installation.
/// </summary>
/// <remarks>
/// classify [--db FILE | --postgres CONNECTION] [--customers N] [--waybills N] [--rounds N].
/// A missing database is generated first (minutes); an existing one is reused, its current classes
/// emptied at the start of each round. The days are taken from the data: the nightly case classifies
/// the last whole day with waybills, the first two cases the day before it. Follow-ups (churn
/// warnings, service tasks) run after each run as in production; their time is printed apart and not
/// counted in the run's.
/// </remarks>
public static class ClassificationBenchmark
{
    public const double LimitMs = 1000;

    private static readonly string[] Cases = ["first run", "same day again", "next day (nightly)"];

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
        var months = database.Services.GetRequiredService<ClassificationOptions>().PeriodMonths;

        DateOnly nightly;
        await using (var db = await database.DbFactory.CreateDbContextAsync())
        {
            var last = await db.Waybills.MaxAsync(w => w.OrderedAt);
            nightly = DateOnly.FromDateTime(last.ToOffset(CustomerActivityQuery.ChinaOffset).DateTime).AddDays(-1);
            Console.WriteLine($"{db.Database.ProviderName}: {await db.Customers.CountAsync():N0} customers, {await db.Waybills.CountAsync():N0} waybills; " +
                $"first runs as of {nightly.AddDays(-1):yyyy-MM-dd}, nightly run as of {nightly:yyyy-MM-dd} ({months} months); load average {Load()}");
        }
        var days = new[] { nightly.AddDays(-1), nightly.AddDays(-1), nightly };

        // Warm-up: the file's pages in the cache and the JIT done.
        var rows = await BareAggregateAsync(database, ClassificationPeriod.Ending(nightly, months));
        var warm = await RunnerWithoutFollowUps(database).RunAsync(nightly, "benchmark", null, CancellationToken.None);
        Console.WriteLine($"Warm-up: aggregate {rows:N0} rows; run {warm.Id} classified {warm.CustomerCount:N0} customers (ABC {warm.AbcA:N0}/{warm.AbcB:N0}/{warm.AbcC:N0})");

        var parts = Math.Clamp(Environment.ProcessorCount, 1, 4);
        var bare = Cases.Select(_ => new List<double>()).ToArray();
        var split = Cases.Select(_ => new List<double>()).ToArray();
        var whole = Cases.Select(_ => new List<double>()).ToArray();
        for (var round = 1; round <= rounds; round++)
        {
            await ClearCurrentClassesAsync(database);
            // A runner as a fresh process has it: the first run finds the table empty and keeps nothing from before.
            var runner = RunnerWithoutFollowUps(database);
            Console.WriteLine($"Round {round} (load average {Load()}):");
            for (var i = 0; i < Cases.Length; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await BareAggregateAsync(database, ClassificationPeriod.Ending(days[i], months));
                bare[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

                start = Stopwatch.GetTimestamp();
                await SplitAggregateAsync(database, ClassificationPeriod.Ending(days[i], months), parts);
                split[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

                start = Stopwatch.GetTimestamp();
                var run = await runner.RunAsync(days[i], "benchmark", null, CancellationToken.None);
                var t = run.Timings;
                whole[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {Cases[i],-19} aggregate alone {bare[i][^1],6:0} ms, in {parts} parts at once {split[i][^1],6:0} ms | run {whole[i][^1],6:0} ms = aggregate {t.Aggregate.TotalMilliseconds:0} + classify {t.Classify.TotalMilliseconds:0} + compare {t.Compare.TotalMilliseconds:0} + store {t.Store.TotalMilliseconds:0} ms; {run.RowsWritten:N0} rows written, {run.ChangeCount:N0} changes"));
            }
        }

        Console.WriteLine($"Medians of {rounds} rounds (load average {Load()}):");
        Console.WriteLine($"| case | aggregate alone | aggregate in {parts} parts at once | whole run | run / aggregate | run / aggregate in parts | run / 1 s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < Cases.Length; i++)
        {
            var (b, p, w) = (Median(bare[i]), Median(split[i]), Median(whole[i]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Cases[i]} | {b:N0} ms | {p:N0} ms | {w:N0} ms | {w / b:0.00}x | {w / p:0.00}x | {w / LimitMs:0.00} |"));
        }
        var (nb, nw) = (Median(bare[2]), Median(whole[2]));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Target (judged on the nightly case): ≤ 1.5x the aggregate: {(nw / nb <= 1.5 ? "met" : "NOT met")} ({nw / nb:0.00}x); under {LimitMs:0} ms: {(nw < LimitMs ? "met" : "NOT met")} ({nw:N0} ms)"));
        return 0;
    }

    /// <summary>A runner as a fresh process has it (nothing kept from an earlier run), with no follow-ups.</summary>
    private static ClassificationRunner RunnerWithoutFollowUps(BenchDatabase database) =>
        ActivatorUtilities.CreateInstance<ClassificationRunner>(database.Services, new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>());

    /// <summary>Empties the current-classes table, as before the first run of an installation (runs and changes stay).</summary>
    private static async Task ClearCurrentClassesAsync(BenchDatabase database)
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "CustomerClassifications" """);
    }

    private static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>
    /// The aggregate statement over the same ranges of customers the runner splits it into, each on a
    /// connection of its own, all at once: the same database work as the runner's aggregate, bare.
    /// </summary>
    private static async Task SplitAggregateAsync(BenchDatabase database, ClassificationPeriod period, int parts)
    {
        List<(long First, long End)> ranges;
        await using (var db = await database.DbFactory.CreateDbContextAsync())
            ranges = await CustomerActivityQuery.PartsAsync(db, parts, CustomerActivityQuery.MinCustomersPerPart, CancellationToken.None);
        await Task.WhenAll(ranges.Select(r => Task.Run(() => BareAggregateAsync(database, period, r))));
    }

    /// <summary>The runner's aggregate statement on its own: every row and column read, nothing kept.</summary>
    private static async Task<int> BareAggregateAsync(BenchDatabase database, ClassificationPeriod period, (long First, long End)? range = null)
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = range is null ? CustomerActivityQuery.SqlFor(db) : CustomerActivityQuery.RangeSqlFor(db);
        if (range is { } ids)
        {
            Add(command, "first", ids.First);
            Add(command, "end", ids.End);
        }
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
