using CourierCrm.Domain.Customers;

namespace CourierCrm.Domain.Tests.Builders;

/// <summary>Builds customers for tests: an empty archive by default, <see cref="Complete"/> for a full one.</summary>
public sealed class CustomerBuilder
{
    private readonly Customer customer;

    private CustomerBuilder(CustomerType type, string name) =>
        customer = new Customer { Code = "C000001", Name = name, Type = type };

    public static CustomerBuilder Organisation() => new(CustomerType.Organisation, "深圳市顺丰速运有限公司");

    public static CustomerBuilder Individual() => new(CustomerType.Individual, "王小明");

    /// <summary>Fills every item the completeness indicator counts, for either type.</summary>
    public CustomerBuilder Complete()
    {
        var c = customer;
        c.Phone = "0755-86001234";
        c.Fax = "0755-86001235";
        c.Email = "service@example.com";
        c.PostalCode = "518057";
        c.LegalRepresentative = "王卫";
        c.BusinessScopeText = "国内快递";
        c.RegisteredCapital = 1_000_000m;
        c.OrganisationForm = "有限责任公司";
        c.Industry = "物流";
        c.Assets = 5_000_000m;
        c.BusinessSince = new DateOnly(2015, 3, 1);
        c.Personality = "直爽";
        c.Interests = "羽毛球";
        c.Family = "已婚";
        c.Birthday = new DateOnly(1985, 6, 18);
        c.ServiceRegion = "华南";
        c.SalesCapacity = "每月 3 万单";
        c.GrowthPotential = "高";
        c.BusinessPhilosophy = "客户第一";
        c.Scale = "500 人";
        c.OperatingFeatures = "电商为主";
        c.YearsInBusiness = 10;
        c.CreditLimit = 50_000m;
        c.BillingDay = 25;
        c.PaymentTerms = "月结 30 天";
        c.MonthlyAccountNo = "7551234567";
        c.CurrentSalesActivity = "洽谈冷链";
        c.OpenProblems = "无";
        c.RequiredServices = "次日达";
        c.ProductAwareness = "了解保价";
        c.MainPartners = "京东";
        c.CompetitorsUsed = "中通";
        c.Contacts =
        [
            new Contact { Name = "李总", Role = ContactRole.DecisionMaker, Phone = "13812345678" },
            new Contact { Name = "小陈", Role = ContactRole.ShippingClerk },
        ];
        c.Addresses =
        [
            new CustomerAddress { Province = "广东省", City = "深圳市", District = "南山区", Street = "科技园路12号", IsDefault = true },
        ];
        return this;
    }

    public CustomerBuilder With(Action<Customer> change)
    {
        change(customer);
        return this;
    }

    public Customer Build() => customer;
}
