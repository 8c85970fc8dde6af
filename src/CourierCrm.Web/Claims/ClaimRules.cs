using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Platform.Localization;

namespace CourierCrm.Web.Claims;

/// <summary>What a claim may go through next, from its status.</summary>
public enum ClaimAction
{
    Approve,
    Reject,
    Pay,
    Recover,
}

/// <summary>
/// The claim rules as configured (built once from <see cref="ClaimOptions"/>) and who may do what. Approvers
/// are the complaint desk's (<see cref="ComplaintPermissions.ApprovalLevelOf"/>: managers up to the region
/// manager's rung, administrators head office), so one person's signing limit is the same for a remedy and a
/// claim. Managers and administrators pay and record recoveries; analysts and reception only read.
/// </summary>
public sealed class ClaimRules(ClaimOptions options)
{
    public CompensationRule Rule { get; } = options.Rule();
    public ApprovalLadder Ladder { get; } = options.Ladder();
    public ClaimDeadlines Deadlines { get; } = options.Deadlines();

    public static bool MayFile(StaffRole role) => role is not (StaffRole.Analyst or StaffRole.Reception);

    public static bool MayPayOrRecover(StaffRole role) => role is StaffRole.Administrator or StaffRole.Manager;

    public bool MayApprove(StaffRole role, long amountFen) => ComplaintPermissions.MayApprove(role, Ladder, amountFen);

    /// <summary>The actions the status allows and the viewer's role holds (the page's buttons; the commands check again).</summary>
    public IReadOnlyList<ClaimAction> Allowed(Claim claim, IncidentResponsibility responsibility, Viewer viewer, int? filedById)
    {
        var actions = new List<ClaimAction>();
        if (claim.Status == ClaimStatus.Filed && filedById != viewer.UserId && MayApprove(viewer.Role, claim.RuleAmountFen))
            actions.AddRange([ClaimAction.Approve, ClaimAction.Reject]);
        if (claim.Status == ClaimStatus.Approved && MayPayOrRecover(viewer.Role)) actions.Add(ClaimAction.Pay);
        if (claim.Status is ClaimStatus.Approved or ClaimStatus.Paid && responsibility == IncidentResponsibility.ThirdParty
            && MayPayOrRecover(viewer.Role)) actions.Add(ClaimAction.Recover);
        return actions;
    }

    /// <summary>The calendar day of a moment in China time: deadlines count in the company's days.</summary>
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(CompanyTime.Local(at).DateTime);
}
