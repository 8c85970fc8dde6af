namespace CourierCrm.Domain.Notifications;

public enum MessageChannel
{
    Email,
    Sms,
}

public enum OutboxStatus
{
    Pending,
    Sent,
    /// <summary>Failed <see cref="RetrySchedule.MaxAttempts"/> times: waits for a person, never dropped.</summary>
    Parked,
}

/// <summary>
/// A message to a customer waiting to be sent (issue 5 item 5): written in the same transaction as the change
/// it announces, sent by a job, retried on the <see cref="RetrySchedule"/>.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public MessageChannel Channel { get; set; }
    /// <summary>E-mail address or phone number.</summary>
    public required string Recipient { get; set; }
    public string? Subject { get; set; }
    public required string Body { get; set; }
    public required string Culture { get; set; }
    /// <summary>What it is about: "complaint:42", "incident:7".</summary>
    public required string Topic { get; set; }
    /// <summary>Makes writing idempotent: one message per milestone and channel.</summary>
    public required string DedupKey { get; set; }
    public OutboxStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>An in-app notice to a member of staff (a step done on their complaint, an escalation, an overdue report).</summary>
public sealed class StaffNotification
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Title { get; set; }
    public string? Body { get; set; }
    /// <summary>Page to open, e.g. "/complaints/42".</summary>
    public string? Link { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>True once the notifications job has queued the notice's e-mail to the member of staff.</summary>
    public bool EmailQueued { get; set; }
    /// <summary>Set for notices that must reach a user once only (e.g. "complaint TS-… breached"); unique per user.</summary>
    public string? DedupKey { get; set; }
}
