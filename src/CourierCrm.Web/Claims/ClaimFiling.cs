using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Claims;

/// <summary>
/// Files a compensation claim on an incident (issue 5 item 8): the rule amount and the limit that decided it
/// (<see cref="CompensationRule"/> on the incident's insurance, declared value and freight), the approval level
/// for that amount and the deadlines. A claim past the customer's filing deadline is refused.
/// </summary>
public sealed class ClaimFiling(IDbContextFactory<CrmDbContext> dbFactory, AuditLog audit, TimeProvider clock, ClaimRules rules)
{
    public async Task<CommandResult<int>> FileAsync(Viewer viewer, int incidentId, FileClaimInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await db.ServiceIncidents.VisibleTo(viewer).SingleOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null) return CommandResult<int>.NotFound();
        if (!ClaimRules.MayFile(viewer.Role)) return CommandResult<int>.Forbidden(ClaimMessages.RoleCannotFile);
        var errors = ClaimValidation.File(input);
        if (!errors.IsEmpty) return CommandResult<int>.Invalid(errors);
        if (incident.Status is IncidentStatus.Draft or IncidentStatus.Dismissed)
            return CommandResult<int>.Conflict("incidentId", incident.Status == IncidentStatus.Draft
                ? ClaimMessages.IncidentDraft : ClaimMessages.IncidentDismissed);

        var now = clock.GetUtcNow();
        var today = ClaimRules.Day(now);
        var sentAt = await db.Waybills.Where(w => w.Number == incident.WaybillNumber)
            .Select(w => (DateTimeOffset?)(w.PickedUpAt ?? w.OrderedAt)).FirstOrDefaultAsync(ct);
        var claimBy = rules.Deadlines.CustomerClaimBy(ClaimRules.Day(sentAt ?? incident.OccurredAt));
        if (today > claimBy)
            return CommandResult<int>.Conflict("filedOn", ClaimMessages.DeadlinePassed);

        var facts = new ClaimFacts(Money.ToFen(input.ClaimedAmount!.Value), Money.ToFen(input.ActualLoss!.Value),
            incident.Insured, incident.DeclaredValueFen, incident.FreightFen);
        var decision = rules.Rule.Decide(facts);
        var claim = new Claim
        {
            IncidentId = incident.Id, Status = ClaimStatus.Filed, ClaimedFen = facts.ClaimedFen, ActualLossFen = facts.ActualLossFen,
            RuleAmountFen = decision.Fen, RuleLimit = decision.LimitedBy, ApprovalRequired = rules.Ladder.RequiredFor(decision.Fen),
            FiledOn = today, CustomerClaimBy = claimBy,
            RecoveryBy = incident.Responsibility == IncidentResponsibility.ThirdParty ? rules.Deadlines.RecoveryBy(ClaimRules.Day(incident.RecordedAt)) : null,
            Note = input.Note?.Trim() is { Length: > 0 } note ? note : null,
            UpdatedAt = now, Version = 1,
        };
        // One transaction: the audit row needs the claim's id, and the claim must not exist without it.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Claims.Add(claim);
        await db.SaveChangesAsync(ct);

        // The filer is kept in the audit row (the claim has no column for it): approval reads it to refuse self-approval.
        audit.Add(db, viewer, AuditAction.Create, ClaimHistory.EntityType, claim.Id, $"{incident.Number}: Filed {Money.Format(claim.ClaimedFen)}",
            after: new { claimed = Money.Format(claim.ClaimedFen), actualLoss = Money.Format(claim.ActualLossFen), rule = Money.Format(claim.RuleAmountFen), claim.RuleLimit, claim.ApprovalRequired });
        ClaimHistory.AddTimelineEvent(db, incident, viewer, now, $"索赔已登记 {Money.Format(claim.ClaimedFen)}（{incident.Number}）/ Claim filed {Money.Format(claim.ClaimedFen)} ({incident.Number})");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CommandResult<int>.Ok(claim.Id);
    }
}
