using System.Diagnostics;
using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Tasks;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Segmentation.Churn;

/// <summary>
/// Churn early warning after each classification run (issue 4 item 4): reads what
/// <see cref="ChurnWarnings.For"/> needs — ABC class and last shipment from the current classes,
/// monthly volumes from one aggregate (<see cref="ChurnVolumeQuery"/>), departed owners — and stores
/// each new warning with a follow-up task for the customer's owner and an entry on its timeline.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>At most one unresolved warning per customer and signal (the unique filtered index says so
/// too): a signal that still holds on the next run raises nothing new.</item>
/// <item>A warning whose signal no longer holds stays as it is: a person resolves it (the list shows
/// "signal cleared" where the current data says so). Closing it automatically would hide that the
/// customer was at risk before anyone had talked to them.</item>
/// <item>After a resolution the same signal is quiet for <see cref="ChurnOptions.QuietDaysAfterResolution"/> days.</item>
/// <item>The task goes to the owner; to nobody when the owner left or there is none (a manager assigns it).</item>
/// </list>
/// </remarks>
public sealed class ChurnWarningRaiser(
    IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock, ChurnOptions options, ILogger<ChurnWarningRaiser> logger) : IClassificationFollowUp
{
    public const string CreatedBy = "churn-warning";
    private const int Batch = 1000;

    public string Name => "churn-warnings";

    public async Task AfterRunAsync(ClassificationRunSummary run, CancellationToken ct) => await RaiseAsync(run.Id, run.AsOf, ct);

    /// <summary>Raises the warnings as of <paramref name="asOf"/>; answers how many new ones were stored.</summary>
    public async Task<int> RaiseAsync(long? runId, DateOnly asOf, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var policy = options.Policy;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var classes = await db.CustomerClassifications.AsNoTracking().Where(c => c.Abc != null)
            .Select(c => new { c.CustomerId, c.Abc, c.LastShipment }).ToListAsync(ct);
        var volumes = await ChurnVolumeQuery.ReadAsync(db, asOf, policy.BaselineMonths + policy.RecentMonths, policy.LowestWatchedClass, ct);
        var departed = (await db.Customers.AsNoTracking().Where(c => c.OwnerId != null)
            .Join(db.Users.Where(u => !u.IsActive), c => c.OwnerId, u => u.Id, (c, u) => c.Id).ToListAsync(ct)).ToHashSet();

        var classified = classes.Select(c => c.CustomerId).ToHashSet();
        var watches = classes.Select(c => new ChurnWatch(c.CustomerId, c.Abc,
                volumes.TryGetValue(c.CustomerId, out var months) ? months : [], c.LastShipment, departed.Contains(c.CustomerId)))
            .Concat(departed.Where(id => !classified.Contains(id)).Select(id => new ChurnWatch(id, null, [], null, true)));
        var found = ChurnWarnings.For(watches, asOf, policy);
        var read = watch.Elapsed;

        var today = Today(asOf);
        var quietSince = CustomerActivityQuery.StartOf(today.AddDays(-options.QuietDaysAfterResolution + 1)).ToUniversalTime();
        var standing = (await db.ChurnWarnings.AsNoTracking()
            .Where(w => w.State != ChurnWarningState.Resolved || w.ResolvedAt >= quietSince)
            .Select(w => new { w.CustomerId, w.Signal }).ToListAsync(ct))
            .Select(w => (w.CustomerId, w.Signal)).ToHashSet();
        var fresh = found.Where(w => !standing.Contains((w.CustomerId, w.Signal))).ToList();

        var stored = 0;
        foreach (var chunk in fresh.Chunk(Batch))
            stored += await StoreAsync(db, runId, today, chunk, ct);
        logger.LogInformation("Churn warnings as of {AsOf}: {Found} signals, {New} new; read {Read} ms, total {Total} ms",
            asOf, found.Count, stored, (int)read.TotalMilliseconds, (int)watch.Elapsed.TotalMilliseconds);
        return stored;
    }

    /// <summary>The day warnings are raised on: today in China, or the run's day when that is later (a run ahead of time in tests).</summary>
    private DateOnly Today(DateOnly asOf)
    {
        var today = DateOnly.FromDateTime(CompanyTime.Local(clock.GetUtcNow()).DateTime);
        return asOf > today ? asOf : today;
    }

    /// <summary>One batch: its tasks first (their ids go on the warnings), then the warnings and timeline entries, in one transaction.</summary>
    private async Task<int> StoreAsync(CrmDbContext db, long? runId, DateOnly today, IReadOnlyList<ChurnWarning> found, CancellationToken ct)
    {
        // A signal raised and resolved earlier the same day keeps its task's key: not raised twice in a day.
        var keys = found.Select(w => SourceKey(w, today)).ToList();
        var existing = (await db.StaffTasks.AsNoTracking().Where(t => keys.Contains(t.SourceKey!)).Select(t => t.SourceKey!).ToListAsync(ct)).ToHashSet();
        var warnings = found.Where(w => !existing.Contains(SourceKey(w, today))).ToList();
        if (warnings.Count == 0) return 0;
        var ids = warnings.Select(w => w.CustomerId).Distinct().ToList();
        var owners = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, OwnerId = db.Users.Where(u => u.Id == c.OwnerId && u.IsActive).Select(u => (int?)u.Id).FirstOrDefault() })
            .ToDictionaryAsync(c => c.Id, c => c.OwnerId, ct);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tasks = warnings.Select(w => new StaffTask
        {
            Kind = StaffTaskKind.ChurnFollowUp, CustomerId = w.CustomerId, AssigneeId = owners.GetValueOrDefault(w.CustomerId),
            Title = ChurnTimeline.TaskTitle(w), Detail = ChurnTimeline.Describe(w), DueOn = today.AddDays(options.TaskDueDays),
            Status = StaffTaskStatus.Open, CreatedAt = now, CreatedBy = CreatedBy,
            SourceKey = SourceKey(w, today),
        }).ToList();
        db.StaffTasks.AddRange(tasks);
        await db.SaveChangesAsync(ct);
        db.ChurnWarnings.AddRange(warnings.Select((w, i) => new ChurnWarningRow
        {
            CustomerId = w.CustomerId, Signal = w.Signal, BaselineMonthly = Round(w.BaselineMonthly), RecentMonthly = Round(w.RecentMonthly),
            DropShare = Round(w.DropShare, 4), SilentDays = w.SilentDays, RaisedOn = today, RaisedAt = now, RunId = runId,
            State = ChurnWarningState.Open, TaskId = tasks[i].Id,
        }));
        db.CustomerEvents.AddRange(warnings.Select(w => new CustomerEvent
        {
            CustomerId = w.CustomerId, At = now, Kind = ChurnTimeline.Kind, Title = ChurnTimeline.Title,
            Detail = ChurnTimeline.Describe(w), ActorName = CreatedBy,
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return warnings.Count;
    }

    private static string SourceKey(ChurnWarning w, DateOnly day) => $"churn:{w.Signal}:{w.CustomerId}:{day:yyyy-MM-dd}";

    private static decimal? Round(decimal? value, int decimals = 2) => value is { } v ? Math.Round(v, decimals) : null;
}
