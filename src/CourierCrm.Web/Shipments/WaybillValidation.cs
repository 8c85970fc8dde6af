using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Validation;

namespace CourierCrm.Web.Shipments;

/// <summary>
/// The rules a pushed waybill or tracking event must meet, each error keyed by its JSON path
/// ("waybills[3].freight") so the operations system can point at the exact field.
/// </summary>
public static class WaybillValidation
{
    public const int MaxBatch = 1000;
    /// <summary>Far above any real parcel's freight or value, far below what a long of fen can hold.</summary>
    public const decimal MaxAmountYuan = 100_000_000m;
    public const decimal MaxWeightKg = 1_000_000m;
    public const int MaxPieces = 100_000;

    public static ValidationErrors Validate(WaybillPushRequest request)
    {
        var errors = new ValidationErrors();
        var items = request.Waybills;
        if (items is null || items.Count == 0) { errors.Add("waybills", "must hold at least one waybill."); return errors; }
        if (items.Count > MaxBatch) { errors.Add("waybills", $"must hold at most {MaxBatch} waybills per request; send the rest in further batches."); return errors; }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"waybills[{i}]";
            if (items[i] is not { } w) { errors.Add(path, "is empty."); continue; }
            Item(errors, path, w);
            if (!string.IsNullOrWhiteSpace(w.Number))
            {
                var number = w.Number.Trim();
                if (seen.TryGetValue(number, out var first)) errors.Add($"{path}.number", $"repeats waybills[{first}].number; send each waybill once per batch.");
                else seen[number] = i;
            }
        }
        return errors;
    }

    private static void Item(ValidationErrors errors, string path, WaybillPushItem w)
    {
        Text(errors, $"{path}.number", w.Number, FieldLimits.Code, required: true);
        if (!string.IsNullOrWhiteSpace(w.Number) && !w.Number.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            errors.Add($"{path}.number", "may hold only letters, digits and '-'.");
        Text(errors, $"{path}.customerCode", w.CustomerCode, FieldLimits.Code, required: false);
        Text(errors, $"{path}.monthlyAccountNo", w.MonthlyAccountNo, FieldLimits.Code, required: false);
        Text(errors, $"{path}.senderName", w.SenderName, FieldLimits.Name, required: true);
        Phone(errors, $"{path}.senderPhone", w.SenderPhone);
        Text(errors, $"{path}.senderAddress", w.SenderAddress, FieldLimits.Text, required: true);
        Text(errors, $"{path}.receiverName", w.ReceiverName, FieldLimits.Name, required: true);
        Phone(errors, $"{path}.receiverPhone", w.ReceiverPhone);
        Text(errors, $"{path}.receiverAddress", w.ReceiverAddress, FieldLimits.Text, required: true);
        Text(errors, $"{path}.originCity", w.OriginCity, FieldLimits.Short, required: true);
        Text(errors, $"{path}.destinationCity", w.DestinationCity, FieldLimits.Short, required: true);
        Text(errors, $"{path}.pickupOutletCode", w.PickupOutletCode, FieldLimits.Code, required: false);
        Text(errors, $"{path}.deliveryOutletCode", w.DeliveryOutletCode, FieldLimits.Code, required: false);

        Enum(errors, $"{path}.product", w.Product);
        Enum(errors, $"{path}.payer", w.Payer);
        Enum(errors, $"{path}.status", w.Status);

        if (w.Pieces is not { } pieces) errors.Add($"{path}.pieces", "is required.");
        else if (pieces is < 1 or > MaxPieces) errors.Add($"{path}.pieces", $"must be between 1 and {MaxPieces}.");
        if (w.WeightKg is not { } weight) errors.Add($"{path}.weightKg", "is required.");
        else if (weight is < 0 or > MaxWeightKg) errors.Add($"{path}.weightKg", $"must be between 0 and {MaxWeightKg} kg.");
        Amount(errors, $"{path}.freight", w.Freight, required: true);
        Amount(errors, $"{path}.declaredValue", w.DeclaredValue, required: w.Insured);
        Amount(errors, $"{path}.insuranceFee", w.InsuranceFee, required: false);
        Amount(errors, $"{path}.codAmount", w.CodAmount, required: false);
        if (!w.Insured && w.DeclaredValue is not null) errors.Add($"{path}.declaredValue", "is only for insured waybills (insured: true).");
        if (!w.Insured && w.InsuranceFee is > 0) errors.Add($"{path}.insuranceFee", "is only for insured waybills (insured: true).");

        if (w.OrderedAt is not { } ordered) { errors.Add($"{path}.orderedAt", "is required."); return; }
        if (w.PickedUpAt is { } picked && picked < ordered) errors.Add($"{path}.pickedUpAt", "cannot be before orderedAt.");
        if (w.PromisedAt is { } promised && promised < ordered) errors.Add($"{path}.promisedAt", "cannot be before orderedAt.");
        if (w.DeliveredAt is { } delivered)
        {
            if (delivered < ordered) errors.Add($"{path}.deliveredAt", "cannot be before orderedAt.");
            else if (w.PickedUpAt is { } p && delivered < p) errors.Add($"{path}.deliveredAt", "cannot be before pickedUpAt.");
        }
    }

    public static ValidationErrors Validate(TrackingEventsRequest request)
    {
        var errors = new ValidationErrors();
        var items = request.Events;
        if (items is null || items.Count == 0) { errors.Add("events", "must hold at least one event."); return errors; }
        if (items.Count > MaxBatch) { errors.Add("events", $"must hold at most {MaxBatch} events per request."); return errors; }
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"events[{i}]";
            if (items[i] is not { } e) { errors.Add(path, "is empty."); continue; }
            if (e.At is null) errors.Add($"{path}.at", "is required.");
            Text(errors, $"{path}.place", e.Place, FieldLimits.Short, required: true);
            Text(errors, $"{path}.description", e.Description, FieldLimits.Name, required: true);
            if (e.Status is { } s && !System.Enum.IsDefined(s)) errors.Add($"{path}.status", "is not one of the allowed values.");
        }
        return errors;
    }

    private static void Text(ValidationErrors errors, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(field, "is required.");
            return;
        }
        if (value.Trim().Length > max) errors.Add(field, $"must be at most {max} characters.");
    }

    private static void Phone(ValidationErrors errors, string field, string? value)
    {
        Text(errors, field, value, FieldLimits.Phone, required: true);
        if (!string.IsNullOrWhiteSpace(value) && value.Trim().Length <= FieldLimits.Phone && PhoneNumber.Problem(value) is { } problem)
            errors.Add(field, problem);
    }

    private static void Amount(ValidationErrors errors, string field, decimal? value, bool required)
    {
        if (value is not { } v)
        {
            if (required) errors.Add(field, "is required.");
            return;
        }
        if (v < 0) errors.Add(field, "cannot be negative.");
        else if (v > MaxAmountYuan) errors.Add(field, $"must be at most {MaxAmountYuan} yuan.");
    }

    private static void Enum<TEnum>(ValidationErrors errors, string field, TEnum? value) where TEnum : struct, System.Enum
    {
        if (value is not { } v) errors.Add(field, $"is required: one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        else if (!System.Enum.IsDefined(v)) errors.Add(field, $"must be one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
    }
}
