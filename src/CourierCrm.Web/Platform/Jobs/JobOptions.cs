namespace CourierCrm.Web.Platform.Jobs;

/// <summary>Configuration section "Jobs".</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Folder of the jobs' files (uploads, exports, error reports); relative to the solution folder. Default: a "jobs" folder beside the SQLite file, or data/jobs.</summary>
    public string? FilesPath { get; set; }

    /// <summary>A running job whose heartbeat is older than this is taken as crashed and resumed by another runner.</summary>
    public int StaleAfterSeconds { get; set; } = 60;

    /// <summary>How often each node looks for queued and crashed jobs.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>Jobs one node runs at the same time.</summary>
    public int MaxConcurrentJobs { get; set; } = 2;

    /// <summary>Finished jobs and their files are deleted after this many days.</summary>
    public int KeepDays { get; set; } = 7;

    public TimeSpan StaleAfter => TimeSpan.FromSeconds(Math.Max(1, StaleAfterSeconds));

    /// <summary>A third of the stale time, so two missed beats are not yet a crash; at most 10 s.</summary>
    public TimeSpan HeartbeatEvery => TimeSpan.FromSeconds(Math.Clamp(StaleAfterSeconds / 3.0, 0.3, 10));
}
