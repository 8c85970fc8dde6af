using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using CourierCrm.Domain.Classification;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using DomainRun = CourierCrm.Domain.Classification.ClassificationRun;

namespace CourierCrm.Web.Segmentation;

/// <summary>What a run did, with where its time went (the benchmark prints it).</summary>
public sealed record ClassificationRunSummary(
    long Id, DateOnly AsOf, DateOnly PeriodFrom, DateOnly PeriodTo, int CustomerCount,
    int AbcA, int AbcB, int AbcC, int ChangeCount, string TriggeredBy,
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt, ClassificationTimings Timings)
{
    /// <summary>Rows of the current-classes table the run wrote: only those that differed (0 when nothing moved).</summary>
    public int RowsWritten { get; init; }
}

public sealed record ClassificationTimings(TimeSpan Aggregate, TimeSpan Classify, TimeSpan Compare, TimeSpan Store)
{
    /// <summary>All follow-ups together, after the commit.</summary>
    public TimeSpan FollowUps { get; init; }
}

/// <summary>The steps of a run, in order, for progress reports.</summary>
public enum ClassificationStep { Aggregate, Classify, Compare, Store, FollowUps }

/// <summary>Optional ways in to a run: progress per step, and work that must commit with the run (a job's checkpoint).</summary>
public sealed class ClassificationRunHooks
{
    /// <summary>
    /// Called as each step starts, with the number of customers (0 until the aggregate has read them).
    /// Never called while the run holds its write transaction, so it may write to the database.
    /// </summary>
    public Func<ClassificationStep, int, CancellationToken, Task>? StepStarting { get; init; }

    /// <summary>Called inside the run's transaction just before it commits, with the new run's id.</summary>
    public Func<DbConnection, DbTransaction, long, CancellationToken, Task>? BeforeCommit { get; init; }
}

