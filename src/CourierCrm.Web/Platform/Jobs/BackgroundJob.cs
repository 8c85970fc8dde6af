namespace CourierCrm.Web.Platform.Jobs;

/// <summary>
/// Long work (imports, exports) run outside any web request (DESIGN.md "Scale"). The row is the
/// job's durable state: progress and checkpoint live here, so a job survives a crash and any node
/// can resume it.
/// </summary>
public sealed class BackgroundJob
{
    public Guid Id { get; set; }
    public JobKind Kind { get; set; }
    public JobStatus Status { get; set; }

    /// <summary>"user:12" or "token:3": who may see the job (administrators see all).</summary>
    public required string OwnerKey { get; set; }
    public int? CreatedByUserId { get; set; }
    public required string CreatedByName { get; set; }

    /// <summary>Shown in lists: the uploaded file's name or what is exported.</summary>
    public required string Title { get; set; }
    /// <summary>The handler's own parameters as JSON (<see cref="JobJson"/>).</summary>
    public required string ParametersJson { get; set; }
    /// <summary>The handler's own checkpoint as JSON, written in the same transaction as the work it covers.</summary>
    public string? CheckpointJson { get; set; }

    public long TotalUnits { get; set; }
    public long DoneUnits { get; set; }
    public long ErrorCount { get; set; }

    /// <summary>A failure or a summary for the person.</summary>
    public string? Message { get; set; }
    /// <summary>A file in the job's folder offered for download (an export, an error report).</summary>
    public string? ResultFileName { get; set; }
    /// <summary>An uploaded file kept in the job's folder (imports).</summary>
    public string? InputFileName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Refreshed by the running process; a stale heartbeat means the process died and the job is resumed.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    public bool CancelRequested { get; set; }
    /// <summary>How many times a runner claimed the job; above 1 it is resuming.</summary>
    public int Attempts { get; set; }
    /// <summary>The process that claimed the job last.</summary>
    public string? RunnerId { get; set; }

    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;
}
