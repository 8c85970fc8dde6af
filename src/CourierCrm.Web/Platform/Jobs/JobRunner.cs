using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Platform.Jobs;

/// <summary>
/// Claims a job row atomically (Queued, or Running with a stale heartbeat: its process died), runs its
/// handler with a heartbeat, and records the outcome. A job interrupted by an orderly shutdown goes
/// back to the queue and resumes from its checkpoint on the next start.
/// </summary>
public sealed class JobRunner(
    IDbContextFactory<CrmDbContext> dbFactory,
    IServiceScopeFactory scopes,
    JobFiles files,
    JobOptions options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<JobRunner> log)
{
    internal const string UnexpectedFailure = "作业因意外错误停止，详情已记入服务器日志。 / The job stopped on an unexpected error; the details are in the server log.";
    internal const string OwnerGone = "创建此作业的账号已停用或已撤销。 / The account that created this job is no longer active.";

    /// <summary>Identifies this process in the job rows it claims.</summary>
    public string RunnerId { get; } = NewRunnerId();

    private static string NewRunnerId()
    {
        var id = $"{Environment.ProcessId}:{Guid.NewGuid():N}:{Environment.MachineName}";
        return id.Length <= 80 ? id : id[..80];
    }

    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    public async Task RunAsync(Guid id, CancellationToken stopping)
    {
        var job = await ClaimAsync(id, stopping);
        if (job is null) return;

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping, lifetime.ApplicationStopping);
        using var heartbeatStop = new CancellationTokenSource();
        var cancelledByPerson = false;
        var heartbeat = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(options.HeartbeatEvery, clock);
            try
            {
                while (await timer.WaitForNextTickAsync(heartbeatStop.Token))
                    if (await BeatAsync(id, heartbeatStop.Token))
                    {
                        cancelledByPerson = true;
                        await cancel.CancelAsync();
                    }
            }
            catch (OperationCanceledException) when (heartbeatStop.IsCancellationRequested)
            {
                // the run is over
            }
        }, CancellationToken.None);

        var (status, message) = await RunHandlerAsync(job, cancel.Token, () => cancelledByPerson);
        await heartbeatStop.CancelAsync();
        await heartbeat;
        await FinishAsync(id, status, message);
    }

    private async Task<(JobStatus Status, string? Message)> RunHandlerAsync(BackgroundJob job, CancellationToken ct, Func<bool> cancelledByPerson)
    {
        try
        {
            var owner = await OwnerAsync(job, ct);
            if (owner is null) return (JobStatus.Failed, OwnerGone);
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().SingleOrDefault(h => h.Kind == job.Kind)
                ?? throw new InvalidOperationException($"No handler is registered for jobs of kind {job.Kind}.");
            var run = new JobRun(job, owner, files.FolderFor(job.Id), RunnerId, dbFactory, clock);
            await handler.RunAsync(run, ct);
            return (JobStatus.Succeeded, run.Job.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return cancelledByPerson() ? (JobStatus.Cancelled, null) : (JobStatus.Queued, null);
        }
        catch (JobFailedException failure)
        {
            return (JobStatus.Failed, failure.Message);
        }
        catch (Exception error)
        {
            log.LogError(error, "Background job {JobId} ({Kind}) failed", job.Id, job.Kind);
            return (JobStatus.Failed, UnexpectedFailure);
        }
    }

    /// <summary>Queued jobs and running jobs whose heartbeat is stale, oldest first.</summary>
    public async Task<IReadOnlyList<Guid>> WaitingJobsAsync(CancellationToken ct)
    {
        var staleBefore = clock.GetUtcNow() - options.StaleAfter;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BackgroundJobs.AsNoTracking()
            .Where(j => j.Status == JobStatus.Queued || (j.Status == JobStatus.Running && j.HeartbeatAt < staleBefore))
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).Take(50).ToListAsync(ct);
    }

    /// <summary>
    /// Finished jobs older than <see cref="JobOptions.KeepDays"/> go, with their files; drafts nobody started
    /// go after a day, and so do upload parts a crash left half-written (no job row knows them).
    /// </summary>
    public async Task DeleteExpiredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now - _lastCleanup < TimeSpan.FromHours(1)) return;
        _lastCleanup = now;
        var finishedBefore = now.AddDays(-Math.Max(1, options.KeepDays));
        var draftsBefore = now.AddDays(-1);
        if (files.DeleteLeftoverUploads(draftsBefore) is > 0 and var parts)
            log.LogInformation("Deleted {Count} upload parts left unfinished for more than a day", parts);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expired = await db.BackgroundJobs
            .Where(j => ((j.Status == JobStatus.Succeeded || j.Status == JobStatus.Failed || j.Status == JobStatus.Cancelled) && j.CreatedAt < finishedBefore)
                        || (j.Status == JobStatus.Draft && j.CreatedAt < draftsBefore))
            .Select(j => j.Id).Take(500).ToListAsync(ct);
        foreach (var id in expired)
        {
            files.Delete(id);
            await db.BackgroundJobs.Where(j => j.Id == id).ExecuteDeleteAsync(ct);
        }
    }

    private async Task<BackgroundJob?> ClaimAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var staleBefore = now - options.StaleAfter;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var claimed = await db.BackgroundJobs
            .Where(j => j.Id == id && (j.Status == JobStatus.Queued || (j.Status == JobStatus.Running && j.HeartbeatAt < staleBefore)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Running)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                .SetProperty(j => j.RunnerId, RunnerId)
                .SetProperty(j => j.HeartbeatAt, now)
                .SetProperty(j => j.StartedAt, j => j.StartedAt ?? now), ct);
        return claimed == 1 ? await db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == id, ct) : null;
    }

    private async Task<Viewer?> OwnerAsync(BackgroundJob job, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var parts = job.OwnerKey.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], out var id)) return null;
        return parts[0] switch
        {
            "user" => await ViewerDirectory.ForUserAsync(db, id, ct),
            "token" => await ViewerDirectory.ForTokenAsync(db, id, clock.GetUtcNow(), ct),
            _ => null,
        };
    }

    /// <summary>Keeps the claim fresh; answers whether someone asked to cancel.</summary>
    private async Task<bool> BeatAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.BackgroundJobs.Where(j => j.Id == id && j.RunnerId == RunnerId && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.HeartbeatAt, now), ct);
        return await db.BackgroundJobs.AnyAsync(j => j.Id == id && j.CancelRequested, ct);
    }

    private async Task FinishAsync(Guid id, JobStatus status, string? message)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync();
        var mine = db.BackgroundJobs.Where(j => j.Id == id && j.RunnerId == RunnerId && j.Status == JobStatus.Running);
        if (status == JobStatus.Queued)
        {
            // An orderly shutdown: back to the queue, checkpoint kept, resumed at the next start.
            await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.HeartbeatAt, (DateTimeOffset?)null));
            return;
        }
        if (message is null)
            await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, status).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.HeartbeatAt, now));
        else
            await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, status).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.HeartbeatAt, now).SetProperty(j => j.Message, message));
    }
}
