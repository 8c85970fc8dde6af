using CourierCrm.Domain.Classification;

namespace CourierCrm.Domain.Tests.Classification;

public class LifetimeValueTests
{
    // 1,000 customers won at 50 yuan each, discount rate 25 % a year.
    //   year  retention  orders  order value  variable cost  marketing/customer
    //   1     50 %       2       100          60 %           10
    //   2     60 %       3       100          50 %           10
    //   3     (70 %)     4       100          50 %           10
    private static readonly DwyerModel Model = new(
        InitialCustomers: 1000,
        AcquisitionCostPerCustomer: 50,
        DiscountRate: 0.25m,
        Years:
        [
            new(RetentionRate: 0.5m, OrdersPerCustomer: 2, AverageOrderValue: 100, VariableCostRate: 0.6m, MarketingCostPerCustomer: 10),
            new(RetentionRate: 0.6m, OrdersPerCustomer: 3, AverageOrderValue: 100, VariableCostRate: 0.5m, MarketingCostPerCustomer: 10),
            new(RetentionRate: 0.7m, OrdersPerCustomer: 4, AverageOrderValue: 100, VariableCostRate: 0.5m, MarketingCostPerCustomer: 10),
        ]);

    [Fact]
    public void Dwyer_table_worked_by_hand()
    {
        // Year 1: customers 1,000. Revenue 1,000 × 2 × 100 = 200,000. Variable cost 60 % = 120,000.
        //   Marketing 1,000 × 10 = 10,000. Acquisition 1,000 × 50 = 50,000. Total cost 180,000.
        //   Profit 20,000. Discount factor 1.25^0 = 1 → NPV 20,000. Cumulative 20,000. CLV 20,000 / 1,000 = 20.
        // Year 2: customers 1,000 × 50 % = 500. Revenue 500 × 3 × 100 = 150,000. Variable 50 % = 75,000.
        //   Marketing 5,000. No acquisition. Total 80,000. Profit 70,000. Factor 1.25 → NPV 56,000.
        //   Cumulative 76,000. CLV 76.
        // Year 3: customers 500 × 60 % = 300. Revenue 300 × 4 × 100 = 120,000. Variable 60,000.
        //   Marketing 3,000. Total 63,000. Profit 57,000. Factor 1.25² = 1.5625 → NPV 36,480.
        //   Cumulative 112,480. CLV 112.48.
        var table = LifetimeValue.Table(Model);

        Assert.Equal(
            [
                new DwyerYear(1, 1000, 0.5m, 2, 100, 200_000, 120_000, 10_000, 50_000, 180_000, 20_000, 1, 20_000, 20_000, 20),
                new DwyerYear(2, 500, 0.6m, 3, 100, 150_000, 75_000, 5_000, 0, 80_000, 70_000, 1.25m, 56_000, 76_000, 76),
                new DwyerYear(3, 300, 0.7m, 4, 100, 120_000, 60_000, 3_000, 0, 63_000, 57_000, 1.5625m, 36_480, 112_480, 112.48m),
            ],
            table.Select(Normalised));
    }

    [Fact]
    public void Lifetime_value_rises_over_the_years_while_the_retained_customers_make_a_profit()
    {
        var table = LifetimeValue.Table(Model);

        Assert.True(table.Zip(table.Skip(1)).All(p => p.Second.LifetimeValuePerCustomer > p.First.LifetimeValuePerCustomer));
    }

    [Fact]
    public void Predicted_lifetime_value_of_one_customer_worked_by_hand()
    {
        // A customer bringing 200 yuan a year (the model's year-1 revenue per customer), no acquisition cost:
        // Year 1: 200 × (1 − 0.6) − 10 = 70; survives 1; factor 1 → 70.
        // Year 2: revenue grows as the model's, 200 × 300/200 = 300 → 300 × 0.5 − 10 = 140; survives 0.5; / 1.25 → 56.
        // Year 3: 200 × 400/200 = 400 → 190; survives 0.5 × 0.6 = 0.3; / 1.5625 → 36.48.
        // Total 162.48 = the cohort's CLV 112.48 + the 50 yuan it cost to win each customer.
        Assert.Equal(162.48m, Normalise(LifetimeValue.PredictPerCustomer(200, Model)));
    }

    [Theory]
    [InlineData(0, -10 - 10 * 0.5 / 1.25 - 10 * 0.3 / 1.5625)] // no revenue: only the marketing spent on it
    [InlineData(400, 2 * 162.48 + 10 + 10 * 0.5 / 1.25 + 10 * 0.3 / 1.5625)] // margin doubles, marketing does not
    public void Predicted_value_ranks_customers_by_their_revenue(double annualRevenue, double expected) =>
        Assert.Equal((decimal)expected, Normalise(LifetimeValue.PredictPerCustomer((decimal)annualRevenue, Model)), 10);

