using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Privacy;

namespace CourierCrm.Web.Customers;

/// <summary>A row of the customer list, masked for the viewer.</summary>
public sealed record CustomerListItem(
    int Id, string Code, string Name, CustomerType Type, MarketType MarketType, LifecycleState Lifecycle,
    string? Phone, string? OwnerName, string OutletName, DateTimeOffset UpdatedAt, bool IsMasked);

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

    private static string? Hidden(string? value) => string.IsNullOrWhiteSpace(value) ? value : "****";
}
