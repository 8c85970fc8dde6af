using System.Diagnostics;
using CourierCrm.Bench;

// CourierCrm benchmarks (docs/benchmarks.md has the commands and the measured results).
//   import   [--rows N] [--batch N] [--dir DIR] [--postgres CONNECTION] [--reimport]
//   generate (--sqlite FILE | --postgres CONNECTION) [--customers N] [--waybills N]
var options = args.Skip(1).Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => args.Skip(1).ElementAtOrDefault(x.i + 1) is { } v && !v.StartsWith("--", StringComparison.Ordinal) ? v : "true");
int Number(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v.Replace("_", "").Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) : fallback;

switch (args.FirstOrDefault())
{
    case "import":
        var rows = Number("rows", 1_000_000);
        var batch = Number("batch", CourierCrm.Web.Data.Bulk.WaybillBulkWriter.DefaultBatchSize);
        if (options.TryGetValue("postgres", out var server))
            await ImportBenchmark.RunPostgresAsync(server, rows, batch, options.ContainsKey("reimport"));
        else
            await ImportBenchmark.RunSqliteAsync(options.GetValueOrDefault("dir", Path.Combine(Path.GetTempPath(), "ccrm-bench")), rows, batch, options.ContainsKey("reimport"));
        return 0;
    case "generate":
        var settings = new Dictionary<string, string?>
        {
            ["Database:SeedDemoData"] = "true",
            ["Demo:Customers"] = Number("customers", 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Demo:Waybills"] = Number("waybills", 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var watch = Stopwatch.StartNew();
        if (options.TryGetValue("sqlite", out var file))
            await using (await BenchDatabase.FreshSqliteAsync(file, settings)) { }
        else if (options.TryGetValue("postgres", out var connection))
            await using (await BenchDatabase.OpenExistingPostgresAsync(connection, settings)) { }
        else
            goto default;
        Console.WriteLine($"Generated in {watch.Elapsed.TotalSeconds:0} s");
        ImportBenchmark.PrintMemory();
        return 0;
    default:
        Console.Error.WriteLine("""
            usage: CourierCrm.Bench import [--rows 1000000] [--batch 10000] [--dir DIR] [--postgres CONNECTION] [--reimport]
                   CourierCrm.Bench generate (--sqlite FILE | --postgres CONNECTION) [--customers 100000] [--waybills 1000000]
            generate --postgres needs an empty database of its own in CONNECTION.
            """);
        return 2;
}