    [Fact]
    public void Cohort_from_data_gives_retention_orders_and_order_value()
    {
        // Customers first shipping in 2024: 200 active in 2024, 120 in 2025, 90 in 2026.
        var model = LifetimeValue.FromCohort(
            [new(200, 2_000, 3_000_000), new(120, 1_800, 2_160_000), new(90, 1_800, 1_800_000)],
            new CohortCostAssumptions(VariableCostRate: 0.6m, MarketingCostPerCustomer: 20, AcquisitionCostPerCustomer: 80, DiscountRate: 0.1m));

        Assert.Equal(200, model.InitialCustomers);
        Assert.Equal(80, model.AcquisitionCostPerCustomer);
        Assert.Equal(0.1m, model.DiscountRate);
        Assert.Equal(
            [
                new DwyerYearAssumptions(0.6m, 10, 15, 0.6m, 20), // 120/200, 2000/200, 30,000 yuan / 2000
                new DwyerYearAssumptions(0.75m, 15, 12, 0.6m, 20), // 90/120, 1800/120, 21,600 / 1800
                new DwyerYearAssumptions(0.75m, 20, 10, 0.6m, 20), // last year keeps the previous retention
            ],
            model.Years.Select(y => y with { RetentionRate = Normalise(y.RetentionRate), OrdersPerCustomer = Normalise(y.OrdersPerCustomer), AverageOrderValue = Normalise(y.AverageOrderValue) }));
    }

    [Fact]
    public void Cohort_edge_cases_give_zeros_not_errors()
    {
        var oneYear = LifetimeValue.FromCohort([new(10, 0, 0)], new CohortCostAssumptions(0.5m, 0, 0, 0));
        var quietYear = LifetimeValue.FromCohort([new(10, 10, 1000), new(0, 0, 0), new(3, 3, 300)], new CohortCostAssumptions(0.5m, 0, 0, 0));
        var comeBack = LifetimeValue.FromCohort([new(10, 10, 1000), new(12, 12, 1200)], new CohortCostAssumptions(0.5m, 0, 0, 0));

        // One year only: no retention known, no orders → zeros.
        Assert.Equal(new DwyerYearAssumptions(0, 0, 0, 0.5m, 0), oneYear.Years[0]);
        // 0 / 10; then 3 / 0 counts as 0 (the model has nobody left to retain); the last year keeps 0.
        Assert.Equal([0m, 0m, 0m], quietYear.Years.Select(y => y.RetentionRate));
        Assert.Equal(0m, quietYear.Years[1].AverageOrderValue);
        // More members active the next year (some came back): retention capped at 100 %.
        Assert.Equal(1m, comeBack.Years[0].RetentionRate);
        Assert.Throws<ArgumentException>(() => LifetimeValue.FromCohort([], new CohortCostAssumptions(0.5m, 0, 0, 0)));
    }

    [Fact]
    public void Invalid_hand_entered_model_names_the_fields()
    {
        var model = Model with
        {
            InitialCustomers = 0,
            Years = [Model.Years[0] with { RetentionRate = 1.5m, VariableCostRate = -0.1m }],
        };

        Assert.Equal(["initialCustomers", "years[0].retentionRate", "years[0].variableCostRate"], model.InvalidFields());
        Assert.Throws<ArgumentException>(() => LifetimeValue.Table(model));
    }

    /// <summary>Drops trailing zeros decimal arithmetic leaves (1.2500 → 1.25) so rows compare by value and print cleanly.</summary>
    private static decimal Normalise(decimal value) => value / 1.000000000000000000000000000000000m;

    private static DwyerYear Normalised(DwyerYear y) => y with
    {
        Customers = Normalise(y.Customers),
        Revenue = Normalise(y.Revenue),
        VariableCost = Normalise(y.VariableCost),
        MarketingCost = Normalise(y.MarketingCost),
        AcquisitionCost = Normalise(y.AcquisitionCost),
        TotalCost = Normalise(y.TotalCost),
        Profit = Normalise(y.Profit),
        DiscountFactor = Normalise(y.DiscountFactor),
        NetPresentValue = Normalise(y.NetPresentValue),
        CumulativeNetPresentValue = Normalise(y.CumulativeNetPresentValue),
        LifetimeValuePerCustomer = Normalise(y.LifetimeValuePerCustomer),
    };
}
