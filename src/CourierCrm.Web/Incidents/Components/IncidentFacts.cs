using CourierCrm.Domain.Incidents;
using CourierCrm.Web.Platform.Localization;

namespace CourierCrm.Web.Incidents.Components;

/// <summary>The editable facts of an incident as the forms hold them (occurred-at in China time, date and time apart).</summary>
public sealed class IncidentFacts
{
    public IncidentKind? Kind { get; set; }
    public decimal? ExpectedLoss { get; set; }
    public IncidentResponsibility Responsibility { get; set; } = IncidentResponsibility.Undetermined;
    public string? ThirdPartyName { get; set; }
    public IncidentHandling? Handling { get; set; }
    public string? Description { get; set; }
    public DateTime? OccurredOn { get; set; }
    public TimeSpan? OccurredTime { get; set; }

    public static IncidentFacts Now(DateTimeOffset now)
    {
        var local = CompanyTime.Local(now);
        return new() { OccurredOn = local.Date, OccurredTime = new TimeSpan(local.Hour, local.Minute, 0) };
    }

    public static IncidentFacts Of(IncidentDetail d)
    {
        var local = CompanyTime.Local(d.OccurredAt);
        return new()
        {
            Kind = d.Kind, ExpectedLoss = d.ExpectedLoss, Responsibility = d.Responsibility, ThirdPartyName = d.ThirdPartyName,
            Handling = d.Handling, Description = d.Description, OccurredOn = local.Date, OccurredTime = new TimeSpan(local.Hour, local.Minute, 0),
        };
    }

    /// <summary>China has kept +8 all year since 1991: a local date and time name one instant.</summary>
    public DateTimeOffset? OccurredAt => OccurredOn is { } day
        ? new DateTimeOffset(day.Date + (OccurredTime ?? TimeSpan.Zero), TimeSpan.FromHours(8))
        : null;

    public RecordIncidentInput ToRecord(string? waybillNumber) => new()
    {
        WaybillNumber = waybillNumber, Kind = Kind, ExpectedLoss = ExpectedLoss ?? 0, Responsibility = Responsibility,
        ThirdPartyName = ThirdPartyName, Handling = Handling, Description = Description, OccurredAt = OccurredAt,
    };

    public UpdateIncidentInput ToUpdate(int version) => new()
    {
        Version = version, Kind = Kind, ExpectedLoss = ExpectedLoss ?? 0, Responsibility = Responsibility,
        ThirdPartyName = ThirdPartyName, Handling = Handling, Description = Description, OccurredAt = OccurredAt,
    };
}
