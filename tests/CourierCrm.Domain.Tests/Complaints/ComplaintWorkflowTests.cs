using CourierCrm.Domain.Complaints;

namespace CourierCrm.Domain.Tests.Complaints;

public class ComplaintWorkflowTests
{
    // Every stage with exactly the actions allowed in it (not waiting for the customer); every other action is refused.
    [Theory]
    [InlineData(ComplaintStage.AwaitingJudgement, "JudgeValid,Decline,WaitForCustomer")]
    [InlineData(ComplaintStage.AwaitingAssignment, "Assign,WaitForCustomer")]
    [InlineData(ComplaintStage.AwaitingAnalysis, "Reassign,Analyse,Escalate,WaitForCustomer")]
    [InlineData(ComplaintStage.AwaitingRemedy, "Reassign,ProposeRemedy,Escalate,WaitForCustomer")]
    [InlineData(ComplaintStage.AwaitingApproval, "Reassign,Approve,RejectRemedy,Escalate,WaitForCustomer")]
    [InlineData(ComplaintStage.AwaitingExecution, "Reassign,CarryOut,Escalate,WaitForCustomer")]
    [InlineData(ComplaintStage.AwaitingEvaluation, "Reassign,Evaluate,Escalate,WaitForCustomer")]
    [InlineData(ComplaintStage.Closed, "Reopen")]
    [InlineData(ComplaintStage.Declined, "Reopen")]
    public void Each_stage_allows_exactly_its_actions(ComplaintStage stage, string allowed)
    {
        var actions = ComplaintWorkflow.AllowedActions(new ComplaintState(stage));

        Assert.Equal(allowed, string.Join(",", actions));
    }

    [Theory]
    [InlineData(ComplaintStage.AwaitingJudgement, ComplaintAction.JudgeValid, ComplaintStage.AwaitingAssignment)]
    [InlineData(ComplaintStage.AwaitingJudgement, ComplaintAction.Decline, ComplaintStage.Declined)]
    [InlineData(ComplaintStage.AwaitingAssignment, ComplaintAction.Assign, ComplaintStage.AwaitingAnalysis)]
    [InlineData(ComplaintStage.AwaitingAnalysis, ComplaintAction.Analyse, ComplaintStage.AwaitingRemedy)]
    [InlineData(ComplaintStage.AwaitingRemedy, ComplaintAction.ProposeRemedy, ComplaintStage.AwaitingApproval)]
    [InlineData(ComplaintStage.AwaitingApproval, ComplaintAction.Approve, ComplaintStage.AwaitingExecution)]
    [InlineData(ComplaintStage.AwaitingApproval, ComplaintAction.RejectRemedy, ComplaintStage.AwaitingRemedy)]
    [InlineData(ComplaintStage.AwaitingExecution, ComplaintAction.CarryOut, ComplaintStage.AwaitingEvaluation)]
    [InlineData(ComplaintStage.AwaitingEvaluation, ComplaintAction.Evaluate, ComplaintStage.Closed)]
    [InlineData(ComplaintStage.AwaitingApproval, ComplaintAction.Reassign, ComplaintStage.AwaitingApproval)]
    [InlineData(ComplaintStage.AwaitingExecution, ComplaintAction.Escalate, ComplaintStage.AwaitingAnalysis)]
    [InlineData(ComplaintStage.Closed, ComplaintAction.Reopen, ComplaintStage.AwaitingAnalysis)]
    [InlineData(ComplaintStage.Declined, ComplaintAction.Reopen, ComplaintStage.AwaitingJudgement)]
    public void An_allowed_action_moves_to_the_next_stage(ComplaintStage from, ComplaintAction action, ComplaintStage to)
    {
        var transition = ComplaintWorkflow.Apply(new ComplaintState(from), action);

        Assert.Equal(to, transition.State?.Stage);
    }

