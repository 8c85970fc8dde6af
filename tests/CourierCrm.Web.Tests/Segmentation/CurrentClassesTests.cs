using CourierCrm.Domain.Classification;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Segmentation;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CourierCrm.Web.Tests.Segmentation.ClassificationArrange;

namespace CourierCrm.Web.Tests.Segmentation;

/// <summary>
/// The current-classes table: one row per customer, rewritten only where a run finds something
/// different; the day a customer entered its ABC class; the predicted lifetime value; customers
/// removed from the archive; and the follow-ups after a run.
/// </summary>
public abstract class CurrentClassesTests(CrmWebFactory factory)
{
    [Fact]
    public async Task A_run_rewrites_only_the_rows_that_differ()
    {
        var small = await CustomerOfAsync(factory, "rep.sz1");
        var big = await CustomerOfAsync(factory, "rep.sz1");
        await WaybillsAsync(factory, small, ("2051-05-10 10:00", 10_000));
        await WaybillsAsync(factory, big, ("2051-05-11 10:00", 45_000), ("2051-05-12 10:00", 45_000));
        var day = new DateOnly(2051, 6, 30);
        await RunAsync(factory, day);

        // One more waybill in a month the big customer already shipped in: it was ahead on every
        // figure and stays ahead, so no class, score or quadrant moves; only its own figures change.
        await WaybillsAsync(factory, big, ("2051-05-20 10:00", 5_000));
        var second = await RunAsync(factory, day);

        await using var db = factory.NewDb();
        Assert.Equal([big], await db.CustomerClassifications.Where(c => c.RunId == second.Id).Select(c => c.CustomerId).ToListAsync());
        Assert.Equal(1, second.RowsWritten);
        Assert.Equal(95_000, (await ClassesAsync(factory, big)).RevenueFen);
    }

    [Fact]
    public async Task A_row_gone_from_the_table_behind_the_runner_is_written_again_when_its_figures_move()
    {
        var small = await CustomerOfAsync(factory, "rep.sz1");
        var big = await CustomerOfAsync(factory, "rep.sz1");
        await WaybillsAsync(factory, small, ("2054-05-10 10:00", 10_000));
        await WaybillsAsync(factory, big, ("2054-05-11 10:00", 45_000), ("2054-05-12 10:00", 45_000));
        var day = new DateOnly(2054, 6, 30);
        await RunAsync(factory, day);
        await using (var db = factory.NewDb())
            await db.CustomerClassifications.Where(c => c.CustomerId == big).ExecuteDeleteAsync();

        // The runner compares with its own copy of the classes, which still has the row: only the
        // figures moved, and the update of the figures finds no row to update.
        await WaybillsAsync(factory, big, ("2054-05-20 10:00", 5_000));
        var second = await RunAsync(factory, day);

        var stored = await ClassesAsync(factory, big);
        Assert.Equal((second.Id, 95_000L, AbcClass.A), (stored.RunId, stored.RevenueFen, stored.Abc));
    }

    [Fact]
    public async Task A_customer_keeps_its_abc_since_day_while_its_class_stays_and_gets_the_run_day_when_it_moves()
    {
        var small = await CustomerOfAsync(factory, "rep.sz1");
        var big = await CustomerOfAsync(factory, "rep.sz1");
        await WaybillsAsync(factory, small, ("2053-05-10 10:00", 10_000));
        await WaybillsAsync(factory, big, ("2053-05-11 10:00", 90_000));
        var first = new DateOnly(2053, 6, 28);
        await RunAsync(factory, first);
        Assert.Equal((AbcClass.B, first), await AbcAsync(small));

        await RunAsync(factory, first.AddDays(1));
        Assert.Equal((AbcClass.B, first), await AbcAsync(small));

        await WaybillsAsync(factory, small, ("2053-06-29 10:00", 300_000));
        var moved = first.AddDays(2);
        await RunAsync(factory, moved);
        Assert.Equal((AbcClass.A, moved), await AbcAsync(small));
    }

