namespace CourierCrm.Web.Platform.Jobs;

/// <summary>A job as people and API clients see it.</summary>
public sealed record JobView(
    Guid Id,
    JobKind Kind,
    JobStatus Status,
    string Title,
    string CreatedByName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    long TotalUnits,
    long DoneUnits,
    long ErrorCount,
    string? Message,
    string? ResultFileName,
    string? InputFileName,
    bool CancelRequested)
{
    /// <summary>Share done, 0–100, when the total is known.</summary>
    public double? Percent => TotalUnits > 0 ? Math.Min(100, Math.Round(100.0 * DoneUnits / TotalUnits, 1)) : Status == JobStatus.Succeeded ? 100 : null;

    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;

    public static JobView From(BackgroundJob j) => new(
        j.Id, j.Kind, j.Status, j.Title, j.CreatedByName, j.CreatedAt, j.StartedAt, j.FinishedAt,
        j.TotalUnits, j.DoneUnits, j.ErrorCount, j.Message, j.ResultFileName, j.InputFileName, j.CancelRequested);
}
