using System.Data.Common;
using CourierCrm.Domain.Classification;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CourierCrm.Web.Segmentation;

/// <summary>
/// What a classification run knows about every customer of the company, in one hand-written
/// aggregate over the waybills per provider, streamed with a data reader (100,000 customers would
/// cost EF more than the query). Every customer is included, those that never shipped as
/// <see cref="CustomerActivity.NeverShipped"/>: a run classifies everyone; data scopes apply when
/// results are read, not when they are computed.
/// </summary>
/// <remarks>
/// Days and months are China time (<see cref="ChinaDay"/>). The aggregate joins each customer to
/// its waybills through the covering index (CustomerId, OrderedAt, FreightFen, …): the waybill rows
/// themselves are never read.
/// </remarks>
public static class CustomerActivityQuery
{
    /// <summary>Mainland China has kept +8 all year since 1991: months and days are cut at this offset.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static async Task<List<CustomerActivity>> ReadAsync(CrmDbContext db, ClassificationPeriod period, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = SqlFor(db);
        AddParameter(command, "from", db.IsSqlite ? StartOf(period.From).UtcTicks : StartOf(period.From).ToUniversalTime());
        AddParameter(command, "to", db.IsSqlite ? StartOf(period.To.AddDays(1)).UtcTicks : StartOf(period.To.AddDays(1)).ToUniversalTime());
        if (db.IsSqlite)
            AddParameter(command, "months", MonthOfDay(period));

        var customers = new List<CustomerActivity>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt32(0);
            var lowCredit = reader.GetBoolean(1);
            if (reader.IsDBNull(5))
            {
                customers.Add(lowCredit ? CustomerActivity.NeverShipped(id) with { LowCredit = true } : CustomerActivity.NeverShipped(id));
                continue;
            }
            customers.Add(new CustomerActivity(
                id, reader.GetInt64(2), reader.GetInt32(3), reader.GetInt32(4),
                ChinaDay(reader, 5, db.IsSqlite), ChinaDay(reader, 6, db.IsSqlite), lowCredit));
        }
        return customers;
    }

    /// <summary>
    /// The aggregate's statement, with parameters from, to (instants: UTC ticks on SQLite) and, on
    /// SQLite, months (<see cref="MonthOfDay"/>); for the query-plan test and the benchmark.
    /// </summary>
    public static string SqlFor(CrmDbContext db) => db.IsSqlite ? SqliteSql : PostgresSql;

    /// <summary>Midnight in China at the start of <paramref name="day"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), ChinaOffset);

    private static DateOnly ChinaDay(DbDataReader reader, int ordinal, bool sqlite)
    {
        // SQLite keeps UTC ticks since 0001-01-01, the same origin as DateOnly's day number: the China
        // day is one division away (two per customer, 100,000 customers a run).
        if (sqlite)
            return DateOnly.FromDayNumber((int)((reader.GetInt64(ordinal) + ChinaOffset.Ticks) / TimeSpan.TicksPerDay));
        var instant = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));
        return DateOnly.FromDateTime(instant.ToOffset(ChinaOffset).DateTime);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    // SQLite keeps instants as UTC ticks and has no cheap calendar function. The month of a waybill
    // is looked up instead: its day in the period (ticks since the period's first China midnight,
    // divided by a day) indexes a string with one letter per day naming that day's month. One column
    // read and a substr per waybill; measured on 1,000,000 waybills (docs/benchmarks.md): 530 ms for
    // the whole aggregate, against 600 ms with strftime per row, 1,030 ms with a sum of comparisons
    // against each month start, and 360 ms without counting months at all.
    private const string SqliteSql = """
        SELECT c."Id", c."Overdue" = 'Serious',
               COALESCE(SUM(CASE WHEN w."OrderedAt" >= $from THEN w."FreightFen" END), 0),
               COUNT(CASE WHEN w."OrderedAt" >= $from THEN 1 END),
               COUNT(DISTINCT CASE WHEN w."OrderedAt" >= $from THEN substr($months, (w."OrderedAt" - $from) / 864000000000 + 1, 1) END),
               MIN(w."OrderedAt"), MAX(w."OrderedAt")
        FROM "Customers" AS c
        LEFT JOIN "Waybills" AS w ON w."CustomerId" = c."Id" AND w."OrderedAt" < $to
        GROUP BY c."Id"
        ORDER BY c."Id"
        """;

    /// <summary>One letter per day of the period, the same letter for the days of one calendar month.</summary>
    public static string MonthOfDay(ClassificationPeriod period)
    {
        var days = new char[period.To.DayNumber - period.From.DayNumber + 1];
        for (var i = 0; i < days.Length; i++)
        {
            var day = period.From.AddDays(i);
            days[i] = (char)('A' + (day.Year - period.From.Year) * 12 + day.Month - period.From.Month);
        }
        return new string(days);
    }

    private const string PostgresSql = """
        SELECT c."Id", c."Overdue" = 'Serious',
               COALESCE(SUM(w."FreightFen") FILTER (WHERE w."OrderedAt" >= @from), 0)::bigint,
               (COUNT(*) FILTER (WHERE w."OrderedAt" >= @from))::int,
               (COUNT(DISTINCT date_trunc('month', w."OrderedAt" AT TIME ZONE 'Asia/Shanghai')) FILTER (WHERE w."OrderedAt" >= @from))::int,
               MIN(w."OrderedAt"), MAX(w."OrderedAt")
        FROM "Customers" AS c
        LEFT JOIN "Waybills" AS w ON w."CustomerId" = c."Id" AND w."OrderedAt" < @to
        GROUP BY c."Id"
        ORDER BY c."Id"
        """;
}
