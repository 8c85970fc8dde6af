using System.Data.Common;
using System.Globalization;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Organisation;
using CourierCrm.Web.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CourierCrm.Bench;

/// <summary>
/// The search box under load (issue 3, "Search at 100,000 customers and 1,000,000 waybills"): the
/// real product on Kestrel on loopback answering GET /api/v1/search to N concurrent clients, against
/// a bare ADO.NET endpoint in the same process replaying the SQL the product ran for each sample.
/// </summary>
internal static class SearchBenchmark
{
    public const double MinRatioToRaw = 0.5;

    private static readonly TimeSpan WarmAllAtLeast = TimeSpan.FromSeconds(20);

    public static async Task RunAsync(BenchDatabase database, int clients, TimeSpan warmUp, TimeSpan measured, int sampleCount, DataScope scope, IReadOnlyCollection<string>? only, bool rawPrepared)
    {
        var kinds = (await SearchSamples.TakeAsync(database.DbFactory, sampleCount)).Where(k => only is null || only.Contains(k.Key)).ToList();
        var (token, viewer) = await IssueTokenAsync(database, scope);

        // The statements the product runs for each sample, recorded from its own SearchService.
        var recorded = new Dictionary<string, IReadOnlyList<IReadOnlyList<RecordedCommand>>>();
        using (SqlRecorder.Start())
            foreach (var kind in kinds)
            {
                var perSample = new List<IReadOnlyList<RecordedCommand>>();
                foreach (var q in kind.Samples)
                {
                    using var services = database.Services.CreateScope();
                    var search = services.ServiceProvider.GetRequiredService<SearchService>();
                    var commands = await SqlRecorder.RecordAsync(() => search.SearchAsync(viewer, q, SearchQuery.DefaultLimit, CancellationToken.None));
                    if (commands.Count == 0) throw new InvalidOperationException($"No SQL was recorded for the {kind.Key} sample '{q}'.");
                    perSample.Add(commands);
                }
                recorded[kind.Key] = perSample;
            }

        var productAddress = await database.ServeAsync();
        await using var raw = await RawSqlServer.StartAsync(await ConnectionFactoryAsync(database, rawPrepared), recorded, rawPrepared);
        using var product = HttpLoad.ClientFor(productAddress, clients);
        product.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var bare = HttpLoad.ClientFor(raw.Address, clients);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{clients} concurrent clients, {warmUp.TotalSeconds:0} s warm-up + {measured.TotalSeconds:0} s measured per side (product and raw in alternating slices), {sampleCount} samples per kind, token scope {scope}, raw side {(rawPrepared ? "prepared statements" : "fresh statements")}, load average {LoadAverage()}"));
        // What a request costs the product before any search: the pipeline alone, then with the
        // token's authentication and viewer and one small query.
        using (var anonymous = HttpLoad.ClientFor(productAddress, clients))
        {
            var health = await HttpLoad.RunAsync(anonymous, _ => "/health", clients, warmUp, measured);
            Console.WriteLine($"product, GET /health (no token, no database)                   {health}");
        }
        var regions = await HttpLoad.RunAsync(product, _ => "/api/v1/regions", clients, warmUp, measured);
        Console.WriteLine($"product, GET /api/v1/regions (token, viewer, one small query)  {regions}");
        // Both sides answer every kind for a while before anything is measured: the first kind measured
        // must not pay for the product's code being compiled (tiered JIT) while the raw side's is ready.
        // At least WarmAllAtLeast: on a busy machine the runtime's background compiler (tier 1) gets little CPU, and
        // a side still running its first quickly compiled code measured several times dearer (docs/benchmarks.md).
        var all = kinds.SelectMany(k => k.Samples.Select((q, i) => (Kind: k.Key, Q: q, Index: i))).ToList();
        var warmAll = warmUp * 2 > WarmAllAtLeast ? warmUp * 2 : WarmAllAtLeast;
        await HttpLoad.CompareAsync(product, i => "/api/v1/search?q=" + Uri.EscapeDataString(all[i % all.Count].Q),
            bare, i => RawSqlServer.PathOf(all[i % all.Count].Kind, all[i % all.Count].Index), clients, warmAll, warmAll / 2, slices: 1);
        foreach (var kind in kinds)
        {
            var loadBefore = LoadAverage();
            var statements = recorded[kind.Key].Average(c => c.Count);
            var (productTimes, rawTimes) = await HttpLoad.CompareAsync(
                product, i => "/api/v1/search?q=" + Uri.EscapeDataString(kind.Samples[i % kind.Samples.Count]),
                bare, i => RawSqlServer.PathOf(kind.Key, i % kind.Samples.Count), clients, warmUp, measured);
            var ratio = productTimes.PerSecond / rawTimes.PerSecond;
            var alone = await OneAtATimeAsync(database, viewer, product, kind);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind.Label} ({statements:0.#} SQL statements per search, load average {loadBefore} -> {LoadAverage()})"));
            Console.WriteLine($"  one caller, SearchService call  {alone.Service}");
            Console.WriteLine($"  one caller, HTTP request        {alone.Http}");
            Console.WriteLine($"  product  {productTimes}");
            Console.WriteLine($"  raw SQL  {rawTimes}");
            Console.WriteLine($"  {productTimes.RatioToLimit(kind.LimitMs)}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  ratio to raw: throughput {ratio:0.00}x (target >= {MinRatioToRaw:0.0}x: {(ratio >= MinRatioToRaw ? "met" : "NOT met")}), p99 {productTimes.P99 / rawTimes.P99:0.00}x the raw p99"));
        }
    }

