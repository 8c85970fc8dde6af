using System.Globalization;
using CourierCrm.Web.Exports;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CourierCrm.Web.Segmentation.Dashboards;

/// <summary>Composition of the classification dashboards: their queries, the export and /api/v1/classification/dashboard.</summary>
public static class DashboardModule
{
    public static IServiceCollection AddClassificationDashboards(this IServiceCollection services)
    {
        services.AddScoped<ClassificationDashboardQueries>();
        services.AddScoped<ClassificationDashboardExport>();
        services.AddScoped<MovementQueries>();
        return services;
    }

    public static RouteGroupBuilder MapClassificationDashboardEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/classification/dashboard").WithTags("Classification");

        group.MapGet("/", async Task<Results<Ok<ClassificationDashboard>, ValidationProblem, ProblemHttpResult>> (
                string? movementRun, HttpContext http, ClassificationDashboardQueries queries, CancellationToken ct) =>
            {
                if (RunId(movementRun) is { Ok: false } bad) return bad.Problem!;
                return (await queries.ReadAsync(http.User.RequireViewer(), RunId(movementRun).Value, ct)).ToHttp(x => x);
            })
            .WithName("GetClassificationDashboard")
            .WithSummary("Classification dashboard figures")
            .WithDescription("""
                The figures of the classification dashboards over the customers in the caller's data scope (a sales rep sees only their own
                customers, a manager their region's), from each customer's current classes and the latest run (`run`: its id, as-of day,
                revenue period and finish time; null before the first run, and then every figure is empty). `pyramid`: customers and revenue
                (fen) per value-pyramid tier with the shares and the tier's target share (1 / 19 / 30 / 50 %). `abc`: the actual ABC mix
                beside the ideal 20 / 40 / 40. `pareto`: cumulative revenue share against cumulative customer share of the caller's paying
                customers (at most 100 points) with the run's ABC cut lines (`aCut`, `bCut`: 0.70 and 0.95 by default). `rfm`: the 25
                recency × frequency cells with customer counts and the average monetary score. `quadrants` and `scatter`: loyalty (active
                months) × value (revenue); the scatter samples every n-th customer to at most 2,000 points (`placed` says how many there are).
                `lifecycle`: potential, new, loyal and churned counts. `movement`: the class changes of one run against the run before it,
                per dimension (Abc, ValuePyramid, KeyAccount, Lifecycle) as Up/Down/New/Lost counts; the latest run unless `movementRun`
                names another (400 naming the field for a value that is not a run id). Shares are fractions (0.25 = 25 %).
                """)
            .ProducesValidationProblem();

        group.MapGet("/export", async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> (
                string? format, string? movementRun, HttpContext http, ClassificationDashboardExport export, CancellationToken ct) =>
            {
                if (RunId(movementRun) is { Ok: false } bad) return bad.Problem!;
                if (FormatOf(format) is not { } fileFormat)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["must be Csv or Xlsx."] }, title: "Some fields are not valid.");
                var viewer = http.User.RequireViewer();
                var result = await export.ExportAsync(viewer, fileFormat, RunId(movementRun).Value, ct);
                return result.Status switch
                {
                    CommandStatus.Ok => TypedResults.File(result.Value!.Content, result.Value.ContentType, result.Value.FileName),
                    CommandStatus.Invalid => TypedResults.ValidationProblem(result.Errors!.ToDictionary(), title: "Some fields are not valid."),
                    _ => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: result.Message),
                };
            })
            .WithName("ExportClassificationDashboard")
            .WithSummary("Export the classification dashboard figures")
            .WithDescription("""
                Every figure of GET /api/v1/classification/dashboard (the run, pyramid, ABC mix, Pareto points, RFM cells, quadrants,
                lifecycle and movement counts), one row each, as `format=Xlsx` (default) or `format=Csv` (UTF-8 with a byte-order mark);
                columns: figure, item, customers, customer share %, revenue (yuan), revenue share %, target or ideal share %, average
                monetary score. Headers and class names are in the request's language. The caller's data scope applies; needs the export
                permission (403 otherwise); every export is audited. 400 naming `format` or `movementRun` for a bad value.
                """)
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return group;
    }

    /// <summary>Reads movementRun: absent, or a positive whole number; anything else is a 400 naming the field.</summary>
    private static (bool Ok, long? Value, ValidationProblem? Problem) RunId(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (true, null, null);
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) return (true, id, null);
        return (false, null, TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["movementRun"] = ["must be the id of a classification run (a positive whole number)."] },
            title: "Some fields are not valid."));
    }

    /// <summary>"xlsx" (also the default) or "csv", any case.</summary>
    public static ExportFormat? FormatOf(string? text) =>
        string.IsNullOrWhiteSpace(text) ? ExportFormat.Xlsx
        : text.Equals("xlsx", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Xlsx
        : text.Equals("csv", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Csv
        : null;
}
