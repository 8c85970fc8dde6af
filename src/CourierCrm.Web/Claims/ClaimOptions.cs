using CourierCrm.Domain.Incidents;
using CourierCrm.Web.Complaints;

namespace CourierCrm.Web.Claims;

/// <summary>
/// Settings of compensation claims (configuration section "Claims"): the multiple of the freight that caps an
/// uninsured item's compensation, the approval ladder and the filing deadlines. Defaults are the domain's
/// (DOMAIN.md §8); every one is checked at start and a bad one stops the start with its name.
/// </summary>
public sealed class ClaimOptions
{
    public const string Section = "Claims";

    /// <summary>Uninsured items: at most this many times the freight (the source says "a few times").</summary>
    public decimal UninsuredFreightMultiple { get; set; } = CompensationRule.Default.UninsuredFreightMultiple;
    /// <summary>Approval rungs; empty = the domain's default ladder.</summary>
    public List<ApprovalRungSetting> ApprovalLadder { get; set; } = [];
    /// <summary>Calendar days the customer has to claim, from the day the parcel was sent.</summary>
    public int CustomerClaimDays { get; set; } = ClaimDeadlines.Default.CustomerClaimDays;
    /// <summary>Calendar days to file the recovery against a third party, from the day the incident was recorded.</summary>
    public int RecoveryDays { get; set; } = ClaimDeadlines.Default.RecoveryDays;

    public CompensationRule Rule() => new(UninsuredFreightMultiple);

    public ApprovalLadder Ladder() => ApprovalLadder.Count == 0
        ? Domain.Incidents.ApprovalLadder.Default
        : new(ApprovalLadder.Select(r => new ApprovalRung(r.UpToYuan is { } y ? Domain.Shipments.Money.ToFen(y) : null, r.Level)).ToList());

    public ClaimDeadlines Deadlines() => new(CustomerClaimDays, RecoveryDays);

    /// <summary>Every setting that is not valid, named as in appsettings ("Claims:RecoveryDays").</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        problems.AddRange(Rule().InvalidFields().Select(f => $"{Section}:{Capitalised(f)}"));
        problems.AddRange(Ladder().InvalidFields().Select(f => $"{Section}:ApprovalLadder ({f})"));
        problems.AddRange(Deadlines().InvalidFields().Select(f => $"{Section}:{Capitalised(f)}"));
        return problems;
    }

    private static string Capitalised(string field) => char.ToUpperInvariant(field[0]) + field[1..];
}
