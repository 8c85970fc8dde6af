using CourierCrm.Domain.Incidents;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Quartz;
using PagedResult = CourierCrm.Web.Platform.Paging.PagedResult<CourierCrm.Web.Incidents.IncidentListItem>;

namespace CourierCrm.Web.Incidents;

/// <summary>Composition of service incidents: settings (checked at start), services, the overdue-report alert and the /api/v1/incidents endpoints.</summary>
public static class IncidentsModule
{
    public static IServiceCollection AddIncidents(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(IncidentOptions.Section).Get<IncidentOptions>() ?? new IncidentOptions();
        if (options.Problems() is { Count: > 0 } problems)
            throw new InvalidOperationException($"Incident settings are not valid: {string.Join("; ", problems)}.");
        services.AddSingleton(options);
        services.AddSingleton<IncidentReporting>();
        services.AddSingleton<IncidentReportAlerts>();
        services.AddScoped<IncidentRecording>();
        services.AddScoped<IncidentActions>();
        services.AddScoped<IncidentQueries>();
        // AddQuartz composes with the jobs platform's call (Platform/Jobs/JobsModule): one scheduler, one more job.
        services.AddQuartz(q =>
        {
            q.AddJob<IncidentReportAlertJob>(j => j.WithIdentity(IncidentReportAlertJob.Key));
            q.AddTrigger(t => t.ForJob(IncidentReportAlertJob.Key).WithIdentity("incident-report-alerts-trigger", "courier-crm")
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(options.AlertEverySeconds))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.AlertEverySeconds)).RepeatForever()));
        });
        return services;
    }

    public static RouteGroupBuilder MapIncidentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/incidents").WithTags("Incidents");
        const string Fields = "{ kind (Delay|Damage|Loss), expectedLoss (yuan, decides the grade: Ordinary up to Incidents:MajorAboveYuan ¥1,000, Major up to Incidents:ExtraordinaryAboveYuan ¥10,000, Extraordinary above), responsibility (Undetermined|Internal|ThirdParty), thirdPartyName (required for ThirdParty), handling (Apology|CompensationPerContract|InsuranceClaim|ThirdPartyClaim|Litigation|Subrogation), description, occurredAt (not in the future) }";

        group.MapPost("/", async (RecordIncidentInput input, HttpContext http, IncidentRecording recording, CancellationToken ct) =>
                (await recording.RecordFromWaybillAsync(http.User.RequireViewer(), input, ct)).ToHttp(x => x))
            .WithName("RecordIncident")
            .WithSummary("Record a service incident on a waybill")
            .WithDescription($"{{ waybillNumber, …{Fields} }}. The waybill must be in the caller's data scope; its insured flag, declared value and freight are copied. The incident belongs to the waybill's pick-up outlet (else its delivering outlet) and region, and opens at once with its reporting chain: the outlet head within Incidents:OutletHeadMinutes (30), over ¥1,000 the next level, over ¥10,000 head office. Answers id, number (SG-yyyyMMdd-nnnn), status, grade and the reports owed with their due times. Analysts cannot record (403). Errors name the field.")
            .Produces<RecordedIncident>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", async Task<Ok<PagedResult>> ([AsParameters] IncidentListQuery query, HttpContext http, IncidentQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(http.User.RequireViewer(), query, ct)))
            .WithName("ListIncidents")
            .WithSummary("List service incidents")
            .WithDescription("Incidents in the caller's data scope, newest first, paged (pageSize at most 200). Filters: status (Draft|Open|Closed|Dismissed), kind, grade, source (Complaint|Waybill|TrackingException), outletId, customerId, complaintId, overdueReports=true (open, with a report past due and not made), number (an incident or waybill number, or its beginning). Each row counts its overdue reports and gives the next report's due time. Customer names are masked for roles without the personal-data permission.");

        group.MapGet("/{id:int}", async Task<Results<Ok<IncidentDetail>, ProblemHttpResult>> (int id, HttpContext http, IncidentQueries queries, CancellationToken ct) =>
                await queries.GetAsync(http.User.RequireViewer(), id, ct) is { } detail ? TypedResults.Ok(detail) : CommandResults.NotFound())
            .WithName("GetIncident")
            .WithSummary("Get an incident with its reporting chain and history")
            .WithDescription("Every field, the reports owed (level, due time, state Due|Overdue|Reported|ReportedLate, who marked it and when, when the overdue alert went out), the history of changes, and whether the caller may handle it. Outside the caller's data scope: 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:int}", async (int id, UpdateIncidentInput input, HttpContext http, IncidentActions actions, CancellationToken ct) =>
                (await actions.UpdateAsync(http.User.RequireViewer(), id, input, ct)).ToHttp(version => new { version }))
            .WithName("UpdateIncident")
            .WithSummary("Change an incident's facts")
            .WithDescription($"{{ version, …{Fields} }}: every field is sent. A draft or open incident only (409 naming status otherwise). A version other than the current one answers 409 naming version (someone else changed it: reload). A higher expected loss regrades it and adds the reports the new amount owes, due from now. Answers the new version. Only the service desk, complaint handlers, managers and administrators (403).")
            .Produces<object>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        MapDecision(group, "confirm", "ConfirmIncident", "Confirm a draft incident",
            "{ version, reason? }. A draft opened from a tracking exception becomes open and its reporting chain starts now.",
            (actions, viewer, id, input, ct) => actions.ConfirmAsync(viewer, id, input, ct));
        MapDecision(group, "dismiss", "DismissIncident", "Dismiss a draft incident",
            "{ version, reason }. A draft that is no incident (the parcel turned up); the reason is required and kept in the history.",
            (actions, viewer, id, input, ct) => actions.DismissAsync(viewer, id, input, ct));
        MapDecision(group, "close", "CloseIncident", "Close an incident",
            "{ version, reason? (a closing note) }. An open incident whose handling method is recorded (400 naming handling otherwise).",
            (actions, viewer, id, input, ct) => actions.CloseAsync(viewer, id, input, ct));

        group.MapPost("/{id:int}/reports/{level}/reported", async (int id, string level, ReportDoneInput? input, HttpContext http, IncidentActions actions, CancellationToken ct) =>
            {
                if (!Enum.TryParse<ReportingLevel>(level, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(level, out _))
                    return CommandResult<ReportingLevel>.Invalid("level", "Must be OutletHead, NextLevel or HeadOffice.").ToHttp(l => new { level = l });
                return (await actions.MarkReportedAsync(http.User.RequireViewer(), id, parsed, input ?? new ReportDoneInput(), ct)).ToHttp(l => new { level = l });
            })
            .WithName("MarkIncidentReported")
            .WithSummary("Mark one level of the reporting chain as told")
            .WithDescription("level: OutletHead, NextLevel or HeadOffice; body { note? } (whom was told and how). Records who marked it and when (after the due time it shows as reported late). A level the incident does not owe answers 400 naming level; one already marked answers 409. Only the service desk, complaint handlers, managers and administrators (403).")
            .Produces<object>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var complaints = api.MapGroup("/complaints").WithTags("Incidents");
        complaints.MapPost("/{id:int}/incidents", async (int id, RecordIncidentInput input, HttpContext http, IncidentRecording recording, CancellationToken ct) =>
                (await recording.RecordFromComplaintAsync(http.User.RequireViewer(), id, input, ct)).ToHttp(x => x))
            .WithName("RecordIncidentFromComplaint")
            .WithSummary("Record a service incident from a complaint")
            .WithDescription($"{Fields}, every field optional except as the complaint leaves it open: the waybill is the complaint's first one unless waybillNumber is given, the kind follows the complaint's category (Delay, Damage, Loss; others must give kind), the description is the complaint's unless given. The customer is the complaint's. Otherwise as POST /api/v1/incidents. A complaint outside the caller's reach: 404.")
            .Produces<RecordedIncident>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    private static void MapDecision(RouteGroupBuilder group, string verb, string name, string summary, string description,
        Func<IncidentActions, Domain.Organisation.Viewer, int, IncidentDecisionInput, CancellationToken, Task<CommandResult<int>>> act) =>
        group.MapPost($"/{{id:int}}/{verb}", async (int id, IncidentDecisionInput input, HttpContext http, IncidentActions actions, CancellationToken ct) =>
                (await act(actions, http.User.RequireViewer(), id, input, ct)).ToHttp(version => new { version }))
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description + " A stale version answers 409 naming version; an incident not in the needed status answers 409 naming status. Answers the new version. Only the service desk, complaint handlers, managers and administrators (403).")
            .Produces<object>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
