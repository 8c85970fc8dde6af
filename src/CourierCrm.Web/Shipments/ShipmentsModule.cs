using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CourierCrm.Web.Shipments;

/// <summary>Composition of the waybills feature: its services and its /api/v1 endpoints.</summary>
public static class ShipmentsModule
{
    public static IServiceCollection AddShipments(this IServiceCollection services)
    {
        services.AddScoped<WaybillQueries>();
        services.AddScoped<WaybillCommands>();
        return services;
    }

    public static RouteGroupBuilder MapShipmentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/waybills").WithTags("Waybills");

        group.MapPost("/", async (WaybillPushRequest request, HttpContext http, WaybillCommands commands, CancellationToken ct) =>
                (await commands.PushAsync(http.User.RequireViewer(), request, ct)).ToHttp(x => x))
            .WithName("PushWaybills")
            .WithSummary("Push a batch of waybills")
            .WithDescription($"For the operations system: {{ \"waybills\": [ ... ] }} with 1 to {WaybillValidation.MaxBatch} waybills. Idempotent by number: a known number is updated, a new one created, so a batch can be sent again safely. Money in yuan (freight, declaredValue, insuranceFee, codAmount), weight in kg, times as ISO 8601 with offset. The customer is matched by customerCode, else by monthlyAccountNo; a waybill whose customer is not found is kept unmatched (listed with unmatched=true) for someone to match. Every item is validated first: any invalid item answers 400 with errors keyed like \"waybills[3].freight\" and nothing is saved. Needs a role that may edit customers (403 otherwise). Answers the counts created, updated and unmatched.")
            .Produces<WaybillPushCounts>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{number}/events", async (string number, TrackingEventsRequest request, HttpContext http, WaybillCommands commands, CancellationToken ct) =>
                (await commands.AddEventsAsync(http.User.RequireViewer(), number, request, ct)).ToHttp(x => x))
            .WithName("AddTrackingEvents")
            .WithSummary("Append tracking events to a waybill")
            .WithDescription($"{{ \"events\": [ {{ \"at\", \"place\", \"description\", \"status\"? }} ] }}, 1 to {WaybillValidation.MaxBatch} events. An event with the same time and description as a recorded one is skipped, so events can be sent again safely. The waybill takes the status of its latest event that has one, and its picked-up and delivered times from such events. A number unknown or outside the caller's scope answers 404; needs a role that may edit customers.")
            .Produces<TrackingEventsResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/", async Task<Ok<PagedResult<WaybillListItem>>> ([AsParameters] WaybillListQuery query, HttpContext http, WaybillQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(http.User.RequireViewer(), query, ct)))
            .WithName("ListWaybills")
            .WithSummary("List waybills")
            .WithDescription("Waybills in the caller's data scope (those of its customers, and unmatched ones of its pick-up outlets), newest order first, paged (pageSize at most 200). Filters: from and to (order dates, China time, inclusive), status, product, pickupOutletId, customerId, unmatched=true (only waybills without a customer), number (a number or its beginning). Senders' and receivers' names, phones and addresses are masked for roles without the personal-data permission.");

        group.MapGet("/{number}", async Task<Results<Ok<WaybillDetail>, ProblemHttpResult>> (string number, HttpContext http, WaybillQueries queries, CancellationToken ct) =>
                await queries.GetAsync(http.User.RequireViewer(), number, ct) is { } detail ? TypedResults.Ok(detail) : CommandResults.NotFound())
            .WithName("GetWaybill")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get a waybill with its tracking events")
            .WithDescription("Every field of the waybill and its tracking events, oldest first, masked as the list is. A number unknown or outside the caller's scope answers 404.");

        group.MapPut("/{number}/customer", async (string number, MatchCustomerRequest request, HttpContext http, WaybillCommands commands, CancellationToken ct) =>
                (await commands.MatchCustomerAsync(http.User.RequireViewer(), number, request.CustomerId, ct)).ToHttp(x => new { number = x }))
            .WithName("MatchWaybillCustomer")
            .WithSummary("Match a waybill to a customer")
            .WithDescription("Gives an unmatched waybill its sending customer, { \"customerId\": 123 }, a customer in the caller's scope (400 otherwise). A waybill already matched to another customer answers 409. Audited, and noted on the customer's timeline. Needs a role that may edit customers.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }
}
