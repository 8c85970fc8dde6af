using System.Text.RegularExpressions;
using CourierCrm.Domain.Customers;
using CourierCrm.Web.Customers;

namespace CourierCrm.Web.Imports;

/// <summary>One customer row with its cells read into types, ready to be laid over a new or an existing archive.</summary>
public sealed record CustomerRow(MappedRow Row, string Code)
{
    public CustomerType? Type { get; init; }
    public CustomerNature? Nature { get; init; }
    public MarketType? MarketType { get; init; }
    public LifecycleState? Lifecycle { get; init; }
    public decimal? CreditLimit { get; init; }
    public int? BillingDay { get; init; }
    public List<string>? Tags { get; init; }
}

/// <summary>
/// Reads customer rows and lays them over the archive with the form's rules (<see cref="CustomerValidation"/>).
/// For a customer already on file only the non-empty cells change anything: an import that lacks a
/// column, or leaves a cell blank, never wipes what the archive holds. The contact columns fill the
/// first contact, the address columns the default address.
/// </summary>
public sealed partial class CustomerRowReader(EnumLabels labels, ImportTranslator texts)
{
    /// <summary>Field of the file each archive path comes from, for pointing errors at the right column.</summary>
    private static readonly Dictionary<string, string> FieldOfPath = new(StringComparer.Ordinal)
    {
        ["contacts[0].name"] = "contactName", ["contacts[0].phone"] = "contactPhone",
        ["addresses[0].province"] = "province", ["addresses[0].city"] = "city", ["addresses[0].district"] = "district",
        ["addresses[0].street"] = "street", ["addresses[0].room"] = "room",
    };

    public CustomerRow? Parse(MappedRow row, List<RowError> errors)
    {
        if (row.ShapeProblem() is { } shape) { errors.Add(shape); return null; }
        var before = errors.Count;
        if (row["code"] is not { } code) { errors.Add(row.Error("code", texts.Reason("is required."))); return null; }
        var parsed = new CustomerRow(row, code)
        {
            Type = Choice<CustomerType>(row, "type", errors),
            Nature = Choice<CustomerNature>(row, "nature", errors),
            MarketType = Choice<MarketType>(row, "marketType", errors),
            Lifecycle = Choice<LifecycleState>(row, "lifecycle", errors),
            CreditLimit = Number(row, "creditLimit", errors),
            BillingDay = Whole(row, "billingDay", errors),
            Tags = row["tags"] is { } tags ? TagSeparators().Split(tags).Select(t => t.Trim()).Where(t => t.Length > 0).ToList() : null,
        };
        return errors.Count > before ? null : parsed;
    }

    /// <summary>Lays the row over <paramref name="input"/> (a new archive, or an existing one's input) and validates the result.</summary>
    public void Apply(CustomerRow r, CustomerInput input, DateOnly today, List<RowError> errors)
    {
        var row = r.Row;
        input.Code = r.Code;
        if (row["name"] is { } name) input.Name = name;
        if (r.Type is { } type) input.Type = type;
        if (r.Nature is { } nature) input.Nature = nature;
        if (r.MarketType is { } market) input.MarketType = market;
        if (r.Lifecycle is { } lifecycle) input.Lifecycle = lifecycle;
        if (row["industry"] is { } industry) input.Industry = industry;
        if (row["phone"] is { } phone) input.Phone = phone;
        if (row["fax"] is { } fax) input.Fax = fax;
        if (row["email"] is { } email) input.Email = email;
        if (row["postalCode"] is { } postal) input.PostalCode = postal;
        if (row["monthlyAccountNo"] is { } account) input.MonthlyAccountNo = account;
        if (r.CreditLimit is { } credit) input.CreditLimit = credit;
        if (r.BillingDay is { } day) input.BillingDay = day;
        if (r.Tags is { } tags) input.Tags = [.. input.Tags.Union(tags, StringComparer.Ordinal)];

        if (row["contactName"] is not null || row["contactPhone"] is not null)
        {
            if (input.Contacts.Count == 0) input.Contacts.Insert(0, new ContactInput { Role = ContactRole.Other });
            var contact = input.Contacts[0];
            if (row["contactName"] is { } contactName) contact.Name = contactName;
            if (row["contactPhone"] is { } contactPhone) contact.Phone = contactPhone;
        }
        if (new[] { "province", "city", "district", "street", "room" }.Any(f => row[f] is not null))
        {
            if (input.Addresses.Count == 0) input.Addresses.Insert(0, new AddressInput { IsDefault = true });
            var address = input.Addresses[0];
            if (row["province"] is { } province) address.Province = province;
            if (row["city"] is { } city) address.City = city;
            if (row["district"] is { } district) address.District = district;
            if (row["street"] is { } street) address.Street = street;
            if (row["room"] is { } room) address.Room = room;
        }

        foreach (var (path, messages) in CustomerValidation.Validate(input, today).ToDictionary())
        {
            var field = FieldOfPath.GetValueOrDefault(path) ?? (path.StartsWith("tags", StringComparison.Ordinal) ? "tags" : path);
            // Two rules can say the same thing ("The Name field is required." and "is required."): once is enough.
            foreach (var reason in messages.Select(texts.Reason).Distinct(StringComparer.Ordinal))
                errors.Add(ImportFields.Customer.Any(f => f.Key == field)
                    ? row.Error(field, reason)
                    : new RowError(row.Number, path, null, reason));
        }
    }

    private TEnum? Choice<TEnum>(MappedRow row, string field, List<RowError> errors) where TEnum : struct, Enum
    {
        if (row[field] is not { } text) return null;
        if (labels.TryParse<TEnum>(text, out var value)) return value;
        errors.Add(row.Error(field, texts.Text("Cell.NotChoice", string.Join(", ", Enum.GetNames<TEnum>()))));
        return null;
    }

    private decimal? Number(MappedRow row, string field, List<RowError> errors)
    {
        if (row[field] is not { } text) return null;
        if (CellParsing.TryDecimal(text, out var value)) return value;
        errors.Add(row.Error(field, texts.Text("Cell.NotNumber")));
        return null;
    }

    private int? Whole(MappedRow row, string field, List<RowError> errors)
    {
        if (row[field] is not { } text) return null;
        if (CellParsing.TryInt(text, out var value)) return value;
        errors.Add(row.Error(field, texts.Text("Cell.NotWholeNumber")));
        return null;
    }

    [GeneratedRegex("[,，;；、|]")]
    private static partial Regex TagSeparators();
}
