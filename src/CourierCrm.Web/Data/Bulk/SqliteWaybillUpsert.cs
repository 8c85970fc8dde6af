using CourierCrm.Domain.Shipments;
using Microsoft.Data.Sqlite;

namespace CourierCrm.Web.Data.Bulk;

/// <summary>
/// SQLite's fastest write path: prepared statements re-bound for every row inside the caller's
/// transaction (an insert, and for a number already there an update). Values are bound the way the EF model stores
/// them: instants as UTC ticks, enums by name, booleans as 0/1.
/// </summary>
internal static class SqliteWaybillUpsert
{
    // Insert-or-update as two statements rather than one ON CONFLICT DO UPDATE: with foreign keys
    // on, SQLite opens a statement journal for every execution of an upsert (measured: 4x slower
    // than a plain insert), but none for DO NOTHING or a one-row UPDATE.
    private static readonly string InsertSql =
        $"INSERT INTO \"Waybills\" ({WaybillColumns.List()}) VALUES ({string.Join(", ", WaybillColumns.Names.Select((_, i) => "$p" + i))}) " +
        "ON CONFLICT(\"Number\") DO NOTHING";

    // A row whose values are all the same is left alone: re-importing a file rewrites no index.
    private static readonly string UpdateSql =
        $"UPDATE \"Waybills\" SET {string.Join(", ", WaybillColumns.Names.Skip(1).Select((n, i) => $"{WaybillColumns.Quote(n)} = $p{i + 1}"))} " +
        $"WHERE \"Number\" = $p0 AND NOT ({string.Join(" AND ", WaybillColumns.Names.Skip(1).Select((n, i) => $"{WaybillColumns.Quote(n)} IS $p{i + 1}"))})";

    private static readonly string EventSql =
        $"INSERT INTO \"TrackingEvents\" ({string.Join(", ", WaybillColumns.EventNames.Select(WaybillColumns.Quote))}) VALUES ($w, $at, $place, $description, $status)";

