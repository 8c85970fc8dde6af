using CourierCrm.Domain.Audit;
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
/// Approve, reject, pay and recover (issue 5 item 8). Each checks the version the person saw, the claim's status,
/// the person's rights and the money rules; then writes the change, its audit row (money before and after) and a
/// line on the customer's 360 timeline in one save.
/// </summary>
public sealed class ClaimActions(IDbContextFactory<CrmDbContext> dbFactory, AuditLog audit, TimeProvider clock, ClaimRules rules)
{
    public Task<CommandResult<int>> ApproveAsync(Viewer viewer, int claimId, ApproveClaimInput input, CancellationToken ct) =>
        ActAsync(viewer, claimId, input.Version, ClaimValidation.Approve(input), ct, async (db, claim, incident, now) =>
        {
            if (claim.Status != ClaimStatus.Filed) return Conflict(ClaimMessages.NotFiled);
            if (await ClaimHistory.FiledByAsync(db, claim.Id, ct) == viewer.UserId) return Forbidden(ClaimMessages.OwnClaim);
            var amount = Money.ToFen(input.Amount!.Value);
            if (amount > claim.ClaimedFen) return Invalid("amount", ClaimMessages.OverClaimed);
            var note = input.Note?.Trim() is { Length: > 0 } n ? n : null;
            // More than the rule allows is a decision someone signs for: it needs the reason written down.
            if (amount > claim.RuleAmountFen && note is null) return Invalid("note", ClaimMessages.OverRuleNeedsNote);
            if (!rules.MayApprove(viewer.Role, Math.Max(amount, claim.RuleAmountFen))) return Forbidden(ClaimMessages.LevelTooLow);
            (claim.Status, claim.ApprovedFen, claim.ApprovedAt, claim.ApprovedById) = (ClaimStatus.Approved, amount, now, viewer.UserId);
            if (note is not null) claim.Note = Appended(claim.Note, note);
            return Done(ClaimAction.Approve, amount, $"索赔已核准 {Money.Format(amount)}（{incident.Number}）/ Claim approved {Money.Format(amount)} ({incident.Number})",
                new { status = ClaimStatus.Filed, approved = (string?)null }, new { status = claim.Status, approved = Money.Format(amount), note });
        });

    public Task<CommandResult<int>> RejectAsync(Viewer viewer, int claimId, RejectClaimInput input, CancellationToken ct) =>
        ActAsync(viewer, claimId, input.Version, ClaimValidation.Reject(input), ct, async (db, claim, incident, now) =>
        {
            if (claim.Status != ClaimStatus.Filed) return Conflict(ClaimMessages.NotFiled);
            if (await ClaimHistory.FiledByAsync(db, claim.Id, ct) == viewer.UserId) return Forbidden(ClaimMessages.OwnClaim);
            // Saying no to a claim takes the same signing level as saying yes to what the rule allows.
            if (!rules.MayApprove(viewer.Role, claim.RuleAmountFen)) return Forbidden(ClaimMessages.LevelTooLow);
            (claim.Status, claim.RejectionReason) = (ClaimStatus.Rejected, input.Reason!.Trim());
            return Done(ClaimAction.Reject, null, $"索赔已拒绝（{incident.Number}）/ Claim rejected ({incident.Number})",
                new { status = ClaimStatus.Filed }, new { status = claim.Status, reason = claim.RejectionReason });
        });

    public Task<CommandResult<int>> PayAsync(Viewer viewer, int claimId, PayClaimInput input, CancellationToken ct) =>
        ActAsync(viewer, claimId, input.Version, ClaimValidation.Pay(input), ct, (_, claim, incident, now) =>
        {
            if (claim.Status != ClaimStatus.Approved) return Task.FromResult(Conflict(ClaimMessages.NotApproved));
            if (!ClaimRules.MayPayOrRecover(viewer.Role)) return Task.FromResult(Forbidden(ClaimMessages.RoleCannotPay));
            var amount = Money.ToFen(input.Amount!.Value);
            if (amount > claim.ApprovedFen) return Task.FromResult(Invalid("amount", ClaimMessages.OverApproved));
            var day = input.PaidOn!.Value;
            if (day > ClaimRules.Day(now)) return Task.FromResult(Invalid("paidOn", ClaimMessages.FutureDay));
            if (claim.ApprovedAt is { } approvedAt && day < ClaimRules.Day(approvedAt)) return Task.FromResult(Invalid("paidOn", ClaimMessages.BeforeApproval));
            (claim.Status, claim.PaidFen, claim.PaidOn, claim.PaymentReference) = (ClaimStatus.Paid, amount, day, input.PaymentReference!.Trim());
            return Task.FromResult(Done(ClaimAction.Pay, amount, $"索赔已赔付 {Money.Format(amount)}（{incident.Number}）/ Claim paid {Money.Format(amount)} ({incident.Number})",
                new { status = ClaimStatus.Approved, paid = (string?)null }, new { status = claim.Status, paid = Money.Format(amount), paidOn = day, reference = claim.PaymentReference }));
        });

