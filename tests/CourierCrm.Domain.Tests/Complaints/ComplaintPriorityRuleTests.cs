using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Complaints;

namespace CourierCrm.Domain.Tests.Complaints;

public class ComplaintPriorityRuleTests
{
    [Theory]
    [InlineData(AbcClass.A, ComplaintCategory.Loss, ComplaintPriority.Urgent)]
    [InlineData(AbcClass.A, ComplaintCategory.Damage, ComplaintPriority.Urgent)]
    [InlineData(AbcClass.A, ComplaintCategory.Delay, ComplaintPriority.High)]
    [InlineData(AbcClass.B, ComplaintCategory.Loss, ComplaintPriority.High)]
    [InlineData(null, ComplaintCategory.Damage, ComplaintPriority.High)]
    [InlineData(AbcClass.B, ComplaintCategory.Attitude, ComplaintPriority.Normal)]
    [InlineData(AbcClass.C, ComplaintCategory.Delay, ComplaintPriority.Normal)]
    [InlineData(null, ComplaintCategory.Other, ComplaintPriority.Normal)]
    public void A_class_customers_and_harmed_parcels_come_first(AbcClass? customerClass, ComplaintCategory category, ComplaintPriority expected)
    {
        Assert.Equal(expected, ComplaintPriorityRule.For(customerClass, category));
    }

    [Theory]
    [InlineData(ComplaintPriority.Normal, AbcClass.A, ComplaintCategory.Loss, ComplaintPriority.Urgent)]
    [InlineData(ComplaintPriority.Urgent, AbcClass.C, ComplaintCategory.Attitude, ComplaintPriority.Urgent)]
    [InlineData(ComplaintPriority.Normal, AbcClass.A, ComplaintCategory.Delay, ComplaintPriority.High)]
    public void A_person_may_raise_the_priority_but_not_lower_it_below_the_rule(
        ComplaintPriority chosen, AbcClass customerClass, ComplaintCategory category, ComplaintPriority expected)
    {
        Assert.Equal(expected, ComplaintPriorityRule.AtLeastRule(chosen, customerClass, category));
    }

    [Theory]
    [InlineData(ComplaintCategory.Loss, ComplaintGroup.Quality, true)]
    [InlineData(ComplaintCategory.Delay, ComplaintGroup.LogisticsStage, true)]
    [InlineData(ComplaintCategory.InconsistentPrice, ComplaintGroup.Contract, false)]
    [InlineData(ComplaintCategory.Attitude, ComplaintGroup.Service, false)]
    public void Categories_belong_to_one_content_group(ComplaintCategory category, ComplaintGroup group, bool aboutTheParcel)
    {
        Assert.Equal(group, ComplaintTaxonomy.GroupOf(category));
        Assert.Equal(aboutTheParcel, ComplaintTaxonomy.IsAboutTheParcel(category));
    }
}
