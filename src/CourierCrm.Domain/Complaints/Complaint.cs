using CourierCrm.Domain.Organisation;

namespace CourierCrm.Domain.Complaints;

/// <summary>Who is at fault, found in step 4.</summary>
public enum ResponsibleParty
{
    Undetermined,
    /// <summary>The company: an outlet, a courier, the hotline.</summary>
    Internal,
    /// <summary>A partner, carrier or other third party.</summary>
    ThirdParty,
    /// <summary>The customer (wrong address, bad packing, …).</summary>
    Customer,
    /// <summary>Nobody (force majeure, weather, public holidays).</summary>
    Nobody,
}

/// <summary>How satisfied the customer said they were (step 7 feedback, the callback after closing).</summary>
public enum CustomerSatisfaction
{
    VeryDissatisfied = 1,
    Dissatisfied = 2,
    Neutral = 3,
    Satisfied = 4,
    VerySatisfied = 5,
}

/// <summary>
/// A customer complaint (DOMAIN.md §7; issue 5 items 1–4, 6). Scoped like its customer: the outlet and
/// region are the customer's (or, for an unknown caller, the recording person's outlet) and the owner is the
/// customer's owner, so the same data-scope rule applies; the first-contact owner and the handler always see it.
/// The workflow state (<see cref="Stage"/>, <see cref="WaitingForCustomer"/>, <see cref="EscalationLevel"/>)
/// changes only through <see cref="ComplaintWorkflow"/>.
/// </summary>
public sealed class Complaint : IScopedRecord
{
    public int Id { get; set; }
    /// <summary>"TS-20261123-0001": day of recording (China time) and a running number of that day.</summary>
    public required string Number { get; set; }

    // Step 1: record.
    public int? CustomerId { get; set; }
    /// <summary>An unknown caller's phone as given (matched to a customer later); masked like the archive.</summary>
    public string? CallerPhone { get; set; }
    /// <summary>Digits of <see cref="CallerPhone"/> for matching.</summary>
    public string? CallerPhoneDigits { get; set; }
    public string? CallerName { get; set; }
    public ComplaintChannel Channel { get; set; }
    public ComplaintCategory Category { get; set; }
    public ComplaintPriority Priority { get; set; }
    /// <summary>What happened, in the customer's words.</summary>
    public required string Description { get; set; }
    /// <summary>What the customer asks for (诉求).</summary>
    public string? Demand { get; set; }
    /// <summary>The person who took the complaint and stays responsible for keeping the customer informed (首问负责制).</summary>
    public int FirstContactOwnerId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    // Scope (IScopedRecord).
    public int? OwnerId { get; set; }
    public int OutletId { get; set; }
    public int RegionId { get; set; }

    // Workflow.
    public ComplaintStage Stage { get; set; }
    public bool WaitingForCustomer { get; set; }
    public int EscalationLevel { get; set; }

    // Step 2: judge validity.
    public string? DeclineReason { get; set; }

    // Step 3: assign.
    /// <summary>The responsible department: an outlet (or the head-office desk, outlet of the head office region).</summary>
    public int? HandlingOutletId { get; set; }
    public int? HandlerId { get; set; }

    // Step 4: analyse.
    public string? Cause { get; set; }
    public ResponsibleParty Responsibility { get; set; }
    public string? ResponsibleDetail { get; set; }

    // Step 5–6: remedy and approval.
    public RemedyKind? Remedy { get; set; }
    public string? RemedyDetail { get; set; }
    /// <summary>Money the remedy costs (compensation, refund, discount); 0 for an apology.</summary>
    public long RemedyAmountFen { get; set; }
    public int? RemedyPoints { get; set; }
    public Incidents.ApprovalLevel? ApprovalRequired { get; set; }
    public int? ApprovedById { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }

    // Step 7: carry out and notify.
    public DateTimeOffset? CarriedOutAt { get; set; }
    public CustomerSatisfaction? FeedbackAtClose { get; set; }

    // Step 8: summarise and evaluate.
    public string? Summary { get; set; }
    /// <summary>What the company learns (the lessons list of the reports).</summary>
    public string? Lesson { get; set; }
    public string? CorrectiveAction { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    // Service levels (issue 5 item 3): deadlines as last computed, kept for the overdue board's index.
    public DateTimeOffset? FirstRespondedAt { get; set; }
    public DateTimeOffset? FirstResponseDueAt { get; set; }
    public DateTimeOffset? ResolutionDueAt { get; set; }
    public DateTimeOffset? ResolutionWarnAt { get; set; }

    // After closing (issue 5 item 6).
    public long? CallbackTaskId { get; set; }
    public CustomerSatisfaction? CallbackSatisfaction { get; set; }
    public string? CallbackNote { get; set; }
    public DateTimeOffset? CallbackRecordedAt { get; set; }
    public int? CallbackRecordedById { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency: two handlers acting at once — the second is told to reload.</summary>
    public int Version { get; set; }

    public ComplaintState State => new(Stage, WaitingForCustomer, EscalationLevel);
}

/// <summary>One thing done to a complaint: the step, who, when, what they wrote, and the stage before and after.</summary>
public sealed class ComplaintStepEntry
{
    public long Id { get; set; }
    public int ComplaintId { get; set; }
    public DateTimeOffset At { get; set; }
    public ComplaintAction? Action { get; set; }
    /// <summary>1–8 for the eight steps; null for reassign, escalate, reopen, waits and notes.</summary>
    public int? Step { get; set; }
    public ComplaintStage FromStage { get; set; }
    public ComplaintStage ToStage { get; set; }
    public int? ActorId { get; set; }
    public required string ActorName { get; set; }
    public string? Note { get; set; }
    /// <summary>The step's own data (cause, remedy, amounts, handler) as JSON, for the history view.</summary>
    public string? DataJson { get; set; }
}

/// <summary>A waybill a complaint is about.</summary>
public sealed class ComplaintWaybill
{
    public int ComplaintId { get; set; }
    public required string WaybillNumber { get; set; }
}

/// <summary>A photo or document attached to a complaint; the bytes live in the jobs/files store, not the database.</summary>
public sealed class ComplaintAttachment
{
    public long Id { get; set; }
    public int ComplaintId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    /// <summary>Path under the attachments folder (a random name: never the uploaded name).</summary>
    public required string StoredAs { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public int UploadedById { get; set; }
}

/// <summary>A time the complaint waited for the customer: the service-level clock stood still.</summary>
public sealed class ComplaintPause
{
    public long Id { get; set; }
    public int ComplaintId { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset? To { get; set; }
}
