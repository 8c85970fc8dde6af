using System.Reflection;

namespace CourierCrm.Web.Claims;

/// <summary>
/// The messages claim commands answer (English, as in ProblemDetails). The pages show them in the viewer's
/// language through the text "Msg.&lt;constant name&gt;" (<see cref="KeyOf"/>), so API and UI say the same thing.
/// </summary>
public static class ClaimMessages
{
    public const string AmountRequired = "Give an amount in yuan.";
    public const string AmountPositive = "Must be more than zero.";
    public const string AmountNotNegative = "Cannot be negative.";
    public const string AmountTooLarge = "At most ¥100,000,000.";
    public const string AmountFen = "At most two decimals (fen).";
    public const string Required = "Required.";
    public const string TextTooLong = "At most 2000 characters.";
    public const string ShortTooLong = "At most 100 characters.";
    public const string VersionRequired = "Give the version you saw (from the claim).";
    public const string PaidOnRequired = "Give the day it was paid.";
    public const string ReferenceRequired = "Give the payment reference.";
    public const string RecoveredOnRequired = "Give the day the money came in.";
    public const string FutureDay = "Cannot be in the future.";
    public const string BeforeApproval = "Cannot be before the claim was approved.";
    public const string Changed = "Someone changed this claim meanwhile: reload it and try again.";
    public const string IncidentDraft = "Confirm the incident before filing a claim on it.";
    public const string IncidentDismissed = "This incident was dismissed: no claim can be filed on it.";
    public const string DeadlinePassed = "The customer's deadline to claim has passed.";
    public const string NotFiled = "Only a filed claim can be approved or rejected.";
    public const string NotApproved = "Only an approved claim can be paid.";
    public const string NotRecoverable = "Recovery is recorded on approved or paid claims.";
    public const string NotThirdParty = "Recovery applies only when a third party is responsible for the incident.";
    public const string OverClaimed = "Cannot approve more than the customer claimed.";
    public const string OverRuleNeedsNote = "Above the rule amount: give a note saying why.";
    public const string OverApproved = "Cannot pay more than the approved amount.";
    public const string OverLoss = "What is recovered in total cannot exceed the actual loss.";
    public const string OwnClaim = "Nobody approves or rejects a claim they filed.";
    public const string LevelTooLow = "Your approval level does not cover this amount.";
    public const string RoleCannotFile = "Your role cannot file claims.";
    public const string ReadOnly = "Your role only reads claims.";
    public const string RoleCannotPay = "Your role cannot record payments or recoveries.";

    private static readonly Dictionary<string, string> Keys = typeof(ClaimMessages)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .ToDictionary(f => (string)f.GetRawConstantValue()!, f => "Msg." + f.Name, StringComparer.Ordinal);

    /// <summary>The text key of a message ("Msg.OverApproved"); the message itself when it is not one of these.</summary>
    public static string KeyOf(string message) => Keys.GetValueOrDefault(message, message);
}
