using System.Security.Claims;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Platform.Jobs;

/// <summary>Creates, starts and cancels jobs for the person asking.</summary>
public sealed class JobQueue(IDbContextFactory<CrmDbContext> dbFactory, JobScheduler scheduler, TimeProvider clock)
{
    /// <summary>A job that waits for the person (an import's column mapping) and is not run until <see cref="StartAsync"/>.</summary>
    public Task<BackgroundJob> CreateDraftAsync(JobKind kind, ClaimsPrincipal creator, string title, string parametersJson, CancellationToken ct) =>
        CreateAsync(kind, creator, title, parametersJson, JobStatus.Draft, ct);

    /// <summary>A job created and scheduled at once.</summary>
    public async Task<BackgroundJob> EnqueueAsync(JobKind kind, ClaimsPrincipal creator, string title, string parametersJson, CancellationToken ct)
    {
        var job = await CreateAsync(kind, creator, title, parametersJson, JobStatus.Queued, ct);
        await scheduler.RunSoonAsync(job.Id, ct);
        return job;
    }

    /// <summary>Queues the creator's draft with its final parameters; false when it is not theirs or no longer a draft.</summary>
    public async Task<bool> StartAsync(Guid id, ClaimsPrincipal by, string parametersJson, CancellationToken ct)
    {
        var owner = JobOwner.From(by);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var started = await db.BackgroundJobs
            .Where(j => j.Id == id && j.OwnerKey == owner.Key && j.Status == JobStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.ParametersJson, parametersJson), ct);
        if (started == 0) return false;
        await scheduler.RunSoonAsync(id, ct);
        return true;
    }

    /// <summary>
    /// A draft or queued job is cancelled at once; a running one is asked to stop and stops at its
    /// next heartbeat, keeping whole batches only. False when the job is not the person's or already finished.
    /// </summary>
    public async Task<bool> CancelAsync(Guid id, ClaimsPrincipal by, CancellationToken ct)
    {
        var owner = JobOwner.From(by);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.BackgroundJobs.SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || !owner.MaySee(job.OwnerKey) || job.IsFinished) return false;
        if (job.Status is JobStatus.Draft or JobStatus.Queued)
        {
            var now = clock.GetUtcNow();
            return await db.BackgroundJobs
                .Where(j => j.Id == id && (j.Status == JobStatus.Draft || j.Status == JobStatus.Queued))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.FinishedAt, now), ct) == 1
                || await RequestCancelAsync(db, id, ct);
        }
        return await RequestCancelAsync(db, id, ct);
    }

    private static async Task<bool> RequestCancelAsync(CrmDbContext db, Guid id, CancellationToken ct) =>
        await db.BackgroundJobs
            .Where(j => j.Id == id && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct) == 1;

    private async Task<BackgroundJob> CreateAsync(JobKind kind, ClaimsPrincipal creator, string title, string parametersJson, JobStatus status, CancellationToken ct)
    {
        var owner = JobOwner.From(creator);
        var job = new BackgroundJob
        {
            Id = Guid.NewGuid(), Kind = kind, Status = status, OwnerKey = owner.Key, CreatedByUserId = owner.UserId,
            CreatedByName = Truncate(owner.Name, FieldLimits.PersonName), Title = Truncate(title, FieldLimits.Text),
            ParametersJson = parametersJson, CreatedAt = clock.GetUtcNow(),
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.BackgroundJobs.Add(job);
        await db.SaveChangesAsync(ct);
        return job;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
