using System.Data.Common;
using CourierCrm.Domain.Classification;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CourierCrm.Web.Segmentation.Churn;

/// <summary>
/// Monthly waybill counts of the customers whose volume the early warning watches (ABC class at
/// or above the lowest watched class), over the baseline and recent complete months, China time:
/// one aggregate grouped by customer and month over the covering waybill index
/// (CustomerId, OrderedAt, …), joined from the current classes so only watched customers are read.
/// </summary>
public static class ChurnVolumeQuery
{
    /// <summary>The complete months before the month of the day after <paramref name="asOf"/>: as of 06-30 June counts, as of 06-29 it does not.</summary>
    public static ClassificationPeriod Window(DateOnly asOf, int months)
    {
        var next = asOf.AddDays(1);
        var end = new DateOnly(next.Year, next.Month, 1);
        return new(end.AddMonths(-months), end.AddDays(-1));
    }

    /// <summary>
    /// Per watched customer: waybills per month of the window, oldest first, starting at the
    /// customer's first month with a waybill when it first shipped inside the window (a young
    /// customer's earlier months are not zeros of its baseline).
    /// </summary>
    public static async Task<Dictionary<int, int[]>> ReadAsync(CrmDbContext db, DateOnly asOf, int months, AbcClass lowestWatched, CancellationToken ct)
    {
        var window = Window(asOf, months);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = SqlFor(db, lowestWatched);
        var from = CustomerActivityQuery.StartOf(window.From);
        var to = CustomerActivityQuery.StartOf(window.To.AddDays(1));
        Add(command, "from", db.IsSqlite ? from.UtcTicks : from.ToUniversalTime());
        Add(command, "to", db.IsSqlite ? to.UtcTicks : to.ToUniversalTime());
        if (db.IsSqlite) Add(command, "months", CustomerActivityQuery.MonthOfDay(window));
        else Add(command, "base", window.From.Year * 12 + window.From.Month - 1);

        var counts = new Dictionary<int, int[]>();
        var older = new HashSet<int>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var customer = reader.GetInt32(0);
                var month = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
                if (month < 0) { older.Add(customer); continue; }
                if (!counts.TryGetValue(customer, out var list)) counts[customer] = list = new int[months];
                if (month < months) list[month] = Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        foreach (var (customer, list) in counts.ToList())
        {
            if (older.Contains(customer)) continue;
            var first = Array.FindIndex(list, c => c > 0);
            counts[customer] = list[first..];
        }
        // Shipped before the window and not once in it: every month of the window is a zero.
        foreach (var customer in older.Where(c => !counts.ContainsKey(c))) counts[customer] = new int[months];
        return counts;
    }

    /// <summary>The statement (parameters from, to and months on SQLite or base on PostgreSQL), for the query-plan test.</summary>
    public static string SqlFor(CrmDbContext db, AbcClass lowestWatched)
    {
        // Enum names from the code, not from input: safe to write into the statement.
        var watched = string.Join(", ", Enum.GetValues<AbcClass>().Where(c => c <= lowestWatched).Select(c => $"'{c}'"));
        return db.IsSqlite
            ? $"""
              SELECT w."CustomerId", unicode(substr($months, (w."OrderedAt" - $from) / 864000000000 + 1, 1)) - 65 AS m, COUNT(*)
              FROM "CustomerClassifications" AS k
              JOIN "Waybills" AS w ON w."CustomerId" = k."CustomerId" AND w."OrderedAt" >= $from AND w."OrderedAt" < $to
              WHERE k."Abc" IN ({watched})
              GROUP BY w."CustomerId", m
              UNION ALL
              SELECT k."CustomerId", -1, 0
              FROM "CustomerClassifications" AS k
              WHERE k."Abc" IN ({watched}) AND EXISTS (SELECT 1 FROM "Waybills" AS e WHERE e."CustomerId" = k."CustomerId" AND e."OrderedAt" < $from)
              """
            : $"""
              SELECT w."CustomerId",
                     (EXTRACT(YEAR FROM w."OrderedAt" AT TIME ZONE 'Asia/Shanghai') * 12 + EXTRACT(MONTH FROM w."OrderedAt" AT TIME ZONE 'Asia/Shanghai') - 1)::int - @base AS m,
                     COUNT(*)::int
              FROM "CustomerClassifications" AS k
              JOIN "Waybills" AS w ON w."CustomerId" = k."CustomerId" AND w."OrderedAt" >= @from AND w."OrderedAt" < @to
              WHERE k."Abc" IN ({watched})
              GROUP BY 1, 2
              UNION ALL
              SELECT k."CustomerId", -1, 0
              FROM "CustomerClassifications" AS k
              WHERE k."Abc" IN ({watched}) AND EXISTS (SELECT 1 FROM "Waybills" AS e WHERE e."CustomerId" = k."CustomerId" AND e."OrderedAt" < @from)
              """;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
