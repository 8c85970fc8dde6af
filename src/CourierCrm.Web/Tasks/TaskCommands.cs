using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Tasks;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tasks;

/// <summary>
/// Changes to tasks: made by hand, completed with an outcome, cancelled with a reason, given to
/// someone else. Audited like changes to the archive (entity "StaffTask"); a completed task about a
/// customer is also put on the customer's timeline, so the 360 view shows the visit or letter.
/// </summary>
public sealed class TaskCommands(IDbContextFactory<CrmDbContext> dbFactory, AuditLog audit, TimeProvider clock, TaskQueries queries)
{
    public const string Entity = "StaffTask";

    public async Task<CommandResult<long>> CreateAsync(Viewer viewer, TaskInput input, CancellationToken ct)
    {
        if (viewer.IsReadOnly || viewer.UserId is null) return CommandResult<long>.Forbidden("Your role is read-only.");
        var errors = new ValidationErrors();
        var kind = TaskQueries.Parse<StaffTaskKind>(input.Kind, "kind", errors);
        if (string.IsNullOrWhiteSpace(input.Kind)) errors.Add("kind", "is required.");
        if (input.CustomerId is null) errors.Add("customerId", "is required.");
        Text(errors, "title", input.Title, FieldLimits.PersonName * 2, required: true);
        Text(errors, "detail", input.Detail, FieldLimits.Text, required: false);
        if (input.DueOn is not { } dueOn) errors.Add("dueOn", "is required.");
        else if (dueOn < queries.Today) errors.Add("dueOn", "must be today or later.");
        if (!errors.IsEmpty) return CommandResult<long>.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await db.Customers.VisibleTo(viewer).Where(c => c.Id == input.CustomerId).Select(c => new { c.Id, c.Code }).SingleOrDefaultAsync(ct);
        if (customer is null) return CommandResult<long>.Invalid("customerId", "no such customer in your data scope.");
        var assigneeId = input.AssigneeId ?? viewer.UserId;
        if (assigneeId != viewer.UserId)
        {
            if (!TaskVisibility.LeadsTeam(viewer)) return CommandResult<long>.Forbidden("Only managers and administrators give tasks to others.");
            if (!await MayTakeAsync(viewer, assigneeId!.Value, ct)) return CommandResult<long>.Invalid("assigneeId", NotAssignable);
        }

        var task = new StaffTask
        {
            Kind = kind!.Value, CustomerId = customer.Id, AssigneeId = assigneeId, Title = input.Title!.Trim(),
            Detail = string.IsNullOrWhiteSpace(input.Detail) ? null : input.Detail.Trim(), DueOn = input.DueOn!.Value,
            Status = StaffTaskStatus.Open, CreatedAt = clock.GetUtcNow(), CreatedBy = Truncate(viewer.Name),
        };
        db.StaffTasks.Add(task);
        await db.SaveChangesAsync(ct);
        audit.Add(db, viewer, AuditAction.Create, Entity, task.Id, $"{task.Kind} {customer.Code}: {task.Title}",
            after: new { task.Kind, task.CustomerId, task.AssigneeId, task.Title, task.DueOn });
        await db.SaveChangesAsync(ct);
        return CommandResult<long>.Ok(task.Id);
    }

    public Task<CommandResult<long>> CompleteAsync(Viewer viewer, long id, string? outcome, CancellationToken ct) =>
        CloseAsync(viewer, id, StaffTaskStatus.Done, "outcome", outcome, ct);

    public Task<CommandResult<long>> CancelAsync(Viewer viewer, long id, string? reason, CancellationToken ct) =>
        CloseAsync(viewer, id, StaffTaskStatus.Cancelled, "reason", reason, ct);

