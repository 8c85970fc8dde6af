using System.Diagnostics;
using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Tasks;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Segmentation.Service;

/// <summary>
/// Service-policy tasks after each classification run (issue 4 item 5, DOMAIN.md §3): for every
/// customer with an ABC class the policy covers, the <see cref="ServiceSchedule"/> says which visits,
/// leader visits, inquiry letters and upgrade reviews are due or overdue as of the run's day; each
/// one without an open task of its kind for the customer becomes a task for the owner.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Last done = the latest closed task of the kind for the customer. A cancelled one counts too:
/// cancelling skips that round, and the next falls due an interval after the cancellation (otherwise
/// the same overdue task would come back every night).</item>
/// <item>Classified since = the day the customer entered its ABC class (current classes).</item>
/// <item>Idempotent: the task's source key "service:&lt;task&gt;:&lt;customer&gt;:&lt;due day&gt;" is
/// unique, and a key that exists is never created again.</item>
/// <item>Written in batches of one EF SaveChanges each: the first run over 100,000 customers creates
/// tens of thousands of tasks.</item>
/// </list>
/// </remarks>
public sealed class ServiceTaskGenerator(
    IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock, ServicePolicyOptions options, ILogger<ServiceTaskGenerator> logger) : IClassificationFollowUp
{
    public const string CreatedBy = "service-policy";
    private const int Batch = 2000;
    private static readonly StaffTaskKind[] ServiceKinds = Enum.GetValues<ServiceTask>().Select(TaskRules.KindOf).ToArray();

    public string Name => "service-tasks";

    public async Task AfterRunAsync(ClassificationRunSummary run, CancellationToken ct) => await GenerateAsync(run.AsOf, ct);

    /// <summary>Creates the tasks due as of <paramref name="asOf"/>; answers how many.</summary>
    public async Task<int> GenerateAsync(DateOnly asOf, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var policy = options.Policy;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var classes = await db.CustomerClassifications.AsNoTracking().Where(c => c.Abc != null)
            .Select(c => new { c.CustomerId, c.Abc, c.RfmR, c.RfmF, c.RfmM, c.AbcSince }).ToListAsync(ct);
        var closed = await db.StaffTasks.AsNoTracking()
            .Where(t => t.Status != StaffTaskStatus.Open && t.CustomerId != null && ServiceKinds.Contains(t.Kind))
            .GroupBy(t => new { t.CustomerId, t.Kind })
            .Select(g => new { g.Key.CustomerId, g.Key.Kind, Last = g.Max(t => t.ClosedAt) })
            .ToListAsync(ct);
        var lastDone = closed.Where(c => c.Last != null).GroupBy(c => c.CustomerId!.Value).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<ServiceTask, DateOnly>)g.ToDictionary(c => Enum.Parse<ServiceTask>(c.Kind.ToString()), c => ChinaDay(c.Last!.Value)));
        var open = (await db.StaffTasks.AsNoTracking()
            .Where(t => t.Status == StaffTaskStatus.Open && t.CustomerId != null && ServiceKinds.Contains(t.Kind))
            .Select(t => new { t.CustomerId, t.Kind }).ToListAsync(ct))
            .Select(t => (t.CustomerId!.Value, t.Kind)).ToHashSet();
        var read = watch.Elapsed;

        var none = new Dictionary<ServiceTask, DateOnly>();
        var owed = new List<(int CustomerId, AbcClass Abc, ServiceDue Due)>();
        foreach (var c in classes)
        {
            var rfm = c.RfmR is { } r && c.RfmF is { } f && c.RfmM is { } m ? new RfmScore(r, f, m) : null;
            var done = lastDone.TryGetValue(c.CustomerId, out var d) ? d : none;
            foreach (var due in ServiceSchedule.For(c.Abc, rfm, c.AbcSince ?? asOf, done, asOf, policy))
                if (due.State != ServiceDueState.Upcoming && !open.Contains((c.CustomerId, TaskRules.KindOf(due.Task))))
                    owed.Add((c.CustomerId, c.Abc!.Value, due));
        }
        var schedule = watch.Elapsed;

        var created = 0;
        foreach (var chunk in owed.Chunk(Batch))
            created += await StoreAsync(db, policy, chunk, ct);
        logger.LogInformation("Service tasks as of {AsOf}: {Owed} owed, {Created} created; read {Read} ms, schedule {Schedule} ms, total {Total} ms",
            asOf, owed.Count, created, (int)read.TotalMilliseconds, (int)(schedule - read).TotalMilliseconds, (int)watch.Elapsed.TotalMilliseconds);
        return created;
    }

    private async Task<int> StoreAsync(CrmDbContext db, ServicePolicy policy, IReadOnlyList<(int CustomerId, AbcClass Abc, ServiceDue Due)> owed, CancellationToken ct)
    {
        var keys = owed.Select(o => TaskRules.ServiceSourceKey(o.Due.Task, o.CustomerId, o.Due.DueOn)).ToList();
        var existing = (await db.StaffTasks.AsNoTracking().Where(t => keys.Contains(t.SourceKey!)).Select(t => t.SourceKey!).ToListAsync(ct)).ToHashSet();
        var ids = owed.Select(o => o.CustomerId).Distinct().ToList();
        var owners = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, OwnerId = db.Users.Where(u => u.Id == c.OwnerId && u.IsActive).Select(u => (int?)u.Id).FirstOrDefault() })
            .ToDictionaryAsync(c => c.Id, c => c.OwnerId, ct);
        var now = clock.GetUtcNow();
        var tasks = owed.Select((o, i) => (o, Key: keys[i])).Where(x => !existing.Contains(x.Key)).Select(x =>
        {
            var rule = policy.Rules.First(r => r.Class == x.o.Abc && r.Task == x.o.Due.Task);
            return new StaffTask
            {
                Kind = TaskRules.KindOf(x.o.Due.Task), CustomerId = x.o.CustomerId, AssigneeId = owners.GetValueOrDefault(x.o.CustomerId),
                Title = ServiceTexts.Title(x.o.Due.Task), Detail = ServiceTexts.Detail(rule), DueOn = x.o.Due.DueOn,
                Status = StaffTaskStatus.Open, CreatedAt = now, CreatedBy = CreatedBy, SourceKey = x.Key,
            };
        }).ToList();
        db.StaffTasks.AddRange(tasks);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return tasks.Count;
    }

    private static DateOnly ChinaDay(DateTimeOffset at) => DateOnly.FromDateTime(CompanyTime.Local(at).DateTime);
}

/// <summary>Stored words of service tasks, in both languages (stored text is read in either).</summary>
public static class ServiceTexts
{
    public static string Title(ServiceTask task) => task switch
    {
        ServiceTask.Visit => "客户拜访 / Customer visit",
        ServiceTask.LeaderVisit => "领导拜访 / Leader visit",
        ServiceTask.InquiryLetter => "征询意见函 / Inquiry letter",
        _ => "升级评估 / Upgrade review",
    };

    public static string Detail(ServiceRule rule) => rule.PromisingOnly
        ? $"{rule.Class} 类潜力客户服务政策：每 {rule.EveryDays} 天 / Service policy for promising class {rule.Class}: every {rule.EveryDays} days"
        : $"{rule.Class} 类客户服务政策：每 {rule.EveryDays} 天 / Service policy for class {rule.Class}: every {rule.EveryDays} days";
}
