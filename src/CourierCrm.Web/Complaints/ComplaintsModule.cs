using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CourierCrm.Web.Complaints;

/// <summary>Composition of complaint handling: settings (checked at start), services and the /api/v1/complaints endpoints.</summary>
public static class ComplaintsModule
{
    public static IServiceCollection AddComplaints(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ComplaintOptions.Section).Get<ComplaintOptions>() ?? new ComplaintOptions();
        if (options.Problems() is { Count: > 0 } problems)
            throw new InvalidOperationException($"Complaint settings are not valid: {string.Join("; ", problems)}.");
        services.AddSingleton(options);
        services.AddSingleton<ComplaintClocks>();
        services.AddScoped<ComplaintRecording>();
        services.AddScoped<ComplaintActions>();
        services.AddScoped<ComplaintQueries>();
        return services;
    }

    public static RouteGroupBuilder MapComplaintEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/complaints").WithTags("Complaints");

        group.MapPost("/", async (RecordComplaintInput input, HttpContext http, ComplaintRecording recording, CancellationToken ct) =>
                (await recording.RecordAsync(http.User.RequireViewer(), input, ct)).ToHttp(x => x))
            .WithName("RecordComplaint")
            .WithSummary("Record a complaint (step 1)")
            .WithDescription("For the counter, the hotline, the portal and the call centre. { customerId | callerPhone (+ callerName) for an unknown caller, channel, category, description, demand?, priority?, waybillNumbers? }. The customer must be in the caller's data scope. The priority follows the rule (A-class customers and lost or damaged parcels first) and a lower one given is raised to it. Answers the complaint's id, number (TS-yyyyMMdd-nnnn), priority and its first-response and resolution deadlines (business hours, Complaints settings). The recorder becomes the first-contact owner and is told of every later step. Analysts cannot record (403). Errors name the field.")
            .Produces<RecordedComplaint>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", async Task<Ok<PagedResult<ComplaintListItem>>> ([AsParameters] ComplaintListQuery query, HttpContext http, ComplaintQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(http.User.RequireViewer(), query, ct)))
            .WithName("ListComplaints")
            .WithSummary("List complaints")
            .WithDescription("Complaints in the caller's reach: those of customers in its data scope, and those it took or handles. Newest first, paged (pageSize at most 200). Filters: open=true|false, stage, category, priority, customerId, mine=true (taken or handled by the caller), overdue=true (open, not waiting for the customer, past the resolution deadline; most urgent first: the overdue board), number (a number or its beginning). Customer names and caller phones are masked for roles without the personal-data permission.");

        group.MapGet("/{id:int}", async Task<Results<Ok<ComplaintDetail>, ProblemHttpResult>> (int id, HttpContext http, ComplaintQueries queries, CancellationToken ct) =>
                await queries.GetAsync(http.User.RequireViewer(), id, ct) is { } detail ? TypedResults.Ok(detail) : CommandResults.NotFound())
            .WithName("GetComplaint")
            .WithSummary("Get a complaint with its steps and service levels")
            .WithDescription("Every field of the complaint, its eight-step history (each step's data, actor and time), its service-level clocks (first response and resolution: state OnTrack/Warning/Breached/Paused/Met/Missed, warning and due times) and the actions the caller may take now (workflow and rights together). Also the status read by the portal and the call centre. Outside the caller's reach: 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:int}/steps", async (int id, ComplaintStepInput input, HttpContext http, ComplaintActions actions, CancellationToken ct) =>
                (await actions.ActAsync(http.User.RequireViewer(), id, input, ct)).ToHttp(version => new { version }))
            .WithName("ActOnComplaint")
            .WithSummary("Take the next step on a complaint")
            .WithDescription("{ action, version, note?, …the action's data }. Actions: JudgeValid, Decline (declineReason), Assign/Reassign (handlerId, handlingOutletId?), Analyse (cause, responsibility, responsibleDetail?), ProposeRemedy (remedy, remedyAmount in yuan, remedyPoints, remedyDetail), Approve (within the approval ladder; never the handler's own remedy), RejectRemedy (note), CarryOut (feedback 1–5), Evaluate (summary, lesson?, correctiveAction?), Escalate (handlerId of a more senior handler, note), Reopen (note), WaitForCustomer (note; pauses the resolution clock), CustomerReplied. A step that is not due answers 409 naming the step; a version other than the current one answers 409 (someone else acted: reload); an action the caller's role may not take answers 403. Answers the new version. Closing creates a satisfaction-callback task for the first-contact owner.")
            .Produces<object>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }
}
