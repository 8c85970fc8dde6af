using System.Data.Common;
using System.Diagnostics;
using CourierCrm.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CourierCrm.Web.Search;

/// <summary>
/// Plain pooled ADO.NET connections to the product's database for the search box's one statement.
/// A search is the call centre's hottest path: renting an EF context, opening its connection (SQLite
/// also registers EF's SQL functions on every open) and EF's command pipeline cost as much as the
/// lookups themselves, so the search runs its statement on a bare connection of the same database.
/// </summary>
public sealed class SearchConnections(IDbContextFactory<CrmDbContext> dbFactory)
{
    /// <summary>
    /// Every statement the search runs is announced here ("CommandExecuted", the <see cref="DbCommand"/>)
    /// when someone listens: the benchmark replays exactly these statements on its raw ADO.NET side.
    /// </summary>
    public static readonly DiagnosticListener Diagnostics = new(DiagnosticsName);

    public const string DiagnosticsName = "CourierCrm.Search";

    public const string CommandExecuted = "CommandExecuted";

    private Database? _database;

    private sealed record Database(bool IsSqlite, string ConnectionString);

    /// <summary>True when the product runs on SQLite (FTS5 trigram names), false on PostgreSQL (ILIKE over pg_trgm).</summary>
    public bool IsSqlite => Describe().IsSqlite;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var database = Describe();
        DbConnection connection = database.IsSqlite ? new SqliteConnection(database.ConnectionString) : new NpgsqlConnection(database.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The database the product's contexts use, read once from one of them.</summary>
    private Database Describe()
    {
        if (_database is { } known) return known;
        using var db = dbFactory.CreateDbContext();
        return _database = new Database(db.IsSqlite, db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database has no connection string."));
    }
}
