using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Complaints;

/// <summary>
/// Step 1: records a complaint from a customer in the viewer's scope or from an unknown caller, with its
/// priority by rule (A customers first), its service-level deadlines, its waybills, the first step in its
/// history, a timeline entry on the customer, the customer's "recorded" message in the outbox and an audit entry. The recorder is its first-contact owner.
/// </summary>
public sealed class ComplaintRecording(IDbContextFactory<CrmDbContext> dbFactory, AuditLog audit, TimeProvider clock, ComplaintClocks clocks, Notifications.CustomerNotices notices)
{
    public async Task<CommandResult<RecordedComplaint>> RecordAsync(Viewer viewer, RecordComplaintInput input, CancellationToken ct)
    {
        if (!ComplaintPermissions.MayRecord(viewer.Role) || viewer.UserId is not int recorderId)
            return CommandResult<RecordedComplaint>.Forbidden("Your role cannot record complaints.");
        var errors = ComplaintValidation.Record(input);
        if (!errors.IsEmpty) return CommandResult<RecordedComplaint>.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var complaint = new Complaint
        {
            Number = "", Description = input.Description!.Trim(), Demand = Trimmed(input.Demand),
            Channel = input.Channel!.Value, Category = input.Category!.Value,
            CallerPhone = Trimmed(input.CallerPhone), CallerPhoneDigits = PhoneNumber.Digits(input.CallerPhone),
            CallerName = Trimmed(input.CallerName), FirstContactOwnerId = recorderId,
            RecordedAt = now, UpdatedAt = now, Stage = ComplaintStage.AwaitingJudgement, Version = 1,
        };

        Domain.Classification.AbcClass? customerClass = null;
        if (input.CustomerId is int customerId)
        {
            var customer = await db.Customers.VisibleTo(viewer).Where(c => c.Id == customerId)
                .Select(c => new { c.Id, c.OwnerId, c.OutletId, c.RegionId }).SingleOrDefaultAsync(ct);
            if (customer is null) return CommandResult<RecordedComplaint>.Invalid("customerId", "No such customer in your data scope.");
            (complaint.CustomerId, complaint.OwnerId, complaint.OutletId, complaint.RegionId) = (customer.Id, customer.OwnerId, customer.OutletId, customer.RegionId);
            customerClass = await db.CustomerClassifications.Where(c => c.CustomerId == customerId).Select(c => c.Abc).SingleOrDefaultAsync(ct);
        }
        else if (viewer.OutletId is int outletId)
        {
            complaint.OutletId = outletId;
            complaint.RegionId = await db.Outlets.Where(o => o.Id == outletId).Select(o => o.RegionId).SingleAsync(ct);
        }
        else
        {
            return CommandResult<RecordedComplaint>.Invalid("customerId", "You belong to no outlet: choose the customer so the complaint belongs somewhere.");
        }

        complaint.Priority = ComplaintPriorityRule.AtLeastRule(input.Priority ?? ComplaintPriority.Normal, customerClass, complaint.Category);
        clocks.UpdateDeadlines(complaint, [], now);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        complaint.Number = await ComplaintNumbers.NextAsync(db, now, ct);
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(ct);

        foreach (var number in (input.WaybillNumbers ?? []).Select(n => n.Trim()).Distinct(StringComparer.Ordinal))
            db.ComplaintWaybills.Add(new ComplaintWaybill { ComplaintId = complaint.Id, WaybillNumber = number });
        db.ComplaintSteps.Add(new ComplaintStepEntry
        {
            ComplaintId = complaint.Id, At = now, Step = 1, Action = null,
            FromStage = ComplaintStage.AwaitingJudgement, ToStage = ComplaintStage.AwaitingJudgement,
            ActorId = viewer.UserId, ActorName = viewer.Name, Note = complaint.Demand,
        });
        if (complaint.CustomerId is int id)
            db.CustomerEvents.Add(new CustomerEvent
            {
                CustomerId = id, At = now, Kind = "complaint", ActorId = viewer.UserId, ActorName = viewer.Name,
                Title = $"投诉 {complaint.Number} 已登记 / Complaint {complaint.Number} recorded",
                Detail = $"{complaint.Category} · {complaint.Priority}",
            });
        // The customer's "recorded" message commits with the complaint, or not at all.
        await notices.AddAsync(db, complaint, Notifications.MessageKind.ComplaintRecorded, now, ct);
        audit.Add(db, viewer, AuditAction.Create, "Complaint", complaint.Id, complaint.Number,
            after: new { complaint.Number, complaint.CustomerId, complaint.Channel, complaint.Category, complaint.Priority });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CommandResult<RecordedComplaint>.Ok(new(complaint.Id, complaint.Number, complaint.Priority, complaint.FirstResponseDueAt, complaint.ResolutionDueAt));
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
