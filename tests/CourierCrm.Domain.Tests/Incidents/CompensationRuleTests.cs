using CourierCrm.Domain.Incidents;

namespace CourierCrm.Domain.Tests.Incidents;

public class CompensationRuleTests
{
    // Amounts in fen. Default rule: uninsured up to 3 × freight.
    [Theory]
    // Insured: the actual loss, up to the declared value.
    [InlineData(500_000, 300_000, true, 400_000, 2_000, 300_000, CompensationLimit.ActualLoss)]
    [InlineData(500_000, 500_000, true, 400_000, 2_000, 400_000, CompensationLimit.DeclaredValue)]
    // The customer asked for less than the rule allows: the claim.
    [InlineData(100_000, 300_000, true, 400_000, 2_000, 100_000, CompensationLimit.Claimed)]
    // Uninsured: the actual loss up to three times the freight.
    [InlineData(80_000, 80_000, false, 0, 2_000, 6_000, CompensationLimit.FreightMultiple)]
    [InlineData(5_000, 5_000, false, 0, 2_000, 5_000, CompensationLimit.Claimed)]
    [InlineData(9_000, 4_000, false, 0, 2_000, 4_000, CompensationLimit.ActualLoss)]
    // A declared value on an uninsured waybill is ignored.
    [InlineData(80_000, 80_000, false, 400_000, 2_000, 6_000, CompensationLimit.FreightMultiple)]
    // Nothing lost: nothing paid.
    [InlineData(10_000, 0, true, 400_000, 2_000, 0, CompensationLimit.ActualLoss)]
    public void Compensation_is_the_smallest_of_claim_loss_and_cap(
        long claimed, long loss, bool insured, long declared, long freight, long expectedFen, CompensationLimit limitedBy)
    {
        var decision = CompensationRule.Default.Decide(new ClaimFacts(claimed, loss, insured, declared, freight));

        Assert.Equal(expectedFen, decision.Fen);
        Assert.Equal(limitedBy, decision.LimitedBy);
    }

    [Fact]
    public void The_freight_multiple_is_configurable_and_rounds_to_the_fen()
    {
        var decision = new CompensationRule(2.5m).Decide(new ClaimFacts(100_000, 100_000, false, 0, 1_001));

        Assert.Equal(2_503, decision.Fen); // 1,001 × 2.5 = 2,502.5 → 2,503
        Assert.Equal(2_503, decision.CapFen);
    }

    [Fact]
    public void Negative_amounts_and_a_non_positive_multiple_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CompensationRule.Default.Decide(new ClaimFacts(-1, 0, false, 0, 0)));
        Assert.Equal(["uninsuredFreightMultiple"], new CompensationRule(0).InvalidFields());
    }
}
