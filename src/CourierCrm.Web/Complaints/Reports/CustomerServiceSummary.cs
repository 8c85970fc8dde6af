using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Complaints.Reports;

public sealed record CustomerComplaintItem(int Id, string Number, ComplaintStage Stage, int Step, ComplaintCategory Category,
    DateTimeOffset RecordedAt, DateTimeOffset? ClosedAt, ServiceLevelState ResolutionState);

public sealed record CustomerIncidentItem(int Id, string Number, string WaybillNumber, IncidentKind Kind, IncidentStatus Status, IncidentGrade Grade, DateTimeOffset RecordedAt);

/// <summary>Amounts in yuan; approved and paid null until decided.</summary>
public sealed record CustomerClaimItem(int Id, int IncidentId, string IncidentNumber, ClaimStatus Status, decimal Claimed, decimal? Approved, decimal? Paid, decimal Recovered, DateOnly FiledOn);

/// <summary>
/// A customer's complaints, incidents and claims (issue 5 item 10): counts and the latest of each, for the
/// 360 page's service card, the portal and the call centre.
/// </summary>
public sealed record CustomerService(
    int CustomerId, int Complaints, int OpenComplaints, int Incidents, int OpenIncidents, int Claims, decimal ClaimsPaid,
    IReadOnlyList<CustomerComplaintItem> LatestComplaints, IReadOnlyList<CustomerIncidentItem> LatestIncidents, IReadOnlyList<CustomerClaimItem> LatestClaims);

/// <summary>Reads <see cref="CustomerService"/> for a customer in the viewer's data scope; null (404) otherwise.</summary>
public sealed class CustomerServiceQueries(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock, ComplaintClocks clocks)
{
    public const int Latest = 10;

    public async Task<CustomerService?> ReadAsync(Viewer viewer, int customerId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await Platform.Auth.DataScopeQueries.VisibleTo(db.Customers, viewer).AnyAsync(c => c.Id == customerId, ct)) return null;

        var complaints = db.Complaints.VisibleTo(viewer).AsNoTracking().Where(c => c.CustomerId == customerId);
        var complaintCount = await complaints.CountAsync(ct);
        var openComplaints = await complaints.CountAsync(c => c.Stage != ComplaintStage.Closed && c.Stage != ComplaintStage.Declined, ct);
        var latest = await complaints.OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Take(Latest).ToListAsync(ct);
        var ids = latest.Select(c => c.Id).ToList();
        var pauses = (await db.ComplaintPauses.Where(p => ids.Contains(p.ComplaintId)).Select(p => new { p.ComplaintId, p.From, p.To }).ToListAsync(ct))
            .ToLookup(p => p.ComplaintId, p => new ClockPause(p.From, p.To));
        var now = clock.GetUtcNow();
        var complaintItems = latest.ConvertAll(c => new CustomerComplaintItem(c.Id, c.Number, c.Stage, ComplaintWorkflow.StepNumber(c.Stage), c.Category,
            c.RecordedAt, c.ClosedAt, clocks.Resolution(c, pauses[c.Id].ToList(), now).State));

        var incidents = Platform.Auth.DataScopeQueries.VisibleTo(db.ServiceIncidents, viewer).AsNoTracking().Where(i => i.CustomerId == customerId);
        var incidentCount = await incidents.CountAsync(ct);
        var openIncidents = await incidents.CountAsync(i => i.Status == IncidentStatus.Open || i.Status == IncidentStatus.Draft, ct);
        var incidentItems = await incidents.OrderByDescending(i => i.RecordedAt).ThenByDescending(i => i.Id).Take(Latest)
            .Select(i => new CustomerIncidentItem(i.Id, i.Number, i.WaybillNumber, i.Kind, i.Status, i.Grade, i.RecordedAt)).ToListAsync(ct);

        var claims = db.Claims.AsNoTracking().Join(incidents, c => c.IncidentId, i => i.Id, (c, i) => new { Claim = c, i.Number });
        var claimCount = await claims.CountAsync(ct);
        var paidFen = await claims.SumAsync(x => x.Claim.PaidFen ?? 0, ct);
        var claimRows = await claims.OrderByDescending(x => x.Claim.FiledOn).ThenByDescending(x => x.Claim.Id).Take(Latest).ToListAsync(ct);
        var claimItems = claimRows.ConvertAll(x => new CustomerClaimItem(x.Claim.Id, x.Claim.IncidentId, x.Number, x.Claim.Status,
            Yuan(x.Claim.ClaimedFen), x.Claim.ApprovedFen is { } a ? Yuan(a) : null, x.Claim.PaidFen is { } p ? Yuan(p) : null, Yuan(x.Claim.RecoveredFen), x.Claim.FiledOn));

        return new CustomerService(customerId, complaintCount, openComplaints, incidentCount, openIncidents, claimCount, Yuan(paidFen),
            complaintItems, incidentItems, claimItems);
    }

    private static decimal Yuan(long fen) => Domain.Shipments.Money.ToYuan(fen);
}
