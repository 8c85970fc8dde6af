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

    /// <summary>Below this many customers per part the aggregate runs as one statement: splitting it would cost more than it saves.</summary>
    public const int MinCustomersPerPart = 20_000;

    /// <summary>
    /// The aggregate in <paramref name="parts"/> ranges of customer ids of about equal size, each on a
    /// connection of its own, at the same time (one part per core: the aggregate is one statement's CPU
    /// work, and a database runs one statement on one core). Each customer is read whole by one part, so
    /// its figures are as one statement would give them; the parts may see different moments of the
    /// waybills (a waybill saved between them), which a nightly snapshot does not mind.
    /// </summary>
    public static async Task<List<CustomerActivity>> ReadAsync(IDbContextFactory<CrmDbContext> dbFactory, ClassificationPeriod period,
        int parts, CancellationToken ct, int minCustomersPerPart = MinCustomersPerPart)
    {
        List<(long First, long End)> ranges;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            ranges = await PartsAsync(db, parts, minCustomersPerPart, ct);
        var read = await Task.WhenAll(ranges.Select(range => Task.Run(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await ReadAsync(db, period, range, ct);
        }, ct)));
        if (read.Length == 1) return read[0];
        var all = new List<CustomerActivity>(read.Sum(r => r.Count));
        foreach (var part in read) all.AddRange(part);
        return all;
    }

    /// <summary>
    /// The customer ids of each part, first included, end excluded, for <see cref="RangeSqlFor"/>
    /// (parameters first and end): at most <paramref name="parts"/>, each of at least
    /// <paramref name="minCustomersPerPart"/> customers, else one range of every id.
    /// </summary>
    public static async Task<List<(long First, long End)>> PartsAsync(CrmDbContext db, int parts, int minCustomersPerPart, CancellationToken ct)
    {
        var bounds = new List<long>();
        var count = parts > 1 ? await db.Customers.CountAsync(ct) : 0;
        parts = Math.Min(parts, count / Math.Max(1, minCustomersPerPart));
        for (var i = 1; i < parts; i++)
        {
            var first = await db.Customers.OrderBy(c => c.Id).Skip(count / parts * i).Select(c => c.Id).FirstAsync(ct);
            if (bounds.Count == 0 || first > bounds[^1]) bounds.Add(first);
        }
        return [.. bounds.Prepend(int.MinValue).Zip(bounds.Append((long)int.MaxValue + 1))];
    }

    public static Task<List<CustomerActivity>> ReadAsync(CrmDbContext db, ClassificationPeriod period, CancellationToken ct) =>
        ReadAsync(db, period, null, ct);

    private static async Task<List<CustomerActivity>> ReadAsync(CrmDbContext db, ClassificationPeriod period, (long First, long End)? ids, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // SQLite sorts COUNT(DISTINCT …)'s months in temporary b-trees: in memory, not in a temporary file.
        if (db.IsSqlite)
        {
            command.CommandText = "PRAGMA temp_store = MEMORY";
            await command.ExecuteNonQueryAsync(ct);
        }
        command.CommandText = ids is null ? SqlFor(db) : RangeSqlFor(db);
        if (ids is { } range)
        {
            AddParameter(command, "first", range.First);
            AddParameter(command, "end", range.End);
        }
        AddParameter(command, "from", db.IsSqlite ? StartOf(period.From).UtcTicks : StartOf(period.From).ToUniversalTime());
        AddParameter(command, "to", db.IsSqlite ? StartOf(period.To.AddDays(1)).UtcTicks : StartOf(period.To.AddDays(1)).ToUniversalTime());
        if (db.IsSqlite)
            AddParameter(command, "months", MonthOfDay(period));

        var customers = new List<CustomerActivity>(1024);
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

    /// <summary><see cref="SqlFor"/> over the customers of one part: parameters first and end as well (<see cref="PartsAsync"/>).</summary>
    public static string RangeSqlFor(CrmDbContext db) => SqlFor(db).Replace("GROUP BY",
        (db.IsSqlite ? "WHERE c.\"Id\" >= $first AND c.\"Id\" < $end" : "WHERE c.\"Id\" >= @first AND c.\"Id\" < @end") + "\nGROUP BY",
        StringComparison.Ordinal);

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