    [Fact]
    public async Task Each_customer_gets_a_predicted_lifetime_value_from_the_dwyer_model_that_ranks_by_revenue()
    {
        var small = await CustomerOfAsync(factory, "rep.sz1");
        var big = await CustomerOfAsync(factory, "rep.sz1");
        await WaybillsAsync(factory, small, ("2055-05-10 10:00", 12_345));
        await WaybillsAsync(factory, big, ("2055-05-11 10:00", 987_654));

        await RunAsync(factory, new DateOnly(2055, 6, 30));

        var options = factory.Services.GetRequiredService<ClassificationOptions>();
        long Expected(long revenueFen) => (long)Math.Round(
            LifetimeValue.PredictPerCustomer(revenueFen / 100m * 12 / options.PeriodMonths, options.LifetimeValue.Model()) * 100, MidpointRounding.AwayFromZero);
        Assert.Equal(Expected(12_345), (await ClassesAsync(factory, small)).PredictedValueFen);
        Assert.Equal(Expected(987_654), (await ClassesAsync(factory, big)).PredictedValueFen);
        await using var db = factory.NewDb();
        var ranked = await db.CustomerClassifications.Where(c => c.CustomerId == small || c.CustomerId == big)
            .OrderByDescending(c => c.PredictedValueFen).Select(c => c.CustomerId).ToListAsync();
        Assert.Equal([big, small], ranked);
    }

    [Fact]
    public async Task A_deleted_customer_loses_its_row_and_the_next_run_records_nothing_for_it()
    {
        var leaving = await CustomerOfAsync(factory, "rep.sz1");
        await WaybillsAsync(factory, leaving, ("2057-05-10 10:00", 10_000));
        var runner = NewRunner(factory);
        var day = new DateOnly(2057, 6, 30);
        await runner.RunAsync(day, "test", null, CancellationToken.None);

        await using (var db = factory.NewDb())
        {
            await db.Waybills.Where(w => w.CustomerId == leaving).ExecuteDeleteAsync();
        }
        var deleted = await factory.WithScopeAsync<CustomerCommands, CourierCrm.Web.Platform.CommandResult<int>>(
            async commands => await commands.DeleteAsync(await factory.ViewerAsync("admin"), leaving, CancellationToken.None));
        Assert.True(deleted.Succeeded);

        // The same runner still holds the departed customer among the classes it stored last time.
        var next = await runner.RunAsync(day, "test", null, CancellationToken.None);

        await using var after = factory.NewDb();
        Assert.False(await after.CustomerClassifications.AnyAsync(c => c.CustomerId == leaving));
        Assert.False(await after.ClassChanges.AnyAsync(c => c.RunId == next.Id && c.CustomerId == leaving));
    }

    [Fact]
    public async Task Follow_ups_run_in_order_after_the_run_and_a_failing_one_neither_undoes_it_nor_stops_the_next()
    {
        var calls = new List<string>();
        var logger = new ListLogger();
        var runner = NewRunner(factory, [new Failing(calls), new Recording(calls)], logger);

        var run = await runner.RunAsync(new DateOnly(2059, 6, 30), "test", null, CancellationToken.None);

        Assert.Equal(["failing", $"recording {run.Id}"], calls);
        await using var db = factory.NewDb();
        Assert.True(await db.ClassificationRuns.AnyAsync(r => r.Id == run.Id));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("failing", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("recording", StringComparison.Ordinal));
    }

    private async Task<(AbcClass?, DateOnly?)> AbcAsync(int customerId)
    {
        var row = await ClassesAsync(factory, customerId);
        return (row.Abc, row.AbcSince);
    }

    private sealed class Failing(List<string> calls) : IClassificationFollowUp
    {
        public string Name => "failing";

        public Task AfterRunAsync(ClassificationRunSummary run, CancellationToken ct)
        {
            calls.Add(Name);
            throw new InvalidOperationException("a follow-up that breaks");
        }
    }

    private sealed class Recording(List<string> calls) : IClassificationFollowUp
    {
        public string Name => "recording";

        public Task AfterRunAsync(ClassificationRunSummary run, CancellationToken ct)
        {
            calls.Add($"{Name} {run.Id}");
            return Task.CompletedTask;
        }
    }

    private sealed class ListLogger : ILogger<ClassificationRunner>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCurrentClassesTests(SqliteCrmWebFactory factory) : CurrentClassesTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCurrentClassesTests(PostgresCrmWebFactory factory) : CurrentClassesTests(factory);
