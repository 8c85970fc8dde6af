using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Privacy;

namespace CourierCrm.Web.Customers;

/// <summary>A row of the customer list, masked for the viewer.</summary>
public sealed record CustomerListItem(
    int Id, string Code, string Name, CustomerType Type, MarketType MarketType, LifecycleState Lifecycle,
    string? Phone, string? OwnerName, string OutletName, DateTimeOffset UpdatedAt, bool IsMasked)
{
    /// <summary>When the archive was created (建档时间); outside the positional list so existing callers keep working.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>ABC class of the latest classification run; null when never classified.</summary>
    public AbcClass? Abc { get; init; }
    public ValuePyramidTier? Pyramid { get; init; }
    /// <summary>Predicted lifetime value (fen) from the latest run; null until computed.</summary>
    public long? PredictedValueFen { get; init; }
}

/// <summary>A customer's whole archive as the viewer may see it.</summary>
public sealed record CustomerDetail
{
    public required int Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required bool IsMasked { get; init; }
    public required int? OwnerId { get; init; }
    public required string? OwnerName { get; init; }
    public required int OutletId { get; init; }
    public required string OutletName { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required ArchiveCompleteness Completeness { get; init; }
    /// <summary>The archive fields, personal ones masked when <see cref="IsMasked"/>.</summary>
    public required CustomerInput Archive { get; init; }
}

public static class CustomerMasking
{
    /// <summary>Whether the viewer sees this customer's personal data in clear.</summary>
    public static bool Masks(Viewer viewer) => !viewer.CanViewPersonalData;

    /// <summary>A company's name is not personal data; an individual customer's name is.</summary>
    public static string Name(string name, CustomerType type, bool mask) =>
        mask && type == CustomerType.Individual ? PersonalDataMask.PersonName(name) ?? "" : name;

    public static CustomerInput Archive(Customer c, bool mask)
    {
        var input = CustomerMapping.ToInput(c);
        if (!mask) return input;
        input.Name = Name(c.Name, c.Type, true);
        input.Phone = PersonalDataMask.Phone(c.Phone);
        input.Fax = PersonalDataMask.Phone(c.Fax);
        input.Email = PersonalDataMask.Email(c.Email);
        input.LegalRepresentative = PersonalDataMask.PersonName(c.LegalRepresentative);
        input.Birthday = null;
        input.Family = Hidden(c.Family);
        foreach (var contact in input.Contacts)
        {
            contact.Name = PersonalDataMask.PersonName(contact.Name) ?? "";
            contact.Phone = PersonalDataMask.Phone(contact.Phone);
            contact.Email = PersonalDataMask.Email(contact.Email);
            contact.Birthday = null;
        }
        foreach (var address in input.Addresses)
        {
            address.Street = PersonalDataMask.Address("", "", null, address.Street, null);
            address.Room = string.IsNullOrEmpty(address.Room) ? null : "****";
        }
        return input;
    }

    /// <summary>
    /// For a viewer who edits through a masked view: every personal value submitted exactly as it was
    /// shown masked is put back to the stored clear value, so a masked form or a GET-then-PUT through the
    /// API never overwrites real phone numbers, names or addresses with asterisks. Contacts and
    /// addresses are matched by position, as the form and the API list them.
    /// </summary>
    public static void RestoreMaskedValues(CustomerInput submitted, Customer stored)
    {
        var clear = CustomerMapping.ToInput(stored);
        var shown = Archive(stored, mask: true);
        submitted.Name = Keep(submitted.Name, shown.Name, clear.Name)!;
        submitted.Phone = Keep(submitted.Phone, shown.Phone, clear.Phone);
        submitted.Fax = Keep(submitted.Fax, shown.Fax, clear.Fax);
        submitted.Email = Keep(submitted.Email, shown.Email, clear.Email);
        submitted.LegalRepresentative = Keep(submitted.LegalRepresentative, shown.LegalRepresentative, clear.LegalRepresentative);
        submitted.Family = Keep(submitted.Family, shown.Family, clear.Family);
        submitted.Birthday ??= clear.Birthday;
        for (var i = 0; i < Math.Min(submitted.Contacts.Count, clear.Contacts.Count); i++)
        {
            var (s, m, c) = (submitted.Contacts[i], shown.Contacts[i], clear.Contacts[i]);
            if (s is null) continue;
            s.Name = Keep(s.Name, m.Name, c.Name)!;
            s.Phone = Keep(s.Phone, m.Phone, c.Phone);
            s.Email = Keep(s.Email, m.Email, c.Email);
            s.Birthday ??= c.Birthday;
        }
        for (var i = 0; i < Math.Min(submitted.Addresses.Count, clear.Addresses.Count); i++)
        {
            var (s, m, c) = (submitted.Addresses[i], shown.Addresses[i], clear.Addresses[i]);
            if (s is null) continue;
            s.Street = Keep(s.Street, m.Street, c.Street)!;
            s.Room = Keep(s.Room, m.Room, c.Room);
        }
    }

    private static string? Keep(string? submitted, string? shownMasked, string? clear) =>
        submitted is not null && shownMasked is not null && submitted.Trim() == shownMasked ? clear : submitted;

    private static string? Hidden(string? value) => string.IsNullOrWhiteSpace(value) ? value : "****";
}
