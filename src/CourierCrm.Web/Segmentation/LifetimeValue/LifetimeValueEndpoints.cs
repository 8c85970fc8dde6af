using CourierCrm.Domain.Classification;
using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Auth;

namespace CourierCrm.Web.Segmentation.Ltv;

/// <summary>/api/v1/lifetime-value: the Dwyer table of a cohort from the data, or of a model entered by hand.</summary>
public static class LifetimeValueEndpoints
{
    public static IServiceCollection AddLifetimeValue(this IServiceCollection services) =>
        services.AddScoped<LifetimeValueQueries>();

    public static RouteGroupBuilder MapLifetimeValueEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/lifetime-value").WithTags("Lifetime value");

        group.MapGet("/cohort", async (int? year, decimal? variableCostRate, decimal? marketingCostPerCustomer, decimal? acquisitionCostPerCustomer,
                decimal? discountRate, HttpContext http, LifetimeValueQueries queries, CancellationToken ct) =>
            {
                var costs = new CohortCostInput
                {
                    VariableCostRate = variableCostRate, MarketingCostPerCustomer = marketingCostPerCustomer,
                    AcquisitionCostPerCustomer = acquisitionCostPerCustomer, DiscountRate = discountRate,
                };
                return (await queries.CohortAsync(http.User.RequireViewer(), year, costs, ct)).ToHttp(x => x);
            })
            .WithName("LifetimeValueCohort")
            .WithSummary("Dwyer table of a cohort from the waybills")
            .WithDescription("The cohort is the customers in the caller's data scope whose first waybill fell in `year` (China time). For that year and each one after it up to this year: active customers, waybills and freight (fen) (`years`; this year is `partial`), turned into the Dwyer model (retention = next year's active / this year's, orders per customer, order value) and its table year by year (`table`: customers, retention, revenue, variable, marketing and acquisition cost, profit, discount factor, NPV, cumulative NPV and lifetime value per customer, in yuan; DOMAIN.md §4). The costs the waybills do not record are query parameters: `variableCostRate` (0..1, default 0.85), `marketingCostPerCustomer` (yuan a year, default 0), `acquisitionCostPerCustomer` (yuan, default 0), `discountRate` (0..10, default 0.1) — defaults from Classification:LifetimeValue. A cohort without customers answers an empty table. Bad values answer 400 naming the field.")
            .Produces<CohortAnswer>()
            .ProducesValidationProblem();

        group.MapPost("/table", (DwyerInput input) => DwyerTableInput.Work(input).ToHttp(x => x))
            .WithName("LifetimeValueTable")
            .WithSummary("Dwyer table of a model entered by hand")
            .WithDescription("Works out the Dwyer customer lifetime value table (DOMAIN.md §4, seed 001) for `initialCustomers`, `acquisitionCostPerCustomer` (yuan, year 1 only), `discountRate` (0..10) and, per year, `retentionRate` (0..1), `ordersPerCustomer`, `averageOrderValue` (yuan), `variableCostRate` (0..1) and `marketingCostPerCustomer` (yuan); at most 50 years. Answers the table year by year; a missing or out-of-range cell answers 400 naming it (e.g. `years[1].retentionRate`).")
            .Produces<IReadOnlyList<DwyerYear>>()
            .ProducesValidationProblem();

        return group;
    }
}
