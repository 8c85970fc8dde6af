using CourierCrm.Domain.Organisation;

namespace CourierCrm.Domain.Customers;

/// <summary>
/// A customer's archive (客户档案, DOMAIN.md §2): basic, characteristics, credit,
/// transaction status and needs, with contacts, addresses, tags and notes.
/// </summary>
public sealed class Customer : IScopedRecord
{
    public int Id { get; set; }
    /// <summary>Business key (客户编码), unique, used by imports and integrations.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public CustomerType Type { get; set; }

    // classification (§3)
    public CustomerNature Nature { get; set; }
    public MarketType MarketType { get; set; }
    public SpecialisedMarket SpecialisedMarket { get; set; }
    public AreaType AreaType { get; set; }
    public BusinessRelation BusinessRelation { get; set; }
    public BusinessReach Reach { get; set; }
    public CustomerOrigin Origin { get; set; }
    public CustomerSource Source { get; set; }
    public LifecycleState Lifecycle { get; set; }

    // basic (基础资料)
    public string? Phone { get; set; }
    /// <summary>Digits of <see cref="Phone"/> only, for exact and prefix lookups by index range.</summary>
    public string? PhoneDigits { get; set; }
    /// <summary>Last four digits of the phone: callers often give only these (issue 3 search).</summary>
    public string? PhoneLast4 { get; set; }
    public string? Fax { get; set; }
    public string? Email { get; set; }
    public string? PostalCode { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? BusinessScopeText { get; set; }
    public decimal? RegisteredCapital { get; set; }
    public string? OrganisationForm { get; set; }
    public string? Industry { get; set; }
    public decimal? Assets { get; set; }
    public DateOnly? BusinessSince { get; set; }
    public string? Personality { get; set; }
    public string? Interests { get; set; }
    public string? Family { get; set; }
    public DateOnly? Birthday { get; set; }

    // characteristics (特征资料)
    public string? ServiceRegion { get; set; }
    public string? SalesCapacity { get; set; }
    public string? GrowthPotential { get; set; }
    public string? BusinessPhilosophy { get; set; }
    public string? Scale { get; set; }
    public string? OperatingFeatures { get; set; }

    // credit (信用状况)
    public int? YearsInBusiness { get; set; }
    public decimal? CreditLimit { get; set; }
    /// <summary>Day of month the account is settled (结账日), 1–31.</summary>
    public int? BillingDay { get; set; }
    public string? PaymentTerms { get; set; }
    /// <summary>Monthly-settlement account number (月结账号).</summary>
    public string? MonthlyAccountNo { get; set; }
    public OverdueState Overdue { get; set; }

    // transaction status (交易现状)
    public string? CurrentSalesActivity { get; set; }
    public string? OpenProblems { get; set; }

    // needs (需求信息)
    public string? RequiredServices { get; set; }
    public string? ProductAwareness { get; set; }
    public string? MainPartners { get; set; }
    public string? CompetitorsUsed { get; set; }

    // ownership (one responsible owner; DOMAIN.md §2 principles)
    public int? OwnerId { get; set; }
    public int OutletId { get; set; }
    /// <summary>Copied from the outlet so region-scoped queries need no join.</summary>
    public int RegionId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<Contact> Contacts { get; set; } = [];
    public List<CustomerAddress> Addresses { get; set; } = [];
    public List<CustomerTag> Tags { get; set; } = [];
    public List<CustomerNote> Notes { get; set; } = [];
}

public sealed class Contact
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public required string Name { get; set; }
    public ContactRole Role { get; set; }
    public string? Title { get; set; }
    public string? Phone { get; set; }
    public string? PhoneDigits { get; set; }
    public string? PhoneLast4 { get; set; }
    public string? Email { get; set; }
    public DateOnly? Birthday { get; set; }
    public string? Personality { get; set; }
    public string? Hobbies { get; set; }
    public string? Note { get; set; }
}

/// <summary>One of a customer's addresses; the room/unit is kept apart so it can be masked.</summary>
public sealed class CustomerAddress
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    /// <summary>What the address is for: registered office, pickup, warehouse...</summary>
    public string? Label { get; set; }
    public required string Province { get; set; }
    public required string City { get; set; }
    public string? District { get; set; }
    public required string Street { get; set; }
    /// <summary>Building, unit and room (门牌/单元/室), hidden when masked.</summary>
    public string? Room { get; set; }
    public bool IsDefault { get; set; }
}

public sealed class CustomerTag
{
    public int CustomerId { get; set; }
    public required string Tag { get; set; }
}

public sealed class CustomerNote
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public required string Text { get; set; }
    public int? AuthorId { get; set; }
    public string? AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// One entry on a customer's 360 timeline. Every feature that touches a customer
/// (archive changes, transfers, later waybills, complaints, visits) adds its events here.
/// </summary>
public sealed class CustomerEvent
{
    public long Id { get; set; }
    public int CustomerId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Machine kind, e.g. "created", "updated", "transferred", "note".</summary>
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public string? Detail { get; set; }
    public int? ActorId { get; set; }
    public string? ActorName { get; set; }
}
