using System.Diagnostics;

namespace CourierCrm.Bench;

/// <summary>
/// A fixed number of HTTP clients, each sending its next request as soon as the last answered
/// (a closed loop), for a warm-up and then a measured period. Every answer must be 200 and is read
/// to its end, so the time is what a caller waits for the whole response.
/// </summary>
internal static class HttpLoad
{
    public static async Task<Latency> RunAsync(HttpClient client, Func<int, string> pathOf, int clients, TimeSpan warmUp, TimeSpan measured)
    {
        var next = -1;
        await RunForAsync(client, pathOf, clients, warmUp, () => Interlocked.Increment(ref next), record: null);
        var times = new List<double>[clients];
        for (var i = 0; i < clients; i++) times[i] = new List<double>(4096);
        var cpu = ProcessCpu();
        var watch = Stopwatch.StartNew();
        await RunForAsync(client, pathOf, clients, measured, () => Interlocked.Increment(ref next), times);
        return Latency.Of(times.SelectMany(t => t).ToList(), watch.Elapsed.TotalSeconds, ProcessCpu() - cpu);
    }

    /// <summary>
    /// Two sides measured in alternating slices (A, B, A, B…) after a warm-up of each: on a shared
    /// machine whose load comes and goes, both sides then meet the same load, and their ratio is
    /// not decided by which of them ran while someone else was building.
    /// </summary>
    public static async Task<(Latency A, Latency B)> CompareAsync(HttpClient a, Func<int, string> pathOfA, HttpClient b, Func<int, string> pathOfB,
        int clients, TimeSpan warmUp, TimeSpan measured, int slices = 4)
    {
        var next = -1;
        await RunForAsync(a, pathOfA, clients, warmUp, () => Interlocked.Increment(ref next), record: null);
        await RunForAsync(b, pathOfB, clients, warmUp, () => Interlocked.Increment(ref next), record: null);
        var timesA = NewTimes(clients);
        var timesB = NewTimes(clients);
        double secondsA = 0, secondsB = 0;
        TimeSpan cpuA = TimeSpan.Zero, cpuB = TimeSpan.Zero;
        var slice = measured / slices;
        for (var i = 0; i < slices; i++)
        {
            var cpu = ProcessCpu();
            var watch = Stopwatch.StartNew();
            await RunForAsync(a, pathOfA, clients, slice, () => Interlocked.Increment(ref next), timesA);
            secondsA += watch.Elapsed.TotalSeconds;
            cpuA += ProcessCpu() - cpu;
            cpu = ProcessCpu();
            watch.Restart();
            await RunForAsync(b, pathOfB, clients, slice, () => Interlocked.Increment(ref next), timesB);
            secondsB += watch.Elapsed.TotalSeconds;
            cpuB += ProcessCpu() - cpu;
        }
        return (Latency.Of(timesA.SelectMany(t => t).ToList(), secondsA, cpuA), Latency.Of(timesB.SelectMany(t => t).ToList(), secondsB, cpuB));
    }

    /// <summary>CPU time this process has used so far (all threads: servers and clients).</summary>
    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static List<double>[] NewTimes(int clients)
    {
        var times = new List<double>[clients];
        for (var i = 0; i < clients; i++) times[i] = new List<double>(4096);
        return times;
    }

    private static async Task RunForAsync(HttpClient client, Func<int, string> pathOf, int clients, TimeSpan period,
        Func<int> nextIndex, List<double>[]? record)
    {
        var until = Stopwatch.GetTimestamp() + (long)(period.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var path = pathOf(nextIndex());
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                var elapsed = Latency.Milliseconds(start);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                record?[worker].Add(elapsed);
            }
        }));
        await Task.WhenAll(workers);
    }

    /// <summary>A client that keeps one connection per concurrent caller open for the whole run.</summary>
    public static HttpClient ClientFor(Uri baseAddress, int clients) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60),
        };
}
