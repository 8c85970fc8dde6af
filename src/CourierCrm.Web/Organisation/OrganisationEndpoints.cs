using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CourierCrm.Web.Organisation;

/// <summary>/api/v1/outlets and /api/v1/regions: the organisation, readable by all staff, changed by administrators.</summary>
public static class OrganisationEndpoints
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddScoped<OrganisationService>();
        services.AddScoped<StaffAdministration>();
        // The workbench (Platform/Layout/HomePage) counts customers per organisation scope; registered here
        // until the composition root (CourierCrmApp) lists it itself.
        services.AddScoped<CourierCrm.Web.Platform.Layout.WorkbenchQueries>();
        return services;
    }

    public static RouteGroupBuilder MapOrganisationEndpoints(this RouteGroupBuilder api)
    {
        var outlets = api.MapGroup("/outlets").WithTags("Organisation");
        outlets.MapGet("/", async (int? regionId, OrganisationService org, CancellationToken ct) => TypedResults.Ok(await org.OutletsAsync(regionId, ct)))
            .WithName("ListOutlets").WithSummary("List outlets")
            .WithDescription("Every outlet (网点) with its region, head, active staff and customer counts; optionally of one region.");
        outlets.MapGet("/{id}", async Task<Results<Ok<OutletView>, ProblemHttpResult>> (int id, OrganisationService org, CancellationToken ct) =>
                await org.OutletAsync(id, ct) is { } outlet ? TypedResults.Ok(outlet) : CommandResults.NotFound("No outlet with this id."))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetOutlet").WithSummary("Get an outlet").WithDescription("One outlet by id.");
        outlets.MapPost("/", async (OutletInput input, HttpContext http, OrganisationService org, CancellationToken ct) =>
                (await org.SaveOutletAsync(http.User.RequireViewer(), null, input, ct)).ToHttp(id => new { id }))
            .RequireAuthorization(AuthPolicies.Administrator)
            .WithName("CreateOutlet").WithSummary("Create an outlet").WithDescription("Administrators only. Codes are unique.");
        outlets.MapPut("/{id}", async (int id, OutletInput input, HttpContext http, OrganisationService org, CancellationToken ct) =>
                (await org.SaveOutletAsync(http.User.RequireViewer(), id, input, ct)).ToHttp(x => new { id = x }))
            .RequireAuthorization(AuthPolicies.Administrator)
            .WithName("UpdateOutlet").WithSummary("Update an outlet").WithDescription("Administrators only. Moving an outlet to another region moves its customers' region too.");

        var regions = api.MapGroup("/regions").WithTags("Organisation");
        regions.MapGet("/", async (OrganisationService org, CancellationToken ct) => TypedResults.Ok(await org.RegionsAsync(ct)))
            .WithName("ListRegions").WithSummary("List regions").WithDescription("Every region with its number of outlets.");
        return api;
    }
}
