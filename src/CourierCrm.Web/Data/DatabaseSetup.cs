using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Data;

/// <summary>Which database the installation runs on (configuration section "Database").</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    /// <summary>"Sqlite" (default, embedded) or "Postgres".</summary>
    public string Provider { get; set; } = "Sqlite";
    /// <summary>File of the embedded database; relative paths are under the content root's parent solution folder.</summary>
    public string SqlitePath { get; set; } = "data/couriercrm.db";
    /// <summary>Npgsql connection string when <see cref="Provider"/> is Postgres.</summary>
    public string? Postgres { get; set; }
    /// <summary>Seed the demo company on first start (an empty database).</summary>
    public bool SeedDemoData { get; set; } = true;

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);
}

public static class DatabaseSetup
{
    public static IServiceCollection AddCrmDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        if (options.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(options.Postgres))
                throw new InvalidOperationException("Database:Provider is Postgres but Database:Postgres (the connection string) is empty.");
            services.AddPooledDbContextFactory<PostgresCrmDbContext>(o => o.UseNpgsql(options.Postgres));
            services.AddSingleton<IDbContextFactory<CrmDbContext>, CrmDbContextFactory<PostgresCrmDbContext>>();
        }
        else
        {
            var connection = SqliteConnectionString(options, environment);
            services.AddPooledDbContextFactory<SqliteCrmDbContext>(o => o.UseSqlite(connection));
            services.AddSingleton<IDbContextFactory<CrmDbContext>, CrmDbContextFactory<SqliteCrmDbContext>>();
        }
        // Pooled: every request and job opens several short-lived contexts, and building one costs more than the query it runs.
        // Identity's stores want a scoped context; everything else opens one per operation.
        services.AddScoped<CrmDbContext>(sp => sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext());
        return services;
    }

    public static string SqliteConnectionString(DatabaseOptions options, IHostEnvironment environment)
    {
        var path = options.SqlitePath;
        if (!Path.IsPathRooted(path))
            path = Path.Combine(SolutionRoot(environment.ContentRootPath), path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new SqliteConnectionStringBuilder { DataSource = path, Cache = SqliteCacheMode.Private, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>
    /// The folder holding CourierCrm.slnx when run from a checkout (so `data/` sits at the top of
    /// the clone whichever folder `dotnet run` was started from), else the content root.
    /// </summary>
    public static string SolutionRoot(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CourierCrm.slnx")))
                return dir.FullName;
        return contentRoot;
    }
}

/// <summary>Hands out the provider's context type as the shared <see cref="CrmDbContext"/>.</summary>
internal sealed class CrmDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<CrmDbContext>
    where TContext : CrmDbContext
{
    public CrmDbContext CreateDbContext() => inner.CreateDbContext();
}
