using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Incidents;

/// <summary>
/// Everything done to an incident after it is recorded: changing its facts (version checked; a higher loss
/// regrades it and adds the reports the new amount owes), confirming or dismissing a draft, closing it, and
/// marking a level of the reporting chain as told. Each change is audited (the incident's history) and put on
/// the customer's timeline.
/// </summary>
public sealed class IncidentActions(IDbContextFactory<CrmDbContext> dbFactory, AuditLog audit, TimeProvider clock, IncidentReporting reporting)
{
    private const string Stale = "Someone changed this incident meanwhile: reload it and try again.";

    public async Task<CommandResult<int>> UpdateAsync(Viewer viewer, int id, UpdateIncidentInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = IncidentValidation.Update(input, now);
        if (!errors.IsEmpty) return CommandResult<int>.Invalid(errors);
        return await ChangeAsync(viewer, id, input.Version!.Value, [IncidentStatus.Draft, IncidentStatus.Open], ct, async (db, i) =>
        {
            var before = new { i.Kind, i.ExpectedLossFen, i.Grade, i.Responsibility, i.ThirdPartyName, i.Handling, i.Description, i.OccurredAt };
            i.Kind = input.Kind!.Value;
            i.ExpectedLossFen = Money.ToFen(input.ExpectedLoss!.Value);
            i.Grade = reporting.Policy.GradeOf(i.ExpectedLossFen);
            i.Responsibility = input.Responsibility ?? IncidentResponsibility.Undetermined;
            i.ThirdPartyName = i.Responsibility == IncidentResponsibility.ThirdParty ? input.ThirdPartyName?.Trim() : null;
            i.Handling = input.Handling;
            i.Description = input.Description!.Trim();
            i.OccurredAt = input.OccurredAt!.Value.ToUniversalTime();
            await reporting.AddOwedReportsAsync(db, i, now, ct);
            var after = new { i.Kind, i.ExpectedLossFen, i.Grade, i.Responsibility, i.ThirdPartyName, i.Handling, i.Description, i.OccurredAt };
            var regraded = before.Grade != i.Grade;
            return new Change(regraded ? $"{i.Number} changed, regraded {before.Grade} → {i.Grade}" : $"{i.Number} changed",
                regraded ? "已修改并重新定级" : "已修改", regraded ? $"changed, regraded {i.Grade}" : "changed", before, after);
        });
    }

    /// <summary>A draft is an incident after all: it opens, and its reporting chain starts now.</summary>
    public Task<CommandResult<int>> ConfirmAsync(Viewer viewer, int id, IncidentDecisionInput input, CancellationToken ct) =>
        DecideAsync(viewer, id, input, IncidentStatus.Draft, reasonRequired: false, ct, async (db, i, now) =>
        {
            i.Status = IncidentStatus.Open;
            await reporting.AddOwedReportsAsync(db, i, now, ct);
            return new Change($"{i.Number} confirmed", "已确认", "confirmed", new { Status = IncidentStatus.Draft }, new { i.Status, Note = input.Reason });
        });

    /// <summary>A draft that is no incident (the parcel turned up, the scan was wrong): dismissed with the reason.</summary>
    public Task<CommandResult<int>> DismissAsync(Viewer viewer, int id, IncidentDecisionInput input, CancellationToken ct) =>
        DecideAsync(viewer, id, input, IncidentStatus.Draft, reasonRequired: true, ct, (_, i, now) =>
        {
            (i.Status, i.ClosedAt) = (IncidentStatus.Dismissed, now);
            var reason = input.Reason!.Trim();
            return Task.FromResult(new Change($"{i.Number} dismissed: {reason}", "已撤销", "dismissed", new { Status = IncidentStatus.Draft }, new { i.Status, Reason = reason }, reason));
        });

    /// <summary>Closing needs the handling method recorded: how the incident was settled is what the file keeps.</summary>
    public Task<CommandResult<int>> CloseAsync(Viewer viewer, int id, IncidentDecisionInput input, CancellationToken ct) =>
        DecideAsync(viewer, id, input, IncidentStatus.Open, reasonRequired: false, ct, (_, i, now) =>
        {
            if (i.Handling is null) return Task.FromResult(Change.Refused("handling", "Record how the incident was handled before closing it."));
            (i.Status, i.ClosedAt) = (IncidentStatus.Closed, now);
            var note = input.Reason?.Trim() is { Length: > 0 } n ? n : null;
            return Task.FromResult(new Change($"{i.Number} closed", "已结案", "closed", new { Status = IncidentStatus.Open }, new { i.Status, i.Handling, Note = note }, note));
        });

