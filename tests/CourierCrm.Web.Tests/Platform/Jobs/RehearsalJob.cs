using CourierCrm.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Platform.Jobs;

/// <summary>What the rehearsal job should do: count units, then finish, fail, wait for cancel, or stop after a checkpoint.</summary>
public sealed record RehearsalPlan(int Units, string? FailWith = null, bool WaitForCancel = false, bool CheckpointThenRollBack = false);

/// <summary>The rehearsal job's checkpoint: how many units are durably done.</summary>
public sealed record RehearsalCheckpoint(int Done);

/// <summary>
/// A job handler made for exercising the job platform (claims, heartbeats, cancel, resume,
/// files) without the weight of a real import. It plays the part of a feature's handler, the way
/// an import or export plugs in; the platform under test is the real one.
/// </summary>
public sealed class RehearsalJob(IDbContextFactory<CourierCrm.Web.Data.CrmDbContext> dbFactory) : IJobHandler
{
    /// <summary>The kind the rehearsal factory gives to this handler in place of the real one.</summary>
    public const JobKind RehearsedKind = JobKind.CustomerExport;

    public JobKind Kind => RehearsedKind;

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var plan = run.Parameters<RehearsalPlan>();
        var from = run.Checkpoint<RehearsalCheckpoint>()?.Done ?? 0;
        if (from > 0) await run.SetMessageAsync($"resumed from {from}", ct);

        if (plan.CheckpointThenRollBack)
        {
            await CheckpointAsync(run, 3, commit: true, ct);
            await CheckpointAsync(run, 4, commit: false, ct);
            throw new JobFailedException("stopped after a rolled-back batch");
        }
        for (var done = from + 1; done <= plan.Units; done++)
            await run.ReportProgressAsync(done, plan.Units, 0, ct, force: done == plan.Units);
        if (plan.FailWith is { } reason) throw new JobFailedException(reason);
        if (plan.WaitForCancel) await Task.Delay(Timeout.Infinite, ct);

        await File.WriteAllTextAsync(run.PathOf("result.txt"), $"{plan.Units} units for {run.Owner.Name}", ct);
        await run.SetResultFileAsync("result.txt", ct);
    }

    private async Task CheckpointAsync(JobRun run, int done, bool commit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await run.SaveCheckpointAsync(connection, transaction, JobJson.Serialize(new RehearsalCheckpoint(done)), done, 0, ct);
        if (commit) await transaction.CommitAsync(ct);
        else await transaction.RollbackAsync(ct);
    }
}
