using System.Globalization;
using CourierCrm.Domain.Classification;

namespace CourierCrm.Web.Segmentation.Churn;

/// <summary>
/// The stored words of a warning: its timeline entry on the customer and its follow-up task's title.
/// Stored text is read in either language (as <see cref="ClassChangeTimeline"/>), so both are written.
/// </summary>
public static class ChurnTimeline
{
    public const string Kind = "churn-warning";
    public const string Title = "流失预警 / Churn warning";

    /// <summary>"发件量 42/月 → 12/月，下降 71% / volume 42/month → 12/month, −71 %", "已 45 天未发件 / silent 45 days", "负责人已离职 / owner left".</summary>
    public static string Describe(ChurnWarning w) => w.Signal switch
    {
        ChurnSignal.VolumeDrop => string.Create(CultureInfo.InvariantCulture,
            $"发件量 {w.BaselineMonthly:0.#}/月 → {w.RecentMonthly:0.#}/月，下降 {w.DropShare * 100:0}% / volume {w.BaselineMonthly:0.#}/month → {w.RecentMonthly:0.#}/month, −{w.DropShare * 100:0} %"),
        ChurnSignal.Silent => string.Create(CultureInfo.InvariantCulture, $"已 {w.SilentDays} 天未发件 / silent {w.SilentDays} days"),
        _ => "负责人已离职 / owner left",
    };

    public static string TaskTitle(ChurnWarning w) => w.Signal switch
    {
        ChurnSignal.VolumeDrop => "流失跟进：发件量下降 / Churn follow-up: volume drop",
        ChurnSignal.Silent => "流失跟进：长期未发件 / Churn follow-up: silent customer",
        _ => "流失跟进：负责人离职 / Churn follow-up: owner left",
    };
}
