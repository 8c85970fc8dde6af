namespace CourierCrm.Web.Platform.Jobs;

/// <summary>
/// What one kind of job does. The runner claims the job, gives the handler a <see cref="JobRun"/>
/// and records the outcome: returning means Succeeded, <see cref="JobFailedException"/> means Failed
/// with its message for the person. A handler resumes from <c>run.Job.CheckpointJson</c> when a
/// crashed run is taken over, so it must be idempotent from its checkpoint.
/// </summary>
public interface IJobHandler
{
    JobKind Kind { get; }

    /// <param name="ct">Cancelled when the person cancels the job or the application stops.</param>
    Task RunAsync(JobRun run, CancellationToken ct);
}

/// <summary>A job cannot go on for a reason the person should read (its message is shown with the job).</summary>
public sealed class JobFailedException(string message) : Exception(message);
