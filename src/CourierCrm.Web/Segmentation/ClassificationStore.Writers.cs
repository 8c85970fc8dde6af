using System.Data.Common;
using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;
using CourierCrm.Web.Data;
using Npgsql;
using NpgsqlTypes;

namespace CourierCrm.Web.Segmentation;

// The provider-specific writers of ClassificationStore: the same rows, bound per provider.
internal static partial class ClassificationStore
{
    // A nightly run rewrites about 2 % of the rows, most of them because a figure moved (a day's waybills
    // came in or left the period) while every class stayed. Each kind of row gets its own statement:
    // a new customer a plain INSERT, a moved figure an UPDATE of the figures alone (so the indexes on
    // the class columns are left alone: only the run's and the predicted value's are touched), a moved
    // class an UPDATE of every column. An INSERT … ON CONFLICT DO UPDATE for all of them rewrote all
    // six indexes of every row and, with foreign keys on, opened a statement journal per row.
    private const string UpdateFigures = """
        UPDATE "CustomerClassifications" SET "RunId" = $p1, "RevenueFen" = $p2, "ShipmentCount" = $p3, "ActiveMonths" = $p4,
            "LastShipment" = $p5, "PredictedValueFen" = $p15
        WHERE "CustomerId" = $p0
        """;

    private const string UpdateEvery = """
        UPDATE "CustomerClassifications" SET "RunId" = $p1, "RevenueFen" = $p2, "ShipmentCount" = $p3, "ActiveMonths" = $p4,
            "LastShipment" = $p5, "Abc" = $p6, "AbcSince" = $p7, "Pyramid" = $p8, "KeyAccount" = $p9, "RfmR" = $p10, "RfmF" = $p11,
            "RfmM" = $p12, "Quadrant" = $p13, "Lifecycle" = $p14, "PredictedValueFen" = $p15
        WHERE "CustomerId" = $p0
        """;

    private static async Task SqliteWriteAsync(CrmDbContext db, long runId, IReadOnlyList<DifferingRow> rows,
        IReadOnlyList<ClassChange> changes, IReadOnlyList<CustomerEvent> events, CancellationToken ct)
    {
        // Each statement is prepared only if a row needs it (every parameter bound by position: $p0 … $p15).
        DbCommand? insertRow = null, figures = null, every = null;
        try
        {
            foreach (var (r, change) in rows)
            {
                var command = change switch
                {
                    RowChange.FiguresOnly => figures ??= Command(db, UpdateFigures, 16),
                    RowChange.Classes => every ??= Command(db, UpdateEvery, 16),
                    _ => null,
                };
                // An update that finds no row (the table was emptied behind this runner's copy) inserts it.
                if (command is not null && await ExecuteAsync(command, runId, r, ct) > 0)
                    continue;
                await ExecuteAsync(insertRow ??= Command(db, $"""
                    INSERT INTO "CustomerClassifications" ({Columns})
                    VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15)
                    """, 16), runId, r, ct);
            }
        }
        finally
        {
            foreach (var command in new[] { insertRow, figures, every })
                if (command is not null) await command.DisposeAsync();
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

    /// <summary>Binds every column of the row ($p0 … $p15, the order of <see cref="Columns"/>) and runs the statement.</summary>
    private static Task<int> ExecuteAsync(DbCommand command, long runId, CustomerClassificationRow r, CancellationToken ct)
    {
        var p = command.Parameters;
        p[0].Value = r.CustomerId;
        p[1].Value = runId;
        p[2].Value = r.RevenueFen;
        p[3].Value = r.ShipmentCount;
        p[4].Value = r.ActiveMonths;
        p[5].Value = r.LastShipment is { } last ? SqliteDay(last) : DBNull.Value;
        p[6].Value = Name(r.Abc);
        p[7].Value = r.AbcSince is { } since ? SqliteDay(since) : DBNull.Value;
        p[8].Value = Name(r.Pyramid);
        p[9].Value = Name(r.KeyAccount);
        p[10].Value = (object?)r.RfmR ?? DBNull.Value;
        p[11].Value = (object?)r.RfmF ?? DBNull.Value;
        p[12].Value = (object?)r.RfmM ?? DBNull.Value;
        p[13].Value = Name(r.Quadrant);
        p[14].Value = r.Lifecycle.ToString();
        p[15].Value = (object?)r.PredictedValueFen ?? DBNull.Value;
        return command.ExecuteNonQueryAsync(ct);
    }

    private static async Task PostgresWriteAsync(NpgsqlConnection connection, long runId, IReadOnlyList<DifferingRow> rows,
        IReadOnlyList<ClassChange> changes, IReadOnlyList<CustomerEvent> events, CancellationToken ct)
    {
        if (rows.Count > 0)
        {
            // COPY cannot upsert: the rows go to a temporary table of the same shape first, then one
            // statement merges them. The join with Customers drops a customer deleted since the aggregate.
            await using (var create = new NpgsqlCommand($"""
                CREATE TEMPORARY TABLE "ClassesOfRun" ON COMMIT DROP AS SELECT {Columns} FROM "CustomerClassifications" WITH NO DATA
                """, connection))
                await create.ExecuteNonQueryAsync(ct);
            await using (var copy = await connection.BeginBinaryImportAsync($"""COPY "ClassesOfRun" ({Columns}) FROM STDIN (FORMAT BINARY)""", ct))
            {
                foreach (var (r, _) in rows)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(r.CustomerId, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(runId, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(r.RevenueFen, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(r.ShipmentCount, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(r.ActiveMonths, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync((object?)r.LastShipment ?? DBNull.Value, NpgsqlDbType.Date, ct);
                    await copy.WriteAsync(Name(r.Abc), NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync((object?)r.AbcSince ?? DBNull.Value, NpgsqlDbType.Date, ct);
                    await copy.WriteAsync(Name(r.Pyramid), NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(Name(r.KeyAccount), NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync((object?)r.RfmR ?? DBNull.Value, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync((object?)r.RfmF ?? DBNull.Value, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync((object?)r.RfmM ?? DBNull.Value, NpgsqlDbType.Integer, ct);
                    await copy.WriteAsync(Name(r.Quadrant), NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(r.Lifecycle.ToString(), NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync((object?)r.PredictedValueFen ?? DBNull.Value, NpgsqlDbType.Bigint, ct);
                }
                await copy.CompleteAsync(ct);
            }
            await using var merge = new NpgsqlCommand($"""
                INSERT INTO "CustomerClassifications" AS t ({Columns})
                SELECT r.* FROM "ClassesOfRun" AS r JOIN "Customers" AS c ON c."Id" = r."CustomerId"
                {UpdateAll}
                """, connection);
            await merge.ExecuteNonQueryAsync(ct);
        }
        if (changes.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync("""
                COPY "ClassChanges" ("RunId", "CustomerId", "Dimension", "From", "To", "Movement", "Reason", "PreviousRevenueFen", "CurrentRevenueFen") FROM STDIN (FORMAT BINARY)
                """, ct);
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
        if (events.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync("""
                COPY "CustomerEvents" ("CustomerId", "At", "Kind", "Title", "Detail", "ActorId", "ActorName") FROM STDIN (FORMAT BINARY)
                """, ct);
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
}
