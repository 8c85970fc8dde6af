using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;

namespace CourierCrm.Domain.Tests.Classification;

public class ClassificationRunTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly CustomerActivity[] Customers =
    [
        // id, revenue (fen), waybills, active months, first, last
        new(1, 700_00, 120, 12, new(2023, 5, 1), new(2026, 11, 20)),
        new(2, 200_00, 10, 3, new(2026, 9, 1), new(2026, 11, 1)),
        new(3, 100_00, 40, 10, new(2024, 1, 1), new(2026, 7, 1)),
        CustomerActivity.NeverShipped(4),
        new(5, 0, 0, 0, new(2022, 1, 1), new(2025, 3, 1)),
    ];

    [Fact]
    public void One_run_gives_every_class_of_every_customer()
    {
        var result = ClassificationRun.Classify(Customers, Today, ClassificationPolicy.Default);

        Assert.Equal(
            [
                // ABC: customer 1 makes 70 % → A; 2 starts at 70 % → B; 3 starts at 90 % → B.
                // Pyramid of 3 paying customers: 1 ahead is not below 20 % of 3 (0.6) but below 50 % (1.5) → ordinary; 2 ahead → small.
                new CustomerClassification(1, 700_00, AbcClass.A, ValuePyramidTier.Important, KeyAccountTier.Key, new RfmScore(5, 5, 5), LoyaltyValueQuadrant.Core, LifecycleState.Loyal),
                new CustomerClassification(2, 200_00, AbcClass.B, ValuePyramidTier.Ordinary, KeyAccountTier.Ordinary, new RfmScore(3, 1, 3), LoyaltyValueQuadrant.HighValueLowLoyalty, LifecycleState.New),
                new CustomerClassification(3, 100_00, AbcClass.B, ValuePyramidTier.Small, KeyAccountTier.Ordinary, new RfmScore(1, 3, 1), LoyaltyValueQuadrant.LoyalLowValue, LifecycleState.Churned),
                new CustomerClassification(4, 0, null, null, null, null, null, LifecycleState.Potential),
                new CustomerClassification(5, 0, null, null, null, null, null, LifecycleState.Churned),
            ],
            result.Customers);
        Assert.Equal(new AbcMix(1, 2, 0), result.AbcMix);
        Assert.Equal(new LoyaltyValueThresholds(10, 200_00), result.LoyaltyValueThresholds);
        Assert.Equal(new ClassificationPeriod(new(2025, 11, 24), Today), result.Period);
    }

    [Fact]
    public void Running_twice_for_the_same_day_changes_nothing()
    {
        var first = ClassificationRun.Classify(Customers, Today, ClassificationPolicy.Default);
        var second = ClassificationRun.Classify(Customers.Reverse().ToArray(), Today, ClassificationPolicy.Default);

        Assert.Equal(first.Customers, second.Customers);
        Assert.Empty(ClassChanges.Between(first.Customers, second.Customers));
    }

    [Fact]
    public void Low_credit_customer_is_small_in_the_pyramid_only()
    {
        var customers = Customers.Select(c => c.CustomerId == 1 ? c with { LowCredit = true } : c).ToArray();

        var top = ClassificationRun.Classify(customers, Today, ClassificationPolicy.Default).Customers[0];

        Assert.Equal((AbcClass.A, ValuePyramidTier.Small, KeyAccountTier.Key), (top.Abc!.Value, top.Pyramid!.Value, top.KeyAccount!.Value));
    }

    [Fact]
    public void Default_policy_is_valid_and_cites_the_documented_figures()
    {
        var policy = ClassificationPolicy.Default;

        Assert.Empty(policy.InvalidFields());
        Assert.Equal(12, policy.PeriodMonths);
        Assert.Equal((0.70m, 0.95m), (policy.Abc.AShare, policy.Abc.BShare));
        Assert.Equal((0.01m, 0.19m, 0.30m), (policy.Pyramid.ImportantShare, policy.Pyramid.MajorShare, policy.Pyramid.OrdinaryShare));
        Assert.Equal((0.01m, 0.20m), (policy.KeyAccount.KeyShare, policy.KeyAccount.TopShare));
        Assert.Equal(5, policy.Rfm.Grades);
    }

    [Fact]
    public void Invalid_policy_lists_each_bad_setting_by_path_and_is_refused_by_the_run()
    {
        var policy = ClassificationPolicy.Default with
        {
            PeriodMonths = 0,
            Abc = new AbcPolicy(0.9m, 0.8m),
            Lifecycle = new LifecyclePolicy(NewForDays: 0),
        };

        Assert.Equal(["periodMonths", "abc.bShare", "lifecycle.newForDays"], policy.InvalidFields());
        Assert.Throws<ArgumentException>(() => ClassificationRun.Classify(Customers, Today, policy));
    }

    [Theory]
    [InlineData("2026-11-23", 12, "2025-11-24")]
    [InlineData("2026-02-28", 1, "2026-01-29")]
    [InlineData("2024-02-29", 12, "2023-03-01")]
    public void Period_ends_on_the_as_of_day(string asOf, int months, string from)
    {
        var period = ClassificationPeriod.Ending(DateOnly.Parse(asOf), months);

        Assert.Equal(new ClassificationPeriod(DateOnly.Parse(from), DateOnly.Parse(asOf)), period);
        Assert.True(period.Contains(DateOnly.Parse(asOf)));
        Assert.False(period.Contains(DateOnly.Parse(from).AddDays(-1)));
    }

    [Theory]
    // Beijing is UTC+8: 23 Nov 16:30 UTC is already 24 Nov there.
    [InlineData("2026-11-23T16:30:00+00:00", "2026-11-24")]
    [InlineData("2026-11-23T15:59:59+00:00", "2026-11-23")]
    public void Today_is_taken_in_the_company_time_zone(string instant, string day)
    {
        var beijing = TimeZoneInfo.CreateCustomTimeZone("Beijing", TimeSpan.FromHours(8), "Beijing", "Beijing");

        Assert.Equal(DateOnly.Parse(day), ClassificationPeriod.DayOf(DateTimeOffset.Parse(instant), beijing));
    }
}
