namespace CourierCrm.Web.Search;

/// <summary>Composition of the one search box: its services and GET /api/v1/search.</summary>
public static class SearchModule
{
    public static IServiceCollection AddSearch(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder api) => api;
}
