using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Complaints;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Shipments;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Incidents;

/// <summary>
/// Opens incidents: from a waybill or a complaint by a person (open at once, its reporting chain running), and as
/// a draft when a tracking event reports an exception (a person confirms or dismisses it). The waybill's insured
/// flag, declared value and freight are copied; the incident belongs to the waybill's outlet and region and to
/// its customer's owner, so it is seen by the same people as the shipment.
/// </summary>
public sealed class IncidentRecording(IDbContextFactory<CrmDbContext> dbFactory, AuditLog audit, TimeProvider clock,
    IncidentReporting reporting, IncidentOptions options)
{
    public async Task<CommandResult<RecordedIncident>> RecordFromWaybillAsync(Viewer viewer, RecordIncidentInput input, CancellationToken ct)
    {
        if (!IncidentPermissions.MayRecord(viewer.Role)) return CommandResult<RecordedIncident>.Forbidden("Your role cannot record incidents.");
        var now = clock.GetUtcNow();
        var errors = IncidentValidation.Record(input, fromComplaint: false, now);
        if (!errors.IsEmpty) return CommandResult<RecordedIncident>.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var number = input.WaybillNumber!.Trim();
        var waybill = await db.Waybills.VisibleTo(db, viewer).AsNoTracking().SingleOrDefaultAsync(w => w.Number == number, ct);
        if (waybill is null) return CommandResult<RecordedIncident>.Invalid("waybillNumber", "No waybill with this number in your data scope.");
        var incident = NewIncident(input, waybill.Number, IncidentSource.Waybill, viewer, now);
        var placed = await PlaceAsync(db, incident, waybill, null, viewer, ct);
        if (!placed) return CommandResult<RecordedIncident>.Invalid("waybillNumber", "This waybill has no outlet and its customer none either: it cannot be placed.");
        return CommandResult<RecordedIncident>.Ok(await InsertAsync(db, incident, viewer, now, ct));
    }

    /// <summary>
    /// From a complaint in the viewer's reach: its customer, its (first) waybill and the kind its category
    /// names (delay, damage, loss) unless given; the complaint's description when none is given.
    /// </summary>
    public async Task<CommandResult<RecordedIncident>> RecordFromComplaintAsync(Viewer viewer, int complaintId, RecordIncidentInput input, CancellationToken ct)
    {
        if (!IncidentPermissions.MayRecord(viewer.Role)) return CommandResult<RecordedIncident>.Forbidden("Your role cannot record incidents.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var complaint = await db.Complaints.VisibleTo(viewer).AsNoTracking().SingleOrDefaultAsync(c => c.Id == complaintId, ct);
        if (complaint is null) return CommandResult<RecordedIncident>.NotFound();
        var now = clock.GetUtcNow();
        var errors = IncidentValidation.Record(input, fromComplaint: true, now);
        if (!errors.IsEmpty) return CommandResult<RecordedIncident>.Invalid(errors);

        var number = input.WaybillNumber?.Trim() is { Length: > 0 } given ? given
            : await db.ComplaintWaybills.Where(w => w.ComplaintId == complaintId).OrderBy(w => w.WaybillNumber).Select(w => w.WaybillNumber).FirstOrDefaultAsync(ct);
        if (number is null) return CommandResult<RecordedIncident>.Invalid("waybillNumber", "The complaint names no waybill: give the waybill number.");
        input.Kind ??= KindOf(complaint.Category);
        if (input.Kind is null)
            return CommandResult<RecordedIncident>.Invalid("kind", $"A {complaint.Category} complaint names no kind of incident: choose delay, damage or loss.");
        if (string.IsNullOrWhiteSpace(input.Description)) input.Description = complaint.Description;

        // The complaint vouches for the waybill: a waybill the viewer's scope does not cover is still read for its values.
        var waybill = await db.Waybills.AsNoTracking().SingleOrDefaultAsync(w => w.Number == number, ct);
        var incident = NewIncident(input, number, IncidentSource.Complaint, viewer, now);
        incident.ComplaintId = complaint.Id;
        if (!await PlaceAsync(db, incident, waybill, complaint, viewer, ct))
            return CommandResult<RecordedIncident>.Invalid("waybillNumber", "This waybill has no outlet: it cannot be placed.");
        return CommandResult<RecordedIncident>.Ok(await InsertAsync(db, incident, viewer, now, ct));
    }

    /// <summary>
    /// Saves a waybill whose new tracking events were just added (Shipments' AddEventsAsync) and, when one of them
    /// reports an exception, a draft incident for it in the same transaction — unless the waybill already has a
    /// draft or open incident. Answers the draft's number, if one was opened.
    /// </summary>
    public async Task<string?> SaveTrackingEventsAsync(CrmDbContext db, Waybill waybill, Viewer viewer, CancellationToken ct)
    {
        var exception = waybill.Events.Where(e => e.Id == 0 && options.IsException(e.Status, e.Description))
            .OrderBy(e => e.At.UtcTicks).FirstOrDefault();
        if (exception is null)
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Checked inside the write transaction: two pushes of the same exception cannot both open a draft.
        var pending = await db.ServiceIncidents.AnyAsync(i => i.WaybillNumber == waybill.Number
            && (i.Status == IncidentStatus.Draft || i.Status == IncidentStatus.Open), ct);
        string? opened = null;
        if (!pending)
        {
            var incident = NewIncident(new RecordIncidentInput
            {
                Kind = KindOf(exception.Description), Description = Clip($"{exception.Place}: {exception.Description}"), OccurredAt = exception.At,
            }, waybill.Number, IncidentSource.TrackingException, viewer, now);
            incident.Status = IncidentStatus.Draft;
            incident.RecordedById = null;
            if (await PlaceAsync(db, incident, waybill, null, viewer, ct))
            {
                incident.Number = await IncidentNumbers.NextAsync(db, now, ct);
                db.ServiceIncidents.Add(incident);
                await db.SaveChangesAsync(ct);
                IncidentTimeline.Add(db, incident, viewer, "自动登记为草稿", "drafted from a tracking exception", IncidentTimeline.Facts(incident), now);
                audit.Add(db, viewer, AuditAction.Create, IncidentQueries.Entity, incident.Id, $"{incident.Number} drafted from a tracking exception",
                    after: new { incident.Number, incident.WaybillNumber, incident.Kind, incident.Status, incident.Description });
                opened = incident.Number;
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return opened;
    }

    /// <summary>The kind a complaint category or a tracking text names; delay when a text names nothing else.</summary>
    public static IncidentKind? KindOf(ComplaintCategory category) => category switch
    {
        ComplaintCategory.Delay => IncidentKind.Delay,
        ComplaintCategory.Damage => IncidentKind.Damage,
        ComplaintCategory.Loss => IncidentKind.Loss,
        _ => null,
    };

    private static IncidentKind KindOf(string description) =>
        description.Contains("破损", StringComparison.Ordinal) || description.Contains("damage", StringComparison.OrdinalIgnoreCase) ? IncidentKind.Damage
        : description.Contains("丢", StringComparison.Ordinal) || description.Contains("遗失", StringComparison.Ordinal) || description.Contains("lost", StringComparison.OrdinalIgnoreCase) ? IncidentKind.Loss
        : IncidentKind.Delay;

    private static string Clip(string text) => text.Length <= FieldLimits.Text ? text : text[..FieldLimits.Text];

    private ServiceIncident NewIncident(RecordIncidentInput input, string waybillNumber, IncidentSource source, Viewer viewer, DateTimeOffset now)
    {
        var loss = Money.ToFen(input.ExpectedLoss ?? 0);
        return new ServiceIncident
        {
            Number = "", WaybillNumber = waybillNumber, Source = source, Kind = input.Kind ?? IncidentKind.Delay, Status = IncidentStatus.Open,
            ExpectedLossFen = loss, Grade = reporting.Policy.GradeOf(loss),
            Responsibility = input.Responsibility ?? IncidentResponsibility.Undetermined,
            ThirdPartyName = input.Responsibility == IncidentResponsibility.ThirdParty ? input.ThirdPartyName?.Trim() : null,
            Handling = input.Handling, Description = input.Description?.Trim() ?? "",
            OccurredAt = (input.OccurredAt ?? now).ToUniversalTime(), RecordedAt = now, RecordedById = viewer.UserId,
            UpdatedAt = now, Version = 1,
        };
    }

    /// <summary>
    /// Copies the waybill's values and places the incident: the pick-up outlet, else the delivering outlet, else
    /// the customer's (or the complaint's) outlet; the region is the outlet's; the owner the customer's owner.
    /// </summary>
    private static async Task<bool> PlaceAsync(CrmDbContext db, ServiceIncident incident, Waybill? waybill, Complaint? complaint, Viewer viewer, CancellationToken ct)
    {
        incident.CustomerId = waybill?.CustomerId ?? complaint?.CustomerId;
        if (waybill is not null)
            (incident.Insured, incident.DeclaredValueFen, incident.FreightFen) = (waybill.Insured, waybill.DeclaredValueFen ?? 0, waybill.FreightFen);
        var customer = incident.CustomerId is int customerId
            ? await db.Customers.Where(c => c.Id == customerId).Select(c => new { c.OwnerId, c.OutletId }).SingleOrDefaultAsync(ct)
            : null;
        incident.OwnerId = customer?.OwnerId ?? complaint?.OwnerId;
        var outletId = waybill?.PickupOutletId ?? waybill?.DeliveryOutletId ?? customer?.OutletId ?? complaint?.OutletId ?? viewer.OutletId;
        if (outletId is not int outlet) return false;
        incident.OutletId = outlet;
        incident.RegionId = await db.Outlets.Where(o => o.Id == outlet).Select(o => o.RegionId).SingleAsync(ct);
        return true;
    }

    private async Task<RecordedIncident> InsertAsync(CrmDbContext db, ServiceIncident incident, Viewer viewer, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        incident.Number = await IncidentNumbers.NextAsync(db, now, ct);
        db.ServiceIncidents.Add(incident);
        await db.SaveChangesAsync(ct);
        var reports = await reporting.AddOwedReportsAsync(db, incident, now, ct);
        IncidentTimeline.Add(db, incident, viewer, "已登记", "recorded", IncidentTimeline.Facts(incident), now);
        audit.Add(db, viewer, AuditAction.Create, IncidentQueries.Entity, incident.Id, $"{incident.Number} recorded",
            after: new { incident.Number, incident.WaybillNumber, incident.ComplaintId, incident.Source, incident.Kind, incident.ExpectedLossFen, incident.Grade });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(incident.Id, incident.Number, incident.Status, incident.Grade, reports.Select(r => new ReportDue(r.Level, r.DueAt)).ToList());
    }
}
