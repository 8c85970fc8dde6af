using System.Data.Common;
using System.Globalization;
using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;
using CourierCrm.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CourierCrm.Web.Segmentation;

/// <summary>
/// Reads the current classes and writes a run: its row, the current-class rows that differ (an
/// upsert: a prepared, re-bound INSERT … ON CONFLICT on SQLite, binary COPY into a temporary table
/// and one INSERT … ON CONFLICT on PostgreSQL), its changes and their timeline entries, all with
/// ADO.NET inside the caller's transaction: EF's change tracker would spend seconds on rows nobody edits.
/// </summary>
internal static partial class ClassificationStore
{
    /// <summary>The columns of a current-class row, in the order the writers bind them.</summary>
    internal const string Columns = """
        "CustomerId", "RunId", "RevenueFen", "ShipmentCount", "ActiveMonths", "LastShipment", "Abc", "AbcSince", "Pyramid", "KeyAccount", "RfmR", "RfmF", "RfmM", "Quadrant", "Lifecycle", "PredictedValueFen"
        """;

    /// <summary>On a key conflict every column but the key takes the new value.</summary>
    internal const string UpdateAll = """
        ON CONFLICT ("CustomerId") DO UPDATE SET "RunId" = excluded."RunId", "RevenueFen" = excluded."RevenueFen",
            "ShipmentCount" = excluded."ShipmentCount", "ActiveMonths" = excluded."ActiveMonths", "LastShipment" = excluded."LastShipment",
            "Abc" = excluded."Abc", "AbcSince" = excluded."AbcSince", "Pyramid" = excluded."Pyramid", "KeyAccount" = excluded."KeyAccount",
            "RfmR" = excluded."RfmR", "RfmF" = excluded."RfmF", "RfmM" = excluded."RfmM", "Quadrant" = excluded."Quadrant",
            "Lifecycle" = excluded."Lifecycle", "PredictedValueFen" = excluded."PredictedValueFen"
        """;

    public static async Task<long?> LatestRunIdAsync(CrmDbContext db, CancellationToken ct)
    {
        await using var command = Command(db, """SELECT MAX("Id") FROM "ClassificationRuns" """);
        return await command.ExecuteScalarAsync(ct) is { } id and not DBNull ? Convert.ToInt64(id, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Every customer's current classes, ordered by customer id.</summary>
    public static async Task<List<CustomerClassificationRow>> CurrentAsync(CrmDbContext db, CancellationToken ct)
    {
        await using var command = Command(db, $"""SELECT {Columns} FROM "CustomerClassifications" ORDER BY "CustomerId" """);
        var rows = new List<CustomerClassificationRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        var sqlite = db.IsSqlite;
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new CustomerClassificationRow
            {
                CustomerId = reader.GetInt32(0), RunId = reader.GetInt64(1), RevenueFen = reader.GetInt64(2),
                ShipmentCount = reader.GetInt32(3), ActiveMonths = reader.GetInt32(4), LastShipment = DayOrNull(reader, 5, sqlite),
                Abc = EnumOrNull<AbcClass>(reader, 6), AbcSince = DayOrNull(reader, 7, sqlite),
                Pyramid = EnumOrNull<ValuePyramidTier>(reader, 8), KeyAccount = EnumOrNull<KeyAccountTier>(reader, 9),
                RfmR = IntOrNull(reader, 10), RfmF = IntOrNull(reader, 11), RfmM = IntOrNull(reader, 12),
                Quadrant = EnumOrNull<LoyaltyValueQuadrant>(reader, 13), Lifecycle = Enum.Parse<LifecycleState>(reader.GetString(14)),
                PredictedValueFen = reader.IsDBNull(15) ? null : reader.GetInt64(15),
            });
        }
        return rows;
    }

