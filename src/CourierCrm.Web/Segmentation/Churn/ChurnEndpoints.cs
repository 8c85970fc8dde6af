using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CourierCrm.Web.Segmentation.Churn;

/// <summary>/api/v1/churn-warnings: the early-warning list and acting on it, under the caller's data scope.</summary>
public static class ChurnEndpoints
{
    public static RouteGroupBuilder MapChurnWarnings(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/churn-warnings").WithTags("Churn warnings");

        group.MapGet("/", async ([AsParameters] ChurnWarningQuery query, HttpContext http, ChurnQueries queries, CancellationToken ct) =>
                (await queries.ListAsync(http.User.RequireViewer(), query, ct)).ToHttp(x => x))
            .WithName("ListChurnWarnings")
            .WithSummary("List churn early warnings")
            .WithDescription("Warnings raised after each classification run for the customers in your data scope, newest first: signal VolumeDrop (an A or B customer's recent monthly waybills more than 30 % below its own baseline: baselineMonthly, recentMonthly, dropShare), Silent (no waybill for 30 days: silentDays) or OwnerDeparted (its rep's account was deactivated), with the customer's current ABC class, owner, state and follow-up task. signalCleared says whether today's data no longer shows the signal (null when not known); resolving stays with a person. Filter by signal, state (default unresolved; all for every state) and abc; paged (pageSize at most 200). Thresholds: settings Classification:Churn. A wrong filter answers 400 naming the field.")
            .Produces<PagedResult<ChurnWarningView>>()
            .ProducesValidationProblem();

        group.MapPost("/{id:long}/acknowledge", async (long id, HttpContext http, ChurnCommands commands, ChurnQueries queries, CancellationToken ct) =>
                await Answer(await commands.AcknowledgeAsync(http.User.RequireViewer(), id, ct), http, queries, ct))
            .WithName("AcknowledgeChurnWarning")
            .WithSummary("Acknowledge a warning")
            .WithDescription("Says the warning has been seen and someone is acting: Open → Acknowledged. 409 from any other state; 404 outside your scope; 403 for roles that cannot edit customers.")
            .Produces<ChurnWarningView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:long}/resolve", async (long id, ChurnResolution body, HttpContext http, ChurnCommands commands, ChurnQueries queries, CancellationToken ct) =>
                await Answer(await commands.ResolveAsync(http.User.RequireViewer(), id, body.Resolution, ct), http, queries, ct))
            .WithName("ResolveChurnWarning")
            .WithSummary("Resolve a warning")
            .WithDescription("Closes an open or acknowledged warning with what happened (resolution, required, at most 2000 characters); its open follow-up task is marked done with the same words and the resolution goes on the customer's timeline. The same signal is not raised again for the customer for Classification:Churn:QuietDaysAfterResolution days (default 30). 409 when already resolved.")
            .Produces<ChurnWarningView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }

    private static async Task<Results<Ok<ChurnWarningView>, ValidationProblem, ProblemHttpResult>> Answer(
        CommandResult<long> result, HttpContext http, ChurnQueries queries, CancellationToken ct)
    {
        if (!result.Succeeded)
        {
            var failed = result.ToHttp(x => x);
            return failed.Result switch
            {
                ValidationProblem v => v,
                ProblemHttpResult p => p,
                _ => CommandResults.NotFound(),
            };
        }
        return await queries.GetAsync(http.User.RequireViewer(), result.Value, ct) is { } view ? TypedResults.Ok(view) : CommandResults.NotFound();
    }
}
