using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Organisation;
using CourierCrm.Web.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace CourierCrm.Bench;

/// <summary>
/// Issue 3, "Import 1,000,000 waybill rows from CSV into SQLite": the whole import as a person runs it —
/// upload to the product over HTTP, the proposed column mapping, the background job reading, checking,
/// matching and writing every row with its checkpoints — against a plain prepared INSERT loop (PostgreSQL:
/// binary COPY) of the same rows in the same run. The product runs as it does in production, as a process
/// of its own (<see cref="ProductProcess"/>), so its memory is its own: the baseline stays in this process.
/// </summary>
internal static class CsvImportBenchmark
{
    public const double MinRatio = 0.5;
    public const double MaxPeakMegabytes = 300;

    private static readonly string[] Header =
        ["运单号", "客户编码", "产品", "寄件人", "寄件人电话", "寄件地址", "收件人", "收件人电话", "收件地址", "始发城市", "目的城市", "件数", "重量(kg)", "运费(元)", "付款方式", "状态", "下单时间"];

    private static readonly Dictionary<string, string?> SmallCompany = new() { ["Database:SeedDemoData"] = "true", ["Demo:Customers"] = "200", ["Demo:Waybills"] = "0" };

    public static Task RunSqliteAsync(string directory, int rows)
    {
        Console.WriteLine($"SQLite, {rows:N0} waybill rows from CSV, files in {directory}; baseline: a plain prepared INSERT loop");
        var importDb = Path.GetFullPath(Path.Combine(directory, "csv-import.db"));
        return RunAsync(directory, rows,
            () => BenchDatabase.FreshSqliteAsync(Path.Combine(directory, "csv-baseline.db"), SmallCompany),
            () => BenchDatabase.FreshSqliteAsync(importDb, SmallCompany),
            new Dictionary<string, string> { ["Database:Provider"] = "Sqlite", ["Database:SqlitePath"] = importDb },
            Baselines.SqliteInsertLoopAsync, "plain prepared INSERT loop");
    }

