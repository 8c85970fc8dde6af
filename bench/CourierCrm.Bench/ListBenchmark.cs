using System.Diagnostics;
using System.Globalization;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Customers;
using Microsoft.Extensions.DependencyInjection;

namespace CourierCrm.Bench;

/// <summary>
/// The customer list sorted by name (issue 3, "page 4,000 of 100,000 sorted by name: p99 ≤ 5 ms server
/// time"): the time of the list's query service call (CustomerQueries.ListAsync, what the list page
/// and GET /api/v1/customers call), one call at a time, for an administrator and for scoped users.
/// Each page is measured the way the list page asks for it when turning pages (the total it already
/// knows passed back, no count) and as a first visit (counted).
/// </summary>
internal static class ListBenchmark
{
    public const double LimitMs = 5;
    private const int PageSize = 25;

    public static async Task RunAsync(BenchDatabase database, int calls, IReadOnlyList<string> users)
    {
        Console.WriteLine($"{calls} calls per case after {calls / 10} warm-up calls; page size {PageSize}; sorted by name");
        foreach (var user in users)
        {
            var viewer = await BenchViewers.UserAsync(database.DbFactory, user);
            var total = (await ListAsync(database, viewer, 1, null)).Total;
            var last = Math.Max(1, (total + PageSize - 1) / PageSize);
            Console.WriteLine($"{user} ({viewer.Role}, scope {viewer.Scope}): {total:N0} customers, {last:N0} pages");
            var pages = new SortedSet<int> { 1, Math.Max(1, last / 2), last };
            if (last >= 4000) pages.Add(4000);
            foreach (var page in pages)
            {
                foreach (var known in new[] { true, false })
                {
                    var times = await MeasureAsync(database, viewer, page, known ? total : null, calls);
                    var label = string.Create(CultureInfo.InvariantCulture, $"page {page:N0}{(page == last ? " (last)" : page == Math.Max(1, last / 2) ? " (middle)" : "")}, {(known ? "total known (turning pages)" : "counted (first visit)")}");
                    Console.WriteLine($"  {label,-52} {times}");
                    if (page == 4000 || (page == last && last < 4000))
                        Console.WriteLine($"  {"",-52} {times.RatioToLimit(LimitMs)}");
                }
            }
        }
    }

    private static async Task<Latency> MeasureAsync(BenchDatabase database, Viewer viewer, int page, int? knownTotal, int calls)
    {
        for (var i = 0; i < calls / 10; i++) await ListAsync(database, viewer, page, knownTotal);
        var times = new List<double>(calls);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var result = await ListAsync(database, viewer, page, knownTotal);
            times.Add(Latency.Milliseconds(start));
            if (result.Items.Count == 0) throw new InvalidOperationException($"Page {page} came back empty.");
        }
        return Latency.Of(times, watch.Elapsed.TotalSeconds);
    }

    private static async Task<CourierCrm.Web.Platform.Paging.PagedResult<CustomerListItem>> ListAsync(BenchDatabase database, Viewer viewer, int page, int? knownTotal)
    {
        using var services = database.Services.CreateScope();
        var queries = services.ServiceProvider.GetRequiredService<CustomerQueries>();
        return await queries.ListAsync(viewer, new CustomerListQuery { Page = page, PageSize = PageSize, KnownTotal = knownTotal }, CancellationToken.None);
    }
}
