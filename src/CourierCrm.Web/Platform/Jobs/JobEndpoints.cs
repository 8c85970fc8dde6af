using CourierCrm.Domain.Audit;
using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CourierCrm.Web.Platform.Jobs;

/// <summary>/api/v1/jobs: follow a background job, download its file, cancel it.</summary>
public static class JobEndpoints
{
    public static RouteGroupBuilder MapJobEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/jobs").WithTags("Background jobs");

        group.MapGet("/", async Task<Results<Ok<IReadOnlyList<JobView>>, ValidationProblem>> (JobKind? kind, int? take, HttpContext http, JobQueries queries, CancellationToken ct) =>
            {
                if (take is < 1 or > JobQueries.MaxTake)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = [$"must be between 1 and {JobQueries.MaxTake}."] });
                return TypedResults.Ok(await queries.ListAsync(http.User, kind is { } k ? [k] : null, take ?? 50, ct));
            })
            .WithName("ListJobs")
            .WithSummary("List my background jobs")
            .WithDescription("Imports and exports the caller started (an administrator sees everyone's), newest first. Filter by kind (WaybillImport, CustomerImport, WaybillExport, CustomerExport); take at most 200 (default 50).");

        group.MapGet("/{id:guid}", async Task<Results<Ok<JobView>, ProblemHttpResult>> (Guid id, HttpContext http, JobQueries queries, CancellationToken ct) =>
                await queries.FindAsync(id, http.User, ct) is { } job ? TypedResults.Ok(JobView.From(job)) : CommandResults.NotFound())
            .WithName("GetJob")
            .WithSummary("Follow a background job")
            .WithDescription("Status (Draft, Queued, Running, Succeeded, Failed, Cancelled), rows done of the total, rows with errors, a message, and the name of the file to download when there is one. Poll it about once a second while the job runs. Another person's job answers 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/file", async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> (Guid id, HttpContext http, JobQueries queries, JobFiles files, AuditLog audit, CancellationToken ct) =>
            {
                var job = await queries.FindAsync(id, http.User, ct);
                if (job?.ResultFileName is not { } name) return CommandResults.NotFound("The job has no file to download.");
                var path = files.PathFor(id, name);
                if (!File.Exists(path)) return CommandResults.NotFound("The job's file has been deleted; run the job again.");
                await audit.WriteAsync(http.User.RequireViewer(), AuditAction.Export, "BackgroundJob", id, $"Downloaded {name} ({job.Kind}: {job.Title})", ct);
                return TypedResults.PhysicalFile(path, ContentTypeOf(name), name, enableRangeProcessing: true);
            })
            .WithName("DownloadJobFile")
            .WithSummary("Download a job's file")
            .WithDescription("The export file, or an import's error report (CSV: row, column, value, reason). Every download is audited. 404 while there is no file, for another person's job, or after the job was cleaned up (finished jobs are kept for a configurable number of days).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/cancel", async Task<Results<Accepted<JobView>, ProblemHttpResult>> (Guid id, HttpContext http, JobQueue queue, JobQueries queries, CancellationToken ct) =>
            {
                if (!await queue.CancelAsync(id, http.User, ct)) return CommandResults.NotFound("No running, queued or draft job of yours has this id.");
                var job = await queries.FindAsync(id, http.User, ct);
                return TypedResults.Accepted($"/api/v1/jobs/{id}", JobView.From(job!));
            })
            .WithName("CancelJob")
            .WithSummary("Cancel a background job")
            .WithDescription("A draft or queued job is cancelled at once; a running one stops at its next heartbeat (a few seconds), keeping the batches it finished. 404 for another person's or a finished job.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    public static string ContentTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => "text/csv; charset=utf-8",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    };
}
