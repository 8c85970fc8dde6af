using CourierCrm.Domain.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Validation;

namespace CourierCrm.Web.Customers;

/// <summary>Every rule a customer's archive must meet before it is saved, for the form and the API alike.</summary>
public static class CustomerValidation
{
    public static ValidationErrors Validate(CustomerInput input, DateOnly today)
    {
        var errors = new ValidationErrors();
        errors.AddAnnotations(input);
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "is required.");
        CheckPhone(errors, "phone", input.Phone);
        CheckPhone(errors, "fax", input.Fax);
        if (input.Birthday is { } b && (b > today || b.Year < 1900)) errors.Add("birthday", "must be a past date after 1900.");
        if (input.BusinessSince is { } s && s > today) errors.Add("businessSince", "cannot be in the future.");
        foreach (var (name, value) in EnumValues(input))
            if (!Enum.IsDefined(value.GetType(), value)) errors.Add(name, "is not one of the allowed values.");

        for (var i = 0; i < input.Contacts.Count; i++)
        {
            var c = input.Contacts[i];
            if (c is null) { errors.Add($"contacts[{i}]", "is empty."); continue; }
            if (string.IsNullOrWhiteSpace(c.Name)) errors.Add($"contacts[{i}].name", "is required.");
            CheckPhone(errors, $"contacts[{i}].phone", c.Phone);
            if (c.Birthday is { } cb && (cb > today || cb.Year < 1900)) errors.Add($"contacts[{i}].birthday", "must be a past date after 1900.");
            if (!Enum.IsDefined(c.Role)) errors.Add($"contacts[{i}].role", "is not one of the allowed values.");
        }
        for (var i = 0; i < input.Addresses.Count; i++)
        {
            var a = input.Addresses[i];
            if (a is null) { errors.Add($"addresses[{i}]", "is empty."); continue; }
            if (string.IsNullOrWhiteSpace(a.Street)) errors.Add($"addresses[{i}].street", "is required.");
        }
        if (input.Addresses.Count(a => a?.IsDefault == true) > 1) errors.Add("addresses", "only one address can be the default.");
        for (var i = 0; i < input.Tags.Count; i++)
        {
            var tag = input.Tags[i];
            if (string.IsNullOrWhiteSpace(tag)) errors.Add($"tags[{i}]", "is empty.");
            else if (tag.Trim().Length > FieldLimits.Tag) errors.Add($"tags[{i}]", $"must be at most {FieldLimits.Tag} characters.");
        }
        return errors;
    }

    private static void CheckPhone(ValidationErrors errors, string field, string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return;
        if (PhoneNumber.Problem(phone) is { } problem) errors.Add(field, problem);
    }

    private static IEnumerable<(string, Enum)> EnumValues(CustomerInput i) =>
    [
        ("type", i.Type), ("nature", i.Nature), ("marketType", i.MarketType), ("specialisedMarket", i.SpecialisedMarket),
        ("areaType", i.AreaType), ("businessRelation", i.BusinessRelation), ("reach", i.Reach), ("origin", i.Origin),
        ("source", i.Source), ("lifecycle", i.Lifecycle), ("overdue", i.Overdue),
    ];
}
