using System.Diagnostics;
using System.Text.Json;
using CourierCrm.Domain.Classification;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Localization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using DomainRun = CourierCrm.Domain.Classification.ClassificationRun;

namespace CourierCrm.Web.Segmentation;

/// <summary>Settings of the classification run (configuration section "Classification").</summary>
public sealed class ClassificationOptions
{
    public const string Section = "Classification";
    /// <summary>Quartz cron of the nightly run, China time: 02:30 every day by default.</summary>
    public string NightlyCron { get; set; } = "0 30 2 * * ?";
    /// <summary>Months of waybill revenue a run looks at (DOMAIN.md §3: the last 12 months).</summary>
    public int PeriodMonths { get; set; } = 12;

    public ClassificationPolicy Policy => ClassificationPolicy.Default with { PeriodMonths = PeriodMonths };
}

/// <summary>What a run did, with where its time went (the benchmark prints it).</summary>
public sealed record ClassificationRunSummary(
    long Id, DateOnly AsOf, DateOnly PeriodFrom, DateOnly PeriodTo, int CustomerCount,
    int AbcA, int AbcB, int AbcC, int ChangeCount, string TriggeredBy,
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt, ClassificationTimings Timings);

public sealed record ClassificationTimings(TimeSpan Aggregate, TimeSpan Classify, TimeSpan Compare, TimeSpan Store);

/// <summary>
/// Runs the classification (DOMAIN.md §3): the activity of every customer from one aggregate over the
/// waybills, the domain's rules, the changes against the latest run, and all of it stored in one
/// transaction with the changes on each customer's 360 timeline and the archive's lifecycle updated.
/// Running again on the same day over the same waybills stores a run with no changes.
/// </summary>
public sealed class ClassificationRunner(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock, ClassificationOptions options)
{
    public const string Nightly = "nightly";

    // One run at a time on this node (the runner is a singleton): two overlapping runs would both
    // compare against the same previous run and record its changes twice. Across nodes SQLite's write
    // transaction or PostgreSQL's advisory lock orders them.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    // The classes this runner last stored: the next run compares with them without reading 100,000 rows back.
    private (long RunId, IReadOnlyList<CustomerClassification> Classes)? _latest;

    /// <summary>PostgreSQL advisory lock held by a run's transaction ("CLAS" in ASCII).</summary>
    private const long RunLockKey = 0x434C4153;

    /// <summary>Today in China: the day an on-demand run classifies up to.</summary>
    public DateOnly Today => DateOnly.FromDateTime(CompanyTime.Local(clock.GetUtcNow()).DateTime);

    public async Task<ClassificationRunSummary> RunAsync(DateOnly asOf, string triggeredBy, int? actorId, CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            return await RunExclusiveAsync(asOf, triggeredBy, actorId, ct);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<ClassificationRunSummary> RunExclusiveAsync(DateOnly asOf, string triggeredBy, int? actorId, CancellationToken ct)
    {
        var startedAt = clock.GetUtcNow();
        var policy = options.Policy;
        var period = ClassificationPeriod.Ending(asOf, policy.PeriodMonths);
        var watch = Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        if (db.IsSqlite)
        {
            await using var pragma = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
            pragma.CommandText = "PRAGMA temp_store = MEMORY";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        // Read and write in one transaction that excludes other runs: SQLite's immediate (write)
        // transaction, PostgreSQL's advisory lock. Read committed there on purpose: a run that waited
        // for the lock must read the run committed meanwhile as its previous run (a repeatable-read
        // snapshot would be taken before the wait).
        await using var transaction = await db.Database.BeginTransactionAsync(
            db.IsSqlite ? System.Data.IsolationLevel.Serializable : System.Data.IsolationLevel.ReadCommitted, ct);

        if (!db.IsSqlite)
        {
            // SQLite's write transaction already excludes a second node; PostgreSQL needs the lock said out loud.
            await using var exclusive = db.Database.GetDbConnection().CreateCommand();
            exclusive.Transaction = transaction.GetDbTransaction();
            exclusive.CommandText = $"SELECT pg_advisory_xact_lock({RunLockKey})";
            await exclusive.ExecuteNonQueryAsync(ct);
        }

        var activity = await CustomerActivityQuery.ReadAsync(db, period, ct);
        var aggregate = watch.Elapsed;

        var result = DomainRun.Classify(activity, asOf, policy);
        var classify = watch.Elapsed;

        // The latest run's classes: kept from this runner's own last run when that is still the latest
        // (the nightly case), read back otherwise (another node ran, or this process is new).
        var latestId = await ClassificationStore.LatestRunIdAsync(db, ct);
        IReadOnlyList<CustomerClassification> previous = latestId is not { } id ? []
            : _latest is { } kept && kept.RunId == id ? kept.Classes
            : await ClassificationStore.ClassesOfRunAsync(db, id, ct);
        var changes = ClassChanges.Between(previous, result.Customers);
        var compare = watch.Elapsed;

        var finishedAt = clock.GetUtcNow();
        var run = new ClassificationRunRow
        {
            AsOf = asOf, PeriodFrom = period.From, PeriodTo = period.To,
            PolicyJson = JsonSerializer.Serialize(policy, JsonSerializerOptions.Web),
            StartedAt = startedAt, FinishedAt = finishedAt, CustomerCount = result.Customers.Count,
            AbcA = result.AbcMix.A, AbcB = result.AbcMix.B, AbcC = result.AbcMix.C,
            ChangeCount = changes.Count, TriggeredBy = Truncate(triggeredBy),
        };
        run.Id = await ClassificationStore.AddRunAsync(db, run, ct);
        var events = ClassChangeTimeline.EventsFor(changes, finishedAt, run.TriggeredBy, actorId).ToList();
        await ClassificationStore.WriteAsync(db, run.Id, result.Customers, changes, events, ct);
        await ClassificationStore.UpdateLifecycleAsync(db, run.Id, ct);
        await transaction.CommitAsync(ct);
        _latest = (run.Id, result.Customers);
        var store = watch.Elapsed;

        return new(run.Id, run.AsOf, run.PeriodFrom, run.PeriodTo, run.CustomerCount, run.AbcA, run.AbcB, run.AbcC,
            run.ChangeCount, run.TriggeredBy, startedAt, finishedAt,
            new(aggregate, classify - aggregate, compare - classify, store - compare));
    }

    private static string Truncate(string text) => text.Length > FieldLimits.PersonName ? text[..FieldLimits.PersonName] : text;
}
