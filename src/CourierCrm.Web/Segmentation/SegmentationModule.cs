using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Quartz;

namespace CourierCrm.Web.Segmentation;

/// <summary>Composition of customer classification: the runner, its nightly schedule and the /api/v1/classification endpoints.</summary>
public static class SegmentationModule
{
    public static IServiceCollection AddSegmentation(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ClassificationOptions.Section).Get<ClassificationOptions>() ?? new ClassificationOptions();
        if (!IsValidCron(options.NightlyCron))
            throw new InvalidOperationException($"Classification:NightlyCron \"{options.NightlyCron}\" is not a valid Quartz cron expression (e.g. \"0 30 2 * * ?\" for 02:30 every day).");
        if (ClassificationPolicyCheck(options) is { } problem)
            throw new InvalidOperationException(problem);
        services.AddSingleton(options);
        services.AddSingleton<ClassificationRunner>();
        services.AddScoped<ClassificationQueries>();
        // AddQuartz composes with the jobs platform's call (Platform/Jobs/JobsModule): one scheduler, one more job.
        services.AddQuartz(q =>
        {
            q.AddJob<NightlyClassification>(j => j.WithIdentity(NightlyClassification.Key));
            q.AddTrigger(t => t.ForJob(NightlyClassification.Key).WithIdentity("nightly-classification-trigger", "courier-crm")
                .WithCronSchedule(options.NightlyCron, c => c.InTimeZone(NightlyClassification.China)));
        });
        return services;
    }

    public static RouteGroupBuilder MapSegmentationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/classification").WithTags("Classification");

        group.MapPost("/runs", async (HttpContext http, ClassificationRunner runner, CancellationToken ct) =>
            {
                var viewer = http.User.RequireViewer();
                if (viewer.Role is not (StaffRole.Administrator or StaffRole.Manager))
                    return CommandResult<ClassificationRunSummary>.Forbidden("Only administrators and managers may start a classification run.").ToHttp(ToView);
                var summary = await runner.RunAsync(runner.Today, viewer.Name, viewer.UserId, ct);
                return CommandResult<ClassificationRunSummary>.Ok(summary).ToHttp(ToView);
            })
            .WithName("RunClassification")
            .WithSummary("Classify every customer now")
            .WithDescription("Runs the classification (ABC, value pyramid, key accounts, RFM, loyalty × value, lifecycle; DOMAIN.md §3) over every customer of the company for today (China time), with the last Classification:PeriodMonths months (default 12) of waybill revenue, and answers the stored run. Changes against the previous run are recorded and written on each customer's timeline; running again over the same waybills records no changes. The run happens inside the request: well under a second at the demo size (2,000 customers, 200,000 waybills), about 2 s at 100,000 customers and 1,000,000 waybills on SQLite (docs/benchmarks.md). Administrators and managers only (403 otherwise). The same run happens every night (Classification:NightlyCron, China time) for the previous day.")
            .Produces<ClassificationRunView>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/runs", async Task<Ok<Platform.Paging.PagedResult<ClassificationRunView>>> (int? page, int? pageSize, ClassificationQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.RunsAsync(page, pageSize, ct)))
            .WithName("ListClassificationRuns")
            .WithSummary("List classification runs, latest first")
            .WithDescription("Every stored run with its day, period, customer count, ABC mix (counts of A, B and C customers) and number of changes; paged (pageSize at most 200). These are company figures, the same for every role.");

        group.MapGet("/runs/{id:long}/changes", async (long id, string? movement, int? page, int? pageSize, HttpContext http, ClassificationQueries queries, CancellationToken ct) =>
                (await queries.ChangesAsync(http.User.RequireViewer(), id, movement, page, pageSize, ct)).ToHttp(x => x))
            .WithName("ListClassChanges")
            .WithSummary("Class changes a run found")
            .WithDescription("The class changes of a run against the run before it, for the customers in the caller's data scope (a sales rep sees only their own customers): dimension (Abc, ValuePyramid, KeyAccount, Lifecycle), from, to, movement, reason and the revenue (fen) before and after. Filter with movement=Up|Down|New|Lost (400 naming the field otherwise); paged (pageSize at most 200). An unknown run answers 404.")
            .Produces<Platform.Paging.PagedResult<ClassChangeView>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    private static ClassificationRunView ToView(ClassificationRunSummary s) => new(
        s.Id, s.AsOf, s.PeriodFrom, s.PeriodTo, s.CustomerCount, s.AbcA, s.AbcB, s.AbcC, s.ChangeCount, s.TriggeredBy, s.StartedAt, s.FinishedAt);

    private static bool IsValidCron(string cron)
    {
        try
        {
            _ = new CronExpression(cron);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string? ClassificationPolicyCheck(ClassificationOptions options) =>
        options.Policy.InvalidFields() is { Count: > 0 } fields
            ? $"Classification settings are not valid: {string.Join(", ", fields)} (Classification:PeriodMonths must be 1 to 120)."
            : null;
}

/// <summary>The nightly run: classifies every customer up to yesterday, the last whole day.</summary>
[DisallowConcurrentExecution]
public sealed class NightlyClassification(ClassificationRunner runner, ILogger<NightlyClassification> logger) : IJob
{
    public static readonly JobKey Key = new("nightly-classification", "courier-crm");

    /// <summary>China keeps +8 all year: the schedule's 02:30 is China time whatever zone the server runs in.</summary>
    public static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var summary = await runner.RunAsync(runner.Today.AddDays(-1), ClassificationRunner.Nightly, null, cancellationToken);
        logger.LogInformation("Nightly classification run {Id} for {AsOf}: {Customers} customers, {Changes} changes",
            summary.Id, summary.AsOf, summary.CustomerCount, summary.ChangeCount);
    }
}
