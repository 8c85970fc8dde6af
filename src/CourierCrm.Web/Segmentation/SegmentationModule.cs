using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Jobs;
using CourierCrm.Web.Segmentation.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Quartz;

namespace CourierCrm.Web.Segmentation;

/// <summary>Composition of customer classification: the runner, its nightly schedule and the /api/v1/classification endpoints.</summary>
public static class SegmentationModule
{
    public static IServiceCollection AddSegmentation(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Options(configuration);
        services.AddSingleton(options);
        services.AddSingleton<ClassificationRunner>();
        services.AddScoped<ClassificationQueries>();
        services.AddScoped<ClassificationJobs>();
        services.AddJobHandler<ClassificationJobHandler>();
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
                if (!ClassificationJobs.MayRun(viewer))
                    return CommandResult<ClassificationRunSummary>.Forbidden("Only administrators and managers may start a classification run.").ToHttp(ToView);
                var summary = await runner.RunAsync(runner.Today, viewer.Name, viewer.UserId, ct);
                return CommandResult<ClassificationRunSummary>.Ok(summary).ToHttp(ToView);
            })
            .WithName("RunClassification")
            .WithSummary("Classify every customer now")
            .WithDescription("Runs the classification (ABC, value pyramid, key accounts, RFM, loyalty × value, lifecycle; DOMAIN.md §3) over every customer of the company for today (China time), with the last Classification:PeriodMonths months (default 12) of waybill revenue, and answers the stored run. Changes against the previous run are recorded and written on each customer's timeline; running again over the same waybills records no changes. The run happens inside the request (the pages start it as a background job instead): well under a second at the demo size (2,000 customers, 200,000 waybills) and for the nightly run at 100,000 customers and 1,000,000 waybills on SQLite; a first run at that size takes several seconds (docs/benchmarks.md). Administrators and managers only (403 otherwise). The same run happens every night (Classification:NightlyCron, China time) for the previous day.")
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

    /// <summary>
    /// The "Classification" settings, refused at start when any is wrong, with a message naming each bad
    /// setting and its rule: a mistyped threshold must not quietly classify every customer.
    /// </summary>
    public static ClassificationOptions Options(IConfiguration configuration)
    {
        ClassificationOptions options;
        try
        {
            options = configuration.GetSection(ClassificationOptions.Section).Get<ClassificationOptions>() ?? new ClassificationOptions();
        }
        catch (InvalidOperationException e)
        {
            // The binder names the key it could not read ("… at 'Classification:Abc:AShare' to type 'System.Decimal'").
            throw new InvalidOperationException($"Classification settings are not valid: {e.Message} Shares are fractions such as 0.70.", e);
        }
        var problems = new List<string>();
        if (!IsValidCron(options.NightlyCron))
            problems.Add($"Classification:NightlyCron = \"{options.NightlyCron}\" (must be a Quartz cron expression, e.g. \"0 30 2 * * ?\" for 02:30 every day)");
        problems.AddRange(options.Problems());
        if (problems.Count > 0)
            throw new InvalidOperationException($"Classification settings are not valid: {string.Join("; ", problems)}. See docs/user-guide.md, \"Classification settings\".");
        return options;
    }

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
