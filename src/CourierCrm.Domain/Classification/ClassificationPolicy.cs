namespace CourierCrm.Domain.Classification;

// Every threshold of the classification run, with the defaults the source documents give
// (DOMAIN.md §3). Shares are fractions (0.70m = 70 %). InvalidFields() names the settings an
// administrator got wrong, so the settings page can show the field instead of an exception.

/// <summary>ABC by cumulative revenue (DOMAIN.md §3, seed 002): A up to 70 %, B up to 95 %, C the rest.</summary>
public sealed record AbcPolicy(decimal AShare = 0.70m, decimal BShare = 0.95m)
{
    /// <summary>The ideal mix shown beside the actual one (seed 002): 20 % A, 40 % B, 40 % C of customers.</summary>
    public static readonly AbcMixShares IdealMix = new(0.20m, 0.40m, 0.40m);

    public IEnumerable<string> InvalidFields()
    {
        if (AShare <= 0 || AShare > 1) yield return nameof(AShare);
        if (BShare < AShare || BShare > 1) yield return nameof(BShare);
    }
}

/// <summary>Value pyramid by rank (DOMAIN.md §3, seed 004): top 1 % important, next 19 % major, next 30 % ordinary, the rest small.</summary>
public sealed record PyramidPolicy(decimal ImportantShare = 0.01m, decimal MajorShare = 0.19m, decimal OrdinaryShare = 0.30m)
{
    public IEnumerable<string> InvalidFields()
    {
        if (ImportantShare <= 0 || ImportantShare > 1) yield return nameof(ImportantShare);
        if (MajorShare < 0) yield return nameof(MajorShare);
        if (OrdinaryShare < 0) yield return nameof(OrdinaryShare);
        if (ImportantShare + MajorShare + OrdinaryShare > 1) yield return nameof(OrdinaryShare);
    }
}

/// <summary>
/// Key / major / ordinary (DOMAIN.md §3, seed 003): key = the top of the pyramid (by default the
/// pyramid's top 1 %), major = the rest of the top 20 %, ordinary = the other 80 %.
/// </summary>
public sealed record KeyAccountPolicy(decimal KeyShare = 0.01m, decimal TopShare = 0.20m)
{
    public IEnumerable<string> InvalidFields()
    {
        if (KeyShare <= 0 || KeyShare > 1) yield return nameof(KeyShare);
        if (TopShare < KeyShare || TopShare > 1) yield return nameof(TopShare);
    }
}

/// <summary>RFM (DOMAIN.md §3, seed 001): scores 1..<see cref="Grades"/> per dimension; 5 = quintiles.</summary>
public sealed record RfmPolicy(int Grades = 5)
{
    public IEnumerable<string> InvalidFields()
    {
        if (Grades is < 2 or > 10) yield return nameof(Grades);
    }
}

/// <summary>
/// Loyalty × value quadrant (DOMAIN.md §3, seed 001). Loyalty = active months in the period
/// (seed 003 measures transaction loyalty by time and frequency of buying), value = revenue.
/// A threshold left null means "the median of the customers placed".
/// </summary>
public sealed record LoyaltyValuePolicy(int? LoyaltyThresholdActiveMonths = null, long? ValueThresholdFen = null)
{
    public IEnumerable<string> InvalidFields()
    {
        if (LoyaltyThresholdActiveMonths < 0) yield return nameof(LoyaltyThresholdActiveMonths);
        if (ValueThresholdFen < 0) yield return nameof(ValueThresholdFen);
    }
}

/// <summary>
/// Lifecycle (DOMAIN.md §3, seed 003: potential, new, loyal, churned). A customer is new for
/// <see cref="NewForDays"/> days after its first waybill and churned after <see cref="ChurnedAfterDays"/>
/// days without one ("no business for the last few months", seed 003).
/// </summary>
public sealed record LifecyclePolicy(int NewForDays = 90, int ChurnedAfterDays = 90)
{
    public IEnumerable<string> InvalidFields()
    {
        if (NewForDays < 1) yield return nameof(NewForDays);
        if (ChurnedAfterDays < 1) yield return nameof(ChurnedAfterDays);
    }
}

/// <summary>All settings of a classification run. <see cref="Default"/> is what DOMAIN.md §3 describes.</summary>
/// <param name="PeriodMonths">Revenue period, default the last 12 months (DOMAIN.md §3).</param>
public sealed record ClassificationPolicy(
    int PeriodMonths,
    AbcPolicy Abc,
    PyramidPolicy Pyramid,
    KeyAccountPolicy KeyAccount,
    RfmPolicy Rfm,
    LoyaltyValuePolicy LoyaltyValue,
    LifecyclePolicy Lifecycle)
{
    public static readonly ClassificationPolicy Default = new(12, new(), new(), new(), new(), new(), new());

    /// <summary>Invalid settings as "section.field" (camelCase), e.g. "abc.bShare"; empty when all are valid.</summary>
    public IReadOnlyList<string> InvalidFields()
    {
        var fields = new List<string>();
        if (PeriodMonths is < 1 or > 120) fields.Add("periodMonths");
        fields.AddRange(Abc.InvalidFields().Select(f => Path("abc", f)));
        fields.AddRange(Pyramid.InvalidFields().Select(f => Path("pyramid", f)));
        fields.AddRange(KeyAccount.InvalidFields().Select(f => Path("keyAccount", f)));
        fields.AddRange(Rfm.InvalidFields().Select(f => Path("rfm", f)));
        fields.AddRange(LoyaltyValue.InvalidFields().Select(f => Path("loyaltyValue", f)));
        fields.AddRange(Lifecycle.InvalidFields().Select(f => Path("lifecycle", f)));
        return fields;
    }

    private static string Path(string section, string field) => $"{section}.{char.ToLowerInvariant(field[0])}{field[1..]}";
}
