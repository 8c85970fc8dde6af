using System.Data;
using System.Data.Common;
using System.Diagnostics;
using CourierCrm.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CourierCrm.Bench;

/// <summary>A command EF Core sent to the database: its SQL and its parameters' values.</summary>
internal sealed record RecordedCommand(string Sql, IReadOnlyList<RecordedParameter> Parameters);

internal sealed record RecordedParameter(string Name, object? Value, DbType Type);

/// <summary>
/// Records the SQL the product's own code sends, by listening to EF Core's diagnostic events: the
/// raw ADO.NET side of a benchmark then replays exactly those statements, not a hand-written copy
/// that could drift from what the product does. Only commands of the code running inside
/// <see cref="RecordAsync"/> (its async flow) are kept.
/// </summary>
internal sealed class SqlRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<List<RecordedCommand>?> Current = new();
    private readonly List<IDisposable> _subscriptions = [];

    private SqlRecorder() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public static SqlRecorder Start() => new();

    /// <summary>Runs <paramref name="action"/> and answers the commands it executed, in order.</summary>
    public static async Task<List<RecordedCommand>> RecordAsync(Func<Task> action)
    {
        var commands = new List<RecordedCommand>();
        Current.Value = commands;
        try
        {
            await action();
        }
        finally
        {
            Current.Value = null;
        }
        return commands;
    }

    public void OnNext(DiagnosticListener listener)
    {
        // EF Core's commands, and the search box's own statement on its bare connection.
        if (listener.Name is DbLoggerCategory.Name or SearchConnections.DiagnosticsName)
            lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        if (Current.Value is not { } commands) return;
        var command = e switch
        {
            { Key: var key, Value: CommandExecutedEventData data } when key == RelationalEventId.CommandExecuted.Name => data.Command,
            { Key: SearchConnections.CommandExecuted, Value: DbCommand search } => search,
            _ => null,
        };
        if (command is null) return;
        var parameters = command.Parameters.Cast<DbParameter>()
            .Select(p => new RecordedParameter(p.ParameterName, p.Value, p.DbType)).ToList();
        lock (commands) commands.Add(new RecordedCommand(command.CommandText, parameters));
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        lock (_subscriptions)
            foreach (var subscription in _subscriptions) subscription.Dispose();
    }
}

