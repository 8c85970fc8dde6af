using System.Collections.Concurrent;
using Quartz;

namespace CourierCrm.Web.Platform.Jobs;

/// <summary>
/// Hands jobs to Quartz on this node. The job rows are the queue; Quartz only runs the work on its
/// bounded thread pool, so any node can take any queued job and the claim in <see cref="JobRunner"/>
/// keeps it to one.
/// </summary>
public sealed class JobScheduler(ISchedulerFactory schedulers)
{
    private readonly ConcurrentDictionary<Guid, byte> _handedOver = new();

    /// <summary>Schedules the job to run on this node as soon as a thread is free (once, however often asked).</summary>
    public async Task RunSoonAsync(Guid id, CancellationToken ct)
    {
        if (!_handedOver.TryAdd(id, 0)) return;
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(RunBackgroundJob.Key, new JobDataMap { [RunBackgroundJob.JobIdKey] = id.ToString() }, ct);
    }

    /// <summary>The run on this node is over: the job may be handed over again (e.g. after going back to the queue).</summary>
    internal void Released(Guid id) => _handedOver.TryRemove(id, out _);
}

/// <summary>Quartz's job that runs one background job through the <see cref="JobRunner"/>.</summary>
public sealed class RunBackgroundJob(JobRunner runner, JobScheduler scheduler) : IJob
{
    public const string JobIdKey = "jobId";
    public static readonly JobKey Key = new("run-background-job", "courier-crm");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.MergedJobDataMap.GetString(JobIdKey), out var id)) return;
        try
        {
            await runner.RunAsync(id, cancellationToken);
        }
        finally
        {
            scheduler.Released(id);
        }
    }
}

/// <summary>Every few seconds: queued jobs no node has taken and running jobs whose process died go to the runner.</summary>
[DisallowConcurrentExecution]
public sealed class FindWaitingJobs(JobRunner runner, JobScheduler scheduler) : IJob
{
    public static readonly JobKey Key = new("find-waiting-jobs", "courier-crm");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var id in await runner.WaitingJobsAsync(cancellationToken))
            await scheduler.RunSoonAsync(id, cancellationToken);
        await runner.DeleteExpiredAsync(cancellationToken);
    }
}
