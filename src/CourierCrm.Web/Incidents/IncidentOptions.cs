using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Shipments;

namespace CourierCrm.Web.Incidents;

/// <summary>
/// Settings of service incidents (configuration section "Incidents"): the grade thresholds, when each level of
/// the reporting chain must be told, and the words in a tracking event that open a draft incident. Defaults are
/// the domain's (<see cref="IncidentPolicy.Default"/>, DOMAIN.md §8); every one is checked at start and a bad one
/// stops the start with its name.
/// </summary>
public sealed class IncidentOptions
{
    public const string Section = "Incidents";

    /// <summary>Expected loss above which an incident is major (重大事故), in yuan.</summary>
    public decimal MajorAboveYuan { get; set; } = Money.ToYuan(IncidentPolicy.Default.MajorAboveFen);
    /// <summary>Expected loss above which an incident is extraordinary (特大事故), in yuan.</summary>
    public decimal ExtraordinaryAboveYuan { get; set; } = Money.ToYuan(IncidentPolicy.Default.ExtraordinaryAboveFen);
    /// <summary>Expected loss above which the next level (the region) must be told, in yuan.</summary>
    public decimal NextLevelAboveYuan { get; set; } = Money.ToYuan(IncidentPolicy.Default.NextLevelAboveFen);
    /// <summary>Expected loss above which head office must be told, in yuan.</summary>
    public decimal HeadOfficeAboveYuan { get; set; } = Money.ToYuan(IncidentPolicy.Default.HeadOfficeAboveFen);
    public int OutletHeadMinutes { get; set; } = (int)IncidentPolicy.Default.OutletHead.TotalMinutes;
    public int NextLevelMinutes { get; set; } = (int)IncidentPolicy.Default.NextLevel.TotalMinutes;
    public int HeadOfficeMinutes { get; set; } = (int)IncidentPolicy.Default.HeadOffice.TotalMinutes;

    /// <summary>The keywords used when the settings give none.</summary>
    public static readonly IReadOnlyList<string> DefaultExceptionKeywords = ["破损", "丢失", "遗失", "丢件", "滞留", "延误", "damaged", "lost"];

    /// <summary>
    /// Words in a tracking event's description that report an exception even when the event carries no
    /// Exception status (the operations system writes "破损" or "丢失" into the text). Compared ignoring case.
    /// Empty = <see cref="DefaultExceptionKeywords"/>; a list in the settings replaces them (the configuration
    /// binder would add to a pre-filled list instead of replacing it).
    /// </summary>
    public List<string> ExceptionKeywords { get; set; } = [];

    private IEnumerable<string> Keywords => ExceptionKeywords.Count > 0 ? ExceptionKeywords : DefaultExceptionKeywords;

    /// <summary>How often the overdue-report alert looks for reports past due, in seconds.</summary>
    public int AlertEverySeconds { get; set; } = 60;

    public IncidentPolicy Policy() => new(
        Money.ToFen(NextLevelAboveYuan), Money.ToFen(HeadOfficeAboveYuan),
        TimeSpan.FromMinutes(OutletHeadMinutes), TimeSpan.FromMinutes(NextLevelMinutes), TimeSpan.FromMinutes(HeadOfficeMinutes),
        Money.ToFen(MajorAboveYuan), Money.ToFen(ExtraordinaryAboveYuan));

    /// <summary>Whether a tracking event reports an exception: its status, or one of the keywords in its words.</summary>
    public bool IsException(WaybillStatus? status, string description) =>
        status == WaybillStatus.Exception
        || Keywords.Any(k => !string.IsNullOrWhiteSpace(k) && description.Contains(k.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Every setting that is not valid, named as in appsettings ("Incidents:MajorAboveYuan").</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = Policy().InvalidFields().Select(f => f switch
        {
            "nextLevelAboveFen" => "NextLevelAboveYuan (0 or more)",
            "headOfficeAboveFen" => "HeadOfficeAboveYuan (at least NextLevelAboveYuan)",
            "majorAboveFen" => "MajorAboveYuan (0 or more)",
            "extraordinaryAboveFen" => "ExtraordinaryAboveYuan (at least MajorAboveYuan)",
            "outletHeadWithin" => "OutletHeadMinutes (more than 0)",
            "nextLevelWithin" => "NextLevelMinutes (more than 0)",
            _ => "HeadOfficeMinutes (more than 0)",
        }).Select(f => $"{Section}:{f}").ToList();
        if (AlertEverySeconds is < 5 or > 3600) problems.Add($"{Section}:AlertEverySeconds (5 to 3600)");
        return problems;
    }
}
