using CourierCrm.Domain.Incidents;

namespace CourierCrm.Domain.Tests.Incidents;

public class IncidentPolicyTests
{
    [Theory]
    [InlineData(0, IncidentGrade.Ordinary)]
    [InlineData(100_000, IncidentGrade.Ordinary)]        // exactly ¥1,000 is not "over"
    [InlineData(100_001, IncidentGrade.Major)]
    [InlineData(1_000_000, IncidentGrade.Major)]
    [InlineData(1_000_001, IncidentGrade.Extraordinary)]
    public void Grade_follows_the_expected_loss(long lossFen, IncidentGrade grade)
    {
        Assert.Equal(grade, IncidentPolicy.Default.GradeOf(lossFen));
    }

    [Theory]
    [InlineData(50_000, "OutletHead:30")]
    [InlineData(100_000, "OutletHead:30")]
    [InlineData(150_000, "OutletHead:30,NextLevel:120")]
    [InlineData(1_000_001, "OutletHead:30,NextLevel:120,HeadOffice:240")]
    public void Reports_go_up_the_chain_with_the_amount(long lossFen, string expected)
    {
        var duties = IncidentPolicy.Default.ReportsFor(lossFen);

        Assert.Equal(expected, string.Join(",", duties.Select(d => $"{d.Level}:{d.Within.TotalMinutes}")));
    }

    [Fact]
    public void Thresholds_out_of_order_are_invalid()
    {
        var policy = new IncidentPolicy(NextLevelAboveFen: 500_000, HeadOfficeAboveFen: 100_000, MajorAboveFen: 10, ExtraordinaryAboveFen: 5, OutletHeadWithin: TimeSpan.Zero);

        Assert.Equal(["headOfficeAboveFen", "extraordinaryAboveFen", "outletHeadWithin"], policy.InvalidFields());
    }
}