    /// <summary>Statement journals (an UPDATE may need one) in memory rather than in temp files.</summary>
    public static async Task PrepareConnectionAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA temp_store = MEMORY";
        await pragma.ExecuteNonQueryAsync(ct);
    }

    public static async Task<BulkResult> RunAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Waybill> batch, CancellationToken ct)
    {
        await using var insert = NewCommand(connection, transaction, InsertSql, WaybillColumns.Names.Length, i => "$p" + i);
        await using var update = NewCommand(connection, transaction, UpdateSql, WaybillColumns.Names.Length, i => "$p" + i);
        var p = insert.Parameters;
        await using var events = batch.Any(w => w.Events.Count > 0) ? NewEventCommands(connection, transaction) : null;
        var inserted = 0;
        foreach (var w in batch)
        {
            ct.ThrowIfCancellationRequested();
            p[0].Value = w.Number;
            p[1].Value = Nullable(w.CustomerId);
            p[2].Value = Nullable(w.CustomerCode);
            p[3].Value = Nullable(w.MonthlyAccountNo);
            p[4].Value = EnumNames.Of(w.Product);
            p[5].Value = Nullable(w.SenderName);
            p[6].Value = Nullable(w.SenderPhone);
            p[7].Value = Nullable(w.SenderAddress);
            p[8].Value = Nullable(w.ReceiverName);
            p[9].Value = Nullable(w.ReceiverPhone);
            p[10].Value = Nullable(w.ReceiverAddress);
            p[11].Value = Nullable(w.OriginCity);
            p[12].Value = Nullable(w.DestinationCity);
            p[13].Value = w.Pieces;
            p[14].Value = w.WeightGrams;
            p[15].Value = w.FreightFen;
            p[16].Value = w.Insured ? 1L : 0L;
            p[17].Value = Nullable(w.DeclaredValueFen);
            p[18].Value = Nullable(w.InsuranceFeeFen);
            p[19].Value = Nullable(w.CodAmountFen);
            p[20].Value = EnumNames.Of(w.Payer);
            p[21].Value = EnumNames.Of(w.Status);
            p[22].Value = w.OrderedAt.UtcTicks;
            p[23].Value = Ticks(w.PickedUpAt);
            p[24].Value = Ticks(w.PromisedAt);
            p[25].Value = Ticks(w.DeliveredAt);
            p[26].Value = Nullable(w.PickupOutletId);
            p[27].Value = Nullable(w.DeliveryOutletId);
            p[28].Value = w.UpdatedAt.UtcTicks;
            var isNew = await insert.ExecuteNonQueryAsync(ct) == 1;
            if (isNew) inserted++;
            else
            {
                for (var i = 0; i < p.Count; i++)
                    update.Parameters[i].Value = p[i].Value;
                await update.ExecuteNonQueryAsync(ct);
            }
            if (events is not null && w.Events.Count > 0)
            {
                // Only a waybill with events needs its id here: they hang on it.
                await events.ReplaceAsync(w, isNew, ct);
            }
        }
        return new BulkResult(batch.Count, inserted, batch.Count - inserted);
    }

    private static SqliteCommand NewCommand(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters, Func<int, string> name)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
            command.Parameters.Add(new SqliteParameter { ParameterName = name(i) });
        command.Prepare();
        return command;
    }

    private static EventCommands NewEventCommands(SqliteConnection connection, SqliteTransaction transaction)
    {
        var names = new[] { "$w", "$at", "$place", "$description", "$status" };
        return new EventCommands(
            NewCommand(connection, transaction, "SELECT \"Id\" FROM \"Waybills\" WHERE \"Number\" = $n", 1, _ => "$n"),
            NewCommand(connection, transaction, "DELETE FROM \"TrackingEvents\" WHERE \"WaybillId\" = $w", 1, _ => "$w"),
            NewCommand(connection, transaction, EventSql, names.Length, i => names[i]));
    }

    private static object Nullable<T>(T? value) where T : struct => value.HasValue ? value.Value : DBNull.Value;

    private static object Nullable(string? value) => value is null ? DBNull.Value : value;

    private static object Ticks(DateTimeOffset? value) => value.HasValue ? value.Value.UtcTicks : DBNull.Value;

    private sealed class EventCommands(SqliteCommand idOf, SqliteCommand delete, SqliteCommand insert) : IAsyncDisposable
    {
        public async Task ReplaceAsync(Waybill w, bool isNew, CancellationToken ct)
        {
            idOf.Parameters[0].Value = w.Number;
            w.Id = (long)(await idOf.ExecuteScalarAsync(ct))!;
            // A new waybill has no events yet; a known one gets the given list instead of its old one.
            if (!isNew)
            {
                delete.Parameters[0].Value = w.Id;
                await delete.ExecuteNonQueryAsync(ct);
            }
            var p = insert.Parameters;
            foreach (var e in w.Events)
            {
                e.WaybillId = w.Id;
                p[0].Value = w.Id;
                p[1].Value = e.At.UtcTicks;
                p[2].Value = e.Place;
                p[3].Value = e.Description;
                p[4].Value = e.Status is { } status ? EnumNames.Of(status) : DBNull.Value;
                await insert.ExecuteNonQueryAsync(ct);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await idOf.DisposeAsync();
            await delete.DisposeAsync();
            await insert.DisposeAsync();
        }
    }
}

/// <summary>Enum names as the EF model stores them, without a ToString per row.</summary>
internal static class EnumNames
{
    private static readonly string[] Products = Enum.GetNames<Product>();
    private static readonly string[] Payers = Enum.GetNames<Payer>();
    private static readonly string[] Statuses = Enum.GetNames<WaybillStatus>();

    public static string Of(Product value) => Pick(Products, (int)value, value);
    public static string Of(Payer value) => Pick(Payers, (int)value, value);
    public static string Of(WaybillStatus value) => Pick(Statuses, (int)value, value);

    // Enum.GetNames is in value order, and the values are 0…n-1; an undefined value is a caller's bug.
    private static string Pick<T>(string[] names, int index, T value) where T : struct, Enum =>
        (uint)index < (uint)names.Length ? names[index] : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(T).Name}.");
}
