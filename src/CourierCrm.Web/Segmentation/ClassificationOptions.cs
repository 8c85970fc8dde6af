using System.Globalization;
using CourierCrm.Domain.Classification;

namespace CourierCrm.Web.Segmentation;

/// <summary>
/// Settings of the classification run (configuration section "Classification"; issue 4: every
/// threshold configurable, defaults citing DOMAIN.md). Shares are fractions: 0.70 = 70 %. The
/// defaults are <see cref="ClassificationPolicy.Default"/> (DOMAIN.md §3) and a Dwyer model for the
/// predicted lifetime value (DOMAIN.md §4); docs/user-guide.md "Classification settings" lists them.
/// </summary>
public sealed class ClassificationOptions
{
    public const string Section = "Classification";

    /// <summary>Quartz cron of the nightly run, China time: 02:30 every day by default.</summary>
    public string NightlyCron { get; set; } = "0 30 2 * * ?";

    /// <summary>Months of waybill revenue a run looks at (DOMAIN.md §3: the last 12 months).</summary>
    public int PeriodMonths { get; set; } = 12;

    public AbcSettings Abc { get; set; } = new();
    public PyramidSettings Pyramid { get; set; } = new();
    public KeyAccountSettings KeyAccount { get; set; } = new();
    public RfmSettings Rfm { get; set; } = new();
    public LoyaltyValueSettings LoyaltyValue { get; set; } = new();
    public LifecycleSettings Lifecycle { get; set; } = new();
    public LifetimeValueSettings LifetimeValue { get; set; } = new();

    /// <summary>The domain's policy from these settings (valid only when <see cref="Problems"/> is empty).</summary>
    public ClassificationPolicy Policy => new(
        PeriodMonths,
        new AbcPolicy(Abc.AShare, Abc.BShare),
        new PyramidPolicy(Pyramid.ImportantShare, Pyramid.MajorShare, Pyramid.OrdinaryShare),
        new KeyAccountPolicy(KeyAccount.KeyShare, KeyAccount.TopShare),
        new RfmPolicy(Rfm.Grades),
        new LoyaltyValuePolicy(LoyaltyValue.LoyaltyThresholdActiveMonths, LoyaltyValue.ValueThresholdFen),
        new LifecyclePolicy(Lifecycle.NewForDays, Lifecycle.ChurnedAfterDays));

