using System.Globalization;
using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Incidents;

namespace CourierCrm.Web.Complaints;

/// <summary>
/// Settings of complaint handling (configuration section "Complaints"): the desk's business hours, the
/// service-level targets and the approval ladder. Defaults are the domain's (DOMAIN.md §7–§8); every one is
/// checked at start and a bad one stops the start with its name.
/// </summary>
public sealed class ComplaintOptions
{
    public const string Section = "Complaints";

    /// <summary>Opening time, "HH:mm", China time.</summary>
    public string Opens { get; set; } = "09:00";
    public string Closes { get; set; } = "18:00";
    public List<DayOfWeek> WorkingDays { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    /// <summary>Public holidays, "yyyy-MM-dd".</summary>
    public List<string> Holidays { get; set; } = [];
    /// <summary>Weekend days worked in exchange for a holiday (调休), "yyyy-MM-dd".</summary>
    public List<string> ExtraWorkingDays { get; set; } = [];
    /// <summary>Share of a target at which the warning goes out.</summary>
    public decimal WarningShare { get; set; } = ServiceLevelPolicy.Default.WarningShare;
    /// <summary>Targets; empty = the domain's defaults (ServiceLevelPolicy.Default).</summary>
    public List<ServiceLevelTargetSetting> Targets { get; set; } = [];
    /// <summary>Approval rungs; empty = the domain's default ladder.</summary>
    public List<ApprovalRungSetting> ApprovalLadder { get; set; } = [];

    public BusinessCalendar Calendar() => new(
        Time(Opens), Time(Closes), WorkingDays.ToHashSet(),
        Holidays.Select(Day).ToHashSet(), ExtraWorkingDays.Select(Day).ToHashSet());

    public ServiceLevelPolicy ServiceLevels() => Targets.Count == 0
        ? ServiceLevelPolicy.Default with { WarningShare = WarningShare }
        : new(Targets.Select(t => new ServiceLevelTarget(t.Category, t.Priority,
            TimeSpan.FromHours((double)t.FirstResponseHours), TimeSpan.FromHours((double)t.ResolutionHours))).ToList(), WarningShare);

    public ApprovalLadder Ladder() => ApprovalLadder.Count == 0
        ? Domain.Incidents.ApprovalLadder.Default
        : new(ApprovalLadder.Select(r => new ApprovalRung(r.UpToYuan is { } y ? Domain.Shipments.Money.ToFen(y) : null, r.Level)).ToList());

    /// <summary>Every setting that is not valid, named as in appsettings ("Complaints:Opens", "Complaints:Targets[1].resolution").</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!TryTime(Opens, out _)) problems.Add($"{Section}:Opens (\"HH:mm\")");
        if (!TryTime(Closes, out _)) problems.Add($"{Section}:Closes (\"HH:mm\")");
        problems.AddRange(Holidays.Where(d => !TryDay(d, out _)).Select(d => $"{Section}:Holidays \"{d}\" (\"yyyy-MM-dd\")"));
        problems.AddRange(ExtraWorkingDays.Where(d => !TryDay(d, out _)).Select(d => $"{Section}:ExtraWorkingDays \"{d}\" (\"yyyy-MM-dd\")"));
        if (problems.Count > 0) return problems;
        problems.AddRange(Calendar().InvalidFields().Select(f => $"{Section}:{Capitalised(f)}"));
        problems.AddRange(ServiceLevels().InvalidFields().Select(f => $"{Section}:{Capitalised(f)}"));
        problems.AddRange(Ladder().InvalidFields().Select(f => $"{Section}:ApprovalLadder ({f})"));
        return problems;
    }

    private static string Capitalised(string field) => char.ToUpperInvariant(field[0]) + field[1..];

    private static TimeOnly Time(string text) => TryTime(text, out var t) ? t : throw new FormatException($"Not a time: {text}");

    private static DateOnly Day(string text) => TryDay(text, out var d) ? d : throw new FormatException($"Not a date: {text}");

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}

public sealed class ServiceLevelTargetSetting
{
    public ComplaintCategory? Category { get; set; }
    public ComplaintPriority? Priority { get; set; }
    public decimal FirstResponseHours { get; set; }
    public decimal ResolutionHours { get; set; }
}

public sealed class ApprovalRungSetting
{
    /// <summary>Amounts up to and including this many yuan; null on the last rung.</summary>
    public decimal? UpToYuan { get; set; }
    public ApprovalLevel Level { get; set; }
}
