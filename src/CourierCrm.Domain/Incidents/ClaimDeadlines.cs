namespace CourierCrm.Domain.Incidents;

/// <summary>
/// Filing deadlines of a claim (issue 5 item 8), in calendar days: the customer's claim counts from the day
/// the parcel was sent; the company's own recovery from a responsible third party (or its insurer) counts
/// from the day the incident was recorded. Defaults are this product's (one year and 90 days), configurable
/// to the contract and the insurer's terms.
/// </summary>
public sealed record ClaimDeadlines(int CustomerClaimDays = 365, int RecoveryDays = 90)
{
    public static readonly ClaimDeadlines Default = new();

    public IEnumerable<string> InvalidFields()
    {
        if (CustomerClaimDays < 1) yield return "customerClaimDays";
        if (RecoveryDays < 1) yield return "recoveryDays";
    }

    /// <summary>Last day the customer may file (included).</summary>
    public DateOnly CustomerClaimBy(DateOnly sentOn) => sentOn.AddDays(CustomerClaimDays);

    /// <summary>Last day to file the recovery claim against the third party (included).</summary>
    public DateOnly RecoveryBy(DateOnly recordedOn) => recordedOn.AddDays(RecoveryDays);

    public bool CustomerClaimInTime(DateOnly sentOn, DateOnly filedOn) => filedOn <= CustomerClaimBy(sentOn);
}
