using CourierCrm.Domain.Complaints;

namespace CourierCrm.Domain.Tests.Complaints;

public class ComplaintMetricsTests
{
    [Theory]
    [InlineData(3, 20_000, "1.50")]
    [InlineData(1, 30_000, "0.33")]
    [InlineData(0, 5_000, "0")]
    [InlineData(4, 0, null)]
    public void Complaint_rate_is_per_ten_thousand_waybills(int complaints, long waybills, string? expected)
    {
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            ComplaintMetrics.PerTenThousandWaybills(complaints, waybills));
    }

    [Theory]
    [InlineData(9, 1, "0.9")]
    [InlineData(2, 1, "0.6667")]
    [InlineData(0, 0, null)]
    public void Compliance_is_the_share_of_clocks_that_met_the_target(int met, int missed, string? expected)
    {
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            ComplaintMetrics.Compliance(met, missed));
    }

    [Theory]
    [InlineData("5,1,3,2,4", 0.5, 3)]
    [InlineData("5,1,3,2,4", 0.9, 5)]
    [InlineData("5,1,3,2,4", 0.2, 1)]
    [InlineData("7", 0.5, 7)]
    public void Percentile_takes_the_nearest_rank(string hours, double share, int expectedHours)
    {
        var values = hours.Split(',').Select(h => TimeSpan.FromHours(int.Parse(h, System.Globalization.CultureInfo.InvariantCulture))).ToList();

        Assert.Equal(TimeSpan.FromHours(expectedHours), ComplaintMetrics.Percentile(values, (decimal)share));
    }

    [Fact]
    public void Percentile_of_nothing_is_unknown()
    {
        Assert.Null(ComplaintMetrics.Percentile([], 0.5m));
    }
}
