namespace CourierCrm.Domain.Classification;

/// <summary>
/// A customer's revenue over the classification period, the only figure the value classes
/// (ABC, pyramid, key account) rank by. Amounts are fen, as on the waybills.
/// </summary>
/// <param name="RevenueFen">Sum of waybill revenue in the period. Zero or below (refunds) means "not a paying customer in the period".</param>
public sealed record CustomerRevenue(int CustomerId, long RevenueFen);

/// <summary>
/// What a classification run knows about one customer, aggregated from its waybills.
/// </summary>
/// <param name="RevenueFen">Revenue in the period (fen).</param>
/// <param name="ShipmentCount">Waybills in the period (RFM frequency).</param>
/// <param name="ActiveMonths">Calendar months of the period with at least one waybill: the loyalty measure (DOMAIN.md §3 loyalty × value).</param>
/// <param name="FirstShipment">Date of the first waybill ever (not only in the period), null if it never shipped.</param>
/// <param name="LastShipment">Date of the latest waybill up to the as-of date, null if it never shipped.</param>
/// <param name="LowCredit">Flagged low credit (e.g. seriously overdue): the pyramid puts it among the small customers (DOMAIN.md §3).</param>
public sealed record CustomerActivity(
    int CustomerId,
    long RevenueFen,
    int ShipmentCount,
    int ActiveMonths,
    DateOnly? FirstShipment,
    DateOnly? LastShipment,
    bool LowCredit = false)
{
    /// <summary>A customer on file that has never shipped: a potential customer.</summary>
    public static CustomerActivity NeverShipped(int customerId) => new(customerId, 0, 0, 0, null, null);

    public CustomerRevenue Revenue => new(CustomerId, RevenueFen);

    /// <summary>Shipped at least once in the period: only these get RFM and quadrant places.</summary>
    public bool ShippedInPeriod => ShipmentCount > 0;
}

/// <summary>
/// The days a run looks at: from <see cref="From"/> to <see cref="To"/>, both included.
/// </summary>
public sealed record ClassificationPeriod(DateOnly From, DateOnly To)
{
    /// <summary>
    /// The <paramref name="months"/> months ending on <paramref name="asOf"/> (included):
    /// 12 months to 2026-11-23 are 2025-11-24 … 2026-11-23.
    /// </summary>
    public static ClassificationPeriod Ending(DateOnly asOf, int months)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        return new(asOf.AddMonths(-months).AddDays(1), asOf);
    }

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>
    /// The calendar day of an instant in the company's time zone (waybills are instants; the rules
    /// work on days). Pass TimeProvider.GetUtcNow() to get "today" for a run.
    /// </summary>
    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
