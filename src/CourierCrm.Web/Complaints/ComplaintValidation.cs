using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Validation;

namespace CourierCrm.Web.Complaints;

/// <summary>Checks complaint input field by field, with messages naming the field as the JSON does.</summary>
public static class ComplaintValidation
{
    public const int MaxWaybills = 20;
    public const decimal MaxRemedyYuan = 10_000_000m;

    public static ValidationErrors Record(RecordComplaintInput input)
    {
        var errors = new ValidationErrors();
        if (input.CustomerId is null && string.IsNullOrWhiteSpace(input.CallerPhone))
            errors.Add("customerId", "Give the customer, or the caller's phone number for an unknown caller.");
        if (input.CustomerId is <= 0) errors.Add("customerId", "Must be a customer's id.");
        if (!string.IsNullOrWhiteSpace(input.CallerPhone) && PhoneNumber.Problem(input.CallerPhone) is { } phoneProblem)
            errors.Add("callerPhone", phoneProblem);
        Length(errors, "callerPhone", input.CallerPhone, FieldLimits.Phone);
        Length(errors, "callerName", input.CallerName, FieldLimits.PersonName);
        if (input.Channel is null) errors.Add("channel", "Say where the complaint came in.");
        else if (!Enum.IsDefined(input.Channel.Value)) errors.Add("channel", "Unknown channel.");
        if (input.Category is null) errors.Add("category", "Choose the category.");
        else if (!Enum.IsDefined(input.Category.Value)) errors.Add("category", "Unknown category.");
        if (input.Priority is { } p && !Enum.IsDefined(p)) errors.Add("priority", "Unknown priority.");
        Required(errors, "description", input.Description, FieldLimits.Text);
        Length(errors, "demand", input.Demand, FieldLimits.Text);
        var numbers = input.WaybillNumbers ?? [];
        if (numbers.Count > MaxWaybills) errors.Add("waybillNumbers", $"At most {MaxWaybills} waybills.");
        for (var i = 0; i < Math.Min(numbers.Count, MaxWaybills); i++)
        {
            if (string.IsNullOrWhiteSpace(numbers[i])) errors.Add($"waybillNumbers[{i}]", "Must not be empty.");
            else if (numbers[i].Trim().Length > FieldLimits.Code) errors.Add($"waybillNumbers[{i}]", $"At most {FieldLimits.Code} characters.");
        }
        return errors;
    }

    /// <summary>The data each action needs; the workflow and the rights are checked elsewhere.</summary>
    public static ValidationErrors Step(ComplaintStepInput input)
    {
        var errors = new ValidationErrors();
        if (input.Action is not { } action || !Enum.IsDefined(action))
        {
            errors.Add("action", $"Must be one of {string.Join(", ", Enum.GetNames<ComplaintAction>())}.");
            return errors;
        }
        if (input.Version is null) errors.Add("version", "Send the version of the complaint you are acting on.");
        Length(errors, "note", input.Note, FieldLimits.Text);
        switch (action)
        {
            case ComplaintAction.Decline:
                Required(errors, "declineReason", input.DeclineReason, FieldLimits.Text);
                break;
            case ComplaintAction.Assign or ComplaintAction.Reassign:
                if (input.HandlerId is null) errors.Add("handlerId", "Choose who handles it.");
                break;
            case ComplaintAction.Escalate:
                if (input.HandlerId is null) errors.Add("handlerId", "Choose the more senior handler who takes it over.");
                Required(errors, "note", input.Note, FieldLimits.Text, "Say why the customer is not satisfied.");
                break;
            case ComplaintAction.Analyse:
                Required(errors, "cause", input.Cause, FieldLimits.Text);
                if (input.Responsibility is null) errors.Add("responsibility", "Say who is responsible.");
                else if (!Enum.IsDefined(input.Responsibility.Value)) errors.Add("responsibility", "Unknown party.");
                Length(errors, "responsibleDetail", input.ResponsibleDetail, FieldLimits.Name);
                break;
            case ComplaintAction.ProposeRemedy:
                ValidateRemedy(input, errors);
                break;
            case ComplaintAction.RejectRemedy or ComplaintAction.WaitForCustomer or ComplaintAction.Reopen:
                Required(errors, "note", input.Note, FieldLimits.Text, action switch
                {
                    ComplaintAction.RejectRemedy => "Say why the remedy is not approved.",
                    ComplaintAction.WaitForCustomer => "Say what the customer is to send or answer.",
                    _ => "Say why it is opened again.",
                });
                break;
            case ComplaintAction.CarryOut:
                if (input.Feedback is null) errors.Add("feedback", "Record how satisfied the customer is with the remedy.");
                else if (!Enum.IsDefined(input.Feedback.Value)) errors.Add("feedback", "Must be 1 to 5.");
                break;
            case ComplaintAction.Evaluate:
                Required(errors, "summary", input.Summary, FieldLimits.Text);
                Length(errors, "lesson", input.Lesson, FieldLimits.Text);
                Length(errors, "correctiveAction", input.CorrectiveAction, FieldLimits.Text);
                break;
        }
        return errors;
    }

    private static void ValidateRemedy(ComplaintStepInput input, ValidationErrors errors)
    {
        if (input.Remedy is not { } remedy || !Enum.IsDefined(remedy))
        {
            errors.Add("remedy", $"Must be one of {string.Join(", ", Enum.GetNames<RemedyKind>())}.");
            return;
        }
        Length(errors, "remedyDetail", input.RemedyDetail, FieldLimits.Text);
        var paysMoney = remedy is RemedyKind.DiscountCompensation or RemedyKind.FreightRefund;
        if (input.RemedyAmount is { } amount)
        {
            if (amount < 0) errors.Add("remedyAmount", "Cannot be negative.");
            else if (amount > MaxRemedyYuan) errors.Add("remedyAmount", $"At most {MaxRemedyYuan:#,##0} yuan.");
            else if (decimal.Round(amount, 2) != amount) errors.Add("remedyAmount", "At most two decimals (fen).");
        }
        else if (paysMoney) errors.Add("remedyAmount", "Give the amount in yuan.");
        if (paysMoney && input.RemedyAmount == 0) errors.Add("remedyAmount", "A compensation or refund must be more than 0.");
        if (remedy == RemedyKind.Points && input.RemedyPoints is not > 0) errors.Add("remedyPoints", "Give the points, more than 0.");
        if (input.RemedyPoints is < 0) errors.Add("remedyPoints", "Cannot be negative.");
    }

    private static void Required(ValidationErrors errors, string field, string? value, int max, string? message = null)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, message ?? "Required.");
        else Length(errors, field, value, max);
    }

    private static void Length(ValidationErrors errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max) errors.Add(field, $"At most {max} characters.");
    }
}
