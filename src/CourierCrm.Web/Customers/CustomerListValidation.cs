using CourierCrm.Web.Platform.Validation;

namespace CourierCrm.Web.Customers;

/// <summary>
/// Checks the list's filters and order (GET /api/v1/customers, exports, saved segments); errors are keyed
/// by the query-string names. A value of the wrong type never gets here: binding refuses it, naming it.
/// </summary>
public static class CustomerListValidation
{
    public static ValidationErrors Check(CustomerListQuery q)
    {
        var errors = new ValidationErrors();
        Defined(errors, "type", q.Type);
        Defined(errors, "nature", q.Nature);
        Defined(errors, "marketType", q.MarketType);
        Defined(errors, "specialisedMarket", q.SpecialisedMarket);
        Defined(errors, "businessRelation", q.BusinessRelation);
        Defined(errors, "lifecycle", q.Lifecycle);
        Defined(errors, "abc", q.Abc);
        Defined(errors, "pyramid", q.Pyramid);
        Defined(errors, "keyAccount", q.KeyAccount);
        Defined(errors, "quadrant", q.Quadrant);
        Defined(errors, "direction", q.Direction);
        Score(errors, "rfmR", q.RfmR);
        Score(errors, "rfmF", q.RfmF);
        Score(errors, "rfmM", q.RfmM);
        if (q.Segment is < 1) errors.Add("segment", "must be a positive id.");
        if (q.Sort is { } sort && !CustomerQueries.SortFields.Contains(sort))
            errors.Add("sort", $"must be one of {string.Join(", ", CustomerQueries.SortFields)}.");
        return errors;
    }

    // An enum's number binds as well as its name; a number that names nothing is refused here.
    private static void Defined<TEnum>(ValidationErrors errors, string field, TEnum? value) where TEnum : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v)) errors.Add(field, $"must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
    }

    private static void Score(ValidationErrors errors, string field, int? value)
    {
        if (value is < 1 or > 5) errors.Add(field, "must be an RFM score from 1 to 5.");
    }
}
