using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;

namespace CourierCrm.Web.Segmentation;

/// <summary>
/// A customer's class changes from one run as one entry on its 360 timeline. Timeline entries are
/// stored text read in either language (as the waybill feature's "运单已匹配 / Waybill matched"), so
/// the words are written in both.
/// </summary>
public static class ClassChangeTimeline
{
    public const string Kind = "class-changed";
    public const string Title = "客户分级变化 / Class changed";

    public static IEnumerable<CustomerEvent> EventsFor(IEnumerable<ClassChange> changes, DateTimeOffset at, string? actorName, int? actorId) =>
        changes.GroupBy(c => c.CustomerId).Select(g => new CustomerEvent
        {
            CustomerId = g.Key, At = at, Kind = Kind, Title = Title,
            Detail = Truncate(string.Join("; ", g.Select(Describe))),
            ActorId = actorId, ActorName = actorName,
        });

    /// <summary>"ABC: B → A, 上升 up (收入增加 revenue rose)".</summary>
    public static string Describe(ClassChange c) =>
        $"{Dimension(c.Dimension)}: {c.From ?? "—"} → {c.To ?? "—"}, {Movement(c.Movement)} ({Reason(c.Reason)})";

    private static string Dimension(ClassDimension d) => d switch
    {
        ClassDimension.Abc => "ABC",
        ClassDimension.ValuePyramid => "价值金字塔 pyramid",
        ClassDimension.KeyAccount => "重点客户 key account",
        _ => "生命周期 lifecycle",
    };

    private static string Movement(ClassMovement m) => m switch
    {
        ClassMovement.Up => "上升 up",
        ClassMovement.Down => "下降 down",
        ClassMovement.New => "新定级 new",
        _ => "取消定级 lost",
    };

    private static string Reason(ClassChangeReason r) => r switch
    {
        ClassChangeReason.FirstClassified => "首次定级 first classified",
        ClassChangeReason.NoLongerClassified => "期内无收入 no revenue in the period",
        ClassChangeReason.RevenueRose => "收入增加 revenue rose",
        ClassChangeReason.RevenueFell => "收入减少 revenue fell",
        ClassChangeReason.OthersMoved => "其他客户排名变化 other customers moved",
        ClassChangeReason.StartedShipping => "开始发件 started shipping",
        ClassChangeReason.BecameEstablished => "成为稳定客户 became established",
        ClassChangeReason.WentSilent => "长期未发件 went silent",
        ClassChangeReason.WonBack => "重新发件 won back",
        _ => "运单更正 waybills corrected",
    };

    private static string Truncate(string text) => text.Length > Data.FieldLimits.Text ? text[..Data.FieldLimits.Text] : text;
}
