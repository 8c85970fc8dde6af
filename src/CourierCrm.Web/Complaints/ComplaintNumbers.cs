using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;

namespace CourierCrm.Web.Complaints;

/// <summary>"TS-20261123-0001": 投诉, the China day it was recorded, and the day's running number.</summary>
public static class ComplaintNumbers
{
    /// <summary>PostgreSQL advisory lock held while a number is taken ("TSNO" in ASCII).</summary>
    private const long NumberLockKey = 0x54534E4F;

    /// <summary>The next number of the day; call inside the transaction that inserts the complaint.</summary>
    public static Task<string> NextAsync(CrmDbContext db, DateTimeOffset now, CancellationToken ct) =>
        DailyNumbers.NextAsync(db, db.Complaints.Select(c => c.Number), "TS", NumberLockKey, now, ct);
}
