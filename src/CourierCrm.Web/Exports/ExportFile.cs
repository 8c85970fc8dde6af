using CourierCrm.Domain.Audit;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Jobs;
using CourierCrm.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Exports;

/// <summary>What differs between exports: the rows, their columns and cells, and what the audit entry names.</summary>
/// <param name="Entity">Audit entity type: "Customer" or "Waybill".</param>
/// <param name="Noun">Plural for the audit summary: "customers", "waybills".</param>
/// <param name="FilePrefix">Start of the file name: "customers" → customers-20261123-0930.xlsx.</param>
/// <param name="Filter">The filter as the audit entry shows it.</param>
public sealed record ExportPlan<T>(
    string Entity,
    string Noun,
    string FilePrefix,
    string SheetName,
    string Filter,
    IReadOnlyList<ExportColumn> Columns,
    Func<CancellationToken, Task<long>> Count,
    Func<CancellationToken, IAsyncEnumerable<IReadOnlyList<T>>> Batches,
    Func<T, object?[]> Cells);

/// <summary>
/// The steps every export job takes: check the right again (it may have been taken away since the job
/// was queued), count for the progress bar, refuse Excel past its row limit before writing anything,
/// stream the batches into a ".part" file, rename it when complete (so a half-written file is never
/// offered), leave one audit entry, offer the file. A resumed run (after a crash) simply starts the
/// file again: an export changes nothing, so there is nothing to checkpoint.
/// </summary>
public sealed class ExportFile(AuditLog audit, TimeProvider clock, IStringLocalizer<ExportTexts> texts)
{
    public async Task RunAsync<T>(JobRun run, ExportFormat format, ExportPlan<T> plan, CancellationToken ct)
    {
        if (!run.Owner.CanExport) throw new JobFailedException(texts["Err.NoRight"]);
        var limit = TableWriter.MaxRows(format);
        var total = await plan.Count(ct);
        if (total > limit) throw new JobFailedException(texts["Err.TooManyForExcel", total, limit]);
        await run.ReportProgressAsync(0, total, 0, ct, force: true);

        var fileName = $"{plan.FilePrefix}-{CompanyTime.Local(clock.GetUtcNow()):yyyyMMdd-HHmm}{TableWriter.Extension(format)}";
        var partial = run.PathOf(fileName + ".part");
        long written;
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            using (var writer = TableWriter.Open(format, file, plan.SheetName, plan.Columns))
            {
                await foreach (var batch in plan.Batches(ct).WithCancellation(ct))
                {
                    // Rows added since the count can still push an Excel file over its limit.
                    if (writer.Rows + batch.Count > limit) throw new JobFailedException(texts["Err.TooManyForExcel", writer.Rows + batch.Count, limit]);
                    foreach (var item in batch) writer.WriteRow(plan.Cells(item));
                    await run.ReportProgressAsync(writer.Rows, Math.Max(total, writer.Rows), 0, ct);
                }
                writer.Complete();
                written = writer.Rows;
            }
            File.Move(partial, run.PathOf(fileName), overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        await run.ReportProgressAsync(written, written, 0, ct, force: true);
        await audit.WriteAsync(run.Owner, AuditAction.Export, plan.Entity, null,
            $"{(format == ExportFormat.Xlsx ? "Excel" : "CSV")} export of {written} {plan.Noun} (job {run.Job.Id}); filter: {plan.Filter}", ct);
        await run.SetResultFileAsync(fileName, ct);
        await run.SetMessageAsync(texts["Job.Done", written], ct);
    }
}
