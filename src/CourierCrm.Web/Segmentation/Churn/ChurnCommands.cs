using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Tasks;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Segmentation.Churn;

/// <summary>
/// A person acts on a warning: acknowledges it (seen, acting) or resolves it with what happened.
/// Anyone who may edit customers, for the customers in their scope; audited (entity "ChurnWarning").
/// Resolving also closes the warning's open follow-up task with the resolution as its outcome and
/// writes the resolution on the customer's timeline.
/// </summary>
public sealed class ChurnCommands(IDbContextFactory<CrmDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    public const string Entity = "ChurnWarning";

    public Task<CommandResult<long>> AcknowledgeAsync(Viewer viewer, long id, CancellationToken ct) =>
        ChangeAsync(viewer, id, ChurnWarningState.Acknowledged, null, ct);

    public Task<CommandResult<long>> ResolveAsync(Viewer viewer, long id, string? resolution, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(resolution)) return Task.FromResult(CommandResult<long>.Invalid("resolution", "is required: say what happened (kept, lost, false alarm…)."));
        if (resolution.Trim().Length > FieldLimits.Text) return Task.FromResult(CommandResult<long>.Invalid("resolution", $"must be at most {FieldLimits.Text} characters."));
        return ChangeAsync(viewer, id, ChurnWarningState.Resolved, resolution.Trim(), ct);
    }

    private async Task<CommandResult<long>> ChangeAsync(Viewer viewer, long id, ChurnWarningState to, string? resolution, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customers = db.Customers.VisibleTo(viewer).Select(c => c.Id);
        var warning = await db.ChurnWarnings.SingleOrDefaultAsync(w => w.Id == id && customers.Contains(w.CustomerId), ct);
        if (warning is null) return CommandResult<long>.NotFound();
        if (!viewer.CanEditCustomers) return CommandResult<long>.Forbidden("Your role cannot act on churn warnings.");
        if (!ChurnWarningRules.CanChange(warning.State, to))
            return CommandResult<long>.Conflict("state", $"the warning is {warning.State}; it cannot become {to}.");

        var now = clock.GetUtcNow();
        var before = new { warning.State };
        warning.State = to;
        if (to == ChurnWarningState.Acknowledged)
        {
            warning.AcknowledgedAt = now;
            warning.AcknowledgedById = viewer.UserId;
        }
        else
        {
            warning.ResolvedAt = now;
            warning.ResolvedById = viewer.UserId;
            warning.Resolution = resolution;
            var task = warning.TaskId is { } taskId ? await db.StaffTasks.SingleOrDefaultAsync(t => t.Id == taskId, ct) : null;
            if (task is { Status: StaffTaskStatus.Open })
            {
                task.Status = StaffTaskStatus.Done;
                task.ClosedAt = now;
                task.ClosedById = viewer.UserId;
                task.Outcome = resolution;
            }
            db.CustomerEvents.Add(new CustomerEvent
            {
                CustomerId = warning.CustomerId, At = now, Kind = "churn-resolved", Title = "流失预警已处理 / Churn warning resolved",
                Detail = resolution, ActorId = viewer.UserId, ActorName = viewer.Name,
            });
        }
        audit.Add(db, viewer, AuditAction.Update, Entity, warning.Id, $"{warning.Signal} customer {warning.CustomerId}: {to}",
            before, new { warning.State, warning.Resolution });
        await db.SaveChangesAsync(ct);
        return CommandResult<long>.Ok(warning.Id);
    }
}
