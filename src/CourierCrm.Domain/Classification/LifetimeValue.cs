namespace CourierCrm.Domain.Classification;

/// <summary>
/// Assumptions for one year of a Dwyer table (DOMAIN.md §4, seed 001). Money is in yuan: the table
/// is an estimate, kept in unrounded decimals and rounded only when shown.
/// </summary>
/// <param name="RetentionRate">Share of this year's customers still customers next year (0..1).</param>
/// <param name="OrdersPerCustomer">Waybills per customer in the year.</param>
/// <param name="AverageOrderValue">Revenue per waybill (yuan).</param>
/// <param name="VariableCostRate">Variable cost as a share of revenue (0..1).</param>
/// <param name="MarketingCostPerCustomer">Marketing and service cost per customer in the year (yuan).</param>
public sealed record DwyerYearAssumptions(
    decimal RetentionRate,
    decimal OrdersPerCustomer,
    decimal AverageOrderValue,
    decimal VariableCostRate,
    decimal MarketingCostPerCustomer);

/// <summary>A cohort as the Dwyer model sees it: how many were won, what winning one cost, and each year's assumptions.</summary>
/// <param name="AcquisitionCostPerCustomer">Cost of winning one customer, spent in year 1 only (yuan).</param>
/// <param name="DiscountRate">Yearly discount rate: year t's profit is divided by (1 + rate)^(t − 1).</param>
public sealed record DwyerModel(
    decimal InitialCustomers,
    decimal AcquisitionCostPerCustomer,
    decimal DiscountRate,
    IReadOnlyList<DwyerYearAssumptions> Years)
{
    /// <summary>Invalid inputs as field paths ("years[1].retentionRate"), for the hand-entry form.</summary>
    public IEnumerable<string> InvalidFields()
    {
        if (InitialCustomers <= 0) yield return "initialCustomers";
        if (AcquisitionCostPerCustomer < 0) yield return "acquisitionCostPerCustomer";
        if (DiscountRate < 0 || DiscountRate > 10) yield return "discountRate";
        if (Years.Count is 0 or > 50) yield return "years";
        for (var i = 0; i < Years.Count; i++)
        {
            var y = Years[i];
            if (y.RetentionRate is < 0 or > 1) yield return $"years[{i}].retentionRate";
            if (y.OrdersPerCustomer < 0) yield return $"years[{i}].ordersPerCustomer";
            if (y.AverageOrderValue < 0) yield return $"years[{i}].averageOrderValue";
            if (y.VariableCostRate is < 0 or > 1) yield return $"years[{i}].variableCostRate";
            if (y.MarketingCostPerCustomer < 0) yield return $"years[{i}].marketingCostPerCustomer";
        }
    }
}

/// <summary>One row of the Dwyer table (seed 001 客户生命周期价值计算表), amounts in yuan.</summary>
/// <param name="Customers">Customers at the start of the year: initial × earlier retention rates (expected, not rounded).</param>
/// <param name="DiscountFactor">(1 + discount rate)^(year − 1).</param>
/// <param name="LifetimeValuePerCustomer">Cumulative NPV / initial customers: CLV(t) (DOMAIN.md §4).</param>
public sealed record DwyerYear(
    int Year,
    decimal Customers,
    decimal RetentionRate,
    decimal OrdersPerCustomer,
    decimal AverageOrderValue,
    decimal Revenue,
    decimal VariableCost,
    decimal MarketingCost,
    decimal AcquisitionCost,
    decimal TotalCost,
    decimal Profit,
    decimal DiscountFactor,
    decimal NetPresentValue,
    decimal CumulativeNetPresentValue,
    decimal LifetimeValuePerCustomer);

/// <summary>What the data says about a cohort in one year (e.g. the customers first shipping in 2024, in 2025).</summary>
/// <param name="ActiveCustomers">Cohort members with at least one waybill that year.</param>
public sealed record CohortYearObservation(int ActiveCustomers, long Orders, long RevenueFen);

/// <summary>Costs the waybills do not record; entered by the manager for a cohort taken from data.</summary>
public sealed record CohortCostAssumptions(
    decimal VariableCostRate,
    decimal MarketingCostPerCustomer,
    decimal AcquisitionCostPerCustomer,
    decimal DiscountRate);

