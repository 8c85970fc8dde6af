using System.Globalization;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Platform;

/// <summary>
/// Record numbers of the form "TS-20261123-0001": letters, the China day, and the day's running number
/// (complaints TS 投诉, incidents SG 事故).
/// </summary>
public static class DailyNumbers
{
    /// <summary>
    /// The next number of the day among <paramref name="numbers"/> (a table's unique number column). Call inside
    /// the transaction that inserts the record: on SQLite that write transaction already excludes a second
    /// writer; on PostgreSQL a transaction-scoped advisory lock (<paramref name="lockKey"/>, one per kind of
    /// record) does, so two desks recording at the same moment never draw the same number.
    /// </summary>
    public static async Task<string> NextAsync(CrmDbContext db, IQueryable<string> numbers, string letters, long lockKey, DateTimeOffset now, CancellationToken ct)
    {
        if (!db.IsSqlite)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", ct);
        var prefix = letters + "-" + CompanyTime.Local(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-";
        // A range on the unique number index, not a LIKE (which scans on SQLite).
        var upper = prefix + "~";
        var last = await numbers
            .Where(n => string.Compare(n, prefix) > 0 && string.Compare(n, upper) < 0)
            .MaxAsync(n => (string?)n, ct);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], CultureInfo.InvariantCulture) + 1;
        return prefix + next.ToString("0000", CultureInfo.InvariantCulture);
    }
}
