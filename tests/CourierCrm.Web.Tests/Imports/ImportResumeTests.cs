using System.Net;
using System.Text.Json;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CourierCrm.Web.Tests.Imports;

/// <summary>
/// Issue 3: "A process killed in the middle of an import, then resumed: every row exactly once." The app
/// runs as its own process; it is killed (no shutdown, no flush) once the import has committed a few
/// batches, started again, takes the stale job over and finishes it from its checkpoint.
/// </summary>
public abstract class ImportResumeTests : IAsyncLifetime
{
    private const int Rows = 60_000;
    private const int BatchSize = 1_000;

    protected string Folder { get; } = Directory.CreateTempSubdirectory("ccrm-resume-").FullName;

    /// <summary>The database settings of the child app.</summary>
    protected abstract Dictionary<string, string> DatabaseSettings();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* left to the OS's temp cleaning */ }
        return Task.CompletedTask;
    }

    /// <summary>Waybills under the prefix, and how many distinct numbers they have.</summary>
    protected abstract Task<(long Rows, long Numbers)> CountAsync(string prefix);

    /// <summary>How many runs claimed the job.</summary>
    protected abstract Task<int> AttemptsAsync(Guid id);

    private Dictionary<string, string> Settings()
    {
        var settings = DatabaseSettings();
        settings["Jobs:FilesPath"] = Path.Combine(Folder, "jobs");
        settings["Demo:Customers"] = "20";
        settings["Demo:Waybills"] = "0";
        settings["Jobs:StaleAfterSeconds"] = "1";
        settings["Jobs:PollSeconds"] = "1";
        settings["Imports:WaybillBatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    [Fact]
    public async Task A_waybill_import_killed_midway_and_resumed_saves_every_row_once_and_reports_every_bad_row_once()
    {
        var p = WaybillCsv.Prefix();
        var bad = new HashSet<int>(Enumerable.Range(1, Rows).Where(i => i % 997 == 0));
        var csv = WaybillCsv.File(Enumerable.Range(1, Rows).Select(i => bad.Contains(i) ? WaybillCsv.Row($"{p}{i:000000}").With("运费", "坏") : WaybillCsv.Row($"{p}{i:000000}")));

        Guid id;
        long doneAtKill;
        await using (var first = await ChildApp.StartAsync(Settings()))
        {
            var client = await first.SignedInAsync("admin");
            var draft = await ImportApi.DraftAsync(client, "waybills", csv.Bytes());
            id = draft.GetProperty("jobId").GetGuid();
            Assert.Equal(HttpStatusCode.Accepted, (await ImportApi.StartAsync(client, id, draft.GetProperty("proposedMapping"))).StatusCode);
            doneAtKill = await WaitForCheckpointsAsync(client, id, first);
            await first.KillAsync();
        }
        Assert.InRange(doneAtKill, 2 * BatchSize, Rows - 1);

        await using (var second = await ChildApp.StartAsync(Settings()))
        {
            var client = await second.SignedInAsync("admin");
            var job = await ImportApi.WaitAsync(client, id, TimeSpan.FromMinutes(3));
            Assert.Equal("Succeeded", job.GetProperty("status").GetString());
            Assert.Equal((Rows, bad.Count), (job.GetProperty("doneUnits").GetInt64(), job.GetProperty("errorCount").GetInt64()));

            var report = await ImportApi.ErrorReportAsync(client, id);
            Assert.Equal(bad.Order().Select(i => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), report.Select(r => r[0]));
        }

        Assert.Equal((Rows - bad.Count, Rows - bad.Count), await CountAsync(p));
        Assert.True(await AttemptsAsync(id) >= 2, "The job was not resumed by a second run.");
    }

    /// <summary>Polls until at least two batches are committed (DoneUnits moves only with a checkpoint), and answers how far it got.</summary>
    private static async Task<long> WaitForCheckpointsAsync(HttpClient client, Guid id, ChildApp app)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until)
        {
            var job = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/jobs/{id}")).RootElement;
            var done = job.GetProperty("doneUnits").GetInt64();
            if (job.GetProperty("status").GetString() is "Succeeded" or "Failed")
                Assert.Fail($"The import ended before it could be killed ({done} rows): make the file bigger.\n{app.Output}");
            if (done >= 2 * BatchSize) return done;
            await Task.Delay(20);
        }
        throw new TimeoutException($"The import made no progress.\n{app.Output}");
    }
}

public sealed class SqliteImportResumeTests : ImportResumeTests
{
    private string DatabaseFile => Path.Combine(Folder, "crm.db");

    protected override Dictionary<string, string> DatabaseSettings() => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:SqlitePath"] = DatabaseFile,
    };

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return base.DisposeAsync();
    }

    protected override async Task<(long Rows, long Numbers)> CountAsync(string prefix)
    {
        await using var db = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        await db.OpenAsync();
        var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT \"Number\") FROM \"Waybills\" WHERE \"Number\" LIKE $p || '%'";
        command.Parameters.AddWithValue("$p", prefix);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    protected override async Task<int> AttemptsAsync(Guid id)
    {
        await using var db = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        await db.OpenAsync();
        var command = db.CreateCommand();
        command.CommandText = "SELECT \"Attempts\" FROM \"BackgroundJobs\" WHERE \"Id\" = $id";
        command.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>The same on PostgreSQL, in a database of its own on the test server (CCRM_TEST_POSTGRES).</summary>
public sealed class PostgresImportResumeTests : ImportResumeTests
{
    private readonly string _name = "ccrm_resume_" + Guid.NewGuid().ToString("N");

    private static string Server => Environment.GetEnvironmentVariable(PostgresCrmWebFactory.ServerVariable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{PostgresCrmWebFactory.ServerVariable} is not set: run ./test.sh or start scripts/pg-throwaway.sh.");

    private string Database => new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ConnectionString;

    protected override Dictionary<string, string> DatabaseSettings() => new()
    {
        ["Database:Provider"] = "Postgres",
        ["Database:Postgres"] = Database,
    };

    public override async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(Server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        await base.DisposeAsync();
    }

    protected override async Task<(long Rows, long Numbers)> CountAsync(string prefix)
    {
        await using var db = new NpgsqlConnection(Database);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*), COUNT(DISTINCT \"Number\") FROM \"Waybills\" WHERE \"Number\" LIKE @p || '%'", db);
        command.Parameters.AddWithValue("p", prefix);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    protected override async Task<int> AttemptsAsync(Guid id)
    {
        await using var db = new NpgsqlConnection(Database);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Attempts\" FROM \"BackgroundJobs\" WHERE \"Id\" = @id", db);
        command.Parameters.AddWithValue("id", id);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