/// <summary>
/// The Dwyer customer lifetime value model (DOMAIN.md §4, seed 001): year by year customers,
/// retention, orders, order value, revenue, costs, profit, discounting, NPV and cumulative NPV;
/// CLV = cumulative NPV / initial customers, rising over the years.
/// </summary>
public static class LifetimeValue
{
    public static IReadOnlyList<DwyerYear> Table(DwyerModel model)
    {
        if (model.InvalidFields().Any())
            throw new ArgumentException($"Invalid lifetime value model: {string.Join(", ", model.InvalidFields())}.", nameof(model));
        var rows = new List<DwyerYear>(model.Years.Count);
        var customers = model.InitialCustomers;
        var factor = 1m;
        var cumulative = 0m;
        for (var i = 0; i < model.Years.Count; i++)
        {
            var y = model.Years[i];
            var revenue = customers * y.OrdersPerCustomer * y.AverageOrderValue;
            var variable = revenue * y.VariableCostRate;
            var marketing = customers * y.MarketingCostPerCustomer;
            var acquisition = i == 0 ? model.InitialCustomers * model.AcquisitionCostPerCustomer : 0;
            var total = variable + marketing + acquisition;
            var profit = revenue - total;
            var npv = profit / factor;
            cumulative += npv;
            rows.Add(new(i + 1, customers, y.RetentionRate, y.OrdersPerCustomer, y.AverageOrderValue, revenue,
                variable, marketing, acquisition, total, profit, factor, npv, cumulative, cumulative / model.InitialCustomers));
            customers *= y.RetentionRate;
            factor *= 1 + model.DiscountRate;
        }
        return rows;
    }

    /// <summary>
    /// Predicted lifetime value of one existing customer, for ranking: the model's years applied to
    /// this customer's own yearly revenue. Year t's revenue is the customer's revenue scaled as the
    /// model's revenue per customer grows from year 1; it survives to year t with the product of the
    /// earlier retention rates; no acquisition cost (it is already won). Equals the cohort's
    /// final CLV plus the acquisition cost when the customer's revenue is the model's year-1 revenue
    /// per customer. A model with zero year-1 revenue gives the customer's margin without growth.
    /// </summary>
    public static decimal PredictPerCustomer(decimal annualRevenue, DwyerModel model)
    {
        if (model.InvalidFields().Any())
            throw new ArgumentException($"Invalid lifetime value model: {string.Join(", ", model.InvalidFields())}.", nameof(model));
        var first = model.Years[0].OrdersPerCustomer * model.Years[0].AverageOrderValue;
        var survival = 1m;
        var factor = 1m;
        var value = 0m;
        foreach (var y in model.Years)
        {
            var perCustomer = y.OrdersPerCustomer * y.AverageOrderValue;
            var revenue = first == 0 ? annualRevenue : annualRevenue * perCustomer / first;
            value += (revenue * (1 - y.VariableCostRate) - y.MarketingCostPerCustomer) * survival / factor;
            survival *= y.RetentionRate;
            factor *= 1 + model.DiscountRate;
        }
        return value;
    }

    /// <summary>
    /// Builds the model from a cohort's observed years (first entry = the year it was won):
    /// retention(t) = active(t + 1) / active(t), orders per customer = orders / active, order value =
    /// revenue / orders. The last observed year has no next year, so it keeps the previous year's
    /// retention (0 when only one year is known). Retention is capped at 1: members quiet for a year
    /// can come back, but the model only lets customers leave. A year without active customers or orders
    /// gives zeros rather than a division error.
    /// </summary>
    public static DwyerModel FromCohort(IReadOnlyList<CohortYearObservation> years, CohortCostAssumptions costs)
    {
        if (years.Count == 0 || years[0].ActiveCustomers <= 0)
            throw new ArgumentException("A cohort needs at least its first year with customers.", nameof(years));
        var assumptions = new List<DwyerYearAssumptions>(years.Count);
        for (var i = 0; i < years.Count; i++)
        {
            var y = years[i];
            decimal retention = i + 1 < years.Count
                ? Ratio(years[i + 1].ActiveCustomers, y.ActiveCustomers)
                : i > 0 ? assumptions[i - 1].RetentionRate : 0;
            assumptions.Add(new(
                Math.Min(1, retention),
                Ratio(y.Orders, y.ActiveCustomers),
                Ratio(y.RevenueFen, y.Orders) / 100m,
                costs.VariableCostRate,
                costs.MarketingCostPerCustomer));
        }
        return new(years[0].ActiveCustomers, costs.AcquisitionCostPerCustomer, costs.DiscountRate, assumptions);
    }

    private static decimal Ratio(long part, long whole) => whole == 0 ? 0 : (decimal)part / whole;
}
