using CourierCrm.Web.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CourierCrm.Web.Search;

/// <summary>Composition of the one search box: its services and GET /api/v1/search.</summary>
public static class SearchModule
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSingleton<SearchConnections>();
        services.AddScoped<SearchService>();
        return services;
    }

    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/search", async Task<Results<Ok<SearchResult>, ValidationProblem>> (string? q, int? limit, HttpContext http, SearchService search, CancellationToken ct) =>
            {
                if (SearchQuery.Problem(q) is { } problem)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [problem] });
                if (limit is < 1 or > SearchQuery.MaxLimit)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"must be between 1 and {SearchQuery.MaxLimit}."] });
                return TypedResults.Ok(await search.SearchAsync(http.User.RequireViewer(), q!, limit ?? SearchQuery.DefaultLimit, ct));
            })
            .WithTags("Search")
            .WithName("Search")
            .WithSummary("Find customers by any number or name a caller gives")
            .WithDescription($"""
                One query, read the way a call-centre agent means it. `q` (1–{SearchQuery.MaxLength} characters) may be:
                a whole phone number (mobile, landline with area code, 400/800; spaces, dashes and +86 ignored) — exact match on customers' and contacts' phones;
                four digits — the last four digits of customers' and contacts' phones (also tried as the start of a number);
                three or more digits — the start of a phone number;
                a waybill number ({SearchQuery.MinWaybillLength}+ characters) — the waybill's sending customer;
                a monthly-account number or a customer code — exact;
                anything else — a substring of a customer's or a contact's name (case-insensitive).
                Hits are customers in the caller's data scope, one per customer, ranked: waybill, monthly account, code and whole phone first,
                then last four digits, phone prefix, names starting with the query, names containing it, then by name. Each hit says why it matched
                (`match`, `matched`, and `reason` in the request's language). Names and phones are masked for roles without the personal-data permission.
                `openCustomerId` is set when exactly one customer answers a waybill, account, code or whole phone number: the app opens it directly.
                `limit` is 1–{SearchQuery.MaxLimit} (default {SearchQuery.DefaultLimit}). An empty or too long `q` answers 400 naming `q`.
                """)
            .ProducesValidationProblem();
        return api;
    }
}
