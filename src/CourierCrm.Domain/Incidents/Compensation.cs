namespace CourierCrm.Domain.Incidents;

/// <summary>What a claim is about, in fen.</summary>
/// <param name="ClaimedFen">What the customer asks for.</param>
/// <param name="ActualLossFen">The loss as established (value of what was lost or damaged, repair cost, …).</param>
/// <param name="Insured">Declared value insured (保价).</param>
/// <param name="DeclaredValueFen">The insured declared value; ignored when not insured.</param>
/// <param name="FreightFen">Freight of the waybill.</param>
public sealed record ClaimFacts(long ClaimedFen, long ActualLossFen, bool Insured, long DeclaredValueFen, long FreightFen);

public enum CompensationLimit
{
    /// <summary>The customer asked for less than the rule allows.</summary>
    Claimed,
    /// <summary>The actual loss.</summary>
    ActualLoss,
    /// <summary>Insured: the declared value.</summary>
    DeclaredValue,
    /// <summary>Uninsured: the configured multiple of the freight.</summary>
    FreightMultiple,
}

/// <param name="Fen">The compensation the rule allows.</param>
/// <param name="LimitedBy">Which limit decided it.</param>
/// <param name="CapFen">The rule's cap (declared value or freight multiple).</param>
public sealed record CompensationDecision(long Fen, CompensationLimit LimitedBy, long CapFen);

/// <summary>
/// Compensation by rule (DOMAIN.md §8, issue 5 item 8): insured items up to the declared value; uninsured
/// items the actual loss up to <see cref="UninsuredFreightMultiple"/> times the freight (the source says "a few
/// times the freight"; 3 by default). Never more than the actual loss or than the customer claimed.
/// </summary>
public sealed record CompensationRule(decimal UninsuredFreightMultiple = 3m)
{
    public static readonly CompensationRule Default = new();

    public IEnumerable<string> InvalidFields()
    {
        if (UninsuredFreightMultiple <= 0) yield return "uninsuredFreightMultiple";
    }

    public CompensationDecision Decide(ClaimFacts facts)
    {
        if (facts.ClaimedFen < 0 || facts.ActualLossFen < 0 || facts.DeclaredValueFen < 0 || facts.FreightFen < 0)
            throw new ArgumentException("Amounts cannot be negative.", nameof(facts));
        var (cap, capKind) = facts.Insured
            ? (facts.DeclaredValueFen, CompensationLimit.DeclaredValue)
            : ((long)decimal.Round(facts.FreightFen * UninsuredFreightMultiple, 0, MidpointRounding.AwayFromZero), CompensationLimit.FreightMultiple);

        // The smallest limit decides; on a tie the customer's claim, then the loss, then the cap is named
        // (the plainest reason to give the customer).
        var limits = new[]
        {
            (Fen: facts.ClaimedFen, Kind: CompensationLimit.Claimed),
            (Fen: facts.ActualLossFen, Kind: CompensationLimit.ActualLoss),
            (Fen: cap, Kind: capKind),
        };
        var decisive = limits.OrderBy(l => l.Fen).First();
        return new(decisive.Fen, decisive.Kind, cap);
    }
}
