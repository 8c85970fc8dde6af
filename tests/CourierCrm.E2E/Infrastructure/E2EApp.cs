using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace CourierCrm.E2E.Infrastructure;

/// <summary>One running product and one Chromium for the whole collection: starting either is the slow part.</summary>
public sealed class E2EApp : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "couriercrm-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private CrmAppFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The running app's services, for arranging data and reading what the pages wrote.</summary>
    public IServiceProvider Services => _factory!.Services;

    /// <summary>Full-page PNGs land here (printed by ./test.sh); one file per page and language.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(ScreenshotFolder);
        // The folder shows this run only: pictures of a page that no longer renders must not linger.
        foreach (var old in Directory.EnumerateFiles(ScreenshotFolder, "*.png"))
            File.Delete(old);
        _factory = new CrmAppFactory(Path.Combine(_folder, "crm.db"));
        // Starting the host runs Program: migrations and the demo seed happen here.
        _factory.StartServer();
        BaseAddress = _factory.BaseAddress;

        // Several seconds of waiting per assertion are normal for Blazor circuits on a busy 2-core runner.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            // Debian's Chromium: the run is offline, Playwright's own browser download is never used.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser profile (no cookies) whose Accept-Language is <paramref name="culture"/>.</summary>
    public async Task<BrowserSession> NewSessionAsync(ITestOutputHelper output, string culture = "zh-CN")
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString().TrimEnd('/'),
            Locale = culture,
            ViewportSize = new() { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        await context.AddInitScriptAsync(BlazorReadiness.InitScript);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, output);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        // Pooled connections keep the SQLite file open; release them before deleting the folder.
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a temp folder left behind is harmless */ }
    }
}

[CollectionDefinition(Name)]
public sealed class E2ECollection : ICollectionFixture<E2EApp>
{
    public const string Name = "CourierCrm in Chromium";
}
