using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Notifications;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Incidents;

/// <summary>
/// The reporting chain of an open incident (seed 004 三、申报程序): the reports its expected loss requires, each
/// due a set time after it became owed, and who stands for each level in the organisation.
/// </summary>
public sealed class IncidentReporting(IncidentOptions options)
{
    public IncidentPolicy Policy { get; } = options.Policy();

    /// <summary>
    /// Adds the reports the incident owes now and has not got yet, due from <paramref name="now"/>. A report once
    /// owed stays when the amount is lowered: the level was told of (or should have been told of) a bigger loss.
    /// </summary>
    public async Task<IReadOnlyList<IncidentReport>> AddOwedReportsAsync(CrmDbContext db, ServiceIncident incident, DateTimeOffset now, CancellationToken ct)
    {
        if (incident.Status != IncidentStatus.Open) return [];
        var have = incident.Id == 0
            ? []
            : await db.IncidentReports.Where(r => r.IncidentId == incident.Id).Select(r => r.Level).ToListAsync(ct);
        var added = new List<IncidentReport>();
        foreach (var duty in Policy.ReportsFor(incident.ExpectedLossFen).Where(d => !have.Contains(d.Level)))
        {
            var report = new IncidentReport { IncidentId = incident.Id, Level = duty.Level, DueAt = now + duty.Within };
            db.IncidentReports.Add(report);
            added.Add(report);
        }
        return added;
    }

    /// <summary>
    /// The people who stand for a level: the outlet's managers (the outlet head), the managers of the outlet's
    /// region (the next level up), the administrators (head office). A level with nobody in it falls to the next
    /// one up, so an overdue report always reaches someone.
    /// </summary>
    public static async Task<IReadOnlyList<int>> PeopleOfAsync(CrmDbContext db, ReportingLevel level, int outletId, int regionId, CancellationToken ct)
    {
        var active = db.Users.Where(u => u.IsActive);
        if (level == ReportingLevel.OutletHead)
        {
            var heads = await active.Where(u => u.Role == StaffRole.Manager && u.OutletId == outletId).Select(u => u.Id).ToListAsync(ct);
            if (heads.Count > 0) return heads;
        }
        if (level is ReportingLevel.OutletHead or ReportingLevel.NextLevel)
        {
            var outlets = db.Outlets.Where(o => o.RegionId == regionId).Select(o => o.Id);
            var regional = await active.Where(u => u.Role == StaffRole.Manager && u.OutletId != null && outlets.Contains(u.OutletId.Value))
                .Select(u => u.Id).ToListAsync(ct);
            if (regional.Count > 0) return regional;
        }
        return await active.Where(u => u.Role == StaffRole.Administrator).Select(u => u.Id).ToListAsync(ct);
    }

    /// <summary>The in-app notice of an overdue report: once per person and report (the dedup key).</summary>
    public static StaffNotification OverdueNotice(int userId, ServiceIncident incident, IncidentReport report, DateTimeOffset now) => new()
    {
        UserId = userId, At = now, Link = $"/incidents/{incident.Id}",
        DedupKey = $"incident:{incident.Id}:report:{report.Level}",
        Title = $"事故 {incident.Number} 未按时上报 / Incident {incident.Number}: report to {report.Level} overdue",
        Body = $"{incident.WaybillNumber} · {incident.Kind} · {incident.Grade} · ¥{Domain.Shipments.Money.ToYuan(incident.ExpectedLossFen):#,##0.00}",
    };
}
