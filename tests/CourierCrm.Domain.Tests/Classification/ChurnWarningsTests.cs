using CourierCrm.Domain.Classification;

namespace CourierCrm.Domain.Tests.Classification;

public class ChurnWarningsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly ChurnPolicy Policy = new(VolumeDropShare: 0.30m, RecentMonths: 1, BaselineMonths: 6, MinBaselineMonths: 3, SilentDays: 30);

    [Theory]
    // Monthly waybills, oldest first; the last is the most recent complete month.
    // Baseline 100 (average of the 6 months before), recent 60 → 40 % below: warn.
    [InlineData("A", "100,100,100,100,100,100,60", true)]
    // Exactly 30 % below: "more than" the share → no warning.
    [InlineData("A", "100,100,100,100,100,100,70", false)]
    [InlineData("B", "100,100,100,100,100,100,69", true)]
    // C customers are not watched for volume.
    [InlineData("C", "100,100,100,100,100,100,0", false)]
    // No class (no revenue in the period): not watched.
    [InlineData(null, "100,100,100,100,100,100,0", false)]
    // Only the 6 months before the recent one count: the old 1000s are out of the baseline.
    [InlineData("A", "1000,1000,100,100,100,100,100,100,80", false)]
    // Young customer: 3 months of baseline are enough…
    [InlineData("A", "90,100,110,50", true)]
    // …2 are not.
    [InlineData("A", "100,100,10", false)]
    // Nothing to fall from.
    [InlineData("A", "0,0,0,0", false)]
    public void Volume_drop_against_the_customers_own_baseline(string? abc, string months, bool warns)
    {
        var watch = Watch(abc is null ? null : Enum.Parse<AbcClass>(abc), months, lastDaysAgo: 1);

        var warnings = ChurnWarnings.For([watch], Today, Policy);

        Assert.Equal(warns, warnings.Any(w => w.Signal == ChurnSignal.VolumeDrop));
    }

    [Fact]
    public void Volume_warning_carries_its_figures()
    {
        var warning = ChurnWarnings.VolumeDrop(Watch(AbcClass.A, "90,100,110,40", lastDaysAgo: 1), Policy);

        Assert.Equal(new ChurnWarning(1, ChurnSignal.VolumeDrop, BaselineMonthly: 100, RecentMonthly: 40, DropShare: 0.6m), warning);
    }

    [Fact]
    public void Longer_recent_window_averages_its_months()
    {
        var policy = Policy with { RecentMonths = 2 };

        // Baseline 100 (4 months), recent (80 + 50) / 2 = 65 → 35 % below.
        var warning = ChurnWarnings.VolumeDrop(Watch(AbcClass.B, "100,100,100,100,80,50", lastDaysAgo: 1), policy);

        Assert.Equal(0.35m, warning?.DropShare);
    }

    [Theory]
    [InlineData("B", 29, false)]
    [InlineData("B", 30, true)] // exactly the set days warns
    [InlineData("A", 200, true)]
    [InlineData("C", 200, false)] // C customers are not watched for silence (many ship less than monthly)
    [InlineData(null, 400, false)] // no revenue in the period: churned, not a warning
    public void Silence_for_the_set_number_of_days(string? abc, int lastDaysAgo, bool warns)
    {
        var watch = Watch(abc is null ? null : Enum.Parse<AbcClass>(abc), "1,1,1,1", lastDaysAgo);

        var silence = ChurnWarnings.Silence(watch, Today, Policy);

        Assert.Equal(warns, silence is not null);
        if (warns) Assert.Equal(lastDaysAgo, silence!.SilentDays);
    }

    [Fact]
    public void Never_shipped_customer_is_not_silent() =>
        Assert.Null(ChurnWarnings.Silence(new ChurnWatch(1, AbcClass.A, [], null, false), Today, Policy));

    [Fact]
    public void Customers_of_a_departed_rep_are_warned_whatever_their_class()
    {
        var warnings = ChurnWarnings.For(
            [
                new ChurnWatch(1, null, [], null, OwnerDeparted: true),
                new ChurnWatch(2, AbcClass.C, [5, 5, 5, 5], Today, OwnerDeparted: true),
                new ChurnWatch(3, AbcClass.A, [5, 5, 5, 5], Today, OwnerDeparted: false),
            ],
            Today, Policy);

        Assert.Equal([(1, ChurnSignal.OwnerDeparted), (2, ChurnSignal.OwnerDeparted)], warnings.Select(w => (w.CustomerId, w.Signal)));
    }

    [Fact]
    public void One_customer_can_raise_every_signal()
    {
        var watch = Watch(AbcClass.A, "100,100,100,0", lastDaysAgo: 45) with { OwnerDeparted = true };

        var warnings = ChurnWarnings.For([watch], Today, Policy);

        Assert.Equal([ChurnSignal.VolumeDrop, ChurnSignal.Silent, ChurnSignal.OwnerDeparted], warnings.Select(w => w.Signal));
    }

    [Theory]
    [InlineData(0, 1, 6, 3, 30, "VolumeDropShare")]
    [InlineData(1, 1, 6, 3, 30, "VolumeDropShare")]
    [InlineData(0.3, 0, 6, 3, 30, "RecentMonths")]
    [InlineData(0.3, 1, 2, 3, 30, "MinBaselineMonths")]
    [InlineData(0.3, 1, 6, 3, 0, "SilentDays")]
    public void Invalid_settings_name_the_field(double drop, int recent, int baseline, int minBaseline, int silent, string field) =>
        Assert.Contains(field, new ChurnPolicy((decimal)drop, recent, baseline, minBaseline, AbcClass.B, silent).InvalidFields());

    private static ChurnWatch Watch(AbcClass? abc, string months, int lastDaysAgo) =>
        new(1, abc, Revenues.Split(months).Select(int.Parse).ToList(), Today.AddDays(-lastDaysAgo), false);
}
