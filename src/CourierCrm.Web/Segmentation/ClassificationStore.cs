using System.Data.Common;
using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;
using CourierCrm.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CourierCrm.Web.Segmentation;

/// <summary>
/// Reads the latest run's classes and writes a new run, its 100,000 classes, its changes and their
/// timeline entries with ADO.NET (a prepared, re-bound INSERT on SQLite, binary COPY on PostgreSQL)
/// inside the caller's transaction: EF's change tracker would spend seconds on rows nobody edits.
/// </summary>
internal static class ClassificationStore
{
    public static async Task<long?> LatestRunIdAsync(CrmDbContext db, CancellationToken ct)
    {
        await using var command = Command(db, """SELECT MAX("Id") FROM "ClassificationRuns" """);
        return await command.ExecuteScalarAsync(ct) is { } id and not DBNull ? Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    public static async Task<List<CustomerClassification>> ClassesOfRunAsync(CrmDbContext db, long runId, CancellationToken ct)
    {
        await using var command = Command(db, """
            SELECT "CustomerId", "RevenueFen", "Abc", "Pyramid", "KeyAccount", "RfmR", "RfmF", "RfmM", "Quadrant", "Lifecycle"
            FROM "CustomerClassifications"
            WHERE "RunId" = @run
            """);
        Add(command, "run", runId);
        var rows = new List<CustomerClassification>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new CustomerClassificationRow
            {
                CustomerId = reader.GetInt32(0), RevenueFen = reader.GetInt64(1),
                Abc = EnumOrNull<AbcClass>(reader, 2), Pyramid = EnumOrNull<ValuePyramidTier>(reader, 3),
                KeyAccount = EnumOrNull<KeyAccountTier>(reader, 4),
                RfmR = IntOrNull(reader, 5), RfmF = IntOrNull(reader, 6), RfmM = IntOrNull(reader, 7),
                Quadrant = EnumOrNull<LoyaltyValueQuadrant>(reader, 8),
                Lifecycle = Enum.Parse<LifecycleState>(reader.GetString(9)),
            }.ToDomain());
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
        Add(command, "asOf", run.AsOf);
        Add(command, "from", run.PeriodFrom);
        Add(command, "to", run.PeriodTo);
        Add(command, "policy", run.PolicyJson);
        Add(command, "started", Instant(db, run.StartedAt));
        Add(command, "finished", Instant(db, run.FinishedAt));
        Add(command, "count", run.CustomerCount);
        Add(command, "a", run.AbcA);
        Add(command, "b", run.AbcB);
        Add(command, "c", run.AbcC);
        Add(command, "changes", run.ChangeCount);
        Add(command, "by", run.TriggeredBy);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task WriteAsync(CrmDbContext db, long runId, IReadOnlyList<CustomerClassification> classes,
        IReadOnlyList<ClassChange> changes, IReadOnlyList<CustomerEvent> events, CancellationToken ct) =>
        db.IsSqlite
            ? SqliteWriteAsync(db, runId, classes, changes, events, ct)
            : PostgresWriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), runId, classes, changes, events, ct);

    /// <summary>
    /// The archive's lifecycle field follows the run (DOMAIN.md §3: it is derived from the waybills);
    /// only customers whose state differs are written.
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

    private static async Task SqliteWriteAsync(CrmDbContext db, long runId, IReadOnlyList<CustomerClassification> classes,
        IReadOnlyList<ClassChange> changes, IReadOnlyList<CustomerEvent> events, CancellationToken ct)
    {
        await using (var insert = Command(db, """
            INSERT INTO "CustomerClassifications" ("RunId", "CustomerId", "RevenueFen", "Abc", "Pyramid", "KeyAccount", "RfmR", "RfmF", "RfmM", "Quadrant", "Lifecycle")
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10)
            """, 11))
        {
            var p = insert.Parameters;
            p[0].Value = runId;
            foreach (var c in classes)
            {
                p[1].Value = c.CustomerId;
                p[2].Value = c.RevenueFen;
                p[3].Value = Name(c.Abc);
                p[4].Value = Name(c.Pyramid);
                p[5].Value = Name(c.KeyAccount);
                p[6].Value = (object?)c.Rfm?.Recency ?? DBNull.Value;
                p[7].Value = (object?)c.Rfm?.Frequency ?? DBNull.Value;
                p[8].Value = (object?)c.Rfm?.Monetary ?? DBNull.Value;
                p[9].Value = Name(c.Quadrant);
                p[10].Value = c.Lifecycle.ToString();
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        await using (var insert = Command(db, """
            INSERT INTO "ClassChanges" ("RunId", "CustomerId", "Dimension", "From", "To", "Movement", "Reason", "PreviousRevenueFen", "CurrentRevenueFen")
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)
            """, 9))
        {
            var p = insert.Parameters;
            p[0].Value = runId;
            foreach (var c in changes)
            {
                p[1].Value = c.CustomerId;
                p[2].Value = c.Dimension.ToString();
                p[3].Value = (object?)c.From ?? DBNull.Value;
                p[4].Value = (object?)c.To ?? DBNull.Value;
                p[5].Value = c.Movement.ToString();
                p[6].Value = c.Reason.ToString();
                p[7].Value = c.PreviousRevenueFen;
                p[8].Value = c.CurrentRevenueFen;
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        await using (var insert = Command(db, """
            INSERT INTO "CustomerEvents" ("CustomerId", "At", "Kind", "Title", "Detail", "ActorId", "ActorName")
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6)
            """, 7))
        {
            var p = insert.Parameters;
            foreach (var e in events)
            {
                p[0].Value = e.CustomerId;
                p[1].Value = e.At.UtcTicks;
                p[2].Value = e.Kind;
                p[3].Value = e.Title;
                p[4].Value = (object?)e.Detail ?? DBNull.Value;
                p[5].Value = (object?)e.ActorId ?? DBNull.Value;
                p[6].Value = (object?)e.ActorName ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private static async Task PostgresWriteAsync(NpgsqlConnection connection, long runId, IReadOnlyList<CustomerClassification> classes,
        IReadOnlyList<ClassChange> changes, IReadOnlyList<CustomerEvent> events, CancellationToken ct)
    {
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "CustomerClassifications" ("RunId", "CustomerId", "RevenueFen", "Abc", "Pyramid", "KeyAccount", "RfmR", "RfmF", "RfmM", "Quadrant", "Lifecycle") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var c in classes)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(runId, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(c.CustomerId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(c.RevenueFen, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(Name(c.Abc), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(Name(c.Pyramid), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(Name(c.KeyAccount), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((object?)c.Rfm?.Recency ?? DBNull.Value, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync((object?)c.Rfm?.Frequency ?? DBNull.Value, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync((object?)c.Rfm?.Monetary ?? DBNull.Value, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(Name(c.Quadrant), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(c.Lifecycle.ToString(), NpgsqlDbType.Varchar, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "ClassChanges" ("RunId", "CustomerId", "Dimension", "From", "To", "Movement", "Reason", "PreviousRevenueFen", "CurrentRevenueFen") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var c in changes)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(runId, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(c.CustomerId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(c.Dimension.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((object?)c.From ?? DBNull.Value, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((object?)c.To ?? DBNull.Value, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(c.Movement.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(c.Reason.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(c.PreviousRevenueFen, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(c.CurrentRevenueFen, NpgsqlDbType.Bigint, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "CustomerEvents" ("CustomerId", "At", "Kind", "Title", "Detail", "ActorId", "ActorName") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var e in events)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(e.CustomerId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(e.At.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(e.Kind, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.Title, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((object?)e.Detail ?? DBNull.Value, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((object?)e.ActorId ?? DBNull.Value, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync((object?)e.ActorName ?? DBNull.Value, NpgsqlDbType.Varchar, ct);
            }
            await copy.CompleteAsync(ct);
        }
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

    private static object Name<T>(T? value) where T : struct, Enum => value?.ToString() ?? (object)DBNull.Value;

    private static T? EnumOrNull<T>(DbDataReader reader, int ordinal) where T : struct, Enum =>
        reader.IsDBNull(ordinal) ? null : Enum.Parse<T>(reader.GetString(ordinal));

    private static int? IntOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
}
