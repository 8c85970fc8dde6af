using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Claims;

/// <summary>
/// A claim's history is its audit rows (entity "Claim"): filing, approval, rejection, payment and recovery,
/// each with actor, time and the money before and after. The customer's 360 timeline gets one line for each.
/// </summary>
public static class ClaimHistory
{
    public const string EntityType = "Claim";

    /// <summary>Who filed the claim (the actor of its Create audit row); null for a claim without one.</summary>
    public static Task<int?> FiledByAsync(CrmDbContext db, int claimId, CancellationToken ct)
    {
        var id = claimId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return db.AuditEntries.Where(a => a.EntityType == EntityType && a.EntityId == id && a.Action == AuditAction.Create)
            .Select(a => a.ActorId).FirstOrDefaultAsync(ct);
    }

    /// <summary>"Approve ¥500.00": what an action's audit row says after the incident number.</summary>
    public static string Summary(ClaimAction action, long? amountFen) =>
        amountFen is { } fen ? $"{action} {Domain.Shipments.Money.Format(fen)}" : action.ToString();

    /// <summary>Reads an audit summary ("SG-…: Approve ¥500.00") back into the action and the amount; (null, amount) for the filing.</summary>
    public static (ClaimAction? Action, string? Amount) Parse(string? summary)
    {
        if (summary is null) return (null, null);
        var text = summary[(summary.LastIndexOf(": ", StringComparison.Ordinal) + 1)..].Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var (word, amount) = space < 0 ? (text, null) : (text[..space], text[(space + 1)..]);
        return Enum.TryParse<ClaimAction>(word, out var action) ? (action, amount) : (null, amount);
    }

    public static void AddTimelineEvent(CrmDbContext db, ServiceIncident incident, Viewer viewer, DateTimeOffset now, string title)
    {
        if (incident.CustomerId is not int customerId) return;
        db.CustomerEvents.Add(new CustomerEvent
        {
            CustomerId = customerId, At = now, Kind = "claim", Title = title, ActorId = viewer.UserId, ActorName = viewer.Name,
        });
    }
}
