using CourierCrm.Web;
using CourierCrm.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CourierCrm.Bench;

/// <summary>
/// A CourierCrm database for a benchmark: the product's own services on a SQLite file or a
/// PostgreSQL database, migrated (and seeded if asked) exactly as the product does at start.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _served;

    private BenchDatabase(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public IDbContextFactory<CrmDbContext> DbFactory => Services.GetRequiredService<IDbContextFactory<CrmDbContext>>();

    /// <summary>A fresh SQLite file (an old one at the path is deleted first).</summary>
    public static Task<BenchDatabase> FreshSqliteAsync(string path, IDictionary<string, string?>? extra = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(path + suffix);
        return OpenAsync(new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>())
        {
            ["Database:Provider"] = "Sqlite", ["Database:SqlitePath"] = Path.GetFullPath(path),
        });
    }

    /// <summary>
    /// The SQLite file at <paramref name="path"/> (migrated like the product's start), or, when there is
    /// none yet, a new one with the demo company of <paramref name="customers"/> customers and
    /// <paramref name="waybills"/> waybills: the generator takes minutes for a million waybills, so
    /// benchmarks reuse the file between runs.
    /// </summary>
    public static async Task<BenchDatabase> SqliteWithDemoAsync(string path, int customers, int waybills)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite", ["Database:SqlitePath"] = Path.GetFullPath(path),
            ["Demo:Customers"] = customers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Demo:Waybills"] = waybills.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (File.Exists(path))
        {
            Console.WriteLine($"Reusing {path}");
            return await OpenAsync(settings);
        }
        Console.WriteLine($"Generating {path}: {customers:N0} customers, {waybills:N0} waybills (minutes)");
        settings["Database:SeedDemoData"] = "true";
        return await OpenAsync(settings);
    }

    /// <summary>
    /// The PostgreSQL database of <paramref name="connection"/> (it must exist), migrated, and seeded
    /// with the demo company of this size only while it is empty: later runs reuse it as it is.
    /// </summary>
    public static Task<BenchDatabase> PostgresWithDemoAsync(string connection, int customers, int waybills) =>
        OpenAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres", ["Database:Postgres"] = connection, ["Database:SeedDemoData"] = "true",
            ["Demo:Customers"] = customers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Demo:Waybills"] = waybills.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>
    /// Serves the whole product (pages, API, authentication: <c>UseCourierCrm</c>) on Kestrel on a
    /// free loopback port, on this database; answers the base address.
    /// </summary>
    public async Task<Uri> ServeAsync()
    {
        _served = true;
        _app.UseCourierCrm();
        _app.Urls.Add("http://127.0.0.1:0");
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    /// <summary>A fresh database named <paramref name="name"/> on the server of <paramref name="serverConnection"/> (dropped first if there).</summary>
    public static async Task<BenchDatabase> FreshPostgresAsync(string serverConnection, string name, IDictionary<string, string?>? extra = null)
    {
        await DropPostgresAsync(serverConnection, name);
        await using (var connection = new NpgsqlConnection(serverConnection))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return await OpenAsync(new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>())
        {
            ["Database:Provider"] = "Postgres",
            ["Database:Postgres"] = new NpgsqlConnectionStringBuilder(serverConnection) { Database = name }.ConnectionString,
        });
    }

    /// <summary>An existing (empty) PostgreSQL database, migrated and seeded like the product's first start.</summary>
    public static Task<BenchDatabase> OpenExistingPostgresAsync(string connection, IDictionary<string, string?> extra) =>
        OpenAsync(new Dictionary<string, string?>(extra) { ["Database:Provider"] = "Postgres", ["Database:Postgres"] = connection });

    public static async Task DropPostgresAsync(string serverConnection, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(serverConnection);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<BenchDatabase> OpenAsync(IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(CourierCrmApp).Assembly.GetName().Name,
        });
        // The nightly classification (02:30 China time) must never start inside a measurement.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false", ["Classification:NightlyCron"] = "0 0 0 1 1 ? 2099" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("CourierCrm.Web.Demo", LogLevel.Information)
            // A fresh database: EF logs its first look for the migrations table as a failure, and a
            // database without demo data gets a bootstrap administrator; neither is news here.
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None)
            .AddFilter("CourierCrm.Web.Demo.ReferenceDataSeeder", LogLevel.Error)
            // A served product: the scheduler's and host's start-up chatter, and wwwroot (not copied next to the bench).
            .AddFilter("Quartz", LogLevel.Warning).AddFilter("Microsoft.Hosting", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.StaticFiles", LogLevel.Error).AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.AddCourierCrm(builder.Configuration, builder.Environment);
        var app = builder.Build();
        await DatabaseMigrator.MigrateAndSeedAsync(app.Services);
        return new BenchDatabase(app);
    }

    public async ValueTask DisposeAsync()
    {
        // A served product stops its host first (the job scheduler among it) before its services go.
        if (_served) await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
