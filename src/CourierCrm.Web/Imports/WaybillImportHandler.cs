using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Data;
using CourierCrm.Web.Data.Bulk;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Jobs;
using CourierCrm.Web.Shipments;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Imports;

/// <summary>
/// Imports waybills from a mapped file in batches through <see cref="WaybillBulkWriter"/>, upserting
/// by waybill number. Each batch commits with its checkpoint (file row reached, counters, error
/// report length), so a crashed import resumes after its last whole batch and writes no row twice.
/// A number repeated in one file: the later row wins, as a re-import of a corrected row would.
/// The sender is matched to a customer in the importer's scope by customer code, then monthly
/// account, then sender phone; a waybill with no match is kept unmatched, as the push API keeps it.
/// </summary>
public sealed class WaybillImportHandler(
    WaybillBulkWriter writer, IDbContextFactory<CrmDbContext> dbFactory, AuditLog audit, ImportOptions options,
    ImportTranslator texts, EnumLabels labels, TimeProvider clock) : IJobHandler
{
    public JobKind Kind => JobKind.WaybillImport;

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        using var import = new ImportRun(run, options, texts);
        var state = import.Checkpoint ?? new ImportCheckpoint(0, 0, 0, 0, 0, 0, false);
        if (state.Finished) { await import.FinishAsync(state, ct); return; }
        if (!ImportRules.MayImport(run.Owner, JobKind.WaybillImport)) throw new JobFailedException(texts.Text("Job.NotAllowed"));

        var total = import.CountRows();
        await run.ReportProgressAsync(state.Done, total, state.Errors, ct, force: true);
        Dictionary<string, int> outlets;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            outlets = await db.Outlets.ToDictionaryAsync(o => o.Code, o => o.Id, StringComparer.Ordinal, ct);
        var reader = new WaybillRowReader(labels, texts, outlets);
        var numberColumn = import.Parameters.Header[import.Mapping["number"]];

        using var report = import.OpenReport();
        var batch = new List<(int Row, Waybill Waybill)>(options.WaybillBatchSize);
        var rowErrors = new List<RowError>();
        int lastRow = state.Row, rowsInBatch = 0;
        foreach (var row in import.RowsToDo())
        {
            ct.ThrowIfCancellationRequested();
            rowErrors.Clear();
            if (reader.Read(row, rowErrors) is { } waybill) batch.Add((row.Number, waybill));
            else { foreach (var e in rowErrors) report.Add(e); state = state with { Errors = state.Errors + 1 }; }
            lastRow = row.Number;
            rowsInBatch++;
            if (rowsInBatch < options.WaybillBatchSize) continue;
            state = await WriteAsync(run, numberColumn, report, batch, state with { Row = lastRow, Done = state.Done + rowsInBatch }, final: false, ct);
            batch.Clear();
            rowsInBatch = 0;
        }
        state = await WriteAsync(run, numberColumn, report, batch, state with { Row = lastRow, Done = state.Done + rowsInBatch }, final: true, ct);
        await import.FinishAsync(state, ct);
    }

    /// <summary>One batch in one transaction: scope checks and customer matching, the upsert, and the checkpoint (the last one with the audit entry).</summary>
    private async Task<ImportCheckpoint> WriteAsync(JobRun run, string numberColumn, ImportErrorReport report, List<(int Row, Waybill Waybill)> batch, ImportCheckpoint state, bool final, CancellationToken ct)
    {
        var (refused, created, updated) = await MatchAsync(run.Owner, batch, numberColumn, ct);
        foreach (var (row, error) in refused) report.Add(error);
        var errorRows = refused.Select(r => r.Row).Distinct().Count();
        var waybills = batch.Where(b => !refused.Any(r => r.Row == b.Row)).Select(b => b.Waybill).ToList();
        var now = clock.GetUtcNow();
        foreach (var w in waybills) w.UpdatedAt = now;

        ImportCheckpoint next = state;
        await writer.UpsertAsync(waybills, async (db, tx, token) =>
        {
            next = state with { Errors = state.Errors + errorRows, Created = state.Created + created, Updated = state.Updated + updated, Finished = final };
            if (final)
            {
                audit.Add(db, run.Owner, AuditAction.Import, "Waybill", run.Job.Id,
                    $"Waybill import of {run.Job.Title}: {next.Done} rows, {next.Done - next.Errors} saved, {next.Errors} refused");
                await db.SaveChangesAsync(token);
            }
            next = next with { ReportLength = report.Flush() };
            await run.SaveCheckpointAsync(db.Database.GetDbConnection(), tx, JobJson.Serialize(next), next.Done, next.Errors, token);
        }, ct);
        return next;
    }

    /// <summary>
    /// Gives each waybill its customer and refuses rows that would rewrite a waybill outside the importer's
    /// scope. A waybill already matched keeps its customer when its row names none that can be found.
    /// </summary>
    private async Task<(List<(int Row, RowError Error)> Refused, int Created, int Updated)> MatchAsync(Viewer owner, List<(int Row, Waybill Waybill)> batch, string numberColumn, CancellationToken ct)
    {
        var refused = new List<(int, RowError)>();
        if (batch.Count == 0) return (refused, 0, 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var numbers = batch.Select(b => b.Waybill.Number).Distinct().ToList();
        var existing = await db.Waybills.Where(w => EF.Parameter(numbers).Contains(w.Number))
            .Select(w => new { w.Number, w.Id, w.CustomerId }).ToDictionaryAsync(w => w.Number, StringComparer.Ordinal, ct);
        HashSet<long>? visible = null;
        if (existing.Count > 0 && owner.Scope != DataScope.All)
        {
            var ids = existing.Values.Select(w => w.Id).ToList();
            visible = (await db.Waybills.VisibleTo(db, owner).Where(w => EF.Parameter(ids).Contains(w.Id)).Select(w => w.Id).ToListAsync(ct)).ToHashSet();
        }
        var customers = await CustomerMatch.LoadAsync(db, owner, batch.Select(b => b.Waybill).ToList(), ct);
        foreach (var (row, waybill) in batch)
        {
            var known = existing.GetValueOrDefault(waybill.Number);
            if (known is not null && visible is not null && !visible.Contains(known.Id))
            {
                refused.Add((row, new RowError(row, numberColumn, waybill.Number, texts.Text("Row.WaybillOutOfScope"))));
                continue;
            }
            waybill.CustomerId = customers.Find(waybill) ?? known?.CustomerId;
        }
        // A number repeated in the batch is one waybill: counted once, as new or as updated.
        var kept = batch.Where(b => !refused.Any(r => r.Item1 == b.Row)).Select(b => b.Waybill.Number).Distinct(StringComparer.Ordinal).ToList();
        var updated = kept.Count(existing.ContainsKey);
        return (refused, kept.Count - updated, updated);
    }
}
