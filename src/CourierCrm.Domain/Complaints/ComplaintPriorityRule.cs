using CourierCrm.Domain.Classification;

namespace CourierCrm.Domain.Complaints;

/// <summary>
/// How urgent a new complaint is. "A-class complaints first" (DOMAIN.md §7, seed 004: 优先处理关键客户的投诉);
/// a lost or damaged parcel is urgent for anyone. An A customer with a lost or damaged parcel is Urgent;
/// either alone is High; everything else Normal. A person may raise the priority, never lower it below the rule.
/// </summary>
public static class ComplaintPriorityRule
{
    public static ComplaintPriority For(AbcClass? customerClass, ComplaintCategory category)
    {
        var keyCustomer = customerClass == AbcClass.A;
        var parcelHarmed = category is ComplaintCategory.Loss or ComplaintCategory.Damage;
        return (keyCustomer, parcelHarmed) switch
        {
            (true, true) => ComplaintPriority.Urgent,
            (true, false) or (false, true) => ComplaintPriority.High,
            _ => ComplaintPriority.Normal,
        };
    }

    /// <summary>The priority a person chose, but never below what the rule says.</summary>
    public static ComplaintPriority AtLeastRule(ComplaintPriority chosen, AbcClass? customerClass, ComplaintCategory category) =>
        (ComplaintPriority)Math.Max((int)chosen, (int)For(customerClass, category));
}
