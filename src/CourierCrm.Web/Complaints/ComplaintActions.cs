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

namespace CourierCrm.Web.Complaints;

/// <summary>
/// Steps 2–8 and the actions around them (reassign, escalate, reopen, waiting for the customer): checks the
/// version the person saw, their right to the action, the workflow, and the action's data; then records the
/// step with its data, actor and time, moves the service-level clocks, tells the first-contact owner (and a
/// new handler; the notifications job e-mails them), tells the customer of its milestones through the outbox, and after closing gives the first-contact owner a callback task (issue 5 item 6).
/// </summary>
public sealed class ComplaintActions(IDbContextFactory<CrmDbContext> dbFactory, AuditLog audit, TimeProvider clock, ComplaintClocks clocks, Notifications.CustomerNotices notices)
{
    /// <summary>Days the first-contact owner has for the satisfaction callback after closing.</summary>
    public const int CallbackDays = 3;

    public async Task<CommandResult<int>> ActAsync(Viewer viewer, int complaintId, ComplaintStepInput input, CancellationToken ct)
    {
        var errors = ComplaintValidation.Step(input);
        if (!errors.IsEmpty) return CommandResult<int>.Invalid(errors);
        var action = input.Action!.Value;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var complaint = await db.Complaints.VisibleTo(viewer).SingleOrDefaultAsync(c => c.Id == complaintId, ct);
        if (complaint is null) return CommandResult<int>.NotFound();
        if (complaint.Version != input.Version)
            return CommandResult<int>.Conflict("version", "Someone changed this complaint meanwhile: reload it and try again.");
        // The workflow first: "step 4 is not due" tells anyone more than "not yours" would.
        var transition = ComplaintWorkflow.Apply(complaint.State, action);
        if (!transition.Allowed) return CommandResult<int>.Conflict("action", transition.Refusal!);
        var actor = new ComplaintActor(viewer.Role, complaint.HandlerId == viewer.UserId, complaint.FirstContactOwnerId == viewer.UserId);
        if (!ComplaintPermissions.Allows(actor, action))
            return CommandResult<int>.Forbidden($"Your role cannot {action} this complaint.");

        var now = clock.GetUtcNow();
        var before = complaint.State;
        var data = await ApplyDataAsync(db, viewer, complaint, input, action, now, ct);
        if (data.Problem is { } problem) return problem;

        var pauses = await db.ComplaintPauses.Where(p => p.ComplaintId == complaint.Id).ToListAsync(ct);
        MoveClock(db, complaint, pauses, before, transition.State!, action, now);
        (complaint.Stage, complaint.WaitingForCustomer, complaint.EscalationLevel) = (transition.State!.Stage, transition.State.WaitingForCustomer, transition.State.EscalationLevel);
        complaint.FirstRespondedAt ??= now;
        if (complaint.Stage is ComplaintStage.Closed or ComplaintStage.Declined) complaint.ClosedAt = now;
        clocks.UpdateDeadlines(complaint, pauses.Select(p => new ClockPause(p.From, p.To)).ToList(), now);
        complaint.UpdatedAt = now;
        complaint.Version++;

        db.ComplaintSteps.Add(new ComplaintStepEntry
        {
            ComplaintId = complaint.Id, At = now, Action = action, Step = ComplaintWorkflow.StepOf(action),
            FromStage = before.Stage, ToStage = complaint.Stage, ActorId = viewer.UserId, ActorName = viewer.Name,
            Note = input.Note?.Trim() is { Length: > 0 } note ? note : null,
            DataJson = data.Json,
        });
        Notify(db, complaint, viewer, action, data.NewHandlerId, now);
        if (complaint.Stage == ComplaintStage.Closed) AddCallbackTask(db, complaint, now);
        AddTimelineEvent(db, complaint, viewer, action, now);
        // The customer's milestone message is saved with the step below, so a refused or failed step sends nothing.
        if (CustomerMilestone(action, complaint.Stage) is { } milestone)
            await notices.AddAsync(db, complaint, milestone, now, ct);
        audit.Add(db, viewer, AuditAction.Update, "Complaint", complaint.Id, $"{complaint.Number} {action}",
            before: new { before.Stage, before.WaitingForCustomer, before.EscalationLevel },
            after: new { complaint.Stage, complaint.WaitingForCustomer, complaint.EscalationLevel });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<int>.Conflict("version", "Someone changed this complaint meanwhile: reload it and try again.");
        }
        return CommandResult<int>.Ok(complaint.Version);
    }

    private sealed record StepData(string? Json, int? NewHandlerId = null, CommandResult<int>? Problem = null);

    private async Task<StepData> ApplyDataAsync(CrmDbContext db, Viewer viewer, Complaint c, ComplaintStepInput input, ComplaintAction action, DateTimeOffset now, CancellationToken ct)
    {
        switch (action)
        {
            case ComplaintAction.Decline:
                c.DeclineReason = input.DeclineReason!.Trim();
                return new(Json(new { c.DeclineReason }));
            case ComplaintAction.Assign or ComplaintAction.Reassign or ComplaintAction.Escalate:
                var handler = await db.Users.Where(u => u.Id == input.HandlerId && u.IsActive)
                    .Select(u => new { u.Id, u.DisplayName, u.Role, u.OutletId }).SingleOrDefaultAsync(ct);
                if (handler is null || handler.Role is StaffRole.Analyst or StaffRole.Reception)
                    return new(null, Problem: CommandResult<int>.Invalid("handlerId", "No active member of staff who can handle complaints has this id."));
                if (action == ComplaintAction.Escalate && handler.Id == c.HandlerId)
                    return new(null, Problem: CommandResult<int>.Invalid("handlerId", "Escalating hands it to someone else: choose a more senior handler."));
                var outletId = input.HandlingOutletId ?? handler.OutletId;
                if (input.HandlingOutletId is int chosen && !await db.Outlets.AnyAsync(o => o.Id == chosen, ct))
                    return new(null, Problem: CommandResult<int>.Invalid("handlingOutletId", "No such outlet."));
                (c.HandlerId, c.HandlingOutletId) = (handler.Id, outletId);
                return new(Json(new { handlerId = handler.Id, handler = handler.DisplayName, handlingOutletId = outletId }), handler.Id);
            case ComplaintAction.Analyse:
                (c.Cause, c.Responsibility, c.ResponsibleDetail) = (input.Cause!.Trim(), input.Responsibility!.Value, input.ResponsibleDetail?.Trim());
                return new(Json(new { c.Cause, c.Responsibility, c.ResponsibleDetail }));
            case ComplaintAction.ProposeRemedy:
                c.Remedy = input.Remedy;
                c.RemedyDetail = input.RemedyDetail?.Trim();
                c.RemedyAmountFen = Domain.Shipments.Money.ToFen(input.RemedyAmount ?? 0);
                c.RemedyPoints = input.RemedyPoints;
                c.ApprovalRequired = clocks.Ladder.RequiredFor(c.RemedyAmountFen);
                (c.ApprovedAt, c.ApprovedById) = (null, null);
                return new(Json(new { c.Remedy, c.RemedyDetail, remedyAmount = input.RemedyAmount ?? 0, c.RemedyPoints, c.ApprovalRequired }));
            case ComplaintAction.Approve:
                if (c.HandlerId == viewer.UserId)
                    return new(null, Problem: CommandResult<int>.Forbidden("The handler cannot approve their own remedy: a supervisor approves it."));
                if (!ComplaintPermissions.MayApprove(viewer.Role, clocks.Ladder, c.RemedyAmountFen))
                    return new(null, Problem: CommandResult<int>.Forbidden(
                        $"A remedy of {Domain.Shipments.Money.Format(c.RemedyAmountFen)} needs approval at the level {clocks.Ladder.RequiredFor(c.RemedyAmountFen)}."));
                (c.ApprovedAt, c.ApprovedById) = (now, viewer.UserId);
                return new(Json(new { approvedBy = viewer.Name, level = clocks.Ladder.RequiredFor(c.RemedyAmountFen) }));
            case ComplaintAction.CarryOut:
                (c.CarriedOutAt, c.FeedbackAtClose) = (now, input.Feedback);
                return new(Json(new { feedback = input.Feedback }));
            case ComplaintAction.Evaluate:
                (c.Summary, c.Lesson, c.CorrectiveAction) = (input.Summary!.Trim(), input.Lesson?.Trim(), input.CorrectiveAction?.Trim());
                return new(Json(new { c.Summary, c.Lesson, c.CorrectiveAction }));
            case ComplaintAction.Reopen:
                (c.ClosedAt, c.CallbackSatisfaction) = (null, null);
                return new(null);
            default:
                return new(null);
        }
    }

    /// <summary>
    /// Waiting for the customer opens a pause of the resolution clock; any step forward or the customer's reply
    /// ends it. Reopening adds the closed time as a pause, so the clock counts only the time it was open.
    /// </summary>
    private static void MoveClock(CrmDbContext db, Complaint complaint, List<ComplaintPause> pauses,
        ComplaintState before, ComplaintState after, ComplaintAction action, DateTimeOffset now)
    {
        if (!before.WaitingForCustomer && after.WaitingForCustomer)
        {
            var pause = new ComplaintPause { ComplaintId = complaint.Id, From = now };
            db.ComplaintPauses.Add(pause);
            pauses.Add(pause);
        }
        if (before.WaitingForCustomer && !after.WaitingForCustomer)
            foreach (var open in pauses.Where(p => p.To is null)) open.To = now;
        if (action == ComplaintAction.Reopen && complaint.ClosedAt is null && before.Stage is ComplaintStage.Closed or ComplaintStage.Declined)
        {
            var closedAt = db.Entry(complaint).Property(c => c.ClosedAt).OriginalValue ?? now;
            var pause = new ComplaintPause { ComplaintId = complaint.Id, From = closedAt, To = now };
            db.ComplaintPauses.Add(pause);
            pauses.Add(pause);
        }
    }

    private static void Notify(CrmDbContext db, Complaint complaint, Viewer viewer, ComplaintAction action, int? newHandlerId, DateTimeOffset now)
    {
        var link = $"/complaints/{complaint.Id}";
        if (complaint.FirstContactOwnerId != viewer.UserId)
            db.StaffNotifications.Add(new StaffNotification
            {
                UserId = complaint.FirstContactOwnerId, At = now, Link = link,
                Title = $"{complaint.Number}: {action}", Body = $"{viewer.Name} · {complaint.Stage}",
            });
        if (newHandlerId is int handler && handler != viewer.UserId && handler != complaint.FirstContactOwnerId)
            db.StaffNotifications.Add(new StaffNotification
            {
                UserId = handler, At = now, Link = link,
                Title = $"{complaint.Number}: {action}", Body = complaint.Description.Length > 200 ? complaint.Description[..200] : complaint.Description,
            });
    }

    private static Notifications.MessageKind? CustomerMilestone(ComplaintAction action, ComplaintStage stage) => action switch
    {
        ComplaintAction.Decline => Notifications.MessageKind.ComplaintDeclined,
        ComplaintAction.CarryOut => Notifications.MessageKind.RemedyCarriedOut,
        ComplaintAction.Evaluate when stage == ComplaintStage.Closed => Notifications.MessageKind.ComplaintClosed,
        _ => null,
    };

    private static void AddCallbackTask(CrmDbContext db, Complaint complaint, DateTimeOffset now)
    {
        var task = new StaffTask
        {
            Kind = StaffTaskKind.ComplaintCallback, CustomerId = complaint.CustomerId, AssigneeId = complaint.FirstContactOwnerId,
            Title = $"回访 {complaint.Number} / Satisfaction callback {complaint.Number}",
            Detail = complaint.Summary, DueOn = DateOnly.FromDateTime(Platform.Localization.CompanyTime.Local(now).DateTime).AddDays(CallbackDays),
            Status = StaffTaskStatus.Open, CreatedAt = now, CreatedBy = "complaints",
            SourceKey = $"complaint-callback:{complaint.Id}:{now.UtcTicks}",
        };
        db.StaffTasks.Add(task);
    }

    private static void AddTimelineEvent(CrmDbContext db, Complaint complaint, Viewer viewer, ComplaintAction action, DateTimeOffset now)
    {
        if (complaint.CustomerId is not int customerId) return;
        var title = action switch
        {
            ComplaintAction.Decline => $"投诉 {complaint.Number} 不成立 / Complaint {complaint.Number} declined",
            ComplaintAction.Evaluate => $"投诉 {complaint.Number} 已结案 / Complaint {complaint.Number} closed",
            ComplaintAction.Escalate => $"投诉 {complaint.Number} 已升级 / Complaint {complaint.Number} escalated",
            ComplaintAction.Reopen => $"投诉 {complaint.Number} 重新打开 / Complaint {complaint.Number} reopened",
            _ => null,
        };
        if (title is null) return;
        db.CustomerEvents.Add(new CustomerEvent { CustomerId = customerId, At = now, Kind = "complaint", Title = title, ActorId = viewer.UserId, ActorName = viewer.Name });
    }

    private static readonly JsonSerializerOptions StepJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static string Json(object value) => JsonSerializer.Serialize(value, StepJson);
}
