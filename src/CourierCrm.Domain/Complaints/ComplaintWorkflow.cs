namespace CourierCrm.Domain.Complaints;

/// <summary>
/// Where a complaint stands in the eight steps (DOMAIN.md §7, seed 004 五、物流客户投诉处理流程):
/// each open stage names the step that is due next. Step 1 (record) happens on creation.
/// </summary>
public enum ComplaintStage
{
    /// <summary>Recorded; step 2, judging whether it is valid, is next.</summary>
    AwaitingJudgement,
    /// <summary>Valid; step 3, assigning department and person, is next.</summary>
    AwaitingAssignment,
    /// <summary>Assigned; step 4, analysing cause and responsibility, is next.</summary>
    AwaitingAnalysis,
    /// <summary>Analysed; step 5, proposing a remedy, is next.</summary>
    AwaitingRemedy,
    /// <summary>Remedy proposed; step 6, the supervisor's approval, is next.</summary>
    AwaitingApproval,
    /// <summary>Approved; step 7, carrying it out and notifying the customer, is next.</summary>
    AwaitingExecution,
    /// <summary>Carried out; step 8, summary and evaluation, is next.</summary>
    AwaitingEvaluation,
    /// <summary>Evaluated and closed.</summary>
    Closed,
    /// <summary>Judged not valid and closed politely with the reason.</summary>
    Declined,
}

/// <summary>What a person does to a complaint.</summary>
public enum ComplaintAction
{
    JudgeValid,
    Decline,
    Assign,
    Reassign,
    Analyse,
    ProposeRemedy,
    Approve,
    RejectRemedy,
    CarryOut,
    Evaluate,
    /// <summary>The customer is not satisfied: a more senior handler takes it and analyses again.</summary>
    Escalate,
    /// <summary>Open again after closing or declining.</summary>
    Reopen,
    /// <summary>Waiting for the customer (documents, photos, an answer): the service-level clock pauses.</summary>
    WaitForCustomer,
    /// <summary>The customer answered: the clock runs again.</summary>
    CustomerReplied,
}

/// <summary>A complaint's workflow state: its stage, whether it waits for the customer, and how often it was escalated.</summary>
public sealed record ComplaintState(ComplaintStage Stage, bool WaitingForCustomer = false, int EscalationLevel = 0)
{
    public static readonly ComplaintState Recorded = new(ComplaintStage.AwaitingJudgement);

    public bool IsOpen => Stage is not (ComplaintStage.Closed or ComplaintStage.Declined);
}

/// <summary>The state after an action, or why the action is not allowed now.</summary>
public sealed record ComplaintTransition(ComplaintState? State, string? Refusal)
{
    public bool Allowed => State is not null;

    internal static ComplaintTransition To(ComplaintState state) => new(state, null);

    internal static ComplaintTransition Refused(string reason) => new(null, reason);
}

/// <summary>
/// The eight steps as an explicit state machine. Every action is allowed from the stages listed here
/// and refused, with the reason, from every other. Any step forward ends a wait for the customer (the
/// customer's answer is what let the work go on); reassigning does not.
/// </summary>
public static class ComplaintWorkflow
{
    /// <summary>Number of the step (1–8) an action performs; null for actions outside the eight steps.</summary>
    public static int? StepOf(ComplaintAction action) => action switch
    {
        ComplaintAction.JudgeValid or ComplaintAction.Decline => 2,
        ComplaintAction.Assign => 3,
        ComplaintAction.Analyse => 4,
        ComplaintAction.ProposeRemedy => 5,
        ComplaintAction.Approve or ComplaintAction.RejectRemedy => 6,
        ComplaintAction.CarryOut => 7,
        ComplaintAction.Evaluate => 8,
        _ => null,
    };