/// <summary>
/// Runs the classification (DOMAIN.md §3): the activity of every customer from one aggregate over the
/// waybills, the domain's rules, the comparison with each customer's current classes, and then in
/// one transaction the run, the current-class rows that differ, the changes on each customer's 360
/// timeline and the archive's lifecycle. Then every <see cref="IClassificationFollowUp"/>.
/// Running again on the same day over the same waybills writes a run with no changes and no rows.
/// </summary>
public sealed class ClassificationRunner(
    IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock, ClassificationOptions options,
    IServiceScopeFactory scopes, ILogger<ClassificationRunner> logger)
{
    public const string Nightly = "nightly";

    // One run at a time on this node (the runner is a singleton): two overlapping runs would both
    // compare against the same current classes and record the same changes twice. Across processes
    // the write transaction (SQLite) or the advisory lock (PostgreSQL) orders the stores, and a run
    // that finds another one committed meanwhile compares again.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    // The current classes as this runner last stored them: while its run is still the latest, the
    // next run compares with them instead of reading 100,000 rows back.
    private (long RunId, List<CustomerClassificationRow> Rows)? _latest;

    private readonly PredictedValue _value = new(options.LifetimeValue, options.PeriodMonths);

    /// <summary>The aggregate runs in this many parts at once: one per core, at most four (<see cref="CustomerActivityQuery"/>).</summary>
    private static readonly int AggregateParts = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>PostgreSQL advisory lock held by a run's transaction ("CLAS" in ASCII).</summary>
    private const long RunLockKey = 0x434C4153;

    /// <summary>Today in China: the day an on-demand run classifies up to.</summary>
    public DateOnly Today => DateOnly.FromDateTime(CompanyTime.Local(clock.GetUtcNow()).DateTime);

    public Task<ClassificationRunSummary> RunAsync(DateOnly asOf, string triggeredBy, int? actorId, CancellationToken ct) =>
        RunAsync(asOf, triggeredBy, actorId, null, ct);

    public async Task<ClassificationRunSummary> RunAsync(DateOnly asOf, string triggeredBy, int? actorId, ClassificationRunHooks? hooks, CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            var summary = await RunExclusiveAsync(asOf, triggeredBy, actorId, hooks, ct);
            await Step(hooks, ClassificationStep.FollowUps, summary.CustomerCount, ct);
            var followUps = await FollowUpsAsync(summary, ct);
            return summary with { Timings = summary.Timings with { FollowUps = followUps } };
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<ClassificationRunSummary> RunExclusiveAsync(DateOnly asOf, string triggeredBy, int? actorId, ClassificationRunHooks? hooks, CancellationToken ct)
    {
        var startedAt = clock.GetUtcNow();
        var policy = options.Policy;
        var period = ClassificationPeriod.Ending(asOf, policy.PeriodMonths);
        var watch = Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);

        // Reading, classifying and comparing happen outside the write transaction: on SQLite a write
        // transaction stops every other writer (people saving customers, the job's own progress) for
        // as long as it lasts, and these steps are most of the run. The transaction then checks that
        // no run committed meanwhile (another process), and compares again if one did.
        await Step(hooks, ClassificationStep.Aggregate, 0, ct);
        var activity = await CustomerActivityQuery.ReadAsync(dbFactory, period, AggregateParts, ct);
        var aggregate = watch.Elapsed;

        await Step(hooks, ClassificationStep.Classify, activity.Count, ct);
        var result = DomainRun.Classify(activity, asOf, policy);
        var fresh = CurrentClasses.Rows(activity, result, _value);
        var classify = watch.Elapsed;

        await Step(hooks, ClassificationStep.Compare, activity.Count, ct);
        var comparedWith = await ClassificationStore.LatestRunIdAsync(db, ct);
        var comparison = CurrentClasses.Compare(fresh, await CurrentAsync(db, comparedWith, ct), asOf);
        var compare = watch.Elapsed;

        await Step(hooks, ClassificationStep.Store, activity.Count, ct);
        // SQLite's immediate (write) transaction excludes other runs; PostgreSQL's advisory lock does
        // there. Read committed on PostgreSQL on purpose: after waiting for the lock the run must see
        // the run committed meanwhile (a repeatable-read snapshot would be taken before the wait).
        await using var transaction = await db.Database.BeginTransactionAsync(
            db.IsSqlite ? System.Data.IsolationLevel.Serializable : System.Data.IsolationLevel.ReadCommitted, ct);
        if (!db.IsSqlite)
        {
            await using var exclusive = db.Database.GetDbConnection().CreateCommand();
            exclusive.Transaction = transaction.GetDbTransaction();
            exclusive.CommandText = $"SELECT pg_advisory_xact_lock({RunLockKey})";
            await exclusive.ExecuteNonQueryAsync(ct);
        }
        if (await ClassificationStore.LatestRunIdAsync(db, ct) is var latest && latest != comparedWith)
        {
            logger.LogInformation("Classification run for {AsOf}: run {Latest} committed meanwhile; comparing with its classes", asOf, latest);
            comparison = CurrentClasses.Compare(CurrentClasses.Rows(activity, result, _value), await CurrentAsync(db, latest, ct), asOf);
        }

        var finishedAt = clock.GetUtcNow();
        var run = new ClassificationRunRow
        {
            AsOf = asOf, PeriodFrom = period.From, PeriodTo = period.To,
            PolicyJson = JsonSerializer.Serialize(policy, JsonSerializerOptions.Web),
            StartedAt = startedAt, FinishedAt = finishedAt, CustomerCount = result.Customers.Count,
            AbcA = result.AbcMix.A, AbcB = result.AbcMix.B, AbcC = result.AbcMix.C,
            ChangeCount = comparison.Changes.Count, TriggeredBy = Truncate(triggeredBy),
        };
        run.Id = await ClassificationStore.AddRunAsync(db, run, ct);
        var events = ClassChangeTimeline.EventsFor(comparison.Changes, finishedAt, run.TriggeredBy, actorId).ToList();
        await ClassificationStore.WriteAsync(db, run.Id, comparison.Differing, comparison.Changes, events, ct);
        await ClassificationStore.UpdateLifecycleAsync(db, run.Id, ct);
        if (hooks?.BeforeCommit is { } beforeCommit)
            await beforeCommit(db.Database.GetDbConnection(), transaction.GetDbTransaction(), run.Id, ct);
        await transaction.CommitAsync(ct);
        _latest = (run.Id, comparison.Current);
        var store = watch.Elapsed;

        return new(run.Id, run.AsOf, run.PeriodFrom, run.PeriodTo, run.CustomerCount, run.AbcA, run.AbcB, run.AbcC,
            run.ChangeCount, run.TriggeredBy, startedAt, finishedAt,
            new(aggregate, classify - aggregate, compare - classify, store - compare))
        {
            RowsWritten = comparison.Differing.Count,
        };
    }

    /// <summary>
    /// Every registered follow-up, in registration order, after the run has committed: each one's time
    /// is logged, and a failure is logged without undoing the run or stopping the others.
    /// </summary>
    private async Task<TimeSpan> FollowUpsAsync(ClassificationRunSummary summary, CancellationToken ct)
    {
        var all = Stopwatch.StartNew();
        // A scope per run: follow-ups may be registered as singletons or scoped services.
        await using var scope = scopes.CreateAsyncScope();
        foreach (var followUp in scope.ServiceProvider.GetServices<IClassificationFollowUp>())
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                await followUp.AfterRunAsync(summary, ct);
                logger.LogInformation("Classification run {RunId}: follow-up {FollowUp} took {Ms:0} ms",
                    summary.Id, followUp.Name, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Classification run {RunId}: follow-up {FollowUp} failed after {Ms:0} ms; the run stands and the other follow-ups go on",
                    summary.Id, followUp.Name, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        return all.Elapsed;
    }

    /// <summary>
    /// The current classes: this runner's own copy while its run is still the latest (the nightly
    /// case), else the table (another process ran, or this one is new).
    /// </summary>
    private async Task<IReadOnlyList<CustomerClassificationRow>> CurrentAsync(CrmDbContext db, long? latestRunId, CancellationToken ct) =>
        latestRunId is { } id && _latest is { } kept && kept.RunId == id ? kept.Rows : await ClassificationStore.CurrentAsync(db, ct);

    private static Task Step(ClassificationRunHooks? hooks, ClassificationStep step, int customers, CancellationToken ct) =>
        hooks?.StepStarting is { } report ? report(step, customers, ct) : Task.CompletedTask;

    private static string Truncate(string text) => text.Length > FieldLimits.PersonName ? text[..FieldLimits.PersonName] : text;
}