    public Task<CommandResult<int>> RecoverAsync(Viewer viewer, int claimId, RecoverClaimInput input, CancellationToken ct) =>
        ActAsync(viewer, claimId, input.Version, ClaimValidation.Recover(input), ct, (_, claim, incident, now) =>
        {
            if (incident.Responsibility != IncidentResponsibility.ThirdParty) return Task.FromResult(Conflict(ClaimMessages.NotThirdParty));
            if (claim.Status is not (ClaimStatus.Approved or ClaimStatus.Paid)) return Task.FromResult(Conflict(ClaimMessages.NotRecoverable));
            if (!ClaimRules.MayPayOrRecover(viewer.Role)) return Task.FromResult(Forbidden(ClaimMessages.RoleCannotPay));
            var amount = Money.ToFen(input.Amount!.Value);
            if (claim.RecoveredFen + amount > claim.ActualLossFen) return Task.FromResult(Invalid("amount", ClaimMessages.OverLoss));
            var day = input.RecoveredOn!.Value;
            if (day > ClaimRules.Day(now)) return Task.FromResult(Invalid("recoveredOn", ClaimMessages.FutureDay));
            var before = claim.RecoveredFen;
            (claim.RecoveredFen, claim.RecoveredOn) = (before + amount, day);
            claim.RecoveryBy ??= rules.Deadlines.RecoveryBy(ClaimRules.Day(incident.RecordedAt));
            if (input.Note?.Trim() is { Length: > 0 } note) claim.Note = Appended(claim.Note, note);
            return Task.FromResult(Done(ClaimAction.Recover, amount,
                $"已向第三方追偿 {Money.Format(amount)}（{incident.Number}）/ Recovered {Money.Format(amount)} from the third party ({incident.Number})",
                new { recovered = Money.Format(before) }, new { recovered = Money.Format(claim.RecoveredFen), recoveredOn = day, from = incident.ThirdPartyName }));
        });

    private sealed record Outcome(CommandResult<int>? Problem, string? Summary = null, string? Timeline = null, object? Before = null, object? After = null);

    /// <summary>The audit summary reads "&lt;action&gt; &lt;amount&gt;" after the incident number: the history on the page is read back from it (<see cref="ClaimHistory.Parse"/>).</summary>
    private static Outcome Done(ClaimAction action, long? amountFen, string timeline, object before, object after) =>
        new(null, ClaimHistory.Summary(action, amountFen), timeline, before, after);
    private static Outcome Conflict(string message) => new(CommandResult<int>.Conflict("status", message));
    private static Outcome Forbidden(string message) => new(CommandResult<int>.Forbidden(message));
    private static Outcome Invalid(string field, string message) => new(CommandResult<int>.Invalid(field, message));

    private static string Appended(string? notes, string note)
    {
        var all = string.IsNullOrEmpty(notes) ? note : notes + "\n" + note;
        return all.Length <= FieldLimits.Text ? all : all[^FieldLimits.Text..];
    }

    /// <summary>The frame every action shares: field checks, scope (through the incident), version, then the action, audit, timeline and one save.</summary>
    private async Task<CommandResult<int>> ActAsync(Viewer viewer, int claimId, int? version, Platform.Validation.ValidationErrors errors, CancellationToken ct,
        Func<CrmDbContext, Claim, ServiceIncident, DateTimeOffset, Task<Outcome>> act)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (from c in db.Claims
                         join i in db.ServiceIncidents.VisibleTo(viewer) on c.IncidentId equals i.Id
                         where c.Id == claimId
                         select new { Claim = c, Incident = i }).SingleOrDefaultAsync(ct);
        if (row is null) return CommandResult<int>.NotFound();
        if (viewer.IsReadOnly) return CommandResult<int>.Forbidden(ClaimMessages.ReadOnly);
        if (!errors.IsEmpty) return CommandResult<int>.Invalid(errors);
        var claim = row.Claim;
        if (claim.Version != version) return CommandResult<int>.Conflict("version", ClaimMessages.Changed);

        var now = clock.GetUtcNow();
        var outcome = await act(db, claim, row.Incident, now);
        if (outcome.Problem is { } problem) return problem;
        claim.UpdatedAt = now;
        claim.Version++;
        audit.Add(db, viewer, AuditAction.Update, ClaimHistory.EntityType, claim.Id, $"{row.Incident.Number}: {outcome.Summary}", outcome.Before, outcome.After);
        ClaimHistory.AddTimelineEvent(db, row.Incident, viewer, now, outcome.Timeline!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<int>.Conflict("version", ClaimMessages.Changed);
        }
        return CommandResult<int>.Ok(claim.Version);
    }
}
