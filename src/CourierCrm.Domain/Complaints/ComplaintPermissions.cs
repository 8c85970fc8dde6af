using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Organisation;

namespace CourierCrm.Domain.Complaints;

/// <summary>How the person acting stands to the complaint.</summary>
/// <param name="IsHandler">The complaint is assigned to them.</param>
/// <param name="IsFirstContact">They took the complaint (首问负责人).</param>
public sealed record ComplaintActor(StaffRole Role, bool IsHandler, bool IsFirstContact);

/// <summary>
/// Who may do what to a complaint. Anyone at the front line may record one (first-contact ownership: "one point
/// complains, everyone acts"); the desk (customer service, complaint handlers) judges it; complaint handlers,
/// managers and administrators dispatch it; the assigned handler works it; managers and administrators approve
/// remedies within the approval ladder (amounts above the region manager's rung need head office: an
/// administrator). Analysts only read.
/// </summary>
public static class ComplaintPermissions
{
    public static bool MayRecord(StaffRole role) => role is not StaffRole.Analyst;

    public static bool Allows(ComplaintActor actor, ComplaintAction action)
    {
        var role = actor.Role;
        if (role is StaffRole.Analyst) return false;
        var supervisor = role is StaffRole.Manager or StaffRole.Administrator;
        var desk = role is StaffRole.CustomerServiceAgent or StaffRole.ComplaintHandler;
        return action switch
        {
            ComplaintAction.JudgeValid or ComplaintAction.Decline => supervisor || desk || actor.IsFirstContact,
            ComplaintAction.Assign or ComplaintAction.Reassign => supervisor || role is StaffRole.ComplaintHandler,
            ComplaintAction.Analyse or ComplaintAction.ProposeRemedy or ComplaintAction.CarryOut
                or ComplaintAction.Evaluate => supervisor || actor.IsHandler,
            ComplaintAction.Approve or ComplaintAction.RejectRemedy => supervisor,
            ComplaintAction.Escalate => supervisor || actor.IsHandler || actor.IsFirstContact,
            ComplaintAction.Reopen => supervisor || actor.IsFirstContact || desk,
            ComplaintAction.WaitForCustomer or ComplaintAction.CustomerReplied => supervisor || actor.IsHandler || actor.IsFirstContact,
            _ => false,
        };
    }

    /// <summary>The highest approval level a role holds: managers up to the region manager's rung, administrators head office.</summary>
    public static ApprovalLevel? ApprovalLevelOf(StaffRole role) => role switch
    {
        StaffRole.Administrator => ApprovalLevel.HeadOffice,
        StaffRole.Manager => ApprovalLevel.RegionManager,
        _ => null,
    };

    public static bool MayApprove(StaffRole role, ApprovalLadder ladder, long amountFen) =>
        ApprovalLevelOf(role) is { } level && ladder.MayApprove(level, amountFen);
}
