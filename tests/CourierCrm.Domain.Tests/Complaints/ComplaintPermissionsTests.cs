using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Organisation;

namespace CourierCrm.Domain.Tests.Complaints;

public class ComplaintPermissionsTests
{
    [Theory]
    // The desk judges; a rep who took the complaint may judge it too (first-contact ownership).
    [InlineData(StaffRole.CustomerServiceAgent, false, false, ComplaintAction.JudgeValid, true)]
    [InlineData(StaffRole.SalesRep, false, true, ComplaintAction.Decline, true)]
    [InlineData(StaffRole.SalesRep, false, false, ComplaintAction.JudgeValid, false)]
    // Dispatch: complaint handlers and supervisors.
    [InlineData(StaffRole.ComplaintHandler, false, false, ComplaintAction.Assign, true)]
    [InlineData(StaffRole.CustomerServiceAgent, false, false, ComplaintAction.Assign, false)]
    [InlineData(StaffRole.Manager, false, false, ComplaintAction.Reassign, true)]
    // The work belongs to the assigned handler.
    [InlineData(StaffRole.ComplaintHandler, true, false, ComplaintAction.Analyse, true)]
    [InlineData(StaffRole.ComplaintHandler, false, false, ComplaintAction.Analyse, false)]
    [InlineData(StaffRole.ComplaintHandler, true, false, ComplaintAction.CarryOut, true)]
    [InlineData(StaffRole.Administrator, false, false, ComplaintAction.Evaluate, true)]
    // Approval is a supervisor's, never the handler's own.
    [InlineData(StaffRole.ComplaintHandler, true, false, ComplaintAction.Approve, false)]
    [InlineData(StaffRole.Manager, false, false, ComplaintAction.Approve, true)]
    // The first-contact owner may push back for the customer.
    [InlineData(StaffRole.Reception, false, true, ComplaintAction.Escalate, true)]
    [InlineData(StaffRole.Reception, false, false, ComplaintAction.Escalate, false)]
    [InlineData(StaffRole.CustomerServiceAgent, false, false, ComplaintAction.Reopen, true)]
    // Analysts only read, whatever else is true.
    [InlineData(StaffRole.Analyst, true, true, ComplaintAction.Analyse, false)]
    public void Each_role_may_do_its_part(StaffRole role, bool isHandler, bool isFirstContact, ComplaintAction action, bool allowed)
    {
        Assert.Equal(allowed, ComplaintPermissions.Allows(new ComplaintActor(role, isHandler, isFirstContact), action));
    }

    [Theory]
    [InlineData(StaffRole.Manager, 1_000_000, true)]        // ¥10,000: the region manager's rung
    [InlineData(StaffRole.Manager, 1_000_001, false)]       // above: head office
    [InlineData(StaffRole.Administrator, 50_000_000, true)]
    [InlineData(StaffRole.ComplaintHandler, 100, false)]
    public void Approval_follows_the_ladder(StaffRole role, long amountFen, bool allowed)
    {
        Assert.Equal(allowed, ComplaintPermissions.MayApprove(role, ApprovalLadder.Default, amountFen));
    }

    [Theory]
    [InlineData(StaffRole.Analyst, false)]
    [InlineData(StaffRole.Reception, true)]
    [InlineData(StaffRole.SalesRep, true)]
    public void Everyone_but_analysts_may_record(StaffRole role, bool allowed)
    {
        Assert.Equal(allowed, ComplaintPermissions.MayRecord(role));
    }
}
