using CourierCrm.Domain.Complaints;

namespace CourierCrm.Web.Complaints;

/// <summary>Step 1, recording a complaint (POST /api/v1/complaints and the record form).</summary>
public sealed class RecordComplaintInput
{
    /// <summary>The complaining customer, if known; otherwise the caller's phone.</summary>
    public int? CustomerId { get; set; }
    public string? CallerPhone { get; set; }
    public string? CallerName { get; set; }
    public ComplaintChannel? Channel { get; set; }
    public ComplaintCategory? Category { get; set; }
    /// <summary>Optional: the rule's priority applies when left out, and a lower one is raised to it.</summary>
    public ComplaintPriority? Priority { get; set; }
    public string? Description { get; set; }
    public string? Demand { get; set; }
    public List<string>? WaybillNumbers { get; set; }
}

/// <summary>
/// One action on a complaint (POST /api/v1/complaints/{id}/steps): the action, the version the person saw
/// (a stale version answers 409), and the data the action needs.
/// </summary>
public sealed class ComplaintStepInput
{
    public ComplaintAction? Action { get; set; }
    public int? Version { get; set; }
    public string? Note { get; set; }
    /// <summary>Decline: why the complaint is not valid (told to the customer politely).</summary>
    public string? DeclineReason { get; set; }
    /// <summary>Assign, reassign, escalate: the person who handles it from now on.</summary>
    public int? HandlerId { get; set; }
    /// <summary>Assign: the responsible department; the handler's outlet when left out.</summary>
    public int? HandlingOutletId { get; set; }
    /// <summary>Analyse.</summary>
    public string? Cause { get; set; }
    public ResponsibleParty? Responsibility { get; set; }
    public string? ResponsibleDetail { get; set; }
    /// <summary>Propose remedy: kind, words, money in yuan, points.</summary>
    public RemedyKind? Remedy { get; set; }
    public string? RemedyDetail { get; set; }
    public decimal? RemedyAmount { get; set; }
    public int? RemedyPoints { get; set; }
    /// <summary>Carry out: how satisfied the customer said they were.</summary>
    public CustomerSatisfaction? Feedback { get; set; }
    /// <summary>Evaluate: summary, the lesson learnt, the corrective action.</summary>
    public string? Summary { get; set; }
    public string? Lesson { get; set; }
    public string? CorrectiveAction { get; set; }
}
