using System.Diagnostics;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Data;
using CourierCrm.Web.Data.Bulk;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Bench;

/// <summary>
/// The import benchmark: the same rows written by the plain baseline and by
/// <see cref="WaybillBulkWriter"/>, each into a fresh database, timing only the writes (the
/// rows are made between the timed batches, identically for both sides).
/// </summary>
internal static class ImportBenchmark
{
    public static async Task RunSqliteAsync(string directory, int rows, int batchSize, bool reimport)
    {
        Directory.CreateDirectory(directory);
        var now = DateTimeOffset.UtcNow;
        Console.WriteLine($"SQLite, {rows:N0} rows in batches of {batchSize:N0}, files in {directory}");
        double baseline;
        await using (var db = await BenchDatabase.FreshSqliteAsync(Path.Combine(directory, "baseline.db")))
            baseline = await TimeAsync("plain prepared INSERT loop", db.DbFactory, now, rows, batchSize, b => Baselines.SqliteInsertLoopAsync(db.DbFactory, b));
        await using (var db = await BenchDatabase.FreshSqliteAsync(Path.Combine(directory, "bulk.db")))
        {
            var writer = new WaybillBulkWriter(db.DbFactory);
            var bulk = await TimeAsync("WaybillBulkWriter (upsert, all new)", db.DbFactory, now, rows, batchSize, b => writer.UpsertAsync(b, CancellationToken.None));
            Report(bulk, baseline);
            if (reimport)
                Report(await TimeAsync("WaybillBulkWriter (upsert, all existing)", db.DbFactory, now, rows, batchSize, b => writer.UpsertAsync(b, CancellationToken.None)), baseline);
            await CheckCountAsync(db.DbFactory, rows);
        }
        PrintMemory();
    }

    public static async Task RunPostgresAsync(string server, int rows, int batchSize, bool reimport)
    {
        var now = DateTimeOffset.UtcNow;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        Console.WriteLine($"PostgreSQL, {rows:N0} rows in batches of {batchSize:N0}");
        double baseline;
        var copyName = "ccrm_bench_copy_" + suffix;
        await using (var db = await BenchDatabase.FreshPostgresAsync(server, copyName))
            baseline = await TimeAsync("plain binary COPY into Waybills", db.DbFactory, now, rows, batchSize, b => Baselines.PostgresCopyAsync(db.DbFactory, b));
        await BenchDatabase.DropPostgresAsync(server, copyName);
        var bulkName = "ccrm_bench_bulk_" + suffix;
        await using (var db = await BenchDatabase.FreshPostgresAsync(server, bulkName))
        {
            var writer = new WaybillBulkWriter(db.DbFactory);
            Report(await TimeAsync("WaybillBulkWriter (COPY to stage + upsert, all new)", db.DbFactory, now, rows, batchSize, b => writer.UpsertAsync(b, CancellationToken.None)), baseline);
            if (reimport)
                Report(await TimeAsync("WaybillBulkWriter (COPY to stage + upsert, all existing)", db.DbFactory, now, rows, batchSize, b => writer.UpsertAsync(b, CancellationToken.None)), baseline);
            await CheckCountAsync(db.DbFactory, rows);
        }
        await BenchDatabase.DropPostgresAsync(server, bulkName);
        PrintMemory();
    }

    private static async Task<double> TimeAsync(string name, IDbContextFactory<CrmDbContext> dbFactory, DateTimeOffset now, int rows, int batchSize, Func<List<Waybill>, Task> write)
    {
        var generator = await BenchRows.GeneratorAsync(dbFactory, now);
        var watch = new Stopwatch();
        var written = 0;
        foreach (var batch in BenchRows.Batches(generator, rows, batchSize))
        {
            watch.Start();
            await write(batch);
            watch.Stop();
            written += batch.Count;
        }
        var rate = written / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"  {name,-58} {written,10:N0} rows in {watch.Elapsed.TotalSeconds,7:0.00} s = {rate,10:N0} rows/s");
        return rate;
    }

    private static void Report(double rate, double baseline) =>
        Console.WriteLine($"  {"ratio to the baseline",-58} {rate / baseline,10:0.00}x (target >= 0.5x)");

    private static async Task CheckCountAsync(IDbContextFactory<CrmDbContext> dbFactory, int rows)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var count = await db.Waybills.CountAsync();
        if (count != rows) throw new InvalidOperationException($"Expected {rows:N0} waybills after the run, found {count:N0}.");
    }

    public static void PrintMemory(string what = "the process") =>
        Console.WriteLine($"  peak working set of {what}: {PeakWorkingSetMegabytes():0} MB (target <= 300 MB)");

    /// <summary>VmHWM: the most resident memory the process ever had (Linux).</summary>
    private static double PeakWorkingSetMegabytes()
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is null ? Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0
            : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}
