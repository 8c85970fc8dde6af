using CourierCrm.Domain.Incidents;
using CourierCrm.Web.Claims;
using CourierCrm.Web.Complaints;

namespace CourierCrm.Web.Tests.Claims;

/// <summary>The "Claims" settings are checked at start: a bad one is named as in appsettings.</summary>
public sealed class ClaimOptionsTests
{
    [Fact]
    public void The_defaults_are_the_domains_and_valid()
    {
        var options = new ClaimOptions();

        Assert.Empty(options.Problems());
        Assert.Equal(CompensationRule.Default, options.Rule());
        Assert.Equal(ClaimDeadlines.Default, options.Deadlines());
        Assert.Same(ApprovalLadder.Default, options.Ladder());
    }

    public static TheoryData<Action<ClaimOptions>, string> BadSettings => new()
    {
        { o => o.UninsuredFreightMultiple = 0, "Claims:UninsuredFreightMultiple" },
        { o => o.CustomerClaimDays = 0, "Claims:CustomerClaimDays" },
        { o => o.RecoveryDays = -5, "Claims:RecoveryDays" },
        { o => o.ApprovalLadder = [new() { UpToYuan = 500, Level = ApprovalLevel.Supervisor }], "Claims:ApprovalLadder (rungs)" },
        {
            o => o.ApprovalLadder = [new() { UpToYuan = 500, Level = ApprovalLevel.Supervisor }, new() { UpToYuan = 400, Level = ApprovalLevel.OutletHead }, new() { Level = ApprovalLevel.HeadOffice }],
            "Claims:ApprovalLadder (rungs[1].upToFen)"
        },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_is_named(Action<ClaimOptions> change, string named)
    {
        var options = new ClaimOptions();
        change(options);

        Assert.Contains(named, options.Problems());
    }

    [Fact]
    public void A_configured_ladder_is_read_in_yuan()
    {
        var options = new ClaimOptions
        {
            ApprovalLadder = [new() { UpToYuan = 1_000, Level = ApprovalLevel.OutletHead }, new() { Level = ApprovalLevel.HeadOffice }],
        };

        Assert.Equal(ApprovalLevel.OutletHead, options.Ladder().RequiredFor(100_000));
        Assert.Equal(ApprovalLevel.HeadOffice, options.Ladder().RequiredFor(100_001));
    }
}
