using CourierCrm.Domain.Incidents;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Validation;

namespace CourierCrm.Web.Incidents;

/// <summary>Checks incident input field by field, with messages naming the field as the JSON does.</summary>
public static class IncidentValidation
{
    public const decimal MaxLossYuan = 100_000_000m;

    /// <summary>How far ahead of the server's clock an occurred-at may be (clocks of handsets drift).</summary>
    private static readonly TimeSpan FutureSlack = TimeSpan.FromMinutes(10);

    public static ValidationErrors Record(RecordIncidentInput input, bool fromComplaint, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (!fromComplaint) Required(errors, "waybillNumber", input.WaybillNumber, FieldLimits.Code, "Give the waybill number.");
        else Length(errors, "waybillNumber", input.WaybillNumber, FieldLimits.Code);
        if (!fromComplaint && input.Kind is null) errors.Add("kind", "Choose delay, damage or loss.");
        Facts(errors, input.Kind, input.ExpectedLoss, input.Responsibility, input.ThirdPartyName, input.Handling, input.OccurredAt, now);
        if (!fromComplaint) Required(errors, "description", input.Description, FieldLimits.Text, "Say what happened.");
        else Length(errors, "description", input.Description, FieldLimits.Text);
        return errors;
    }

    public static ValidationErrors Update(UpdateIncidentInput input, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (input.Version is null) errors.Add("version", "Send the version of the incident you are changing.");
        if (input.Kind is null) errors.Add("kind", "Choose delay, damage or loss.");
        if (input.ExpectedLoss is null) errors.Add("expectedLoss", "Give the expected loss in yuan (0 when none).");
        Facts(errors, input.Kind, input.ExpectedLoss, input.Responsibility, input.ThirdPartyName, input.Handling, input.OccurredAt, now);
        Required(errors, "description", input.Description, FieldLimits.Text, "Say what happened.");
        if (input.OccurredAt is null) errors.Add("occurredAt", "Say when it happened.");
        return errors;
    }

    public static ValidationErrors Decision(IncidentDecisionInput input, bool reasonRequired)
    {
        var errors = new ValidationErrors();
        if (input.Version is null) errors.Add("version", "Send the version of the incident you are acting on.");
        if (reasonRequired) Required(errors, "reason", input.Reason, FieldLimits.Text, "Say why this is no incident.");
        else Length(errors, "reason", input.Reason, FieldLimits.Text);
        return errors;
    }

    public static ValidationErrors Reported(ReportDoneInput input)
    {
        var errors = new ValidationErrors();
        Length(errors, "note", input.Note, FieldLimits.Text);
        return errors;
    }

    private static void Facts(ValidationErrors errors, IncidentKind? kind, decimal? loss, IncidentResponsibility? responsibility,
        string? thirdParty, IncidentHandling? handling, DateTimeOffset? occurredAt, DateTimeOffset now)
    {
        if (kind is { } k && !Enum.IsDefined(k)) errors.Add("kind", "Must be Delay, Damage or Loss.");
        if (loss is { } amount)
        {
            if (amount < 0) errors.Add("expectedLoss", "Cannot be negative.");
            else if (amount > MaxLossYuan) errors.Add("expectedLoss", $"At most {MaxLossYuan:#,##0} yuan.");
            else if (decimal.Round(amount, 2) != amount) errors.Add("expectedLoss", "At most two decimals (fen).");
        }
        if (responsibility is { } r && !Enum.IsDefined(r)) errors.Add("responsibility", "Must be Undetermined, Internal or ThirdParty.");
        if (responsibility == IncidentResponsibility.ThirdParty && string.IsNullOrWhiteSpace(thirdParty))
            errors.Add("thirdPartyName", "Name the third party (airline, partner, sub-contractor).");
        Length(errors, "thirdPartyName", thirdParty, FieldLimits.Name);
        if (handling is { } h && !Enum.IsDefined(h)) errors.Add("handling", $"Must be one of {string.Join(", ", Enum.GetNames<IncidentHandling>())}.");
        if (occurredAt is { } at && at > now + FutureSlack) errors.Add("occurredAt", "Cannot be in the future.");
    }

    private static void Required(ValidationErrors errors, string field, string? value, int max, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, message);
        else Length(errors, field, value, max);
    }

    private static void Length(ValidationErrors errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max) errors.Add(field, $"At most {max} characters.");
    }
}