    [Fact]
    public void The_eight_steps_walk_from_record_to_close_in_order()
    {
        var state = ComplaintState.Recorded;
        var steps = new List<int?>();
        foreach (var action in new[] { ComplaintAction.JudgeValid, ComplaintAction.Assign, ComplaintAction.Analyse, ComplaintAction.ProposeRemedy, ComplaintAction.Approve, ComplaintAction.CarryOut, ComplaintAction.Evaluate })
        {
            state = ComplaintWorkflow.Apply(state, action).State!;
            steps.Add(ComplaintWorkflow.StepOf(action));
        }

        Assert.Equal(ComplaintStage.Closed, state.Stage);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], steps);
    }

    [Theory]
    [InlineData(ComplaintStage.AwaitingAssignment, ComplaintAction.Analyse, "Step 4 is not due: the complaint is at step 3.")]
    [InlineData(ComplaintStage.AwaitingJudgement, ComplaintAction.Approve, "Step 6 is not due: the complaint is at step 2.")]
    [InlineData(ComplaintStage.Closed, ComplaintAction.Evaluate, "It is closed: reopen it first.")]
    [InlineData(ComplaintStage.AwaitingAssignment, ComplaintAction.Reassign, "It has not been assigned yet: assign it instead.")]
    [InlineData(ComplaintStage.AwaitingJudgement, ComplaintAction.Escalate, "Only an assigned complaint can be escalated: assign it first.")]
    [InlineData(ComplaintStage.Declined, ComplaintAction.Escalate, "It is closed: reopen it first.")]
    [InlineData(ComplaintStage.AwaitingRemedy, ComplaintAction.Reopen, "It is still open.")]
    [InlineData(ComplaintStage.AwaitingRemedy, ComplaintAction.CustomerReplied, "It is not waiting for the customer.")]
    [InlineData(ComplaintStage.Closed, ComplaintAction.WaitForCustomer, "It is closed.")]
    public void A_forbidden_action_is_refused_with_the_reason(ComplaintStage stage, ComplaintAction action, string reason)
    {
        var transition = ComplaintWorkflow.Apply(new ComplaintState(stage), action);

        Assert.False(transition.Allowed);
        Assert.Equal(reason, transition.Refusal);
    }

    [Fact]
    public void Escalating_raises_the_level_each_time_and_sends_it_back_to_analysis()
    {
        var state = new ComplaintState(ComplaintStage.AwaitingEvaluation, EscalationLevel: 1);

        var escalated = ComplaintWorkflow.Apply(state, ComplaintAction.Escalate).State!;

        Assert.Equal(new ComplaintState(ComplaintStage.AwaitingAnalysis, false, 2), escalated);
    }

    [Fact]
    public void Waiting_for_the_customer_keeps_the_stage_and_cannot_start_twice()
    {
        var waiting = ComplaintWorkflow.Apply(new ComplaintState(ComplaintStage.AwaitingAnalysis), ComplaintAction.WaitForCustomer).State!;

        Assert.Equal(new ComplaintState(ComplaintStage.AwaitingAnalysis, WaitingForCustomer: true), waiting);
        Assert.Equal("It is already waiting for the customer.", ComplaintWorkflow.Apply(waiting, ComplaintAction.WaitForCustomer).Refusal);
        Assert.False(ComplaintWorkflow.Apply(waiting, ComplaintAction.CustomerReplied).State!.WaitingForCustomer);
    }

    [Fact]
    public void A_step_forward_ends_the_wait_but_a_reassignment_does_not()
    {
        var waiting = new ComplaintState(ComplaintStage.AwaitingAnalysis, WaitingForCustomer: true);

        Assert.False(ComplaintWorkflow.Apply(waiting, ComplaintAction.Analyse).State!.WaitingForCustomer);
        Assert.True(ComplaintWorkflow.Apply(waiting, ComplaintAction.Reassign).State!.WaitingForCustomer);
    }

    [Fact]
    public void Reopening_keeps_the_escalation_level()
    {
        var reopened = ComplaintWorkflow.Apply(new ComplaintState(ComplaintStage.Closed, EscalationLevel: 2), ComplaintAction.Reopen).State!;

        Assert.Equal(2, reopened.EscalationLevel);
    }

    [Theory]
    [InlineData(ComplaintAction.Reassign)]
    [InlineData(ComplaintAction.Escalate)]
    [InlineData(ComplaintAction.Reopen)]
    [InlineData(ComplaintAction.WaitForCustomer)]
    [InlineData(ComplaintAction.CustomerReplied)]
    public void Actions_outside_the_eight_steps_have_no_step_number(ComplaintAction action)
    {
        Assert.Null(ComplaintWorkflow.StepOf(action));
    }
}
