using System.ComponentModel;
using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Tasks;

namespace CourierCrm.Web.Tasks;

/// <summary>Which tasks a list shows: the viewer's own, their team's (managers) or every task (administrators).</summary>
public enum TaskScope
{
    Mine,
    Team,
    All,
}

/// <summary>One task as "my tasks" lists it: the customer masked for the viewer, the due state as of today (China).</summary>
public sealed record TaskView(
    long Id,
    StaffTaskKind Kind,
    int? CustomerId,
    string? CustomerCode,
    string? CustomerName,
    string Title,
    string? Detail,
    DateOnly DueOn,
    [property: Description("Upcoming, Due (within the notice days up to the due date) or Overdue; for open tasks only, null once closed.")]
    ServiceDueState? DueState,
    int DaysOverdue,
    StaffTaskStatus Status,
    int? AssigneeId,
    string? AssigneeName,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ClosedAt,
    string? Outcome,
    [property: Description("Where the task came from, when it has a page: the complaint of a ComplaintCallback task (\"/complaints/12\").")]
    string? SourceLink = null);

/// <summary>Open tasks in a scope that are due (within the notice days) or overdue, for the counts at the top of the page.</summary>
public sealed record TaskCounts(int Due, int Overdue);

/// <summary>Query string of GET /api/v1/tasks. Strings so a wrong value answers 400 naming the field, not a binding error.</summary>
public sealed class TaskListQuery
{
    [Description("mine (default: tasks assigned to you), team (managers and administrators: every task of the customers in your data scope, unassigned ones included) or all (administrators).")]
    public string? Scope { get; set; }
    [Description("Visit, LeaderVisit, InquiryLetter, UpgradeReview, ChurnFollowUp or ComplaintCallback.")]
    public string? Kind { get; set; }
    [Description("Open, Done or Cancelled; all when left out.")]
    public string? Status { get; set; }
    [Description("Due on or after this day (yyyy-MM-dd).")]
    public DateOnly? DueFrom { get; set; }
    [Description("Due on or before this day (yyyy-MM-dd).")]
    public DateOnly? DueTo { get; set; }
    [Description("dueOn (default), kind, status, title or createdAt.")]
    public string? Sort { get; set; }
    [Description("Sort descending (default ascending).")]
    public bool? Desc { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
}

/// <summary>A task made by hand for a customer (POST /api/v1/tasks).</summary>
public sealed class TaskInput
{
    [Description("Visit, LeaderVisit, InquiryLetter, UpgradeReview, ChurnFollowUp or ComplaintCallback.")]
    public string? Kind { get; set; }
    [Description("The customer the task is about; must be in your data scope.")]
    public int? CustomerId { get; set; }
    public string? Title { get; set; }
    public string? Detail { get; set; }
    [Description("Day it is due (yyyy-MM-dd), today or later.")]
    public DateOnly? DueOn { get; set; }
    [Description("Who does it; default yourself. Only managers and administrators give tasks to others.")]
    public int? AssigneeId { get; set; }
}

/// <summary>Body of POST /api/v1/tasks/{id}/complete.</summary>
public sealed record TaskCompletion(string? Outcome);

/// <summary>Body of POST /api/v1/tasks/{id}/cancel.</summary>
public sealed record TaskCancellation(string? Reason);

/// <summary>Body of POST /api/v1/tasks/{id}/assign.</summary>
public sealed record TaskAssignment(int? AssigneeId);

/// <summary>A member of staff a task can be given to.</summary>
public sealed record TaskAssignee(int Id, string Name, Domain.Organisation.StaffRole Role);
