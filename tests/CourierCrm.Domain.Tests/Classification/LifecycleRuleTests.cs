using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;

namespace CourierCrm.Domain.Tests.Classification;

public class LifecycleRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly LifecyclePolicy Policy = new(NewForDays: 90, ChurnedAfterDays: 90);

    [Theory]
    // first shipment days ago, last shipment days ago (null = never) → state
    [InlineData(null, null, LifecycleState.Potential)]
    [InlineData(-5, -5, LifecycleState.Potential)] // first waybill after the as-of day: not yet a customer
    [InlineData(0, 0, LifecycleState.New)] // shipped today for the first time
    [InlineData(89, 10, LifecycleState.New)] // last day of the new period
    [InlineData(90, 10, LifecycleState.Loyal)] // first day past it, still shipping
    [InlineData(800, 3, LifecycleState.Loyal)]
    [InlineData(800, 90, LifecycleState.Loyal)] // silent exactly 90 days: not yet churned
    [InlineData(800, 91, LifecycleState.Churned)] // silent more than 90 days
    [InlineData(60, 91, LifecycleState.New)] // inconsistent input (last before first) is read as last = first
    [InlineData(95, 95, LifecycleState.Churned)] // one waybill, long silence: churned wins over new
    [InlineData(30, -2, LifecycleState.New)] // last waybill after the as-of day counts as today
    public void State_from_dates(int? firstDaysAgo, int? lastDaysAgo, LifecycleState expected)
    {
        var state = LifecycleRule.StateOf(DaysAgo(firstDaysAgo), DaysAgo(lastDaysAgo), Today, Policy);

        Assert.Equal(expected, state);
    }

    [Fact]
    public void Transitions_of_one_customer_on_a_test_clock()
    {
        // A customer registered on 1 Jan, first waybill 1 Mar, ships until 1 Jul, silent, back on 1 Dec.
        var waybills = new[] { new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 10), new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 1) };
        (DateOnly Day, LifecycleState State)[] expected =
        [
            (new(2026, 1, 1), LifecycleState.Potential),
            (new(2026, 2, 28), LifecycleState.Potential),
            (new(2026, 3, 1), LifecycleState.New),
            (new(2026, 5, 29), LifecycleState.New), // day 89 after the first waybill
            (new(2026, 5, 30), LifecycleState.Loyal), // day 90
            (new(2026, 9, 29), LifecycleState.Loyal), // 90 days after 1 Jul
            (new(2026, 9, 30), LifecycleState.Churned), // 91 days
            (new(2026, 11, 30), LifecycleState.Churned),
            (new(2026, 12, 1), LifecycleState.Loyal), // won back: shipped again, long past its first months
        ];

        foreach (var (day, state) in expected)
        {
            var seen = waybills.Where(w => w <= day).ToList();
            var actual = LifecycleRule.StateOf(seen.Count > 0 ? seen.Min() : null, seen.Count > 0 ? seen.Max() : null, day, Policy);
            Assert.True(state == actual, $"On {day:yyyy-MM-dd} expected {state}, got {actual}.");
        }
    }

    [Theory]
    [InlineData(30, 60, 40, 50, LifecycleState.Churned)] // silent 40 > 30 though the first waybill is recent
    [InlineData(30, 60, 20, 20, LifecycleState.New)]
    [InlineData(30, 60, 20, 70, LifecycleState.Loyal)]
    public void Limits_are_configurable(int churnedAfterDays, int newForDays, int lastDaysAgo, int firstDaysAgo, LifecycleState expected) =>
        Assert.Equal(expected, LifecycleRule.StateOf(DaysAgo(firstDaysAgo), DaysAgo(lastDaysAgo), Today, new LifecyclePolicy(newForDays, churnedAfterDays)));

    [Fact]
    public void Limits_below_one_day_are_invalid() =>
        Assert.Equal(["NewForDays", "ChurnedAfterDays"], new LifecyclePolicy(0, 0).InvalidFields());

    private static DateOnly? DaysAgo(int? days) => days is { } d ? Today.AddDays(-d) : null;
}