    /// <summary>
    /// Every invalid setting as "Classification:Abc:BShare = 0.6 (must be …)", empty when all are valid:
    /// the module refuses to start with these, so a mistyped threshold never classifies anybody.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = Policy.InvalidFields().Select(field => Describe(SettingOf(field))).ToList();
        problems.AddRange(LifetimeValue.InvalidSettings().Select(name => Describe("LifetimeValue:" + name)));
        return problems;
    }

    /// <summary>"abc.bShare" (the domain's field path) → "Abc:BShare" (the configuration key under the section).</summary>
    private static string SettingOf(string field) =>
        string.Join(':', field.Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private string Describe(string setting) =>
        $"{Section}:{setting} = {ValueOf(setting)} ({Rules.GetValueOrDefault(setting, "out of range")})";

    private string ValueOf(string setting)
    {
        object? value = this;
        foreach (var name in setting.Split(':'))
            value = value?.GetType().GetProperty(name)?.GetValue(value);
        return value switch
        {
            null => "(empty)",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }

    private static readonly Dictionary<string, string> Rules = new()
    {
        ["PeriodMonths"] = "must be 1 to 120",
        ["Abc:AShare"] = "must be above 0 and at most 1",
        ["Abc:BShare"] = "must be at least Abc:AShare and at most 1",
        ["Pyramid:ImportantShare"] = "must be above 0 and at most 1",
        ["Pyramid:MajorShare"] = "must not be negative",
        ["Pyramid:OrdinaryShare"] = "must not be negative, and the three shares together at most 1",
        ["KeyAccount:KeyShare"] = "must be above 0 and at most 1",
        ["KeyAccount:TopShare"] = "must be at least KeyAccount:KeyShare and at most 1",
        ["Rfm:Grades"] = "must be 2 to 10",
        ["LoyaltyValue:LoyaltyThresholdActiveMonths"] = "must not be negative; leave empty for the median",
        ["LoyaltyValue:ValueThresholdFen"] = "must not be negative; leave empty for the median",
        ["Lifecycle:NewForDays"] = "must be at least 1",
        ["Lifecycle:ChurnedAfterDays"] = "must be at least 1",
        ["LifetimeValue:Years"] = "must be 1 to 50",
        ["LifetimeValue:RetentionRate"] = "must be 0 to 1",
        ["LifetimeValue:DiscountRate"] = "must be 0 to 10",
        ["LifetimeValue:VariableCostShare"] = "must be 0 to 1",
        ["LifetimeValue:MarketingCostPerCustomerYuan"] = "must not be negative",
    };
}

/// <summary>ABC by cumulative revenue (DOMAIN.md §3, seed 002): A up to 70 %, B up to 95 %, C the rest.</summary>
public sealed class AbcSettings
{
    public decimal AShare { get; set; } = 0.70m;
    public decimal BShare { get; set; } = 0.95m;
}

/// <summary>Value pyramid (DOMAIN.md §3, seed 004): top 1 % important, next 19 % major, next 30 % ordinary, the other 50 % small.</summary>
public sealed class PyramidSettings
{
    public decimal ImportantShare { get; set; } = 0.01m;
    public decimal MajorShare { get; set; } = 0.19m;
    public decimal OrdinaryShare { get; set; } = 0.30m;
}

/// <summary>Key / major / ordinary (DOMAIN.md §3, seed 003): key = the top of the pyramid (1 %), major = the rest of the top 20 %.</summary>
public sealed class KeyAccountSettings
{
    public decimal KeyShare { get; set; } = 0.01m;
    public decimal TopShare { get; set; } = 0.20m;
}

/// <summary>RFM (DOMAIN.md §3, seed 001): scores 1 to Grades per dimension; 5 = quintiles.</summary>
public sealed class RfmSettings
{
    public int Grades { get; set; } = 5;
}

/// <summary>Loyalty × value quadrant (DOMAIN.md §3, seed 001): empty thresholds mean the median of the customers placed.</summary>
public sealed class LoyaltyValueSettings
{
    public int? LoyaltyThresholdActiveMonths { get; set; }
    public long? ValueThresholdFen { get; set; }
}

/// <summary>Lifecycle (DOMAIN.md §3, seed 003): new for 90 days after the first waybill, churned after 90 days without one.</summary>
public sealed class LifecycleSettings
{
    public int NewForDays { get; set; } = 90;
    public int ChurnedAfterDays { get; set; } = 90;
}

/// <summary>
/// The Dwyer model (DOMAIN.md §4, seed 001) behind each customer's predicted lifetime value: the
/// customer's yearly revenue kept for <see cref="Years"/> years (seed 001: "如5年内", over e.g. five
/// years), surviving each year with <see cref="RetentionRate"/>, less its costs, discounted yearly.
/// The documents give no retention, discount or cost figures: those defaults are assumptions for a
/// courier (a lean freight margin) to be replaced by the company's own numbers. The value ranks
/// customers; its absolute size is only as good as these settings.
/// </summary>
public sealed class LifetimeValueSettings
{
    /// <summary>Years the prediction looks ahead (seed 001: "如5年内").</summary>
    public int Years { get; set; } = 5;
    /// <summary>Share of customers still customers the next year.</summary>
    public decimal RetentionRate { get; set; } = 0.80m;
    /// <summary>Yearly discount rate of later years' profit.</summary>
    public decimal DiscountRate { get; set; } = 0.10m;
    /// <summary>Variable cost (line haul, sorting, delivery) as a share of revenue.</summary>
    public decimal VariableCostShare { get; set; } = 0.85m;
    /// <summary>Marketing and service cost per customer and year, in yuan.</summary>
    public decimal MarketingCostPerCustomerYuan { get; set; }

    /// <summary>
    /// The model for one existing customer: every year alike (no growth in orders or order value),
    /// no acquisition cost (the customer is already won).
    /// </summary>
    public DwyerModel Model() => new(1, 0, DiscountRate,
        Enumerable.Repeat(new DwyerYearAssumptions(RetentionRate, 1, 1, VariableCostShare, MarketingCostPerCustomerYuan), Math.Clamp(Years, 1, 50)).ToList());

    public IEnumerable<string> InvalidSettings()
    {
        if (Years is < 1 or > 50) yield return nameof(Years);
        if (RetentionRate is < 0 or > 1) yield return nameof(RetentionRate);
        if (DiscountRate is < 0 or > 10) yield return nameof(DiscountRate);
        if (VariableCostShare is < 0 or > 1) yield return nameof(VariableCostShare);
        if (MarketingCostPerCustomerYuan < 0) yield return nameof(MarketingCostPerCustomerYuan);
    }
}