    /// <summary>The machine's one-minute load average (Linux), printed next to the numbers it shaped.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    /// <summary>
    /// The same samples one at a time: the search's own time (the service call the endpoint makes)
    /// and the whole request's, without the queueing of 32 callers on the machine's few cores.
    /// </summary>
    private static async Task<(Latency Service, Latency Http)> OneAtATimeAsync(BenchDatabase database, Viewer viewer, HttpClient product, SearchKind kind)
    {
        var service = new List<double>();
        var http = new List<double>();
        var serviceWatch = new System.Diagnostics.Stopwatch();
        var httpWatch = new System.Diagnostics.Stopwatch();
        for (var round = 0; round < 2; round++)
            foreach (var q in kind.Samples)
            {
                serviceWatch.Start();
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                using (var services = database.Services.CreateScope())
                    await services.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(viewer, q, SearchQuery.DefaultLimit, CancellationToken.None);
                if (round == 1) service.Add(Latency.Milliseconds(start));
                serviceWatch.Stop();
                httpWatch.Start();
                start = System.Diagnostics.Stopwatch.GetTimestamp();
                using (var response = await product.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(q)))
                    response.EnsureSuccessStatusCode();
                if (round == 1) http.Add(Latency.Milliseconds(start));
                httpWatch.Stop();
            }
        return (Latency.Of(service, serviceWatch.Elapsed.TotalSeconds / 2), Latency.Of(http, httpWatch.Elapsed.TotalSeconds / 2));
    }

    /// <summary>A customer-service token (the call centre's search box) of the given scope, and the viewer it gives a request.</summary>
    private static async Task<(string Token, Viewer Viewer)> IssueTokenAsync(BenchDatabase database, DataScope scope)
    {
        var admin = await BenchViewers.UserAsync(database.DbFactory, "admin");
        int? outlet = null;
        if (scope is DataScope.Outlet or DataScope.Region)
        {
            await using var db = await database.DbFactory.CreateDbContextAsync();
            outlet = await db.Outlets.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        }
        const StaffRole role = StaffRole.CustomerServiceAgent;
        var name = "search benchmark " + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        using var services = database.Services.CreateScope();
        var result = await services.ServiceProvider.GetRequiredService<StaffAdministration>()
            .IssueTokenAsync(admin, new ApiTokenInput(name, role, scope, outlet, null, null), CancellationToken.None);
        if (!result.Succeeded) throw new InvalidOperationException($"Could not issue the benchmark's token: {result.Status}");
        return (result.Value!.Token, await BenchViewers.TokenAsync(database.DbFactory, name, role, scope, outlet));
    }

    /// <summary>Connections for the raw side; prepared on PostgreSQL means Npgsql's automatic preparation, as the product's search uses.</summary>
    private static async Task<Func<DbConnection>> ConnectionFactoryAsync(BenchDatabase database, bool prepared)
    {
        await using var db = await database.DbFactory.CreateDbContextAsync();
        var connection = db.Database.GetConnectionString()!;
        if (db.Database.IsSqlite()) return () => new SqliteConnection(connection);
        if (prepared) connection = new NpgsqlConnectionStringBuilder(connection) { MaxAutoPrepare = 32, AutoPrepareMinUsages = 2 }.ConnectionString;
        return () => new NpgsqlConnection(connection);
    }
}
