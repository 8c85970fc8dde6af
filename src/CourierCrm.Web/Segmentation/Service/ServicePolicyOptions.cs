using CourierCrm.Domain.Classification;

namespace CourierCrm.Web.Segmentation.Service;

/// <summary>
/// Settings of the service policy per class (configuration section "Classification:Service"); every
/// value left out is <see cref="ServicePolicy.Default"/>'s (DOMAIN.md §3). Rules replace the default
/// rules as a whole when given, e.g.
/// <c>"Rules": [ { "Class": "A", "Task": "Visit", "EveryDays": 14 }, … ]</c>.
/// </summary>
public sealed class ServicePolicyOptions
{
    public const string Section = "Classification:Service";

    /// <summary>Null = the default rules (a list with defaults would have configured rules appended to it by the binder).</summary>
    public List<ServiceRuleSetting>? Rules { get; set; }
    public int NoticeDays { get; set; } = ServicePolicy.Default.NoticeDays;
    public int PromisingMinRecency { get; set; } = ServicePolicy.Default.PromisingMinRecency;
    public int PromisingMinFrequency { get; set; } = ServicePolicy.Default.PromisingMinFrequency;

    public ServicePolicy Policy => new(
        Rules?.Select(r => new ServiceRule(r.Class, r.Task, r.EveryDays, r.PromisingOnly)).ToList() ?? ServicePolicy.Default.Rules,
        NoticeDays, PromisingMinRecency, PromisingMinFrequency);

    /// <summary>Bad settings by their configuration key, e.g. "Classification:Service:Rules:2:EveryDays".</summary>
    public IReadOnlyList<string> InvalidSettings()
    {
        var bad = new List<string>();
        for (var i = 0; i < (Rules?.Count ?? 0); i++)
        {
            if (!Enum.IsDefined(Rules![i].Class)) bad.Add($"{Section}:Rules:{i}:Class");
            if (!Enum.IsDefined(Rules[i].Task)) bad.Add($"{Section}:Rules:{i}:Task");
        }
        foreach (var field in Policy.InvalidFields())
            bad.Add(field switch
            {
                "rules" => $"{Section}:Rules (one rule per class and task)",
                _ when field.StartsWith("rules[", StringComparison.Ordinal) =>
                    $"{Section}:Rules:{field[6..field.IndexOf(']', StringComparison.Ordinal)]}:EveryDays",
                _ => $"{Section}:{char.ToUpperInvariant(field[0])}{field[1..]}",
            });
        return bad;
    }
}

/// <summary>One configured rule: the class, the task, how often, and whether only promising customers get it.</summary>
public sealed class ServiceRuleSetting
{
    public AbcClass Class { get; set; }
    public ServiceTask Task { get; set; }
    public int EveryDays { get; set; }
    public bool PromisingOnly { get; set; }
}
