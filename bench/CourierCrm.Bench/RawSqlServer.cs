using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CourierCrm.Bench;

/// <summary>
/// The baseline of the search benchmark: a bare Kestrel endpoint that, for sample <c>i</c> of a
/// kind, opens a pooled ADO.NET connection, runs the very statements the product ran for that
/// sample (recorded by <see cref="SqlRecorder"/>, same SQL, same parameter values), reads every
/// row and answers them as JSON. No authentication, no EF Core, no ranking, no masking: what the
/// search would cost if it were nothing but its queries.
/// </summary>
/// <remarks>
/// Prepared (the default, as the product does since its search keeps statements compiled): a few
/// connections stay open, each keeping its commands by SQL text, so a statement seen before is only
/// bound and run. Fresh: a pooled connection opened and every statement compiled again per request
/// (what the raw side did before; <c>--raw fresh</c>).
/// </remarks>
internal sealed class RawSqlServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentBag<PreparedConnection> _idle;

    private RawSqlServer(WebApplication app, Uri address, ConcurrentBag<PreparedConnection> idle)
    {
        _app = app;
        Address = address;
        _idle = idle;
    }

    public Uri Address { get; }

    public static string PathOf(string kind, int sample) => $"/raw/{kind}/{sample}";

    public static async Task<RawSqlServer> StartAsync(Func<DbConnection> connect,
        IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<RecordedCommand>>> recorded, bool prepared)
    {
        var idle = new ConcurrentBag<PreparedConnection>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/raw/{kind}/{sample:int}", async (string kind, int sample, CancellationToken ct) =>
        {
            var samples = recorded[kind];
            var rows = new List<object?[]>();
            if (!prepared || !idle.TryTake(out var session))
            {
                var opened = connect();
                await opened.OpenAsync(ct);
                session = new PreparedConnection(opened);
            }
            foreach (var recordedCommand in samples[sample % samples.Count])
            {
                var command = session.Command(recordedCommand);
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var values = new object?[reader.FieldCount];
                    reader.GetValues(values!);
                    rows.Add(values.Select(v => v is DBNull ? null : v).ToArray());
                }
            }
            if (prepared) idle.Add(session);
            else session.Dispose();
            return Results.Json(rows);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RawSqlServer(app, new Uri(address), idle);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        while (_idle.TryTake(out var session)) session.Dispose();
    }

    /// <summary>An open connection and the commands compiled on it, keyed by their SQL.</summary>
    private sealed class PreparedConnection(DbConnection connection) : IDisposable
    {
        private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

        public DbCommand Command(RecordedCommand recorded)
        {
            if (!_commands.TryGetValue(recorded.Sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = recorded.Sql;
                foreach (var p in recorded.Parameters)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = p.Name;
                    parameter.DbType = p.Type;
                    command.Parameters.Add(parameter);
                }
                // Microsoft.Data.Sqlite compiles a command again on every run unless told once to keep it
                // compiled; Npgsql prepares on its own (automatic preparation in the connection string).
                if (connection is SqliteConnection) command.Prepare();
                _commands[recorded.Sql] = command;
            }
            for (var i = 0; i < recorded.Parameters.Count; i++) command.Parameters[i].Value = recorded.Parameters[i].Value ?? DBNull.Value;
            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values) command.Dispose();
            connection.Dispose();
        }
    }
}
