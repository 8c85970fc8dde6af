using System.Globalization;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Paging;
using CourierCrm.Web.Platform.Validation;
using CourierCrm.Web.Shipments;

namespace CourierCrm.Web.Exports;

/// <summary>Body of POST /api/v1/customers/exports: the customer list's filters and order (as its query string) and the format.</summary>
public sealed record CustomerExportRequest
{
    /// <summary>Csv or Xlsx.</summary>
    public ExportFormat? Format { get; init; }
    public string? Search { get; init; }
    public CustomerType? Type { get; init; }
    public CustomerNature? Nature { get; init; }
    public MarketType? MarketType { get; init; }
    public SpecialisedMarket? SpecialisedMarket { get; init; }
    public BusinessRelation? BusinessRelation { get; init; }
    public LifecycleState? Lifecycle { get; init; }
    public int? OutletId { get; init; }
    public int? OwnerId { get; init; }
    public bool? Unassigned { get; init; }
    public string? Tag { get; init; }
    public CourierCrm.Domain.Classification.AbcClass? Abc { get; init; }
    public CourierCrm.Domain.Classification.ValuePyramidTier? Pyramid { get; init; }
    public CourierCrm.Domain.Classification.KeyAccountTier? KeyAccount { get; init; }
    public int? RfmR { get; init; }
    public int? RfmF { get; init; }
    public int? RfmM { get; init; }
    public CourierCrm.Domain.Classification.LoyaltyValueQuadrant? Quadrant { get; init; }
    public bool? Unclassified { get; init; }
    public int? Segment { get; init; }
    public string? Sort { get; init; }
    public SortDirection? Direction { get; init; }

    public CustomerListQuery ToFilter() => new()
    {
        Search = Search, Type = Type, Nature = Nature, MarketType = MarketType, SpecialisedMarket = SpecialisedMarket,
        BusinessRelation = BusinessRelation, Lifecycle = Lifecycle, OutletId = OutletId, OwnerId = OwnerId,
        Unassigned = Unassigned, Tag = Tag, Abc = Abc, Pyramid = Pyramid, KeyAccount = KeyAccount,
        RfmR = RfmR, RfmF = RfmF, RfmM = RfmM, Quadrant = Quadrant, Unclassified = Unclassified, Segment = Segment,
        Sort = Sort, Direction = Direction,
    };
}

/// <summary>Body of POST /api/v1/waybills/exports: the waybill list's filters and the format.</summary>
public sealed record WaybillExportRequest
{
    /// <summary>Csv or Xlsx.</summary>
    public ExportFormat? Format { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public WaybillStatus? Status { get; init; }
    public Product? Product { get; init; }
    public int? PickupOutletId { get; init; }
    public int? CustomerId { get; init; }
    public bool? Unmatched { get; init; }
    public string? Number { get; init; }

    public WaybillListQuery ToFilter() => new()
    {
        From = From, To = To, Status = Status, Product = Product, PickupOutletId = PickupOutletId,
        CustomerId = CustomerId, Unmatched = Unmatched, Number = Number,
    };
}

/// <summary>Checks an export's format and filters before a job is queued; errors are keyed by the body's field names.</summary>
public static class ExportValidation
{
    public static ValidationErrors Customers(CustomerListQuery f, ExportFormat? format)
    {
        var errors = Format(format);
        Length(errors, "search", f.Search, FieldLimits.Name);
        Length(errors, "tag", f.Tag, FieldLimits.Tag);
        Id(errors, "outletId", f.OutletId);
        Id(errors, "ownerId", f.OwnerId);
        // The list's own checks: enums that name nothing, RFM scores, segment id, sort.
        foreach (var (field, messages) in CustomerListValidation.Check(f).ToDictionary())
            foreach (var message in messages) errors.Add(field, message);
        return errors;
    }

    public static ValidationErrors Waybills(WaybillListQuery f, ExportFormat? format)
    {
        var errors = Format(format);
        Length(errors, "number", f.Number, FieldLimits.Code);
        Defined(errors, "status", f.Status);
        Defined(errors, "product", f.Product);
        Id(errors, "pickupOutletId", f.PickupOutletId);
        Id(errors, "customerId", f.CustomerId);
        if (f.From is { } from && f.To is { } to && to < from)
            errors.Add("to", $"must not be before from ({from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}).");
        return errors;
    }

    private static ValidationErrors Format(ExportFormat? format)
    {
        var errors = new ValidationErrors();
        if (format is null) errors.Add("format", "is required: Csv or Xlsx.");
        else if (!Enum.IsDefined(format.Value)) errors.Add("format", "must be Csv or Xlsx.");
        return errors;
    }

    private static void Length(ValidationErrors errors, string field, string? value, int max)
    {
        if (value is { Length: var n } && n > max) errors.Add(field, $"must be at most {max} characters.");
    }

    // The JSON reader accepts an enum's number as well as its name; a number that names nothing is refused here.
    private static void Defined<TEnum>(ValidationErrors errors, string field, TEnum? value) where TEnum : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v)) errors.Add(field, $"must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
    }

    private static void Id(ValidationErrors errors, string field, int? value)
    {
        if (value is < 1) errors.Add(field, "must be a positive id.");
    }
}

/// <summary>A waybill filter in the list's query-string words, for the audit entry.</summary>
public static class ExportFilters
{
    public static string Describe(WaybillListQuery q)
    {
        var parts = new List<string>();
        if (q.From is { } from) parts.Add("from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (q.To is { } to) parts.Add("to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (q.Status is { } status) parts.Add("status=" + status);
        if (q.Product is { } product) parts.Add("product=" + product);
        if (q.PickupOutletId is { } outlet) parts.Add("pickupOutletId=" + outlet.ToString(CultureInfo.InvariantCulture));
        if (q.CustomerId is { } customer) parts.Add("customerId=" + customer.ToString(CultureInfo.InvariantCulture));
        if (q.Unmatched == true) parts.Add("unmatched=true");
        if (!string.IsNullOrWhiteSpace(q.Number)) parts.Add("number=" + q.Number.Trim());
        return parts.Count > 0 ? string.Join('&', parts) : "(none)";
    }
}
