using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Validation;

namespace CourierCrm.Web.Claims;

/// <summary>Filing a claim on an incident (POST /api/v1/incidents/{id}/claims and the "File claim" dialog). Amounts in yuan.</summary>
public sealed class FileClaimInput
{
    /// <summary>What the customer asks for.</summary>
    public decimal? ClaimedAmount { get; set; }
    /// <summary>The loss as established (value of what was lost or damaged, repair cost).</summary>
    public decimal? ActualLoss { get; set; }
    public string? Note { get; set; }
}

/// <summary>Approving a claim: the amount (the rule amount unless a note justifies more) and the version seen.</summary>
public sealed class ApproveClaimInput
{
    public int? Version { get; set; }
    public decimal? Amount { get; set; }
    /// <summary>Required when the amount is above the rule amount: why more is paid.</summary>
    public string? Note { get; set; }
}

public sealed class RejectClaimInput
{
    public int? Version { get; set; }
    public string? Reason { get; set; }
}

public sealed class PayClaimInput
{
    public int? Version { get; set; }
    /// <summary>At most the approved amount.</summary>
    public decimal? Amount { get; set; }
    public DateOnly? PaidOn { get; set; }
    /// <summary>The bank or payment system's reference.</summary>
    public string? PaymentReference { get; set; }
}

/// <summary>Money recovered from the responsible third party (or its insurer); added to what was recovered before.</summary>
public sealed class RecoverClaimInput
{
    public int? Version { get; set; }
    public decimal? Amount { get; set; }
    public DateOnly? RecoveredOn { get; set; }
    public string? Note { get; set; }
}

/// <summary>Field checks of the claim inputs; keys are the JSON names, as in ProblemDetails and the forms.</summary>
public static class ClaimValidation
{
    /// <summary>Largest amount accepted (¥100 million): bigger is a typing error, and fen still fit easily.</summary>
    public const decimal MaxAmount = 100_000_000m;

    public static ValidationErrors File(FileClaimInput input)
    {
        var errors = new ValidationErrors();
        Amount(errors, "claimedAmount", input.ClaimedAmount, positive: true);
        Amount(errors, "actualLoss", input.ActualLoss, positive: false);
        Text(errors, "note", input.Note, required: false);
        return errors;
    }

    public static ValidationErrors Approve(ApproveClaimInput input)
    {
        var errors = Version(input.Version);
        Amount(errors, "amount", input.Amount, positive: true);
        Text(errors, "note", input.Note, required: false);
        return errors;
    }

    public static ValidationErrors Reject(RejectClaimInput input)
    {
        var errors = Version(input.Version);
        Text(errors, "reason", input.Reason, required: true);
        return errors;
    }

    public static ValidationErrors Pay(PayClaimInput input)
    {
        var errors = Version(input.Version);
        Amount(errors, "amount", input.Amount, positive: true);
        if (input.PaidOn is null) errors.Add("paidOn", ClaimMessages.PaidOnRequired);
        if (string.IsNullOrWhiteSpace(input.PaymentReference)) errors.Add("paymentReference", ClaimMessages.ReferenceRequired);
        else if (input.PaymentReference.Trim().Length > FieldLimits.Short) errors.Add("paymentReference", ClaimMessages.ShortTooLong);
        return errors;
    }

    public static ValidationErrors Recover(RecoverClaimInput input)
    {
        var errors = Version(input.Version);
        Amount(errors, "amount", input.Amount, positive: true);
        if (input.RecoveredOn is null) errors.Add("recoveredOn", ClaimMessages.RecoveredOnRequired);
        Text(errors, "note", input.Note, required: false);
        return errors;
    }

    private static ValidationErrors Version(int? version)
    {
        var errors = new ValidationErrors();
        if (version is null or < 0) errors.Add("version", ClaimMessages.VersionRequired);
        return errors;
    }

    private static void Amount(ValidationErrors errors, string field, decimal? amount, bool positive)
    {
        if (amount is not { } value) errors.Add(field, ClaimMessages.AmountRequired);
        else if (value < 0 || (positive && value == 0)) errors.Add(field, positive ? ClaimMessages.AmountPositive : ClaimMessages.AmountNotNegative);
        else if (value > MaxAmount) errors.Add(field, ClaimMessages.AmountTooLarge);
        else if (decimal.Round(value, 2) != value) errors.Add(field, ClaimMessages.AmountFen);
    }

    private static void Text(ValidationErrors errors, string field, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add(field, ClaimMessages.Required);
        }
        else if (text.Trim().Length > FieldLimits.Text) errors.Add(field, ClaimMessages.TextTooLong);
    }
}
