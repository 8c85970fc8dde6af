using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Notifications;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Complaints;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Notifications;

/// <summary>
/// The service-level escalation (issue 5 item 3), run every minute: an open complaint whose resolution clock
/// reached Warning tells its handler; one that Breached tells the handler, the managers of the handling
/// outlet's region and the first-contact owner; a first response not given in time likewise. Each notice is
/// raised once per user and event (DedupKey "complaint:{id}:warning" / ":breach" / ":first-response-breach"),
/// however often the check runs and on however many nodes; the e-mail follows through <see cref="StaffNoticeMailer"/>.
/// </summary>
public sealed class ComplaintEscalations(IDbContextFactory<CrmDbContext> dbFactory, ComplaintClocks clocks, TimeProvider clock, ILogger<ComplaintEscalations> logger)
{
    private static readonly ComplaintStage[] Open = Enum.GetValues<ComplaintStage>()
        .Where(s => s is not (ComplaintStage.Closed or ComplaintStage.Declined)).ToArray();

    public enum Event { Warning, Breach, FirstResponseBreach }

    public static string DedupKey(int complaintId, Event e) => e switch
    {
        Event.Warning => $"complaint:{complaintId}:warning",
        Event.Breach => $"complaint:{complaintId}:breach",
        _ => $"complaint:{complaintId}:first-response-breach",
    };

    /// <summary>Raises the notices due now; answers how many were raised.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The stored deadlines were computed at the last step; they find the candidates on the (Stage, …) index,
        // and the clock is read afresh below (pauses, business hours) before anyone is told. A complaint without
        // stored deadlines (imported, or written before they were kept) is read too rather than never escalated.
        var candidates = await db.Complaints.AsNoTracking()
            .Where(c => Open.Contains(c.Stage) && !c.WaitingForCustomer
                && (c.ResolutionDueAt == null || c.ResolutionDueAt <= now || c.ResolutionWarnAt <= now
                    || (c.FirstRespondedAt == null && c.FirstResponseDueAt <= now)))
            .OrderBy(c => c.Id).ToListAsync(ct);
        var raised = 0;
        foreach (var complaint in candidates)
            raised += await EscalateAsync(complaint, now, ct);
        return raised;
    }

    private async Task<int> EscalateAsync(Complaint complaint, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pauses = await db.ComplaintPauses.Where(p => p.ComplaintId == complaint.Id).Select(p => new ClockPause(p.From, p.To)).ToListAsync(ct);
        var resolution = clocks.Resolution(complaint, pauses, now).State;
        var events = new List<Event>();
        if (resolution == ServiceLevelState.Warning) events.Add(Event.Warning);
        if (resolution == ServiceLevelState.Breached) events.Add(Event.Breach);
        if (clocks.FirstResponse(complaint, now).State == ServiceLevelState.Breached) events.Add(Event.FirstResponseBreach);
        if (events.Count == 0) return 0;

        var keys = events.Select(e => DedupKey(complaint.Id, e)).ToList();
        var told = (await db.StaffNotifications.Where(n => n.DedupKey != null && keys.Contains(n.DedupKey))
            .Select(n => new { n.UserId, n.DedupKey }).ToListAsync(ct)).Select(n => (n.UserId, n.DedupKey!)).ToHashSet();
        var managers = events.Any(e => e != Event.Warning) ? await ManagersAsync(db, complaint, ct) : [];
        var added = 0;
        foreach (var e in events)
        {
            var key = DedupKey(complaint.Id, e);
            foreach (var userId in Recipients(complaint, e, managers).Where(u => !told.Contains((u, key))))
            {
                db.StaffNotifications.Add(Notice(complaint, e, userId, key, now));
                added++;
            }
        }
        if (added == 0) return 0;
        try
        {
            await db.SaveChangesAsync(ct);
            return added;
        }
        catch (DbUpdateException e)
        {
            // Another node raised the same notice a moment earlier: the unique (UserId, DedupKey) kept it to one.
            logger.LogInformation(e, "Escalation notices for complaint {Id} were raised meanwhile elsewhere", complaint.Id);
            return 0;
        }
    }

    private static IEnumerable<int> Recipients(Complaint complaint, Event e, IReadOnlyList<int> managers)
    {
        // Before assignment nobody handles it yet: the warning goes to the person who took it.
        var handler = complaint.HandlerId ?? complaint.FirstContactOwnerId;
        if (e == Event.Warning) return [handler];
        return new[] { handler, complaint.FirstContactOwnerId }.Concat(managers).Distinct();
    }

    /// <summary>Active managers of the handling outlet's region (the outlet of recording until it is assigned).</summary>
    private static async Task<List<int>> ManagersAsync(CrmDbContext db, Complaint complaint, CancellationToken ct)
    {
        var outletId = complaint.HandlingOutletId ?? complaint.OutletId;
        var regionId = await db.Outlets.Where(o => o.Id == outletId).Select(o => (int?)o.RegionId).SingleOrDefaultAsync(ct) ?? complaint.RegionId;
        return await (from u in db.Users
                      join o in db.Outlets on u.OutletId equals o.Id
                      where u.IsActive && u.Role == StaffRole.Manager && o.RegionId == regionId
                      select u.Id).ToListAsync(ct);
    }

    private static StaffNotification Notice(Complaint complaint, Event e, int userId, string key, DateTimeOffset now) => new()
    {
        UserId = userId, At = now, Link = $"/complaints/{complaint.Id}", DedupKey = key, EmailQueued = false,
        Title = e switch
        {
            Event.Warning => $"投诉 {complaint.Number} 即将超时 / Complaint {complaint.Number} is nearly overdue",
            Event.Breach => $"投诉 {complaint.Number} 已超时 / Complaint {complaint.Number} is overdue",
            _ => $"投诉 {complaint.Number} 首次响应超时 / Complaint {complaint.Number}: first response overdue",
        },
        Body = complaint.Description.Length > 200 ? complaint.Description[..200] : complaint.Description,
    };
}
