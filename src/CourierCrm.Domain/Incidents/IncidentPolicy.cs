namespace CourierCrm.Domain.Incidents;

/// <summary>One report an incident owes: to whom and by when (after the incident was recorded).</summary>
public sealed record ReportingDuty(ReportingLevel Level, TimeSpan Within);

/// <summary>
/// Incident rules (DOMAIN.md §8, seed 004), amounts in fen. Reporting: the outlet head within 30 minutes
/// always; over ¥1,000 expected loss the next level; over ¥10,000 head office supervision ("超过1000元…上一级管理部门,
/// 超过1万元…总公司监察部门"). The source gives a time only for the first report; the next level within 2 hours
/// and head office within 4 hours are this product's defaults, configurable. Grades follow the same amounts
/// by default: up to ¥1,000 ordinary, up to ¥10,000 major, above extraordinary.
/// </summary>
public sealed record IncidentPolicy(
    long NextLevelAboveFen = 100_000,
    long HeadOfficeAboveFen = 1_000_000,
    TimeSpan? OutletHeadWithin = null,
    TimeSpan? NextLevelWithin = null,
    TimeSpan? HeadOfficeWithin = null,
    long MajorAboveFen = 100_000,
    long ExtraordinaryAboveFen = 1_000_000)
{
    public static readonly IncidentPolicy Default = new();

    public TimeSpan OutletHead => OutletHeadWithin ?? TimeSpan.FromMinutes(30);
    public TimeSpan NextLevel => NextLevelWithin ?? TimeSpan.FromHours(2);
    public TimeSpan HeadOffice => HeadOfficeWithin ?? TimeSpan.FromHours(4);

    public IEnumerable<string> InvalidFields()
    {
        if (NextLevelAboveFen < 0) yield return "nextLevelAboveFen";
        if (HeadOfficeAboveFen < NextLevelAboveFen) yield return "headOfficeAboveFen";
        if (MajorAboveFen < 0) yield return "majorAboveFen";
        if (ExtraordinaryAboveFen < MajorAboveFen) yield return "extraordinaryAboveFen";
        if (OutletHead <= TimeSpan.Zero) yield return "outletHeadWithin";
        if (NextLevel <= TimeSpan.Zero) yield return "nextLevelWithin";
        if (HeadOffice <= TimeSpan.Zero) yield return "headOfficeWithin";
    }

    /// <summary>"Over" the amount: exactly ¥1,000 stays ordinary.</summary>
    public IncidentGrade GradeOf(long expectedLossFen) =>
        expectedLossFen > ExtraordinaryAboveFen ? IncidentGrade.Extraordinary
        : expectedLossFen > MajorAboveFen ? IncidentGrade.Major
        : IncidentGrade.Ordinary;

    /// <summary>The reports an incident with this expected loss owes, first one first.</summary>
    public IReadOnlyList<ReportingDuty> ReportsFor(long expectedLossFen)
    {
        var duties = new List<ReportingDuty> { new(ReportingLevel.OutletHead, OutletHead) };
        if (expectedLossFen > NextLevelAboveFen) duties.Add(new(ReportingLevel.NextLevel, NextLevel));
        if (expectedLossFen > HeadOfficeAboveFen) duties.Add(new(ReportingLevel.HeadOffice, HeadOffice));
        return duties;
    }
}
