using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Shipments;

namespace CourierCrm.Web.Imports;

/// <summary>
/// Turns one mapped row into a waybill, with the push API's rules (<see cref="WaybillValidation"/>):
/// the cells are read into a <see cref="WaybillPushItem"/>, validated as a one-item batch, and each
/// error is given back against the file's column. Defaults for columns a file often lacks: product
/// standard, 1 piece, sender pays, status ordered, insured when a declared value is given.
/// Cells starting with = + - @ are data like any other: stored as text, never evaluated.
/// </summary>
public sealed class WaybillRowReader(EnumLabels labels, ImportTranslator texts, IReadOnlyDictionary<string, int> outletIds)
{
    private const string Prefix = "waybills[0].";

    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

    public Waybill? Read(MappedRow row, List<RowError> errors)
    {
        if (row.ShapeProblem() is { } shape) { errors.Add(shape); return null; }
        // One set for every row of the file (a reader reads one row at a time): a million rows, no million sets.
        var failed = _failed;
        failed.Clear();
        var before = errors.Count;

        var item = new WaybillPushItem
        {
            Number = row["number"],
            CustomerCode = row["customerCode"],
            MonthlyAccountNo = row["monthlyAccountNo"],
            Product = Choice(row, "product", Product.Standard, errors, failed),
            SenderName = row["senderName"], SenderPhone = row["senderPhone"], SenderAddress = row["senderAddress"],
            ReceiverName = row["receiverName"], ReceiverPhone = row["receiverPhone"], ReceiverAddress = row["receiverAddress"],
            OriginCity = row["originCity"], DestinationCity = row["destinationCity"],
            Pieces = Whole(row, "pieces", 1, errors, failed),
            WeightKg = Number(row, "weightKg", errors, failed),
            Freight = Number(row, "freight", errors, failed),
            DeclaredValue = Number(row, "declaredValue", errors, failed),
            InsuranceFee = Number(row, "insuranceFee", errors, failed),
            CodAmount = Number(row, "codAmount", errors, failed),
            Payer = Choice(row, "payer", Payer.Sender, errors, failed),
            Status = Choice(row, "status", WaybillStatus.Ordered, errors, failed),
            OrderedAt = Time(row, "orderedAt", errors, failed),
            PickedUpAt = Time(row, "pickedUpAt", errors, failed),
            PromisedAt = Time(row, "promisedAt", errors, failed),
            DeliveredAt = Time(row, "deliveredAt", errors, failed),
            PickupOutletCode = row["pickupOutletCode"],
            DeliveryOutletCode = row["deliveryOutletCode"],
        };
        item = item with { Insured = Insured(row, item, errors, failed) };

        var validation = WaybillValidation.Validate(new WaybillPushRequest([item]));
        foreach (var (path, messages) in validation.IsEmpty ? [] : validation.ToDictionary())
        {
            var field = path.StartsWith(Prefix, StringComparison.Ordinal) ? path[Prefix.Length..] : "number";
            // A cell that did not parse is already reported; "is required" on top of it would only confuse.
            if (failed.Contains(field)) continue;
            foreach (var reason in messages.Select(texts.Reason).Distinct(StringComparer.Ordinal)) errors.Add(row.Error(field, reason));
        }
        Outlet(row, "pickupOutletCode", errors);
        Outlet(row, "deliveryOutletCode", errors);
        return errors.Count > before ? null : ToWaybill(item);
    }

    private Waybill ToWaybill(WaybillPushItem w) => new()
    {
        Number = w.Number!.Trim(),
        CustomerCode = w.CustomerCode, MonthlyAccountNo = w.MonthlyAccountNo, Product = w.Product!.Value,
        SenderName = w.SenderName, SenderPhone = w.SenderPhone, SenderAddress = w.SenderAddress,
        ReceiverName = w.ReceiverName, ReceiverPhone = w.ReceiverPhone, ReceiverAddress = w.ReceiverAddress,
        OriginCity = w.OriginCity!, DestinationCity = w.DestinationCity!,
        Pieces = w.Pieces!.Value,
        WeightGrams = (long)decimal.Round(w.WeightKg!.Value * 1000m, 0, MidpointRounding.AwayFromZero),
        FreightFen = Money.ToFen(w.Freight!.Value),
        Insured = w.Insured,
        DeclaredValueFen = w.DeclaredValue is { } v ? Money.ToFen(v) : null,
        InsuranceFeeFen = w.InsuranceFee is { } f ? Money.ToFen(f) : null,
        CodAmountFen = w.CodAmount is { } cod ? Money.ToFen(cod) : null,
        Payer = w.Payer!.Value, Status = w.Status!.Value,
        OrderedAt = w.OrderedAt!.Value, PickedUpAt = w.PickedUpAt, PromisedAt = w.PromisedAt, DeliveredAt = w.DeliveredAt,
        PickupOutletId = w.PickupOutletCode is { } p ? outletIds[p] : null,
        DeliveryOutletId = w.DeliveryOutletCode is { } d ? outletIds[d] : null,
    };

    private void Outlet(MappedRow row, string field, List<RowError> errors)
    {
        if (row[field] is { } code && code.Length <= Data.FieldLimits.Code && !outletIds.ContainsKey(code))
            errors.Add(row.Error(field, texts.Text("Cell.UnknownOutlet", code)));
    }

    private bool Insured(MappedRow row, WaybillPushItem item, List<RowError> errors, HashSet<string> failed)
    {
        if (row["insured"] is not { } text) return item.DeclaredValue is not null;
        if (CellParsing.TryBool(text, out var insured)) return insured;
        errors.Add(row.Error("insured", texts.Text("Cell.NotYesNo")));
        failed.Add("insured");
        failed.Add("declaredValue");
        return item.DeclaredValue is not null;
    }

    private TEnum? Choice<TEnum>(MappedRow row, string field, TEnum fallback, List<RowError> errors, HashSet<string> failed) where TEnum : struct, Enum
    {
        if (row[field] is not { } text) return fallback;
        if (labels.TryParse<TEnum>(text, out var value)) return value;
        errors.Add(row.Error(field, texts.Text("Cell.NotChoice", string.Join(", ", Enum.GetNames<TEnum>()))));
        failed.Add(field);
        return null;
    }

    private int? Whole(MappedRow row, string field, int fallback, List<RowError> errors, HashSet<string> failed)
    {
        if (row[field] is not { } text) return fallback;
        if (CellParsing.TryInt(text, out var value)) return value;
        errors.Add(row.Error(field, texts.Text("Cell.NotWholeNumber")));
        failed.Add(field);
        return null;
    }

    private decimal? Number(MappedRow row, string field, List<RowError> errors, HashSet<string> failed)
    {
        if (row[field] is not { } text) return null;
        if (CellParsing.TryDecimal(text, out var value)) return value;
        errors.Add(row.Error(field, texts.Text("Cell.NotNumber")));
        failed.Add(field);
        return null;
    }

    private DateTimeOffset? Time(MappedRow row, string field, List<RowError> errors, HashSet<string> failed)
    {
        if (row[field] is not { } text) return null;
        if (CellParsing.TryTime(text, out var value)) return value;
        errors.Add(row.Error(field, texts.Text("Cell.NotTime")));
        failed.Add(field);
        return null;
    }
}