    public static async Task<long> AddRunAsync(CrmDbContext db, ClassificationRunRow run, CancellationToken ct)
    {
        await using var command = Command(db, """
            INSERT INTO "ClassificationRuns" ("AsOf", "PeriodFrom", "PeriodTo", "PolicyJson", "StartedAt", "FinishedAt", "CustomerCount", "AbcA", "AbcB", "AbcC", "ChangeCount", "TriggeredBy")
            VALUES (@asOf, @from, @to, @policy, @started, @finished, @count, @a, @b, @c, @changes, @by)
            RETURNING "Id"
            """);
        Add(command, "asOf", Day(db, run.AsOf));
        Add(command, "from", Day(db, run.PeriodFrom));
        Add(command, "to", Day(db, run.PeriodTo));
        Add(command, "policy", run.PolicyJson);
        Add(command, "started", Instant(db, run.StartedAt));
        Add(command, "finished", Instant(db, run.FinishedAt));
        Add(command, "count", run.CustomerCount);
        Add(command, "a", run.AbcA);
        Add(command, "b", run.AbcB);
        Add(command, "c", run.AbcC);
        Add(command, "changes", run.ChangeCount);
        Add(command, "by", run.TriggeredBy);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the differing current-class rows, the changes and their timeline entries.</summary>
    public static Task WriteAsync(CrmDbContext db, long runId, IReadOnlyList<DifferingRow> differing,
        IReadOnlyList<ClassChange> changes, IReadOnlyList<CustomerEvent> events, CancellationToken ct) =>
        db.IsSqlite
            ? SqliteWriteAsync(db, runId, differing, changes, events, ct)
            : PostgresWriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), runId, differing, changes, events, ct);

    /// <summary>
    /// The archive's lifecycle field follows the current classes (DOMAIN.md §3: it is derived from the
    /// waybills); only customers whose state differs are written. Only the rows this run wrote are
    /// read (the RunId index): a lifecycle can only have moved where a row was rewritten, and reading
    /// all 100,000 rows every night would cost more than the rest of the store. A lifecycle set by
    /// hand in the archive therefore stands until the customer's classes next change.
    /// </summary>
    public static async Task<int> UpdateLifecycleAsync(CrmDbContext db, long runId, CancellationToken ct)
    {
        await using var command = Command(db, db.IsSqlite
            ? """
              UPDATE "Customers" SET "Lifecycle" = r."Lifecycle"
              FROM "CustomerClassifications" AS r
              WHERE r."RunId" = @run AND r."CustomerId" = "Customers"."Id" AND "Customers"."Lifecycle" <> r."Lifecycle"
              """
            : """
              UPDATE "Customers" AS c SET "Lifecycle" = r."Lifecycle"
              FROM "CustomerClassifications" AS r
              WHERE r."RunId" = @run AND r."CustomerId" = c."Id" AND c."Lifecycle" <> r."Lifecycle"
              """);
        Add(command, "run", runId);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Command(CrmDbContext db, string sql, int positional = 0)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        for (var i = 0; i < positional; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "$p" + i;
            command.Parameters.Add(p);
        }
        if (positional > 0 && command is SqliteCommand sqlite)
            sqlite.Prepare();
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static object Instant(CrmDbContext db, DateTimeOffset at) => db.IsSqlite ? at.UtcTicks : at.ToUniversalTime();

    /// <summary>A day as EF stores it: "yyyy-MM-dd" text on SQLite, date on PostgreSQL.</summary>
    private static object Day(CrmDbContext db, DateOnly day) => db.IsSqlite ? SqliteDay(day) : day;

    private static string SqliteDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Name<T>(T? value) where T : struct, Enum => value?.ToString() ?? (object)DBNull.Value;

    private static T? EnumOrNull<T>(DbDataReader reader, int ordinal) where T : struct, Enum =>
        reader.IsDBNull(ordinal) ? null : Enum.Parse<T>(reader.GetString(ordinal));

    private static int? IntOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    private static DateOnly? DayOrNull(DbDataReader reader, int ordinal, bool sqlite) =>
        reader.IsDBNull(ordinal) ? null
        : sqlite ? DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : reader.GetFieldValue<DateOnly>(ordinal);
}
