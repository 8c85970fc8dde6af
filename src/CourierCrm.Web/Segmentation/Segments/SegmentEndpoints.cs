using CourierCrm.Web.Customers;
using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Paging;
using CourierCrm.Web.Segmentation.Ltv;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CourierCrm.Web.Segmentation.Segments;

/// <summary>Composition of saved segments and lifetime value (issue 4 items 6 and 7), and /api/v1/segments.</summary>
public static class SegmentEndpoints
{
    public static IServiceCollection AddSegmentsAndLifetimeValue(this IServiceCollection services)
    {
        services.AddScoped<SegmentQueries>();
        services.AddScoped<SegmentCommands>();
        services.AddSingleton<SegmentMembers>();
        return services.AddLifetimeValue();
    }

    public static RouteGroupBuilder MapSegmentAndLifetimeValueEndpoints(this RouteGroupBuilder api)
    {
        api.MapLifetimeValueEndpoints();
        var group = api.MapGroup("/segments").WithTags("Segments");

        group.MapGet("/", async Task<Ok<IReadOnlyList<SegmentView>>> (HttpContext http, SegmentQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(http.User.RequireViewer(), ct)))
            .WithName("ListSegments")
            .WithSummary("List saved segments")
            .WithDescription("The caller's own segments, then the segments others shared, each by name, with `count`: how many customers of the segment are in the caller's data scope (the same segment counts differently for a sales rep and a manager). `canEdit` says whether the caller may change it (owner or administrator). A segment whose saved filter can no longer be read (after an upgrade) has `filterProblem` set and no count.");

        group.MapGet("/{id:int}", async Task<Results<Ok<SegmentView>, ProblemHttpResult>> (int id, HttpContext http, SegmentQueries queries, CancellationToken ct) =>
                await queries.GetAsync(http.User.RequireViewer(), id, withCount: true, ct) is { } view ? TypedResults.Ok(view) : CommandResults.NotFound())
            .WithName("GetSegment")
            .WithSummary("Get a saved segment")
            .WithDescription("One segment with its filter and count. Another person's segment that is not shared answers 404.");

        group.MapPost("/", async (SegmentInput input, HttpContext http, SegmentCommands commands, SegmentQueries queries, CancellationToken ct) =>
            {
                var viewer = http.User.RequireViewer();
                var result = await commands.CreateAsync(viewer, input, ct);
                if (!result.Succeeded) return result.ToHttp(x => (object)x);
                return TypedResults.Ok((object)(await queries.GetAsync(viewer, result.Value, withCount: true, ct))!);
            })
            .WithName("CreateSegment")
            .WithSummary("Save a customer filter as a segment")
            .WithDescription("`name` is required, at most 50 characters and unique among the caller's segments (409 naming `name` otherwise); `description` optional; `shared` makes it visible, read-only, to all staff. `filter` holds the customer list's filters with the names and values of GET /api/v1/customers (search, type, nature, marketType, specialisedMarket, businessRelation, lifecycle, outletId, ownerId, unassigned, tag, abc, pyramid, keyAccount, rfmR, rfmF, rfmM, quadrant, unclassified); paging, order and segment are not part of a segment. Bad values answer 400 naming the field (e.g. `filter.abc`). Answers the saved segment with its count.")
            .Produces<SegmentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{id:int}", async (int id, SegmentInput input, HttpContext http, SegmentCommands commands, SegmentQueries queries, CancellationToken ct) =>
            {
                var viewer = http.User.RequireViewer();
                var result = await commands.UpdateAsync(viewer, id, input, ct);
                if (!result.Succeeded) return result.ToHttp(x => (object)x);
                return TypedResults.Ok((object)(await queries.GetAsync(viewer, id, withCount: true, ct))!);
            })
            .WithName("UpdateSegment")
            .WithSummary("Change a saved segment")
            .WithDescription("Replaces name, description, sharing and filter (rules as for POST). Only the owner or an administrator (403 otherwise); a segment the caller cannot see answers 404.")
            .Produces<SegmentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/{id:int}", async (int id, HttpContext http, SegmentCommands commands, CancellationToken ct) =>
                (await commands.DeleteAsync(http.User.RequireViewer(), id, ct)).ToHttp(x => new { id = x }))
            .WithName("DeleteSegment")
            .WithSummary("Delete a saved segment")
            .WithDescription("Only the owner or an administrator (403 otherwise). The customers are not touched.");

        group.MapGet("/{id:int}/customers", async (int id, int? page, int? pageSize, int? knownTotal, HttpContext http, SegmentQueries queries, CancellationToken ct) =>
                (await queries.MembersAsync(http.User.RequireViewer(), id, page, pageSize, knownTotal, ct)).ToHttp(x => x))
            .WithName("ListSegmentCustomers")
            .WithSummary("The customers of a segment")
            .WithDescription("The segment's customers in the caller's data scope, paged, ordered and masked as GET /api/v1/customers (pageSize at most 200; pass the first answer's `total` back as `knownTotal` to page without counting again). The same list is GET /api/v1/customers?segment={id}, where further filters and orders can be added. A saved filter that can no longer be read answers 400 naming `filter`.")
            .Produces<PagedResult<CustomerListItem>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:int}/count", async Task<Results<Ok<SegmentCount>, ValidationProblem, ProblemHttpResult>> (int id, HttpContext http, SegmentQueries queries, CancellationToken ct) =>
            {
                if (await queries.GetAsync(http.User.RequireViewer(), id, withCount: true, ct) is not { } view) return CommandResults.NotFound();
                if (view.FilterProblem is { } problem)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["filter"] = [problem] }, title: "The segment's filter cannot be read.");
                return TypedResults.Ok(new SegmentCount(id, view.Count ?? 0));
            })
            .WithName("CountSegmentCustomers")
            .WithSummary("How many customers a segment holds")
            .WithDescription("Customers of the segment in the caller's data scope, counted now.");

        return group;
    }
}
