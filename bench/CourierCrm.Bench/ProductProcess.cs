using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CourierCrm.Bench;

/// <summary>
/// The product as it runs in production: the built CourierCrm.Web (same configuration as this
/// benchmark, so Release beside a Release bench) started as a process of its own with
/// <c>dotnet CourierCrm.Web.dll --urls … --Database:…</c>, its own runtime settings (its
/// runtimeconfig.json: server GC), and nothing of the benchmark in its memory. Its resident memory is
/// read from /proc/&lt;pid&gt;/status: VmRSS now, VmHWM the most it ever had.
/// </summary>
internal sealed class ProductProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ProductProcess(Process process, StreamWriter log, Uri address, string dll)
    {
        _process = process;
        _log = log;
        Address = address;
        Dll = dll;
    }

    public Uri Address { get; }
    public string Dll { get; }
    public int Id => _process.Id;

    /// <summary>
    /// Starts the product with <paramref name="settings"/> as command-line configuration on a free loopback
    /// port, its output in <paramref name="logPath"/>, and waits until it answers /health (its database
    /// migrated, its host started).
    /// </summary>
    public static async Task<ProductProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string logPath)
    {
        var dll = ProductDll();
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings) start.ArgumentList.Add($"--{key}={value}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var product = new ProductProcess(process, log, address, dll);

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                await product.DisposeAsync();
                throw new InvalidOperationException($"The product exited with code {process.ExitCode} before answering; see {logPath}.");
            }
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return product;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // starting slowly on a busy machine
            }
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                await product.DisposeAsync();
                throw new TimeoutException($"The product did not answer /health within 2 minutes; see {logPath}.");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Resident memory now (VmRSS) and the most it has been (VmHWM), in MB.</summary>
    public (double Resident, double Peak) Memory()
    {
        double rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line) / 1024.0;
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kilobytes(line) / 1024.0;
        }
        return (rss, hwm);
    }

    /// <summary>What the resident memory is now, in MB: anonymous (GC heap, native allocations), file-backed (the mapped assemblies and libraries), shared (mostly the runtime's double-mapped executable code).</summary>
    public string Breakdown()
    {
        var parts = File.ReadLines($"/proc/{Id}/status").Where(l => l.StartsWith("RssAnon:", StringComparison.Ordinal) || l.StartsWith("RssFile:", StringComparison.Ordinal) || l.StartsWith("RssShmem:", StringComparison.Ordinal))
            .Select(l => string.Create(CultureInfo.InvariantCulture, $"{l[3..l.IndexOf(':')].ToLowerInvariant()} {Kilobytes(l) / 1024.0:0}"));
        return string.Join(", ", parts);
    }

    /// <summary>Starts VmHWM over from the present VmRSS (Linux: 5 written to clear_refs), so a phase's own peak can be read.</summary>
    public void ResetPeak() => File.WriteAllText($"/proc/{Id}/clear_refs", "5");

    /// <summary>Samples VmRSS every <paramref name="every"/> until disposed: the shape of the memory over a phase.</summary>
    public MemorySamples Sample(TimeSpan every) => new(this, every);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the host's orderly stop, as systemd or docker would stop it.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    /// <summary>src/CourierCrm.Web/bin/&lt;this bench's configuration&gt;/net10.0/CourierCrm.Web.dll of the checkout this bench runs from.</summary>
    private static string ProductDll()
    {
        var bench = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = bench.Name;
        var configuration = bench.Parent?.Name ?? "Release";
        for (var dir = bench; dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CourierCrm.slnx")))
            {
                var dll = Path.Combine(dir.FullName, "src", "CourierCrm.Web", "bin", configuration, framework, "CourierCrm.Web.dll");
                return File.Exists(dll) ? dll
                    : throw new FileNotFoundException($"Build the product first: dotnet build src/CourierCrm.Web -c {configuration}", dll);
            }
        throw new DirectoryNotFoundException("The benchmark is not running from a CourierCrm checkout (no CourierCrm.slnx above it).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static long Kilobytes(string statusLine) =>
        long.Parse(statusLine[(statusLine.IndexOf(':') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>VmRSS every few hundred milliseconds on a timer: the highest seen, and one sample every few seconds for the record.</summary>
    internal sealed class MemorySamples : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;
        private readonly List<(TimeSpan At, double Resident)> _timeline = [];

        public MemorySamples(ProductProcess product, TimeSpan every)
        {
            _sampling = Task.Run(async () =>
            {
                var watch = Stopwatch.StartNew();
                var lastRecorded = TimeSpan.FromSeconds(-5);
                using var timer = new PeriodicTimer(every);
                try
                {
                    do
                    {
                        var (rss, _) = product.Memory();
                        if (rss > Highest) (Highest, AtHighest) = (rss, product.Breakdown());
                        if (watch.Elapsed - lastRecorded < TimeSpan.FromSeconds(5)) continue;
                        lock (_timeline) _timeline.Add((watch.Elapsed, rss));
                        lastRecorded = watch.Elapsed;
                    } while (await timer.WaitForNextTickAsync(_stop.Token));
                }
                catch (OperationCanceledException)
                {
                    // the phase is over
                }
            });
        }

        public double Highest { get; private set; }

        /// <summary>The <see cref="Breakdown"/> at the highest sample.</summary>
        public string AtHighest { get; private set; } = "";

        /// <summary>"0 s 250 MB, 5 s 262 MB, …".</summary>
        public string Timeline()
        {
            lock (_timeline)
                return string.Join(", ", _timeline.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.At.TotalSeconds:0} s {s.Resident:0}")));
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _sampling;
            _stop.Dispose();
        }
    }
}
