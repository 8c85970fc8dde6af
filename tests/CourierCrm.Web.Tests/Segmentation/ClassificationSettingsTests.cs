using CourierCrm.Web.Segmentation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CourierCrm.Web.Tests.Segmentation;

/// <summary>
/// Every classification threshold comes from the "Classification" settings, and a wrong one stops the
/// application at start with a message naming it (issue 4: "Every threshold configurable").
/// </summary>
public sealed class ClassificationSettingsTests
{
    [Fact]
    public void Without_settings_the_policy_is_the_one_domain_md_describes()
    {
        var options = SegmentationModule.Options(Settings());

        Assert.Equal(CourierCrm.Domain.Classification.ClassificationPolicy.Default, options.Policy);
    }

    [Fact]
    public void Every_threshold_is_read_from_the_classification_section()
    {
        var options = SegmentationModule.Options(Settings(
            ("PeriodMonths", "6"), ("Abc:AShare", "0.6"), ("Abc:BShare", "0.9"), ("Pyramid:ImportantShare", "0.02"),
            ("Pyramid:MajorShare", "0.18"), ("Pyramid:OrdinaryShare", "0.4"), ("KeyAccount:KeyShare", "0.05"), ("KeyAccount:TopShare", "0.25"),
            ("Rfm:Grades", "4"), ("LoyaltyValue:LoyaltyThresholdActiveMonths", "3"), ("LoyaltyValue:ValueThresholdFen", "100000"),
            ("Lifecycle:NewForDays", "60"), ("Lifecycle:ChurnedAfterDays", "120"), ("LifetimeValue:Years", "3")));

        var p = options.Policy;
        Assert.Equal((6, 0.6m, 0.9m), (p.PeriodMonths, p.Abc.AShare, p.Abc.BShare));
        Assert.Equal((0.02m, 0.18m, 0.4m), (p.Pyramid.ImportantShare, p.Pyramid.MajorShare, p.Pyramid.OrdinaryShare));
        Assert.Equal((0.05m, 0.25m, 4), (p.KeyAccount.KeyShare, p.KeyAccount.TopShare, p.Rfm.Grades));
        Assert.Equal((3, 100_000L), (p.LoyaltyValue.LoyaltyThresholdActiveMonths, p.LoyaltyValue.ValueThresholdFen));
        Assert.Equal((60, 120), (p.Lifecycle.NewForDays, p.Lifecycle.ChurnedAfterDays));
        Assert.Equal(3, options.LifetimeValue.Model().Years.Count);
    }

    [Theory]
    [InlineData("Abc:BShare", "0.5", "Classification:Abc:BShare = 0.5")]
    [InlineData("Pyramid:OrdinaryShare", "0.9", "Classification:Pyramid:OrdinaryShare = 0.9")]
    [InlineData("Rfm:Grades", "1", "Classification:Rfm:Grades = 1")]
    [InlineData("Lifecycle:ChurnedAfterDays", "0", "Classification:Lifecycle:ChurnedAfterDays = 0")]
    [InlineData("LifetimeValue:RetentionRate", "1.5", "Classification:LifetimeValue:RetentionRate = 1.5")]
    [InlineData("PeriodMonths", "0", "Classification:PeriodMonths = 0")]
    [InlineData("NightlyCron", "every night", "Classification:NightlyCron")]
    [InlineData("KeyAccount:TopShare", "lots", "Classification:KeyAccount:TopShare")]
    public void A_wrong_setting_stops_the_start_naming_it(string key, string value, string named)
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddSegmentation(Settings((key, value))));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>("Classification:" + s.Key, s.Value)))
            .Build();
}
