using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;

namespace CourierCrm.Web.Incidents;

/// <summary>Puts each change of an incident on its customer's 360 timeline (Kind "incident"), in the change's own unit of work.</summary>
public static class IncidentTimeline
{
    public const string Kind = "incident";

    public static void Add(CrmDbContext db, ServiceIncident incident, Viewer viewer, string zh, string en, string? detail, DateTimeOffset now)
    {
        if (incident.CustomerId is not int customerId) return;
        db.CustomerEvents.Add(new CustomerEvent
        {
            CustomerId = customerId, At = now, Kind = Kind, ActorId = viewer.UserId, ActorName = viewer.Name,
            Title = $"事故 {incident.Number} {zh} / Incident {incident.Number} {en}",
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        });
    }

    /// <summary>"Damage · Major · ¥1,200.00 · SF123": the facts a timeline line shows.</summary>
    public static string Facts(ServiceIncident incident) =>
        $"{incident.WaybillNumber} · {incident.Kind} · {incident.Grade} · {Domain.Shipments.Money.Format(incident.ExpectedLossFen)}";
}
