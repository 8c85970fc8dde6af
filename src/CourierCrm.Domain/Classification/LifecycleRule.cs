using CourierCrm.Domain.Customers;

namespace CourierCrm.Domain.Classification;

/// <summary>
/// Lifecycle state from waybill dates (DOMAIN.md §3, seed 003), evaluated as of a day the caller
/// gives (the run passes TimeProvider's today; there is no clock in here).
/// </summary>
/// <remarks>
/// Rules, checked in this order:
/// <list type="number">
/// <item>Potential (潜在): never shipped, or the first waybill is after the as-of day.</item>
/// <item>Churned (流失): the last waybill is more than <see cref="LifecyclePolicy.ChurnedAfterDays"/>
/// days before the as-of day ("no business for the last few months"). Silence wins over newness:
/// a customer that shipped once and went quiet is churned, not new.</item>
/// <item>New (新增): the first waybill is less than <see cref="LifecyclePolicy.NewForDays"/> days ago.</item>
/// <item>Loyal (忠诚): otherwise — past its first months and still shipping. How loyal is measured
/// by the loyalty × value quadrant, not here.</item>
/// </list>
/// A churned customer that ships again is loyal again the day of that waybill (or new, if its first
/// waybill is still recent). A last waybill dated after the as-of day counts as on the as-of day.
/// </remarks>
public static class LifecycleRule
{
    public static LifecycleState StateOf(DateOnly? firstShipment, DateOnly? lastShipment, DateOnly asOf, LifecyclePolicy policy)
    {
        if (policy.InvalidFields().Any())
            throw new ArgumentException($"Invalid lifecycle policy: {string.Join(", ", policy.InvalidFields())}.", nameof(policy));
        return Decide(firstShipment, lastShipment, asOf, policy);
    }

    /// <summary>The rule itself, for callers that checked the policy once for many customers.</summary>
    internal static LifecycleState Decide(DateOnly? firstShipment, DateOnly? lastShipment, DateOnly asOf, LifecyclePolicy policy)
    {
        if (firstShipment is not { } first || first > asOf)
            return LifecycleState.Potential;

        var last = lastShipment is { } l && l >= first ? (l > asOf ? asOf : l) : first;
        if (asOf.DayNumber - last.DayNumber > policy.ChurnedAfterDays)
            return LifecycleState.Churned;
        if (asOf.DayNumber - first.DayNumber < policy.NewForDays)
            return LifecycleState.New;
        return LifecycleState.Loyal;
    }

    public static LifecycleState StateOf(CustomerActivity customer, DateOnly asOf, LifecyclePolicy policy) =>
        StateOf(customer.FirstShipment, customer.LastShipment, asOf, policy);
}
