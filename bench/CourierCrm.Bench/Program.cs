using System.Diagnostics;
using CourierCrm.Bench;

// CourierCrm benchmarks (docs/benchmarks.md has the commands and the measured results).
//   import   [--rows N] [--batch N] [--dir DIR] [--postgres CONNECTION] [--reimport]
//   import-csv [--rows N] [--dir DIR] [--postgres CONNECTION]
//   classify [--db FILE | --postgres CONNECTION] [--customers N] [--waybills N] [--rounds N]
//   generate (--sqlite FILE | --postgres CONNECTION) [--customers N] [--waybills N]
//   search   [--db FILE | --postgres CONNECTION] [--customers N] [--waybills N] [--clients N] [--seconds N] [--samples N] [--scope All|Outlet] [--kinds a,b] [--raw prepared|fresh]
//   list     [--db FILE | --postgres CONNECTION] [--customers N] [--waybills N] [--calls N] [--users a,b,c]
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
    case "import-csv":
        var csvDirectory = options.GetValueOrDefault("dir", Path.Combine(Path.GetTempPath(), "ccrm-bench"));
        if (options.TryGetValue("postgres", out var csvServer))
            await CsvImportBenchmark.RunPostgresAsync(csvDirectory, csvServer, Number("rows", 1_000_000));
        else
            await CsvImportBenchmark.RunSqliteAsync(csvDirectory, Number("rows", 1_000_000));
        return 0;
    case "classify":
        return await ClassificationBenchmark.RunAsync(args);
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
    case "search":
        await using (var database = await BigDatabaseAsync())
            await SearchBenchmark.RunAsync(database, Number("clients", 32), TimeSpan.FromSeconds(Number("warmup", 3)),
                TimeSpan.FromSeconds(Number("seconds", 10)), Number("samples", 200),
                Enum.Parse<CourierCrm.Domain.Organisation.DataScope>(options.GetValueOrDefault("scope", "All"), ignoreCase: true),
                options.TryGetValue("kinds", out var kinds) ? kinds.Split(',') : null,
                rawPrepared: options.GetValueOrDefault("raw", "prepared") != "fresh");
        return 0;
    case "list":
        await using (var database = await BigDatabaseAsync())
            await ListBenchmark.RunAsync(database, Number("calls", 1000), options.GetValueOrDefault("users", "admin,mgr.south,cs.sz,rep.sz1").Split(','));
        return 0;
    default:
        Console.Error.WriteLine("""
            usage: CourierCrm.Bench import [--rows 1000000] [--batch 10000] [--dir DIR] [--postgres CONNECTION] [--reimport]
                   CourierCrm.Bench import-csv [--rows 1000000] [--dir DIR] [--postgres CONNECTION]
                   CourierCrm.Bench classify [--db /tmp/ccrm-bench/big.db | --postgres CONNECTION] [--customers 100000] [--waybills 1000000] [--rounds 5]
                   CourierCrm.Bench generate (--sqlite FILE | --postgres CONNECTION) [--customers 100000] [--waybills 1000000]
                   CourierCrm.Bench search [--db /tmp/ccrm-big.db | --postgres CONNECTION] [--clients 32] [--seconds 10] [--warmup 3] [--samples 200] [--scope All|Outlet]
                       [--kinds phone-prefix,last-four,waybill,name-3,name-2] [--raw prepared|fresh]
                   CourierCrm.Bench list [--db /tmp/ccrm-big.db | --postgres CONNECTION] [--calls 1000] [--users admin,mgr.south,cs.sz,rep.sz1]
            generate --postgres needs an empty database of its own in CONNECTION.
            search and list generate --db (100,000 customers, 1,000,000 waybills unless --customers/--waybills) when it does not exist, else reuse it;
            with --postgres the database must exist and is seeded only while it is empty.
            """);
        return 2;
}

// The search and list benchmarks' database: generated once (minutes), reused by later runs.
Task<BenchDatabase> BigDatabaseAsync() => options.TryGetValue("postgres", out var connection)
    ? BenchDatabase.PostgresWithDemoAsync(connection, Number("customers", 100_000), Number("waybills", 1_000_000))
    : BenchDatabase.SqliteWithDemoAsync(options.GetValueOrDefault("db", Path.Combine(Path.GetTempPath(), "ccrm-big.db")),
        Number("customers", 100_000), Number("waybills", 1_000_000));
