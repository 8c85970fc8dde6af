using CourierCrm.Domain.Incidents;

namespace CourierCrm.Domain.Tests.Incidents;

public class ApprovalLadderTests
{
    [Theory]
    [InlineData(0, ApprovalLevel.Supervisor)]
    [InlineData(50_000, ApprovalLevel.Supervisor)]     // up to and including ¥500
    [InlineData(50_001, ApprovalLevel.OutletHead)]
    [InlineData(200_000, ApprovalLevel.OutletHead)]
    [InlineData(1_000_000, ApprovalLevel.RegionManager)]
    [InlineData(1_000_001, ApprovalLevel.HeadOffice)]
    public void The_amount_decides_who_approves(long amountFen, ApprovalLevel level)
    {
        Assert.Equal(level, ApprovalLadder.Default.RequiredFor(amountFen));
    }

    [Theory]
    [InlineData(ApprovalLevel.RegionManager, 60_000, true)]  // higher levels may approve smaller amounts
    [InlineData(ApprovalLevel.Supervisor, 60_000, false)]
    [InlineData(ApprovalLevel.HeadOffice, 99_000_000, true)]
    public void A_level_approves_what_its_rung_and_those_below_cover(ApprovalLevel approver, long amountFen, bool allowed)
    {
        Assert.Equal(allowed, ApprovalLadder.Default.MayApprove(approver, amountFen));
    }

    [Fact]
    public void A_ladder_must_rise_and_end_without_a_limit()
    {
        var ladder = new ApprovalLadder([new(100, ApprovalLevel.OutletHead), new(50, ApprovalLevel.Supervisor), new(200, ApprovalLevel.HeadOffice)]);

        Assert.Equal(["rungs", "rungs[1].upToFen", "rungs[1].level"], ladder.InvalidFields());
    }

    [Theory]
    [InlineData("2026-01-10", "2027-01-10", true)]
    [InlineData("2026-01-10", "2027-01-11", false)]
    public void A_customer_claim_is_in_time_within_a_year_of_sending(string sent, string filed, bool inTime)
    {
        Assert.Equal(inTime, ClaimDeadlines.Default.CustomerClaimInTime(DateOnly.Parse(sent), DateOnly.Parse(filed)));
    }

    [Fact]
    public void Recovery_from_a_third_party_is_due_ninety_days_after_recording()
    {
        Assert.Equal(new DateOnly(2027, 2, 21), ClaimDeadlines.Default.RecoveryBy(new DateOnly(2026, 11, 23)));
    }
}