    /// <summary>Gives an open task to someone else (managers and administrators, within their team).</summary>
    public async Task<CommandResult<long>> AssignAsync(Viewer viewer, long id, int? assigneeId, CancellationToken ct)
    {
        if (assigneeId is null) return CommandResult<long>.Invalid("assigneeId", "is required.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await FindAsync(db, viewer, id, ct);
        if (task is null) return CommandResult<long>.NotFound();
        if (!TaskVisibility.LeadsTeam(viewer)) return CommandResult<long>.Forbidden("Only managers and administrators reassign tasks.");
        if (!TaskRules.CanReassign(task.Status)) return CommandResult<long>.Conflict("status", $"the task is {task.Status}; only open tasks are reassigned.");
        if (!await MayTakeAsync(viewer, assigneeId.Value, ct)) return CommandResult<long>.Invalid("assigneeId", NotAssignable);
        if (task.AssigneeId == assigneeId) return CommandResult<long>.Ok(task.Id);

        var before = new { task.AssigneeId };
        task.AssigneeId = assigneeId;
        audit.Add(db, viewer, AuditAction.Transfer, Entity, task.Id, $"{task.Kind} {task.Title} → user {assigneeId}", before, new { task.AssigneeId });
        await db.SaveChangesAsync(ct);
        return CommandResult<long>.Ok(task.Id);
    }

    private const string NotAssignable = "must be an active member of staff in your region, not a read-only analyst.";

    private async Task<CommandResult<long>> CloseAsync(Viewer viewer, long id, StaffTaskStatus to, string field, string? text, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        Text(errors, field, text, FieldLimits.Text, required: true);
        if (!errors.IsEmpty) return CommandResult<long>.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await FindAsync(db, viewer, id, ct);
        if (task is null) return CommandResult<long>.NotFound();
        if (viewer.IsReadOnly) return CommandResult<long>.Forbidden("Your role is read-only.");
        if (!TaskRules.CanChange(task.Status, to))
            return CommandResult<long>.Conflict("status", $"the task is already {task.Status}.");

        var now = clock.GetUtcNow();
        task.Status = to;
        task.ClosedAt = now;
        task.ClosedById = viewer.UserId;
        task.Outcome = text!.Trim();
        var verb = to == StaffTaskStatus.Done ? "done" : "cancelled";
        audit.Add(db, viewer, AuditAction.Update, Entity, task.Id, $"{task.Kind} {task.Title}: {verb}", new { Status = StaffTaskStatus.Open },
            new { task.Status, task.Outcome });
        if (to == StaffTaskStatus.Done && task.CustomerId is { } customerId)
            db.CustomerEvents.Add(new CustomerEvent
            {
                CustomerId = customerId, At = now, Kind = "task-done", Title = "任务完成 / Task done",
                Detail = Truncate($"{task.Title}: {task.Outcome}", FieldLimits.Text), ActorId = viewer.UserId, ActorName = viewer.Name,
            });
        await db.SaveChangesAsync(ct);
        return CommandResult<long>.Ok(task.Id);
    }

    /// <summary>
    /// The task if the viewer may act on it: their own, or (managers, administrators) one of their
    /// team's. Anything else is "not found", so ids reveal nothing.
    /// </summary>
    private static async Task<StaffTask?> FindAsync(CrmDbContext db, Viewer viewer, long id, CancellationToken ct)
    {
        var scope = viewer.IsAdministrator ? TaskScope.All : TaskVisibility.LeadsTeam(viewer) ? TaskScope.Team : TaskScope.Mine;
        return await TaskVisibility.Tasks(db, viewer, scope).SingleOrDefaultAsync(t => t.Id == id, ct);
    }

    private async Task<bool> MayTakeAsync(Viewer viewer, int userId, CancellationToken ct) =>
        (await queries.AssigneesAsync(viewer, ct)).Any(a => a.Id == userId);

    private static void Text(ValidationErrors errors, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(field, "is required.");
        }
        else if (value.Trim().Length > max) errors.Add(field, $"must be at most {max} characters.");
    }

    private static string Truncate(string text, int max = FieldLimits.PersonName) => text.Length > max ? text[..max] : text;
}