    public static async Task RunPostgresAsync(string directory, string server, int rows)
    {
        Console.WriteLine($"PostgreSQL, {rows:N0} waybill rows from CSV, file in {directory}; baseline: plain binary COPY");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var importName = "ccrm_csv_import_" + suffix;
        try
        {
            await RunAsync(directory, rows,
                () => BenchDatabase.FreshPostgresAsync(server, "ccrm_csv_copy_" + suffix, SmallCompany),
                () => BenchDatabase.FreshPostgresAsync(server, importName, SmallCompany),
                new Dictionary<string, string>
                {
                    ["Database:Provider"] = "Postgres",
                    ["Database:Postgres"] = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = importName }.ConnectionString,
                },
                Baselines.PostgresCopyAsync, "plain binary COPY");
        }
        finally
        {
            await BenchDatabase.DropPostgresAsync(server, "ccrm_csv_copy_" + suffix);
            await BenchDatabase.DropPostgresAsync(server, importName);
        }
    }

    private static async Task RunAsync(string directory, int rows, Func<Task<BenchDatabase>> baselineDatabase, Func<Task<BenchDatabase>> importDatabase,
        Dictionary<string, string> productDatabase,
        Func<Microsoft.EntityFrameworkCore.IDbContextFactory<CourierCrm.Web.Data.CrmDbContext>, IReadOnlyList<Waybill>, Task> baselineWrite, string baselineName)
    {
        Directory.CreateDirectory(directory);
        var now = DateTimeOffset.UtcNow;
        double baseline;
        var csv = Path.Combine(directory, $"waybills-{rows}.csv");
        await using (var db = await baselineDatabase())
        {
            var generator = await BenchRows.GeneratorAsync(db.DbFactory, now);
            var written = await WriteCsvAsync(csv, BenchRows.Batches(generator, rows, 10_000));
            Console.WriteLine($"  CSV file: {new FileInfo(csv).Length / 1048576.0:0} MB, {written:N0} rows");
            var watch = Stopwatch.StartNew();
            foreach (var batch in BenchRows.Batches(await BenchRows.GeneratorAsync(db.DbFactory, now), rows, 10_000))
                await baselineWrite(db.DbFactory, batch);
            baseline = rows / watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {baselineName} of the same rows (in this process): {watch.Elapsed.TotalSeconds:0.0} s, {baseline:N0} rows/s"));
        }

        // The import's database is made (migrated, small demo company) and its token issued here; then the
        // product starts on it as a restarted production server would, seeding nothing.
        string token;
        await using (var db = await importDatabase())
            token = await AdminTokenAsync(db);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();

        var settings = new Dictionary<string, string>(productDatabase)
        {
            ["Database:SeedDemoData"] = "false",
            ["Jobs:FilesPath"] = Path.GetFullPath(Path.Combine(directory, "csv-import-jobs")),
        };
        var log = Path.GetFullPath(Path.Combine(directory, "csv-import-product.log"));
        await using var product = await ProductProcess.StartAsync(settings, log);
        Console.WriteLine($"  product: {product.Dll}, process {product.Id} on {product.Address} (output in {log})");
        var idle = product.Memory();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  product process started: {idle.Resident:0} MB resident ({product.Breakdown()})"));

        using var http = new HttpClient { BaseAddress = product.Address, Timeout = TimeSpan.FromHours(1) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var upload = Stopwatch.StartNew();
        using var content = new MultipartFormDataContent();
        await using var file = File.OpenRead(csv);
        content.Add(new StreamContent(file), "file", Path.GetFileName(csv));
        var uploaded = await http.PostAsync("/api/v1/imports/waybills", content);
        var body = await uploaded.Content.ReadAsStringAsync();
        if (!uploaded.IsSuccessStatusCode) throw new InvalidOperationException($"Upload refused: {(int)uploaded.StatusCode} {body}");
        using var draft = JsonDocument.Parse(body);
        var jobId = draft.RootElement.GetProperty("jobId").GetGuid();
        var mapping = draft.RootElement.GetProperty("proposedMapping");
        var afterUpload = product.Memory();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  upload and preview: {upload.Elapsed.TotalSeconds:0.0} s; product process peak so far (start + upload) {afterUpload.Peak:0} MB"));

        product.ResetPeak();
        var before = product.Memory().Resident;
        var import = Stopwatch.StartNew();
        JobView job;
        TimeSpan? counted = null;
        var samples = product.Sample(TimeSpan.FromMilliseconds(200));
        await using (samples)
        {
            var started = await http.PostAsJsonAsync($"/api/v1/imports/{jobId}/start", new { mapping });
            if (!started.IsSuccessStatusCode) throw new InvalidOperationException($"Start refused: {(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}");
            while (true)
            {
                job = (await http.GetFromJsonAsync<JobView>($"/api/v1/jobs/{jobId}", JobJson.Options))!;
                if (counted is null && job.TotalUnits > 0) counted = import.Elapsed;
                if (job.IsFinished) break;
                await Task.Delay(250);
            }
        }
        var elapsed = import.Elapsed;
        var during = product.Memory();
        var rate = job.DoneUnits / elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  product import job: {job.Status}, {job.DoneUnits:N0} rows ({job.ErrorCount:N0} with errors) in {elapsed.TotalSeconds:0.0} s, {rate:N0} rows/s"));
        if (counted is { } c)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  of which counting the file's rows for the progress bar (the job's first pass): about {c.TotalSeconds:0.0} s"));
        if (job.Status != JobStatus.Succeeded || job.ErrorCount > 0)
            Console.WriteLine($"  message: {job.Message}");
        var ratio = rate / baseline;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ratio to the {baselineName}: {ratio:0.00}x (target >= {MinRatio:0.0}x: {(ratio >= MinRatio ? "met" : "NOT met")})"));
        var peak = Math.Max(afterUpload.Peak, during.Peak);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  product process memory: {before:0} MB resident just before the import, {during.Peak:0} MB peak while importing (VmHWM; highest 200 ms sample {samples.Highest:0} MB: {samples.AtHighest}), +{during.Peak - before:0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  product process peak over its whole run (start, upload, import): {peak:0} MB (target <= {MaxPeakMegabytes:0} MB: {(peak <= MaxPeakMegabytes ? "met" : "NOT met")})"));
        Console.WriteLine($"  resident MB while importing, every 5 s: {samples.Timeline()}");
    }

    private static async Task<string> AdminTokenAsync(BenchDatabase database)
    {
        var admin = await BenchViewers.UserAsync(database.DbFactory, "admin");
        using var services = database.Services.CreateScope();
        var result = await services.ServiceProvider.GetRequiredService<StaffAdministration>()
            .IssueTokenAsync(admin, new ApiTokenInput("csv import benchmark", StaffRole.Administrator, DataScope.All, null, null, null), CancellationToken.None);
        return result.Succeeded ? result.Value!.Token : throw new InvalidOperationException($"Could not issue the benchmark's token: {result.Status}");
    }

    /// <summary>The rows as a courier's export would have them: Chinese headers, yuan, kilograms, China time, UTF-8.</summary>
    private static async Task<int> WriteCsvAsync(string path, IEnumerable<List<Waybill>> batches)
    {
        var count = 0;
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync(string.Join(',', Header));
        var china = TimeSpan.FromHours(8);
        foreach (var batch in batches)
            foreach (var w in batch)
            {
                count++;
                await writer.WriteLineAsync(string.Join(',',
                    w.Number, w.CustomerCode, w.Product, Quote(w.SenderName), w.SenderPhone, Quote(w.SenderAddress),
                    Quote(w.ReceiverName), w.ReceiverPhone, Quote(w.ReceiverAddress), w.OriginCity, w.DestinationCity,
                    w.Pieces.ToString(CultureInfo.InvariantCulture),
                    (w.WeightGrams / 1000m).ToString("0.###", CultureInfo.InvariantCulture),
                    (w.FreightFen / 100m).ToString("0.00", CultureInfo.InvariantCulture),
                    w.Payer, w.Status, w.OrderedAt.ToOffset(china).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
            }
        return count;
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
