using System.Data.Common;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Platform.Jobs;

/// <summary>
/// One claimed run of a job, handed to its <see cref="IJobHandler"/>: the job as claimed, its owner's
/// current rights, its folder, and the ways to record progress. Every write is guarded by this run's
/// runner id, so a run that lost its claim (its process stalled past the stale time) writes nothing.
/// </summary>
public sealed class JobRun
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(300);

    private readonly IDbContextFactory<CrmDbContext> _dbFactory;
    private readonly TimeProvider _clock;
    private readonly string _runnerId;
    private DateTimeOffset _lastProgressAt = DateTimeOffset.MinValue;

    internal JobRun(BackgroundJob job, Viewer owner, string folder, string runnerId, IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock)
    {
        Job = job;
        Owner = owner;
        Folder = folder;
        _runnerId = runnerId;
        _dbFactory = dbFactory;
        _clock = clock;
    }

    /// <summary>The job as claimed: parameters, the checkpoint to resume from, how many attempts so far.</summary>
    public BackgroundJob Job { get; }

    /// <summary>The job's owner with their rights as of this run: use it for data scope, masking and audit.</summary>
    public Viewer Owner { get; }

    /// <summary>The job's folder (exists).</summary>
    public string Folder { get; }

    /// <summary>Whether an earlier run left a checkpoint to resume from.</summary>
    public bool IsResuming => Job.CheckpointJson is not null;

    public string PathOf(string fileName) => Path.Combine(Folder, Path.GetFileName(fileName));

    public T Parameters<T>() => JobJson.Deserialize<T>(Job.ParametersJson);

    public T? Checkpoint<T>() where T : class => Job.CheckpointJson is { } json ? JobJson.Deserialize<T>(json) : null;

    /// <summary>Records progress and the heartbeat, at most about three times a second unless <paramref name="force"/>.</summary>
    public async Task ReportProgressAsync(long done, long? total, long errors, CancellationToken ct, bool force = false)
    {
        var now = _clock.GetUtcNow();
        if (!force && now - _lastProgressAt < ProgressEvery) return;
        _lastProgressAt = now;
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var mine = db.BackgroundJobs.Where(j => j.Id == Job.Id && j.RunnerId == _runnerId);
        if (total is long t)
            await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.DoneUnits, done).SetProperty(j => j.TotalUnits, t).SetProperty(j => j.ErrorCount, errors).SetProperty(j => j.HeartbeatAt, now), ct);
        else
            await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.DoneUnits, done).SetProperty(j => j.ErrorCount, errors).SetProperty(j => j.HeartbeatAt, now), ct);
    }

    /// <summary>
    /// Stores the checkpoint and counters inside the caller's open transaction, so they commit or roll
    /// back with the batch they describe (DESIGN.md "Reliability": a killed process leaves whole batches only).
    /// </summary>
    public async Task SaveCheckpointAsync(DbConnection connection, DbTransaction transaction, string checkpointJson, long done, long errors, CancellationToken ct)
    {
        var sqlite = connection is SqliteConnection;
        var now = _clock.GetUtcNow();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE "BackgroundJobs" SET "CheckpointJson" = @checkpoint, "DoneUnits" = @done, "ErrorCount" = @errors, "HeartbeatAt" = @now
            WHERE "Id" = @id AND "RunnerId" = @runner
            """;
        Add(command, "@checkpoint", checkpointJson);
        Add(command, "@done", done);
        Add(command, "@errors", errors);
        // The same representations EF Core uses: on SQLite a Guid is upper-case text and a time is UTC ticks.
        Add(command, "@now", sqlite ? now.UtcTicks : now.ToUniversalTime());
        Add(command, "@id", sqlite ? Job.Id.ToString().ToUpperInvariant() : Job.Id);
        Add(command, "@runner", _runnerId);
        if (await command.ExecuteNonQueryAsync(ct) != 1)
            throw new JobFailedException("Another runner has taken this job over; this run stops without writing.");
        _lastProgressAt = now;
    }

    /// <summary>Offers a file of the job's folder for download.</summary>
    public async Task SetResultFileAsync(string fileName, CancellationToken ct)
    {
        var name = Path.GetFileName(fileName);
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        await db.BackgroundJobs.Where(j => j.Id == Job.Id && j.RunnerId == _runnerId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.ResultFileName, name), ct);
        Job.ResultFileName = name;
    }

    /// <summary>A summary line shown with the job.</summary>
    public async Task SetMessageAsync(string message, CancellationToken ct)
    {
        var text = message.Length <= FieldLimits.Text ? message : message[..FieldLimits.Text];
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        await db.BackgroundJobs.Where(j => j.Id == Job.Id && j.RunnerId == _runnerId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Message, text), ct);
        Job.Message = text;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
