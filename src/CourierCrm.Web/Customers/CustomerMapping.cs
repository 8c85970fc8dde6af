using CourierCrm.Domain.Customers;

namespace CourierCrm.Web.Customers;

/// <summary>Copies between the archive entity and its input shape, in one place.</summary>
public static class CustomerMapping
{
    public static CustomerInput ToInput(Customer c) => new()
    {
        Code = c.Code, Name = c.Name, Type = c.Type,
        Nature = c.Nature, MarketType = c.MarketType, SpecialisedMarket = c.SpecialisedMarket, AreaType = c.AreaType,
        BusinessRelation = c.BusinessRelation, Reach = c.Reach, Origin = c.Origin, Source = c.Source, Lifecycle = c.Lifecycle,
        Phone = c.Phone, Fax = c.Fax, Email = c.Email, PostalCode = c.PostalCode, LegalRepresentative = c.LegalRepresentative,
        BusinessScopeText = c.BusinessScopeText, RegisteredCapital = c.RegisteredCapital, OrganisationForm = c.OrganisationForm,
        Industry = c.Industry, Assets = c.Assets, BusinessSince = c.BusinessSince, Personality = c.Personality,
        Interests = c.Interests, Family = c.Family, Birthday = c.Birthday,
        ServiceRegion = c.ServiceRegion, SalesCapacity = c.SalesCapacity, GrowthPotential = c.GrowthPotential,
        BusinessPhilosophy = c.BusinessPhilosophy, Scale = c.Scale, OperatingFeatures = c.OperatingFeatures,
        YearsInBusiness = c.YearsInBusiness, CreditLimit = c.CreditLimit, BillingDay = c.BillingDay, PaymentTerms = c.PaymentTerms,
        MonthlyAccountNo = c.MonthlyAccountNo, Overdue = c.Overdue,
        CurrentSalesActivity = c.CurrentSalesActivity, OpenProblems = c.OpenProblems,
        RequiredServices = c.RequiredServices, ProductAwareness = c.ProductAwareness, MainPartners = c.MainPartners,
        CompetitorsUsed = c.CompetitorsUsed,
        Contacts = c.Contacts.OrderBy(x => x.Id).Select(x => new ContactInput
        {
            Name = x.Name, Role = x.Role, Title = x.Title, Phone = x.Phone, Email = x.Email, Birthday = x.Birthday,
            Personality = x.Personality, Hobbies = x.Hobbies, Note = x.Note,
        }).ToList(),
        Addresses = c.Addresses.OrderByDescending(x => x.IsDefault).ThenBy(x => x.Id).Select(x => new AddressInput
        {
            Label = x.Label, Province = x.Province, City = x.City, District = x.District, Street = x.Street, Room = x.Room, IsDefault = x.IsDefault,
        }).ToList(),
        Tags = c.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList(),
    };

    /// <summary>Writes the input onto the entity, replacing contacts, addresses and tags. Strings are trimmed; blanks become null.</summary>
    public static void Apply(CustomerInput i, Customer c)
    {
        c.Name = i.Name.Trim(); c.Type = i.Type;
        c.Nature = i.Nature; c.MarketType = i.MarketType; c.SpecialisedMarket = i.SpecialisedMarket; c.AreaType = i.AreaType;
        c.BusinessRelation = i.BusinessRelation; c.Reach = i.Reach; c.Origin = i.Origin; c.Source = i.Source; c.Lifecycle = i.Lifecycle;
        c.Phone = Clean(i.Phone); c.PhoneDigits = PhoneNumber.Digits(c.Phone); c.PhoneLast4 = PhoneNumber.LastFour(c.PhoneDigits);
        c.Fax = Clean(i.Fax); c.Email = Clean(i.Email); c.PostalCode = Clean(i.PostalCode);
        c.LegalRepresentative = Clean(i.LegalRepresentative); c.BusinessScopeText = Clean(i.BusinessScopeText);
        c.RegisteredCapital = i.RegisteredCapital; c.OrganisationForm = Clean(i.OrganisationForm); c.Industry = Clean(i.Industry);
        c.Assets = i.Assets; c.BusinessSince = i.BusinessSince; c.Personality = Clean(i.Personality); c.Interests = Clean(i.Interests);
        c.Family = Clean(i.Family); c.Birthday = i.Birthday;
        c.ServiceRegion = Clean(i.ServiceRegion); c.SalesCapacity = Clean(i.SalesCapacity); c.GrowthPotential = Clean(i.GrowthPotential);
        c.BusinessPhilosophy = Clean(i.BusinessPhilosophy); c.Scale = Clean(i.Scale); c.OperatingFeatures = Clean(i.OperatingFeatures);
        c.YearsInBusiness = i.YearsInBusiness; c.CreditLimit = i.CreditLimit; c.BillingDay = i.BillingDay;
        c.PaymentTerms = Clean(i.PaymentTerms); c.MonthlyAccountNo = Clean(i.MonthlyAccountNo); c.Overdue = i.Overdue;
        c.CurrentSalesActivity = Clean(i.CurrentSalesActivity); c.OpenProblems = Clean(i.OpenProblems);
        c.RequiredServices = Clean(i.RequiredServices); c.ProductAwareness = Clean(i.ProductAwareness);
        c.MainPartners = Clean(i.MainPartners); c.CompetitorsUsed = Clean(i.CompetitorsUsed);

        c.Contacts.Clear();
        c.Contacts.AddRange(i.Contacts.Select(x => new Contact
        {
            Name = x.Name.Trim(), Role = x.Role, Title = Clean(x.Title), Phone = Clean(x.Phone), PhoneDigits = PhoneNumber.Digits(x.Phone), PhoneLast4 = PhoneNumber.LastFour(PhoneNumber.Digits(x.Phone)),
            Email = Clean(x.Email), Birthday = x.Birthday, Personality = Clean(x.Personality), Hobbies = Clean(x.Hobbies), Note = Clean(x.Note),
        }));
        c.Addresses.Clear();
        c.Addresses.AddRange(i.Addresses.Select((x, n) => new CustomerAddress
        {
            Label = Clean(x.Label), Province = x.Province.Trim(), City = x.City.Trim(), District = Clean(x.District),
            Street = x.Street.Trim(), Room = Clean(x.Room),
            // With no default chosen, the first address is the default.
            IsDefault = x.IsDefault || (n == 0 && !i.Addresses.Any(a => a.IsDefault)),
        }));
        // Tags are keyed by (customer, tag): keep the ones that stay, so EF never tracks two rows with one key.
        var tags = i.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        c.Tags.RemoveAll(t => !tags.Contains(t.Tag, StringComparer.Ordinal));
        c.Tags.AddRange(tags.Where(t => !c.Tags.Any(x => x.Tag == t)).Select(t => new CustomerTag { Tag = t }));
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
