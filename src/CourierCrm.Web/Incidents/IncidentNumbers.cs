using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;

namespace CourierCrm.Web.Incidents;

/// <summary>"SG-20261123-0001": 事故, the China day it was recorded, and the day's running number.</summary>
public static class IncidentNumbers
{
    /// <summary>PostgreSQL advisory lock held while a number is taken ("SGNO" in ASCII).</summary>
    private const long NumberLockKey = 0x53474E4F;

    /// <summary>The next number of the day; call inside the transaction that inserts the incident.</summary>
    public static Task<string> NextAsync(CrmDbContext db, DateTimeOffset now, CancellationToken ct) =>
        DailyNumbers.NextAsync(db, db.ServiceIncidents.Select(i => i.Number), "SG", NumberLockKey, now, ct);
}