    /// <summary>Marks a level told (who, when, a note). Done once; the incident's version is untouched, so editors are not disturbed.</summary>
    public async Task<CommandResult<ReportingLevel>> MarkReportedAsync(Viewer viewer, int id, ReportingLevel level, ReportDoneInput input, CancellationToken ct)
    {
        var errors = IncidentValidation.Reported(input);
        if (!errors.IsEmpty) return CommandResult<ReportingLevel>.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await db.ServiceIncidents.VisibleTo(viewer).AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null) return CommandResult<ReportingLevel>.NotFound();
        if (!IncidentPermissions.MayHandle(viewer.Role)) return CommandResult<ReportingLevel>.Forbidden("Your role cannot mark incident reports.");
        var report = await db.IncidentReports.SingleOrDefaultAsync(r => r.IncidentId == id && r.Level == level, ct);
        if (report is null) return CommandResult<ReportingLevel>.Invalid("level", $"This incident owes no report to {level}.");
        if (report.ReportedAt is not null) return CommandResult<ReportingLevel>.Conflict("level", $"The report to {level} is already marked as made.");

        var now = clock.GetUtcNow();
        (report.ReportedAt, report.ReportedById, report.Note) = (now, viewer.UserId, input.Note?.Trim() is { Length: > 0 } note ? note : null);
        audit.Add(db, viewer, AuditAction.Update, IncidentQueries.Entity, incident.Id, $"{incident.Number} reported to {level}",
            after: new { Level = level, ReportedAt = now, report.Note, Late = now > report.DueAt });
        IncidentTimeline.Add(db, incident, viewer, $"已上报 {level}", $"reported to {level}", report.Note, now);
        await db.SaveChangesAsync(ct);
        return CommandResult<ReportingLevel>.Ok(level);
    }

    /// <summary>What a change did, for the audit and the timeline; or the field that stops it.</summary>
    private sealed record Change(string Summary, string TimelineZh, string TimelineEn, object? Before, object? After, string? Detail = null)
    {
        public (string Field, string Message)? Problem { get; private init; }

        public static Change Refused(string field, string message) => new("", "", "", null, null) { Problem = (field, message) };
    }

    private Task<CommandResult<int>> DecideAsync(Viewer viewer, int id, IncidentDecisionInput input, IncidentStatus from, bool reasonRequired,
        CancellationToken ct, Func<CrmDbContext, ServiceIncident, DateTimeOffset, Task<Change>> apply)
    {
        var errors = IncidentValidation.Decision(input, reasonRequired);
        if (!errors.IsEmpty) return Task.FromResult(CommandResult<int>.Invalid(errors));
        return ChangeAsync(viewer, id, input.Version!.Value, [from], ct, (db, i) => apply(db, i, clock.GetUtcNow()));
    }

    private async Task<CommandResult<int>> ChangeAsync(Viewer viewer, int id, int version, IncidentStatus[] allowedFrom,
        CancellationToken ct, Func<CrmDbContext, ServiceIncident, Task<Change>> apply)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await db.ServiceIncidents.VisibleTo(viewer).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null) return CommandResult<int>.NotFound();
        if (!IncidentPermissions.MayHandle(viewer.Role)) return CommandResult<int>.Forbidden("Your role cannot handle incidents.");
        if (incident.Version != version) return CommandResult<int>.Conflict("version", Stale);
        if (!allowedFrom.Contains(incident.Status))
            return CommandResult<int>.Conflict("status", $"The incident is {incident.Status}: this needs it {string.Join(" or ", allowedFrom)}.");

        var now = clock.GetUtcNow();
        var change = await apply(db, incident);
        if (change.Problem is { } problem) return CommandResult<int>.Invalid(problem.Field, problem.Message);
        incident.UpdatedAt = now;
        incident.Version++;
        audit.Add(db, viewer, AuditAction.Update, IncidentQueries.Entity, incident.Id, change.Summary, change.Before, change.After);
        IncidentTimeline.Add(db, incident, viewer, change.TimelineZh, change.TimelineEn, change.Detail ?? IncidentTimeline.Facts(incident), now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<int>.Conflict("version", Stale);
        }
        return CommandResult<int>.Ok(incident.Version);
    }
}
