using System.Data.Common;
using CourierCrm.Domain.Shipments;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CourierCrm.Web.Data.Bulk;

/// <summary>
/// Writes waybills in bulk, idempotent by waybill number: a new number is inserted, a known one
/// has every column replaced. One batch is one transaction, so a batch is saved whole or not at
/// all. Imports, the push API and the demo seed all come through here; EF's change tracker is
/// far too slow for a million rows (DESIGN.md "Scale"), so each provider gets its fastest path:
/// prepared statements re-bound per row on SQLite, binary COPY into a staging table on PostgreSQL.
/// A waybill with <see cref="Waybill.Events"/> has its tracking events replaced by those given;
/// one without keeps the events it has.
/// </summary>
public sealed class WaybillBulkWriter(IDbContextFactory<CrmDbContext> dbFactory)
{
    /// <summary>Rows per transaction for <see cref="UpsertAllAsync"/>: large enough to amortise the commit, small enough to stay in memory.</summary>
    public const int DefaultBatchSize = 10_000;

    public Task<BulkResult> UpsertAsync(IReadOnlyList<Waybill> batch, CancellationToken ct) =>
        UpsertAsync(batch, beforeCommit: null, ct);

    /// <summary>
    /// Upserts one batch in one transaction. <paramref name="beforeCommit"/> runs inside that
    /// transaction after the rows are written, so an import can record its checkpoint together
    /// with the rows it covers: EF SaveChanges on the given context joins the transaction, and a
    /// raw command joins it by taking the given <see cref="DbTransaction"/>. If it throws, nothing
    /// of the batch is kept. A waybill given with events has its <see cref="Waybill.Id"/> set to its row's id.
    /// </summary>
    public async Task<BulkResult> UpsertAsync(IReadOnlyList<Waybill> batch, Func<CrmDbContext, DbTransaction, CancellationToken, Task>? beforeCommit, CancellationToken ct)
    {
        if (batch.Count == 0 && beforeCommit is null) return default;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        if (db.IsSqlite)
            await SqliteWaybillUpsert.PrepareConnectionAsync((SqliteConnection)db.Database.GetDbConnection(), ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var dbTransaction = transaction.GetDbTransaction();
        var result = batch.Count == 0 ? default
            : db.IsSqlite
                ? await SqliteWaybillUpsert.RunAsync((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)dbTransaction, batch, ct)
                : await PostgresWaybillUpsert.RunAsync((NpgsqlConnection)db.Database.GetDbConnection(), batch, ct);
        if (beforeCommit is not null)
            await beforeCommit(db, dbTransaction, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// Streams any number of waybills through <see cref="UpsertAsync(IReadOnlyList{Waybill}, CancellationToken)"/>
    /// in batches, holding one batch in memory at a time. Each batch commits on its own.
    /// </summary>
    public async Task<BulkResult> UpsertAllAsync(IEnumerable<Waybill> waybills, CancellationToken ct, int batchSize = DefaultBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var total = default(BulkResult);
        var batch = new List<Waybill>(batchSize);
        foreach (var waybill in waybills)
        {
            batch.Add(waybill);
            if (batch.Count < batchSize) continue;
            total += await UpsertAsync(batch, ct);
            batch.Clear();
        }
        if (batch.Count > 0)
            total += await UpsertAsync(batch, ct);
        return total;
    }
}
