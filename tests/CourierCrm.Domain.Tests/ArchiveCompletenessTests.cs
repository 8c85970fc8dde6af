using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Tests.Builders;

namespace CourierCrm.Domain.Tests;

public class ArchiveCompletenessTests
{
    private static ArchiveSectionCompleteness SectionOf(ArchiveCompleteness completeness, string section) =>
        Assert.Single(completeness.Sections, s => s.Section == section);

    [Fact]
    public void Empty_organisation_is_barely_complete()
    {
        var completeness = ArchiveCompleteness.Of(CustomerBuilder.Organisation().Build());

        // Only the name is filled: 1 of 32 items.
        Assert.Equal(3, completeness.Percent);
        Assert.Contains("LegalRepresentative", SectionOf(completeness, ArchiveCompleteness.Basic).Missing);
        Assert.Equal(
            ["Contacts", "DecisionMaker", "ShippingClerk", "Addresses", "Phone"],
            SectionOf(completeness, ArchiveCompleteness.Contacts).Missing);
    }

    [Fact]
    public void Empty_individual_is_barely_complete()
    {
        var completeness = ArchiveCompleteness.Of(CustomerBuilder.Individual().Build());

        Assert.InRange(completeness.Percent, 1, 10);
        Assert.Contains("Birthday", SectionOf(completeness, ArchiveCompleteness.Basic).Missing);
    }

    [Theory]
    [InlineData(CustomerType.Organisation)]
    [InlineData(CustomerType.Individual)]
    public void Complete_archive_is_100_percent(CustomerType type)
    {
        var builder = type == CustomerType.Organisation ? CustomerBuilder.Organisation() : CustomerBuilder.Individual();

        var completeness = ArchiveCompleteness.Of(builder.Complete().Build());

        Assert.Equal(100, completeness.Percent);
        Assert.All(completeness.Sections, s =>
        {
            Assert.Empty(s.Missing);
            Assert.Equal(s.Total, s.Filled);
            Assert.True(s.IsComplete);
        });
    }

    [Fact]
    public void Sections_come_in_archive_order()
    {
        var completeness = ArchiveCompleteness.Of(CustomerBuilder.Organisation().Build());

        Assert.Equal(
            ["Basic", "Characteristics", "Credit", "Transaction", "Needs", "Contacts"],
            completeness.Sections.Select(s => s.Section));
        Assert.Equal(ArchiveCompleteness.SectionNames, completeness.Sections.Select(s => s.Section));
    }

    [Theory]
    [InlineData(CustomerType.Organisation, "LegalRepresentative", true)]
    [InlineData(CustomerType.Organisation, "RegisteredCapital", true)]
    [InlineData(CustomerType.Organisation, "BusinessPhilosophy", true)]
    [InlineData(CustomerType.Organisation, "YearsInBusiness", true)]
    [InlineData(CustomerType.Organisation, "DecisionMaker", true)]
    [InlineData(CustomerType.Organisation, "Birthday", false)]
    [InlineData(CustomerType.Organisation, "Interests", false)]
    [InlineData(CustomerType.Individual, "Birthday", true)]
    [InlineData(CustomerType.Individual, "Personality", true)]
    [InlineData(CustomerType.Individual, "Interests", true)]
    [InlineData(CustomerType.Individual, "LegalRepresentative", false)]
    [InlineData(CustomerType.Individual, "RegisteredCapital", false)]
    [InlineData(CustomerType.Individual, "ShippingClerk", false)]
    public void Counted_items_depend_on_customer_type(CustomerType type, string item, bool counted)
    {
        var builder = type == CustomerType.Organisation ? CustomerBuilder.Organisation() : CustomerBuilder.Individual();

        var missing = ArchiveCompleteness.Of(builder.Build()).Sections.SelectMany(s => s.Missing);

        Assert.Equal(counted, missing.Contains(item));
    }

    public static TheoryData<string, string, Action<Customer>> OneItemCleared() => new()
    {
        { ArchiveCompleteness.Basic, "LegalRepresentative", c => c.LegalRepresentative = "   " },
        { ArchiveCompleteness.Basic, "Name", c => c.Name = " " },
        { ArchiveCompleteness.Basic, "Assets", c => c.Assets = null },
        { ArchiveCompleteness.Characteristics, "Scale", c => c.Scale = "" },
        { ArchiveCompleteness.Credit, "BillingDay", c => c.BillingDay = null },
        { ArchiveCompleteness.Credit, "MonthlyAccountNo", c => c.MonthlyAccountNo = "\t" },
        { ArchiveCompleteness.Transaction, "OpenProblems", c => c.OpenProblems = null },
        { ArchiveCompleteness.Needs, "CompetitorsUsed", c => c.CompetitorsUsed = null },
        { ArchiveCompleteness.Contacts, "ShippingClerk", c => c.Contacts.RemoveAll(k => k.Role == ContactRole.ShippingClerk) },
        { ArchiveCompleteness.Contacts, "DecisionMaker", c => c.Contacts.Single(k => k.Role == ContactRole.DecisionMaker).Role = ContactRole.Finance },
        { ArchiveCompleteness.Contacts, "Addresses", c => c.Addresses.Clear() },
    };

    [Theory]
    [MemberData(nameof(OneItemCleared))]
    public void A_blank_or_missing_item_is_listed_by_name(string section, string item, Action<Customer> clear)
    {
        var completeness = ArchiveCompleteness.Of(CustomerBuilder.Organisation().Complete().With(clear).Build());

        Assert.Equal([item], SectionOf(completeness, section).Missing);
        Assert.All(completeness.Sections.Where(s => s.Section != section), s => Assert.Empty(s.Missing));
        // 31 of 32 rounds to 97: never 100 while something is missing.
        Assert.Equal(97, completeness.Percent);
    }

    [Fact]
    public void A_contact_phone_is_enough_to_reach_the_customer()
    {
        var customer = CustomerBuilder.Organisation().Complete().With(c => c.Phone = null).Build();

        Assert.Empty(SectionOf(ArchiveCompleteness.Of(customer), ArchiveCompleteness.Contacts).Missing);
    }

    [Fact]
    public void Without_any_phone_the_phone_is_missing()
    {
        var customer = CustomerBuilder.Organisation().Complete()
            .With(c => { c.Phone = " "; c.Contacts.ForEach(k => k.Phone = null); })
            .Build();

        Assert.Equal(["Phone"], SectionOf(ArchiveCompleteness.Of(customer), ArchiveCompleteness.Contacts).Missing);
    }

    [Fact]
    public void Percent_is_the_rounded_share_of_all_items()
    {
        // Organisation: 10 basic + 6 characteristics + 5 credit + 2 transaction + 4 needs + 5 contacts = 32.
        // Fill the whole needs section and one address: 1 (name) + 4 + 1 = 6 of 32 = 18.75 -> 19.
        var customer = CustomerBuilder.Organisation().With(c =>
        {
            c.RequiredServices = "次日达";
            c.ProductAwareness = "了解";
            c.MainPartners = "京东";
            c.CompetitorsUsed = "中通";
            c.Addresses.Add(new CustomerAddress { Province = "广东省", City = "深圳市", Street = "科技园路12号" });
        }).Build();

        var completeness = ArchiveCompleteness.Of(customer);

        Assert.Equal(32, completeness.Sections.Sum(s => s.Total));
        Assert.Equal(6, completeness.Sections.Sum(s => s.Filled));
        Assert.Equal(19, completeness.Percent);
    }
}
