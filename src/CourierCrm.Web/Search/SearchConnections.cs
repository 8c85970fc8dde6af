using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using CourierCrm.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CourierCrm.Web.Search;

/// <summary>
/// Connections to the product's database for the search box's one statement, each keeping its
/// statements prepared. A search is the call centre's hottest path: renting an EF context, opening
/// its connection and EF's command pipeline cost as much as the lookups themselves, and on SQLite
/// compiling the statement (a UNION of up to six lookups) cost more than running it (measured:
/// about 110 µs to compile, 70 µs to run a phone prefix; docs/benchmarks.md).
/// </summary>
/// <remarks>
/// SQLite: a few connections stay open (<see cref="MaxIdleSessions"/>) and each keeps its commands
/// by SQL text, so a statement of a shape seen before (same kind of query, same kind of scope) is
/// bound to new values and run without being compiled again. Statements see every committed change
/// (each runs in a read transaction of its own) and SQLite compiles them again by itself after a
/// schema change. PostgreSQL: Npgsql's own pool with automatic preparation on its connections.
/// A session that failed is closed, never reused.
/// </remarks>
public sealed class SearchConnections(IDbContextFactory<CrmDbContext> dbFactory) : IDisposable
{
    /// <summary>
    /// Every statement the search runs is announced here ("CommandExecuted", the <see cref="DbCommand"/>)
    /// when someone listens: the benchmark replays exactly these statements on its raw ADO.NET side.
    /// </summary>
    public static readonly DiagnosticListener Diagnostics = new(DiagnosticsName);

    public const string DiagnosticsName = "CourierCrm.Search";

    public const string CommandExecuted = "CommandExecuted";

    /// <summary>
    /// Open SQLite connections kept between searches. SQLite runs a statement on the calling thread, so as
    /// many run at once as the thread pool has threads in searches, and a busy pool grows well past the
    /// CPU count: a session beyond this is closed after use, and the next one opens and compiles afresh
    /// (with 8 kept, 32 concurrent callers spent more on that than on searching). An idle connection costs
    /// its page cache (at most 2 MB) and its compiled statements.
    /// </summary>
    public static readonly int MaxIdleSessions = Math.Max(32, Environment.ProcessorCount * 8);

    /// <summary>PostgreSQL: statements used this often on a connection are prepared there (Npgsql's automatic preparation).</summary>
    private const int PostgresAutoPrepared = 32;

    private readonly ConcurrentBag<SearchSession> _idle = [];
    private Database? _database;
    private volatile bool _disposed;

    private sealed record Database(bool IsSqlite, string ConnectionString);

    /// <summary>True when the product runs on SQLite (FTS5 trigram names), false on PostgreSQL (ILIKE over pg_trgm).</summary>
    public bool IsSqlite => Describe().IsSqlite;

    /// <summary>An open session for one search; hand it back with <see cref="Return"/>, or dispose it when the search failed.</summary>
    internal async Task<SearchSession> RentAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var idle)) return idle;
        var database = Describe();
        DbConnection connection = database.IsSqlite ? new SqliteConnection(database.ConnectionString) : new NpgsqlConnection(database.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return new SearchSession(connection, keep: database.IsSqlite);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A session whose search went well: kept for the next one while there is room.</summary>
    internal void Return(SearchSession session)
    {
        if (!session.Keep || _disposed || _idle.Count >= MaxIdleSessions)
        {
            session.Dispose();
            return;
        }
        _idle.Add(session);
        // Disposed meanwhile: nobody else will close it.
        if (_disposed) CloseIdle();
    }

    public void Dispose()
    {
        _disposed = true;
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (_idle.TryTake(out var session)) session.Dispose();
    }

    /// <summary>The database the product's contexts use, read once from one of them.</summary>
    private Database Describe()
    {
        if (_database is { } known) return known;
        using var db = dbFactory.CreateDbContext();
        var connection = db.Database.GetConnectionString() ?? throw new InvalidOperationException("The database has no connection string.");
        if (!db.IsSqlite)
            connection = new NpgsqlConnectionStringBuilder(connection) { MaxAutoPrepare = PostgresAutoPrepared, AutoPrepareMinUsages = 2 }.ConnectionString;
        return _database = new Database(db.IsSqlite, connection);
    }
}

/// <summary>One open connection and the commands already compiled on it, used by one search at a time.</summary>
internal sealed class SearchSession(DbConnection connection, bool keep) : IDisposable
{
    /// <summary>Statement shapes are few (kind of query × kind of scope); this only bounds a surprise.</summary>
    private const int MaxCommands = 64;

    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>Whether the session may serve another search (SQLite) or closes after this one (PostgreSQL, pooled by Npgsql).</summary>
    public bool Keep { get; } = keep;

    /// <summary>The command for <paramref name="sql"/> on this connection, compiled before if it ran here before, bound to <paramref name="values"/> (@p0, @p1…).</summary>
    public DbCommand Command(string sql, IReadOnlyList<object> values)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            if (_commands.Count >= MaxCommands) DisposeCommands();
            command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < values.Count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = SearchStatement.ParameterName(i);
                command.Parameters.Add(parameter);
            }
            // Microsoft.Data.Sqlite compiles a command again on every run unless told once to keep it compiled.
            if (Keep) command.Prepare();
            _commands[sql] = command;
        }
        for (var i = 0; i < values.Count; i++) command.Parameters[i].Value = values[i];
        return command;
    }

    public void Dispose()
    {
        DisposeCommands();
        connection.Dispose();
    }

    private void DisposeCommands()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }
}
