using CourierCrm.Domain.Shipments;
using Npgsql;
using NpgsqlTypes;

namespace CourierCrm.Web.Data.Bulk;

/// <summary>
/// PostgreSQL's fastest write path: binary COPY into a temporary staging table (no WAL, no
/// indexes), then one INSERT … SELECT … ON CONFLICT DO UPDATE that merges it into "Waybills".
/// Runs inside the caller's transaction; the staging table goes with its commit.
/// </summary>
internal static class PostgresWaybillUpsert
{
    private const string Stage = "waybill_stage";

    private static readonly string CreateStage =
        $"CREATE TEMP TABLE IF NOT EXISTS {Stage} ON COMMIT DROP AS SELECT {WaybillColumns.List()} FROM \"Waybills\" WITH NO DATA";

    private static readonly string Copy = $"COPY {Stage} ({WaybillColumns.List()}) FROM STDIN (FORMAT BINARY)";

    // xmax = 0 only on a row version this statement created, which tells inserts from updates.
    private static readonly string Merge =
        $"INSERT INTO \"Waybills\" ({WaybillColumns.List()}) SELECT {WaybillColumns.List()} FROM {Stage} " +
        $"ON CONFLICT (\"Number\") DO UPDATE SET {WaybillColumns.UpdateSet()} ";

    public static async Task<BulkResult> RunAsync(NpgsqlConnection connection, IReadOnlyList<Waybill> batch, CancellationToken ct)
    {
        // ON CONFLICT cannot touch one row twice in a statement: the last of repeated numbers wins,
        // as it would row by row.
        var rows = LastPerNumber(batch);
        await using (var create = new NpgsqlCommand(CreateStage, connection))
            await create.ExecuteNonQueryAsync(ct);
        await using (var importer = await connection.BeginBinaryImportAsync(Copy, ct))
        {
            foreach (var w in rows)
                await WriteRowAsync(importer, w, ct);
            await importer.CompleteAsync(ct);
        }

        // The ids come back in no particular order: map them by number.
        var ids = new Dictionary<string, (long Id, bool IsNew)>(rows.Count, StringComparer.Ordinal);
        await using (var merge = new NpgsqlCommand(Merge + "RETURNING \"Number\", \"Id\", (xmax = 0)", connection))
        await using (var reader = await merge.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                ids[reader.GetString(0)] = (reader.GetInt64(1), reader.GetBoolean(2));
        foreach (var w in batch)
            w.Id = ids[w.Number].Id;
        if (rows.Any(w => w.Events.Count > 0))
            await ReplaceEventsAsync(connection, rows, ids, ct);
        var inserted = ids.Values.Count(v => v.IsNew);
        return new BulkResult(batch.Count, inserted, batch.Count - inserted);
    }

    private static IReadOnlyList<Waybill> LastPerNumber(IReadOnlyList<Waybill> batch)
    {
        var seen = new HashSet<string>(batch.Count, StringComparer.Ordinal);
        var repeated = false;
        foreach (var w in batch)
            repeated |= !seen.Add(w.Number);
        if (!repeated) return batch;
        var last = new Dictionary<string, Waybill>(batch.Count, StringComparer.Ordinal);
        foreach (var w in batch)
            last[w.Number] = w;
        return [.. last.Values];
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter importer, Waybill w, CancellationToken ct)
    {
        await importer.StartRowAsync(ct);
        await importer.WriteAsync(w.Number, NpgsqlDbType.Varchar, ct);
        await WriteAsync(importer, w.CustomerId, NpgsqlDbType.Integer, ct);
        await WriteAsync(importer, w.CustomerCode, ct);
        await WriteAsync(importer, w.MonthlyAccountNo, ct);
        await importer.WriteAsync(EnumNames.Of(w.Product), NpgsqlDbType.Varchar, ct);
        await WriteAsync(importer, w.SenderName, ct);
        await WriteAsync(importer, w.SenderPhone, ct);
        await WriteAsync(importer, w.SenderAddress, ct);
        await WriteAsync(importer, w.ReceiverName, ct);
        await WriteAsync(importer, w.ReceiverPhone, ct);
        await WriteAsync(importer, w.ReceiverAddress, ct);
        await WriteAsync(importer, w.OriginCity, ct);
        await WriteAsync(importer, w.DestinationCity, ct);
        await importer.WriteAsync(w.Pieces, NpgsqlDbType.Integer, ct);
        await importer.WriteAsync(w.WeightGrams, NpgsqlDbType.Bigint, ct);
        await importer.WriteAsync(w.FreightFen, NpgsqlDbType.Bigint, ct);
        await importer.WriteAsync(w.Insured, NpgsqlDbType.Boolean, ct);
        await WriteAsync(importer, w.DeclaredValueFen, NpgsqlDbType.Bigint, ct);
        await WriteAsync(importer, w.InsuranceFeeFen, NpgsqlDbType.Bigint, ct);
        await WriteAsync(importer, w.CodAmountFen, NpgsqlDbType.Bigint, ct);
        await importer.WriteAsync(EnumNames.Of(w.Payer), NpgsqlDbType.Varchar, ct);
        await importer.WriteAsync(EnumNames.Of(w.Status), NpgsqlDbType.Varchar, ct);
        await importer.WriteAsync(w.OrderedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
        await WriteAsync(importer, w.PickedUpAt, ct);
        await WriteAsync(importer, w.PromisedAt, ct);
        await WriteAsync(importer, w.DeliveredAt, ct);
        await WriteAsync(importer, w.PickupOutletId, NpgsqlDbType.Integer, ct);
        await WriteAsync(importer, w.DeliveryOutletId, NpgsqlDbType.Integer, ct);
        await importer.WriteAsync(w.UpdatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken ct) =>
        value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(value, NpgsqlDbType.Varchar, ct);

    private static Task WriteAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value.HasValue ? importer.WriteAsync(value.Value, type, ct) : importer.WriteNullAsync(ct);

    // Npgsql accepts only UTC offsets for timestamptz.
    private static Task WriteAsync(NpgsqlBinaryImporter importer, DateTimeOffset? value, CancellationToken ct) =>
        value.HasValue ? importer.WriteAsync(value.Value.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct) : importer.WriteNullAsync(ct);

    private static async Task ReplaceEventsAsync(NpgsqlConnection connection, IReadOnlyList<Waybill> rows, Dictionary<string, (long Id, bool IsNew)> ids, CancellationToken ct)
    {
        var replaced = rows.Where(w => w.Events.Count > 0 && !ids[w.Number].IsNew).Select(w => ids[w.Number].Id).ToArray();
        if (replaced.Length > 0)
        {
            await using var delete = new NpgsqlCommand("DELETE FROM \"TrackingEvents\" WHERE \"WaybillId\" = ANY($1)", connection);
            delete.Parameters.Add(new NpgsqlParameter { Value = replaced, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            await delete.ExecuteNonQueryAsync(ct);
        }
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"TrackingEvents\" ({string.Join(", ", WaybillColumns.EventNames.Select(WaybillColumns.Quote))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var w in rows)
        {
            var id = ids[w.Number].Id;
            foreach (var e in w.Events)
            {
                e.WaybillId = id;
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(id, NpgsqlDbType.Bigint, ct);
                await importer.WriteAsync(e.At.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                await importer.WriteAsync(e.Place, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(e.Description, NpgsqlDbType.Varchar, ct);
                if (e.Status is { } status) await importer.WriteAsync(EnumNames.Of(status), NpgsqlDbType.Varchar, ct);
                else await importer.WriteNullAsync(ct);
            }
        }
        await importer.CompleteAsync(ct);
    }
}
