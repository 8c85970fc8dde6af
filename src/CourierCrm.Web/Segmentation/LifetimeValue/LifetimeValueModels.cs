using CourierCrm.Domain.Classification;

namespace CourierCrm.Web.Segmentation.Ltv;

/// <summary>
/// The costs the waybills do not record, entered for a cohort taken from the data. Omitted values take
/// the defaults of the predicted lifetime value (Classification:LifetimeValue: variable cost share 0.85,
/// discount rate 0.10, marketing 0 yuan a customer and year) and no acquisition cost.
/// </summary>
public sealed class CohortCostInput
{
    /// <summary>Variable cost (line haul, sorting, delivery) as a share of revenue, 0..1.</summary>
    public decimal? VariableCostRate { get; set; }
    /// <summary>Marketing and service cost per active customer and year (yuan).</summary>
    public decimal? MarketingCostPerCustomer { get; set; }
    /// <summary>Cost of winning one customer (yuan), spent in the acquisition year.</summary>
    public decimal? AcquisitionCostPerCustomer { get; set; }
    /// <summary>Yearly discount rate, 0..10 (0.1 = 10 %).</summary>
    public decimal? DiscountRate { get; set; }
}

/// <summary>One observed year of a cohort: the calendar year (China time) and what its members did then.</summary>
public sealed record CohortYearView(int CalendarYear, int ActiveCustomers, long Orders, long RevenueFen, bool Partial);

/// <summary>A cohort (customers whose first waybill fell in <paramref name="AcquisitionYear"/>) and its Dwyer table.</summary>
/// <param name="Table">Empty when the viewer has no customer acquired in that year.</param>
public sealed record CohortAnswer(
    int AcquisitionYear, int Customers, IReadOnlyList<CohortYearView> Years, CohortCostAssumptions Costs, IReadOnlyList<DwyerYear> Table);

/// <summary>One year of a hand-entered Dwyer table (POST /api/v1/lifetime-value/table).</summary>
public sealed class DwyerYearInput
{
    /// <summary>Share of this year's customers still customers next year, 0..1.</summary>
    public decimal? RetentionRate { get; set; }
    public decimal? OrdersPerCustomer { get; set; }
    /// <summary>Revenue per waybill (yuan).</summary>
    public decimal? AverageOrderValue { get; set; }
    /// <summary>Variable cost as a share of revenue, 0..1.</summary>
    public decimal? VariableCostRate { get; set; }
    /// <summary>Marketing and service cost per customer in the year (yuan).</summary>
    public decimal? MarketingCostPerCustomer { get; set; }
}

/// <summary>A Dwyer model entered by hand, year by year (seed 001's table).</summary>
public sealed class DwyerInput
{
    public decimal? InitialCustomers { get; set; }
    /// <summary>Cost of winning one customer (yuan), spent in year 1.</summary>
    public decimal? AcquisitionCostPerCustomer { get; set; }
    /// <summary>Yearly discount rate, 0..10.</summary>
    public decimal? DiscountRate { get; set; }
    public List<DwyerYearInput?> Years { get; set; } = [];
}
