using CourierCrm.Domain.Incidents;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CourierCrm.Web.Incidents;

/// <summary>
/// Finds reports past due and not made, tells the people of the level (a staff notice each, e-mailed by the
/// notifications job) and marks the report alerted, so each report raises its alert once. Runs every
/// Incidents:AlertEverySeconds on every node: the conditional update on AlertedAt lets one node win a report.
/// </summary>
public sealed class IncidentReportAlerts(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock, ILogger<IncidentReportAlerts> logger)
{
    /// <summary>Reports alerted per pass at most; the next pass takes the rest.</summary>
    public const int Batch = 200;

    public async Task<int> AlertOverdueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.IncidentReports
            .Where(r => r.ReportedAt == null && r.AlertedAt == null && r.DueAt < now)
            .Join(db.ServiceIncidents.Where(i => i.Status == IncidentStatus.Open), r => r.IncidentId, i => i.Id, (r, i) => new { Report = r, Incident = i })
            .OrderBy(x => x.Report.DueAt).Take(Batch)
            .ToListAsync(ct);
        var alerted = 0;
        foreach (var item in due)
        {
            // Claim the report first: a second node (or a second pass still running) finds it alerted and skips it.
            // Claim and notices commit together, so a failure leaves the report to the next pass.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.IncidentReports.Where(r => r.Id == item.Report.Id && r.AlertedAt == null && r.ReportedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.AlertedAt, now), ct);
            if (claimed == 0) continue;
            var people = await IncidentReporting.PeopleOfAsync(db, item.Report.Level, item.Incident.OutletId, item.Incident.RegionId, ct);
            var key = $"incident:{item.Incident.Id}:report:{item.Report.Level}";
            var told = await db.StaffNotifications.Where(n => n.DedupKey == key).Select(n => n.UserId).ToListAsync(ct);
            foreach (var person in people.Except(told))
                db.StaffNotifications.Add(IncidentReporting.OverdueNotice(person, item.Incident, item.Report, now));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            alerted++;
        }
        if (alerted > 0) logger.LogInformation("Raised overdue alerts for {Count} incident reports", alerted);
        return alerted;
    }
}

/// <summary>The Quartz side of <see cref="IncidentReportAlerts"/>.</summary>
[DisallowConcurrentExecution]
public sealed class IncidentReportAlertJob(IncidentReportAlerts alerts) : IJob
{
    public static readonly JobKey Key = new("incident-report-alerts", "courier-crm");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await alerts.AlertOverdueAsync(cancellationToken);
}
