using System.ComponentModel.DataAnnotations;
using CourierCrm.Domain.Customers;
using CourierCrm.Web.Data;

namespace CourierCrm.Web.Customers;

/// <summary>
/// What a person or an integration may write into a customer's archive: the same shape
/// for the form and the API body. Owner, outlet, region and ids are absent on purpose, so
/// they cannot be over-posted; ownership changes only through a transfer.
/// </summary>
public sealed class CustomerInput
{
    /// <summary>客户编码; generated when left empty on create. Unique.</summary>
    [StringLength(FieldLimits.Code)] public string? Code { get; set; }
    [Required, StringLength(FieldLimits.Name)] public string Name { get; set; } = "";
    public CustomerType Type { get; set; } = CustomerType.Organisation;

    public CustomerNature Nature { get; set; }
    // Most accounts a courier opens by hand are companies; e-commerce shops mostly arrive by import.
    public MarketType MarketType { get; set; } = MarketType.Enterprise;
    public SpecialisedMarket SpecialisedMarket { get; set; }
    public AreaType AreaType { get; set; }
    public BusinessRelation BusinessRelation { get; set; }
    public BusinessReach Reach { get; set; }
    public CustomerOrigin Origin { get; set; }
    public CustomerSource Source { get; set; }
    public LifecycleState Lifecycle { get; set; } = LifecycleState.Potential;

    [StringLength(FieldLimits.Phone)] public string? Phone { get; set; }
    [StringLength(FieldLimits.Phone)] public string? Fax { get; set; }
    [StringLength(FieldLimits.Email), EmailAddress] public string? Email { get; set; }
    [StringLength(10), RegularExpression(@"^\d{6}$", ErrorMessage = "must be 6 digits.")] public string? PostalCode { get; set; }
    [StringLength(FieldLimits.PersonName)] public string? LegalRepresentative { get; set; }
    [StringLength(FieldLimits.Text)] public string? BusinessScopeText { get; set; }
    [Range(0, 1_000_000_000_000)] public decimal? RegisteredCapital { get; set; }
    [StringLength(FieldLimits.Short)] public string? OrganisationForm { get; set; }
    [StringLength(FieldLimits.Short)] public string? Industry { get; set; }
    [Range(0, 1_000_000_000_000)] public decimal? Assets { get; set; }
    public DateOnly? BusinessSince { get; set; }
    [StringLength(FieldLimits.Text)] public string? Personality { get; set; }
    [StringLength(FieldLimits.Text)] public string? Interests { get; set; }
    [StringLength(FieldLimits.Text)] public string? Family { get; set; }
    public DateOnly? Birthday { get; set; }

    [StringLength(FieldLimits.Text)] public string? ServiceRegion { get; set; }
    [StringLength(FieldLimits.Text)] public string? SalesCapacity { get; set; }
    [StringLength(FieldLimits.Text)] public string? GrowthPotential { get; set; }
    [StringLength(FieldLimits.Text)] public string? BusinessPhilosophy { get; set; }
    [StringLength(FieldLimits.Text)] public string? Scale { get; set; }
    [StringLength(FieldLimits.Text)] public string? OperatingFeatures { get; set; }

    [Range(0, 500)] public int? YearsInBusiness { get; set; }
    [Range(0, 1_000_000_000)] public decimal? CreditLimit { get; set; }
    [Range(1, 31)] public int? BillingDay { get; set; }
    [StringLength(FieldLimits.Short)] public string? PaymentTerms { get; set; }
    [StringLength(FieldLimits.Code)] public string? MonthlyAccountNo { get; set; }
    public OverdueState Overdue { get; set; }

    [StringLength(FieldLimits.Text)] public string? CurrentSalesActivity { get; set; }
    [StringLength(FieldLimits.Text)] public string? OpenProblems { get; set; }
    [StringLength(FieldLimits.Text)] public string? RequiredServices { get; set; }
    [StringLength(FieldLimits.Text)] public string? ProductAwareness { get; set; }
    [StringLength(FieldLimits.Text)] public string? MainPartners { get; set; }
    [StringLength(FieldLimits.Text)] public string? CompetitorsUsed { get; set; }

    [MaxLength(50)] public List<ContactInput> Contacts { get; set; } = [];
    [MaxLength(20)] public List<AddressInput> Addresses { get; set; } = [];
    [MaxLength(30)] public List<string> Tags { get; set; } = [];
}

public sealed class ContactInput
{
    [Required, StringLength(FieldLimits.PersonName)] public string Name { get; set; } = "";
    public ContactRole Role { get; set; } = ContactRole.Other;
    [StringLength(FieldLimits.Short)] public string? Title { get; set; }
    [StringLength(FieldLimits.Phone)] public string? Phone { get; set; }
    [StringLength(FieldLimits.Email), EmailAddress] public string? Email { get; set; }
    public DateOnly? Birthday { get; set; }
    [StringLength(FieldLimits.Text)] public string? Personality { get; set; }
    [StringLength(FieldLimits.Text)] public string? Hobbies { get; set; }
    [StringLength(FieldLimits.Text)] public string? Note { get; set; }
}

public sealed class AddressInput
{
    [StringLength(FieldLimits.Short)] public string? Label { get; set; }
    [Required, StringLength(FieldLimits.Short)] public string Province { get; set; } = "";
    [Required, StringLength(FieldLimits.Short)] public string City { get; set; } = "";
    [StringLength(FieldLimits.Short)] public string? District { get; set; }
    [Required, StringLength(FieldLimits.Name)] public string Street { get; set; } = "";
    [StringLength(FieldLimits.Short)] public string? Room { get; set; }
    public bool IsDefault { get; set; }
}
