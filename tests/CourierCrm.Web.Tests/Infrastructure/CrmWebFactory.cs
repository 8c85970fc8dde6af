using System.Collections.Concurrent;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CourierCrm.Web.Tests.Infrastructure;

/// <summary>
/// The whole product on a real database of its own, seeded once with a small demo company.
/// One instance per database serves a whole test collection, so tests that change shared rows
/// make their own customers (<see cref="CustomerInputBuilder"/>) instead of touching the demo ones.
/// </summary>
public abstract class CrmWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Enough customers for every scope to hold some, few enough to seed in a second.</summary>
    public const int DemoCustomers = 120;

    // Two hosts building at the same moment can confuse the hook WebApplicationFactory uses to
    // find the host of Program; starting them one at a time costs nothing noticeable.
    private static readonly SemaphoreSlim StartLock = new(1, 1);

    private readonly ConcurrentDictionary<string, Task<HttpClient>> _signedIn = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _shared = new();

    public abstract string ProviderName { get; }

    public DemoCompany Demo { get; private set; } = null!;

    /// <summary>The configuration that points the product at this fixture's database.</summary>
    protected abstract IReadOnlyDictionary<string, string> DatabaseSettings();

    protected abstract Task CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in DatabaseSettings())
            builder.UseSetting(key, value);
        builder.UseSetting("Demo:Customers", DemoCustomers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public async Task InitializeAsync()
    {
        SqlCapture.Listen();
        await CreateDatabaseAsync();
        await StartLock.WaitAsync();
        try
        {
            _ = Server; // builds the host: migrations and the demo seed run in Program before it serves
        }
        finally
        {
            StartLock.Release();
        }
        var options = Services.GetRequiredService<DatabaseOptions>();
        if (!string.Equals(options.Provider, DatabaseSettings()["Database:Provider"], StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"The host runs on {options.Provider}, not on the fixture's database: the settings did not reach Program.");
        Demo = await DemoCompany.LoadAsync(this);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var client in _signedIn.Values.Where(t => t.IsCompletedSuccessfully))
            client.Result.Dispose();
        await base.DisposeAsync();
        await DropDatabaseAsync();
    }

    /// <summary>A fresh context on the fixture's database, for arranging and checking rows directly.</summary>
    public CrmDbContext NewDb() => Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext();

    /// <summary>Runs a scoped service of the product (commands, administration) the way a page would.</summary>
    public async Task<TResult> WithScopeAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A client that keeps cookies and does not follow redirects, like a browser under test.</summary>
    public HttpClient NewBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    /// <summary>A client signed in through the real login form as a demo user; one per user, shared by the collection.</summary>
    public Task<HttpClient> SignedInAsync(string userName) =>
        _signedIn.GetOrAdd(userName, async name =>
        {
            var client = NewBrowser();
            var response = await SignIn.PostLoginAsync(client, name, DemoCompany.PasswordOf(name));
            SignIn.AssertSignedIn(response, name);
            return client;
        });

    /// <summary>A client that sends no credentials.</summary>
    public HttpClient Anonymous() => NewBrowser();

    /// <summary>A client for "anonymous" or a demo user name.</summary>
    public async Task<HttpClient> ClientForAsync(string user) => user == DemoCompany.AnonymousUser ? Anonymous() : await SignedInAsync(user);

    /// <summary>The viewer a demo user stands for right now, as the product resolves it.</summary>
    public Task<Viewer> ViewerAsync(string userName) => Demo.ViewerAsync(this, userName);

    /// <summary>
    /// Something made once per database and reused by every test of the collection (a customer
    /// the access matrix works on, an outlet it may update).
    /// </summary>
    public async Task<T> SharedAsync<T>(string key, Func<Task<T>> create) where T : notnull =>
        (T)await _shared.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await create())).Value;
}
