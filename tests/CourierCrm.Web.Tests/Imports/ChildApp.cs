using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CourierCrm.Web.Tests.Infrastructure;

namespace CourierCrm.Web.Tests.Imports;

/// <summary>
/// The real CourierCrm.Web as a separate process on its own port and database, so a test can kill it
/// the hard way (like a power cut or an OOM kill) and start it again.
/// </summary>
public sealed class ChildApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ChildApp(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output { get { lock (_output) return string.Join('\n', _output.TakeLast(60)); } }

    /// <summary>Starts the app with the given settings and waits until /health answers (the demo seed included).</summary>
    public static async Task<ChildApp> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var dll = WebAssembly();
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(dll))))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in settings) info.ArgumentList.Add($"--{key}={value}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var app = new ChildApp(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}"));
        app._process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        await app.WaitHealthyAsync();
        return app;
    }

    /// <summary>A client signed in through the login form as a demo user.</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address };
        SignIn.AssertSignedIn(await SignIn.PostLoginAsync(client, userName, DemoCompany.PasswordOf(userName)), userName);
        return client;
    }

    /// <summary>Ends the process and everything it started at once, with no chance to clean up.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
    }

    private async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy seeding
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app did not become healthy:\n{Output}");
    }

    /// <summary>The app's own build output (src/CourierCrm.Web/bin/...), built with the tests in the same configuration.</summary>
    private static string WebAssembly()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "CourierCrm.Web", "bin", configuration, "net10.0", "CourierCrm.Web.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("CourierCrm.Web.dll was not found above the test folder; build the solution first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
