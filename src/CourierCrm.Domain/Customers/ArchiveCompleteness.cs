namespace CourierCrm.Domain.Customers;

/// <summary>How much of one part of the archive is filled in.</summary>
/// <param name="Section">One of the section constants on <see cref="ArchiveCompleteness"/>.</param>
/// <param name="Missing">Names of the empty items: Customer property names ("LegalRepresentative"),
/// or for the contact checks "Contacts", "DecisionMaker", "ShippingClerk", "Addresses", "Phone".</param>
public sealed record ArchiveSectionCompleteness(string Section, int Filled, int Total, IReadOnlyList<string> Missing)
{
    public bool IsComplete => Filled == Total;
}

/// <summary>
/// The archive completeness indicator on the customer 360 page. An archive is only useful when
/// it is kept whole and current (DOMAIN.md §2: basic, characteristics, credit, transaction
/// status, needs and contacts), so the page shows what share is filled and what is missing.
/// Which items count depends on the customer type: an organisation has a legal representative
/// and registered capital, a person has a birthday and interests.
/// </summary>
/// <param name="Percent">Filled items over all items, rounded, 0..100; 100 only when nothing is missing.</param>
public sealed record ArchiveCompleteness(int Percent, IReadOnlyList<ArchiveSectionCompleteness> Sections)
{
    public const string Basic = "Basic";
    public const string Characteristics = "Characteristics";
    public const string Credit = "Credit";
    public const string Transaction = "Transaction";
    public const string Needs = "Needs";
    public const string Contacts = "Contacts";

    /// <summary>The section names in the order the archive presents them.</summary>
    public static IReadOnlyList<string> SectionNames { get; } = [Basic, Characteristics, Credit, Transaction, Needs, Contacts];

    public static ArchiveCompleteness Of(Customer c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var organisation = c.Type == CustomerType.Organisation;

        // Registered capital appears in both basic and credit in DOMAIN.md §2; counted once, in basic.
        // Phone is counted with the contacts: it is how the customer is reached.
        var basic = organisation
            ? Items(
                (nameof(c.Name), Has(c.Name)),
                (nameof(c.Fax), Has(c.Fax)),
                (nameof(c.PostalCode), Has(c.PostalCode)),
                (nameof(c.LegalRepresentative), Has(c.LegalRepresentative)),
                (nameof(c.BusinessScopeText), Has(c.BusinessScopeText)),
                (nameof(c.RegisteredCapital), c.RegisteredCapital.HasValue),
                (nameof(c.OrganisationForm), Has(c.OrganisationForm)),
                (nameof(c.Industry), Has(c.Industry)),
                (nameof(c.Assets), c.Assets.HasValue),
                (nameof(c.BusinessSince), c.BusinessSince.HasValue))
            : Items(
                (nameof(c.Name), Has(c.Name)),
                (nameof(c.Email), Has(c.Email)),
                (nameof(c.PostalCode), Has(c.PostalCode)),
                (nameof(c.Birthday), c.Birthday.HasValue),
                (nameof(c.Personality), Has(c.Personality)),
                (nameof(c.Interests), Has(c.Interests)),
                (nameof(c.Family), Has(c.Family)),
                (nameof(c.BusinessSince), c.BusinessSince.HasValue));

        // A person has no business philosophy or company scale to record.
        var characteristics = organisation
            ? Items(
                (nameof(c.ServiceRegion), Has(c.ServiceRegion)),
                (nameof(c.SalesCapacity), Has(c.SalesCapacity)),
                (nameof(c.GrowthPotential), Has(c.GrowthPotential)),
                (nameof(c.BusinessPhilosophy), Has(c.BusinessPhilosophy)),
                (nameof(c.Scale), Has(c.Scale)),
                (nameof(c.OperatingFeatures), Has(c.OperatingFeatures)))
            : Items(
                (nameof(c.ServiceRegion), Has(c.ServiceRegion)),
                (nameof(c.SalesCapacity), Has(c.SalesCapacity)),
                (nameof(c.GrowthPotential), Has(c.GrowthPotential)),
                (nameof(c.OperatingFeatures), Has(c.OperatingFeatures)));

        // Overdue state is an enum that always has a value, so it cannot be "missing".
        var credit = organisation
            ? Items(
                (nameof(c.YearsInBusiness), c.YearsInBusiness.HasValue),
                (nameof(c.CreditLimit), c.CreditLimit.HasValue),
                (nameof(c.BillingDay), c.BillingDay.HasValue),
                (nameof(c.PaymentTerms), Has(c.PaymentTerms)),
                (nameof(c.MonthlyAccountNo), Has(c.MonthlyAccountNo)))
            : Items(
                (nameof(c.CreditLimit), c.CreditLimit.HasValue),
                (nameof(c.BillingDay), c.BillingDay.HasValue),
                (nameof(c.PaymentTerms), Has(c.PaymentTerms)),
                (nameof(c.MonthlyAccountNo), Has(c.MonthlyAccountNo)));

        var transaction = Items(
            (nameof(c.CurrentSalesActivity), Has(c.CurrentSalesActivity)),
            (nameof(c.OpenProblems), Has(c.OpenProblems)));

        var needs = Items(
            (nameof(c.RequiredServices), Has(c.RequiredServices)),
            (nameof(c.ProductAwareness), Has(c.ProductAwareness)),
            (nameof(c.MainPartners), Has(c.MainPartners)),
            (nameof(c.CompetitorsUsed), Has(c.CompetitorsUsed)));

        // A reachable phone is the customer's own or any contact's. An individual is their own
        // decision maker and shipping clerk, so only address and phone count for them.
        var contacts = c.Contacts ?? [];
        var phone = (nameof(c.Phone), Has(c.Phone) || contacts.Any(k => Has(k.Phone)));
        var addresses = (nameof(c.Addresses), (c.Addresses ?? []).Count > 0);
        var contactItems = organisation
            ? Items(
                (nameof(c.Contacts), contacts.Any(k => Has(k.Name))),
                (nameof(ContactRole.DecisionMaker), contacts.Any(k => k.Role == ContactRole.DecisionMaker && Has(k.Name))),
                (nameof(ContactRole.ShippingClerk), contacts.Any(k => k.Role == ContactRole.ShippingClerk && Has(k.Name))),
                addresses,
                phone)
            : Items(addresses, phone);

        IReadOnlyList<ArchiveSectionCompleteness> sections =
        [
            Section(Basic, basic),
            Section(Characteristics, characteristics),
            Section(Credit, credit),
            Section(Transaction, transaction),
            Section(Needs, needs),
            Section(Contacts, contactItems),
        ];
        return new ArchiveCompleteness(PercentOf(sections.Sum(s => s.Filled), sections.Sum(s => s.Total)), sections);
    }

    private static int PercentOf(int filled, int total)
    {
        if (total == 0 || filled >= total)
            return 100;
        var percent = (int)Math.Round(100.0 * filled / total, MidpointRounding.AwayFromZero);
        // "100 %" must mean nothing is missing, whatever the rounding says.
        return Math.Min(percent, 99);
    }

    private static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);

    private static (string Name, bool Filled)[] Items(params (string Name, bool Filled)[] items) => items;

    private static ArchiveSectionCompleteness Section(string name, (string Name, bool Filled)[] items) =>
        new(name, items.Count(i => i.Filled), items.Length, items.Where(i => !i.Filled).Select(i => i.Name).ToList());
}
