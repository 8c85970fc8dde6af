using System.Text.Json;
using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Notifications;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Tasks;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Complaints.Callbacks;

/// <summary>Body of POST /api/v1/complaints/{id}/callback.</summary>
public sealed class CallbackInput
{
    /// <summary>1 (very dissatisfied) to 5 (very satisfied), or the name (Satisfied, …).</summary>
    public CustomerSatisfaction? Satisfaction { get; set; }
    public string? Note { get; set; }
}

/// <param name="ReopenSuggested">The customer is not satisfied: the complaint should be reopened (the caller may; nothing reopens by itself).</param>
public sealed record RecordedCallback(int Version, CustomerSatisfaction Satisfaction, bool ReopenSuggested, string? Advice);

/// <summary>Where a complaint's callback stands, for the form on the complaint page.</summary>
public sealed record CallbackState(
    bool Closed, CustomerSatisfaction? Satisfaction, string? Note, DateTimeOffset? RecordedAt, string? RecordedBy,
    bool MayRecord, bool MayReopen);

/// <summary>
/// The satisfaction callback after a complaint closed (issue 5 item 6): the first-contact owner (or a manager
/// or administrator in scope) records what the customer said. The outcome goes on the complaint, completes the
/// callback task, joins the step history and the customer's timeline. A dissatisfied customer is a reason to
/// reopen: the answer says so and the handler is told, but a person decides.
/// </summary>
public sealed class ComplaintCallbacks(IDbContextFactory<CrmDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    public const string TaskKeyPrefix = "complaint-callback:";
    /// <summary>CreatedBy of the callback tasks <see cref="ComplaintActions"/> makes on closing.</summary>
    public const string TaskCreatedBy = "complaints";

    /// <summary>The complaint page a callback task comes from ("complaint-callback:{id}:{ticks}"), for the task list's link.</summary>
    public static string? LinkOf(StaffTaskKind kind, string? sourceKey)
    {
        if (kind != StaffTaskKind.ComplaintCallback || sourceKey is null || !sourceKey.StartsWith(TaskKeyPrefix, StringComparison.Ordinal)) return null;
        var rest = sourceKey.AsSpan(TaskKeyPrefix.Length);
        var end = rest.IndexOf(':');
        return int.TryParse(end < 0 ? rest : rest[..end], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? $"/complaints/{id}" : null;
    }

    public async Task<CallbackState?> StateAsync(Viewer viewer, int complaintId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Complaints.VisibleTo(viewer).AsNoTracking().SingleOrDefaultAsync(x => x.Id == complaintId, ct);
        if (c is null) return null;
        var by = c.CallbackRecordedById is int id ? await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) : null;
        var recorded = c.CallbackSatisfaction is not null;
        return new CallbackState(c.Stage == ComplaintStage.Closed, c.CallbackSatisfaction, recorded ? c.CallbackNote : null,
            recorded ? c.CallbackRecordedAt : null, recorded ? by : null,
            c.Stage == ComplaintStage.Closed && !recorded && MayRecord(viewer, c), MayReopen(viewer, c));
    }

    public async Task<CommandResult<RecordedCallback>> RecordAsync(Viewer viewer, int complaintId, CallbackInput input, CancellationToken ct)
    {
        var errors = new Platform.Validation.ValidationErrors();
        if (input.Satisfaction is not { } satisfaction) errors.Add("satisfaction", "is required: 1 (very dissatisfied) to 5 (very satisfied).");
        else if (!Enum.IsDefined(satisfaction)) errors.Add("satisfaction", "must be 1 (very dissatisfied) to 5 (very satisfied).");
        if (input.Note?.Trim().Length > FieldLimits.Text) errors.Add("note", $"must be at most {FieldLimits.Text} characters.");
        if (!errors.IsEmpty) return CommandResult<RecordedCallback>.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var complaint = await db.Complaints.VisibleTo(viewer).SingleOrDefaultAsync(c => c.Id == complaintId, ct);
        if (complaint is null) return CommandResult<RecordedCallback>.NotFound();
        if (!MayRecord(viewer, complaint))
            return CommandResult<RecordedCallback>.Forbidden("Only the first-contact owner, a manager or an administrator records the callback.");
        if (complaint.Stage != ComplaintStage.Closed)
            return CommandResult<RecordedCallback>.Conflict("stage", "The callback follows closing: this complaint is not closed.");
        if (complaint.CallbackSatisfaction is not null)
            return CommandResult<RecordedCallback>.Conflict("satisfaction", "The callback outcome is already recorded.");

        var now = clock.GetUtcNow();
        var note = input.Note?.Trim() is { Length: > 0 } n ? n : null;
        (complaint.CallbackSatisfaction, complaint.CallbackNote, complaint.CallbackRecordedAt, complaint.CallbackRecordedById) =
            (input.Satisfaction, note, now, viewer.UserId);
        complaint.UpdatedAt = now;
        complaint.Version++;
        var unhappy = input.Satisfaction <= CustomerSatisfaction.Dissatisfied;

        db.ComplaintSteps.Add(new ComplaintStepEntry
        {
            ComplaintId = complaint.Id, At = now, FromStage = complaint.Stage, ToStage = complaint.Stage,
            ActorId = viewer.UserId, ActorName = viewer.Name, Note = note,
            DataJson = JsonSerializer.Serialize(new { callback = input.Satisfaction.ToString(), satisfaction = (int)input.Satisfaction!.Value }),
        });
        await CompleteTaskAsync(db, viewer, complaint, now, ct);
        if (complaint.CustomerId is int customerId)
            db.CustomerEvents.Add(new CustomerEvent
            {
                CustomerId = customerId, At = now, Kind = "complaint", ActorId = viewer.UserId, ActorName = viewer.Name,
                Title = $"投诉 {complaint.Number} 回访：{Chinese(input.Satisfaction.Value)} / Complaint {complaint.Number} callback: {input.Satisfaction}",
                Detail = note,
            });
        if (unhappy && complaint.HandlerId is int handler && handler != viewer.UserId)
            db.StaffNotifications.Add(new StaffNotification
            {
                UserId = handler, At = now, Link = $"/complaints/{complaint.Id}",
                Title = $"{complaint.Number}: 回访不满意 / callback dissatisfied", Body = note,
            });
        audit.Add(db, viewer, AuditAction.Update, "Complaint", complaint.Id, $"{complaint.Number} callback {input.Satisfaction}",
            after: new { complaint.CallbackSatisfaction, complaint.CallbackNote });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<RecordedCallback>.Conflict("version", "Someone changed this complaint meanwhile: reload it and try again.");
        }
        return CommandResult<RecordedCallback>.Ok(new RecordedCallback(complaint.Version, input.Satisfaction.Value, unhappy,
            unhappy ? "The customer is not satisfied: consider reopening the complaint (action Reopen on POST /api/v1/complaints/{id}/steps)." : null));
    }

    /// <summary>The open callback task of this closing (the newest), marked done with the outcome; none is fine (made before tasks existed).</summary>
    private async Task CompleteTaskAsync(CrmDbContext db, Viewer viewer, Complaint complaint, DateTimeOffset now, CancellationToken ct)
    {
        // Keys are "complaint-callback:{id}:{ticks}": a range of the unique index, not a scanning LIKE.
        var from = $"{TaskKeyPrefix}{complaint.Id}:";
        var to = $"{TaskKeyPrefix}{complaint.Id};";
        var task = await db.StaffTasks
            .Where(t => t.Kind == StaffTaskKind.ComplaintCallback && t.Status == StaffTaskStatus.Open && t.SourceKey != null
                && string.Compare(t.SourceKey, from) >= 0 && string.Compare(t.SourceKey, to) < 0)
            .OrderByDescending(t => t.CreatedAt).FirstOrDefaultAsync(ct);
        if (task is null) return;
        (task.Status, task.ClosedAt, task.ClosedById) = (StaffTaskStatus.Done, now, viewer.UserId);
        task.Outcome = $"{(int)complaint.CallbackSatisfaction!.Value}/5 {complaint.CallbackSatisfaction}" + (complaint.CallbackNote is { } note ? $": {note}" : "");
        if (task.Outcome.Length > FieldLimits.Text) task.Outcome = task.Outcome[..FieldLimits.Text];
        complaint.CallbackTaskId = task.Id;
        audit.Add(db, viewer, AuditAction.Update, Tasks.TaskCommands.Entity, task.Id, $"{task.Kind} {task.Title}: done",
            new { Status = StaffTaskStatus.Open }, new { task.Status, task.Outcome });
    }

    /// <summary>The first-contact owner made the promise to call back; managers and administrators may stand in.</summary>
    private static bool MayRecord(Viewer viewer, Complaint complaint) =>
        !viewer.IsReadOnly && (complaint.FirstContactOwnerId == viewer.UserId || viewer.Role is StaffRole.Manager or StaffRole.Administrator);

    private static bool MayReopen(Viewer viewer, Complaint complaint) =>
        ComplaintWorkflow.Apply(complaint.State, ComplaintAction.Reopen).Allowed
        && ComplaintPermissions.Allows(new ComplaintActor(viewer.Role, complaint.HandlerId == viewer.UserId, complaint.FirstContactOwnerId == viewer.UserId), ComplaintAction.Reopen);

    private static string Chinese(CustomerSatisfaction satisfaction) => satisfaction switch
    {
        CustomerSatisfaction.VeryDissatisfied => "非常不满意",
        CustomerSatisfaction.Dissatisfied => "不满意",
        CustomerSatisfaction.Neutral => "一般",
        CustomerSatisfaction.Satisfied => "满意",
        _ => "非常满意",
    };
}
