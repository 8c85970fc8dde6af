using System.Globalization;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Incidents;

/// <summary>"SG-20261123-0001": 事故, the China day it was recorded, and the day's running number.</summary>
public static class IncidentNumbers
{
    /// <summary>PostgreSQL advisory lock held while a number is taken ("SGNO" in ASCII).</summary>
    private const long NumberLockKey = 0x53474E4F;

    /// <summary>
    /// The next number of the day. Call inside the transaction that inserts the incident: on SQLite that write
    /// transaction already excludes a second writer; on PostgreSQL a transaction-scoped advisory lock does, so two
    /// outlets recording at the same moment never draw the same number (the same idiom as complaint numbers).
    /// </summary>
    public static async Task<string> NextAsync(CrmDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (!db.IsSqlite)
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({NumberLockKey})", ct);
        var prefix = "SG-" + CompanyTime.Local(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-";
        // A range on the unique number index, not a LIKE (which scans on SQLite).
        var upper = prefix + "~";
        var last = await db.ServiceIncidents
            .Where(c => string.Compare(c.Number, prefix) > 0 && string.Compare(c.Number, upper) < 0)
            .MaxAsync(c => (string?)c.Number, ct);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture) + 1;
        return prefix + next.ToString("0000", CultureInfo.InvariantCulture);
    }
}
