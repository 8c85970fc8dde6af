using CourierCrm.Domain.Classification;

namespace CourierCrm.Web.Segmentation.Churn;

/// <summary>
/// Settings of the churn early warning (configuration section "Classification:Churn"): the domain's
/// <see cref="ChurnPolicy"/> fields with its defaults, and what the follow-up task and a resolution do.
/// </summary>
public sealed class ChurnOptions
{
    public const string Section = "Classification:Churn";

    /// <summary>Warn when recent monthly volume is more than this share below the baseline (0.30 = 30 %).</summary>
    public decimal VolumeDropShare { get; set; } = 0.30m;
    public int RecentMonths { get; set; } = 1;
    public int BaselineMonths { get; set; } = 6;
    public int MinBaselineMonths { get; set; } = 3;
    /// <summary>Volume drops are watched for this ABC class and better (A and B by default, issue 4).</summary>
    public AbcClass LowestWatchedClass { get; set; } = AbcClass.B;
    public int SilentDays { get; set; } = 30;
    /// <summary>The follow-up task is due this many days after the warning is raised.</summary>
    public int TaskDueDays { get; set; } = 7;
    /// <summary>
    /// After a person resolves a warning, the same signal of the same customer is not raised again for
    /// this many days: "on holiday, back next month" must not come back the next night.
    /// </summary>
    public int QuietDaysAfterResolution { get; set; } = 30;

    public ChurnPolicy Policy => new(VolumeDropShare, RecentMonths, BaselineMonths, MinBaselineMonths, LowestWatchedClass, SilentDays);

    /// <summary>Bad settings by their configuration key, e.g. "Classification:Churn:SilentDays".</summary>
    public IReadOnlyList<string> InvalidSettings()
    {
        var bad = Policy.InvalidFields().Select(f => $"{Section}:{f}").ToList();
        if (!Enum.IsDefined(LowestWatchedClass)) bad.Add($"{Section}:{nameof(LowestWatchedClass)}");
        if (TaskDueDays is < 0 or > 365) bad.Add($"{Section}:{nameof(TaskDueDays)}");
        if (QuietDaysAfterResolution is < 1 or > 3650) bad.Add($"{Section}:{nameof(QuietDaysAfterResolution)}");
        return bad;
    }
}
