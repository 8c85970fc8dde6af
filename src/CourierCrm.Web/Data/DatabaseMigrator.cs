using CourierCrm.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Data;

/// <summary>Brings the database to the current schema at start and seeds what an empty one needs.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAndSeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (db.IsSqlite)
            {
                // WAL lets readers go on while one writer works (DESIGN.md "Scale"); the setting stays in the file.
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            await db.Database.MigrateAsync(cancellationToken);
        }
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        if (options.SeedDemoData)
        {
            await scope.ServiceProvider.GetRequiredService<DemoCompanySeeder>().SeedIfEmptyAsync(cancellationToken);
            await ActivatorUtilities.CreateInstance<DemoWaybillSeeder>(scope.ServiceProvider).SeedIfEmptyAsync(cancellationToken);
        }
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(cancellationToken);

        await using var stats = await factory.CreateDbContextAsync(cancellationToken);
        if (stats.IsSqlite)
            // Without statistics SQLite prefers the data-scope indexes over the phone and number
            // indexes; a fresh install is seeded after its migrations, so refresh them now (cheap when nothing changed).
            await stats.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
    }
}
