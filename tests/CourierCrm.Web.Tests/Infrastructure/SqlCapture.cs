using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CourierCrm.Web.Tests.Infrastructure;

/// <summary>A command the product sent: its SQL and parameters, ready to be explained.</summary>
public sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>
/// Captures the SQL the product's own code runs inside <see cref="RecordAsync{T}"/> (only that async
/// flow: other tests running at the same time are not mixed in), from EF Core's diagnostic events.
/// Tests about query plans explain exactly what the product sends, not a hand-written copy.
/// </summary>
public sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly AsyncLocal<List<CapturedCommand>?> Current = new();
    private static readonly Lazy<IDisposable> Subscription = new(() => DiagnosticListener.AllListeners.Subscribe(new SqlCapture()));

    /// <summary>
    /// Listens from before the product opens its first context: a pooled context keeps EF's decision
    /// that nobody listens to command events for a while, so a listener added later would hear nothing.
    /// </summary>
    public static void Listen() => _ = Subscription.Value;

    public static async Task<(T Result, List<CapturedCommand> Commands)> RecordAsync<T>(Func<Task<T>> action)
    {
        _ = Subscription.Value;
        var commands = new List<CapturedCommand>();
        Current.Value = commands;
        try
        {
            return (await action(), commands);
        }
        finally
        {
            Current.Value = null;
        }
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name) listener.Subscribe(this);
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        if (e.Key != RelationalEventId.CommandExecuted.Name || e.Value is not CommandExecutedEventData data || Current.Value is not { } commands) return;
        var parameters = data.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList();
        lock (commands) commands.Add(new CapturedCommand(data.Command.CommandText, parameters));
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }
}