    public static ComplaintTransition Apply(ComplaintState state, ComplaintAction action)
    {
        var stage = state.Stage;
        return action switch
        {
            ComplaintAction.JudgeValid => Step(state, ComplaintStage.AwaitingJudgement, ComplaintStage.AwaitingAssignment),
            ComplaintAction.Decline => Step(state, ComplaintStage.AwaitingJudgement, ComplaintStage.Declined),
            ComplaintAction.Assign => Step(state, ComplaintStage.AwaitingAssignment, ComplaintStage.AwaitingAnalysis),
            ComplaintAction.Analyse => Step(state, ComplaintStage.AwaitingAnalysis, ComplaintStage.AwaitingRemedy),
            ComplaintAction.ProposeRemedy => Step(state, ComplaintStage.AwaitingRemedy, ComplaintStage.AwaitingApproval),
            ComplaintAction.Approve => Step(state, ComplaintStage.AwaitingApproval, ComplaintStage.AwaitingExecution),
            ComplaintAction.RejectRemedy => Step(state, ComplaintStage.AwaitingApproval, ComplaintStage.AwaitingRemedy),
            ComplaintAction.CarryOut => Step(state, ComplaintStage.AwaitingExecution, ComplaintStage.AwaitingEvaluation),
            ComplaintAction.Evaluate => Step(state, ComplaintStage.AwaitingEvaluation, ComplaintStage.Closed),
            ComplaintAction.Reassign => IsAssigned(stage)
                ? ComplaintTransition.To(state)
                : ComplaintTransition.Refused(stage is ComplaintStage.AwaitingJudgement or ComplaintStage.AwaitingAssignment
                    ? "It has not been assigned yet: assign it instead."
                    : "It is closed: reopen it first."),
            ComplaintAction.Escalate => IsAssigned(stage)
                ? ComplaintTransition.To(new(ComplaintStage.AwaitingAnalysis, false, state.EscalationLevel + 1))
                : ComplaintTransition.Refused(state.IsOpen
                    ? "Only an assigned complaint can be escalated: assign it first."
                    : "It is closed: reopen it first."),
            ComplaintAction.Reopen => stage switch
            {
                ComplaintStage.Closed => ComplaintTransition.To(state with { Stage = ComplaintStage.AwaitingAnalysis, WaitingForCustomer = false }),
                ComplaintStage.Declined => ComplaintTransition.To(state with { Stage = ComplaintStage.AwaitingJudgement, WaitingForCustomer = false }),
                _ => ComplaintTransition.Refused("It is still open."),
            },
            ComplaintAction.WaitForCustomer => !state.IsOpen ? ComplaintTransition.Refused("It is closed.")
                : state.WaitingForCustomer ? ComplaintTransition.Refused("It is already waiting for the customer.")
                : ComplaintTransition.To(state with { WaitingForCustomer = true }),
            ComplaintAction.CustomerReplied => state.WaitingForCustomer
                ? ComplaintTransition.To(state with { WaitingForCustomer = false })
                : ComplaintTransition.Refused("It is not waiting for the customer."),
            _ => ComplaintTransition.Refused($"Unknown action {action}."),
        };
    }

    /// <summary>The actions allowed now, for the buttons a page shows.</summary>
    public static IReadOnlyList<ComplaintAction> AllowedActions(ComplaintState state) =>
        Enum.GetValues<ComplaintAction>().Where(a => Apply(state, a).Allowed).ToList();

    private static bool IsAssigned(ComplaintStage stage) =>
        stage is >= ComplaintStage.AwaitingAnalysis and <= ComplaintStage.AwaitingEvaluation;

    private static ComplaintTransition Step(ComplaintState state, ComplaintStage from, ComplaintStage to) =>
        state.Stage == from
            ? ComplaintTransition.To(state with { Stage = to, WaitingForCustomer = false })
            : ComplaintTransition.Refused(state.IsOpen
                ? $"Step {StepNumber(from)} is not due: the complaint is at step {StepNumber(state.Stage)}."
                : "It is closed: reopen it first.");

    /// <summary>The step due in a stage (2 while awaiting judgement … 8 while awaiting evaluation).</summary>
    public static int StepNumber(ComplaintStage stage) => stage switch
    {
        ComplaintStage.AwaitingJudgement => 2,
        ComplaintStage.AwaitingAssignment => 3,
        ComplaintStage.AwaitingAnalysis => 4,
        ComplaintStage.AwaitingRemedy => 5,
        ComplaintStage.AwaitingApproval => 6,
        ComplaintStage.AwaitingExecution => 7,
        ComplaintStage.AwaitingEvaluation => 8,
        _ => 9,
    };
}
