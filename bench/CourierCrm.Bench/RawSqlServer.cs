using System.Data.Common;
using Microsoft.AspNetCore.Builder;
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
internal sealed class RawSqlServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RawSqlServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static string PathOf(string kind, int sample) => $"/raw/{kind}/{sample}";

    public static async Task<RawSqlServer> StartAsync(Func<DbConnection> connect,
        IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<RecordedCommand>>> recorded)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/raw/{kind}/{sample:int}", async (string kind, int sample, CancellationToken ct) =>
        {
            var samples = recorded[kind];
            var rows = new List<object?[]>();
            await using var connection = connect();
            await connection.OpenAsync(ct);
            foreach (var recordedCommand in samples[sample % samples.Count])
            {
                await using var command = connection.CreateCommand();
                command.CommandText = recordedCommand.Sql;
                foreach (var p in recordedCommand.Parameters)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = p.Name;
                    parameter.DbType = p.Type;
                    parameter.Value = p.Value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var values = new object?[reader.FieldCount];
                    reader.GetValues(values!);
                    rows.Add(values.Select(v => v is DBNull ? null : v).ToArray());
                }
            }
            return Results.Json(rows);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RawSqlServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
