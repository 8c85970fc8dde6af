using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CourierCrm.Web.Imports;

/// <summary>
/// Imports customers from a mapped file, upserting by customer code: a new code is a new archive, a
/// known one is updated — but only when the importer may see it; a code outside their scope is a
/// row error. Each batch is one EF unit of work in one transaction with its checkpoint (EF is fast
/// enough for archives, which arrive in thousands, not millions). Owner and outlet apply to new
/// customers only: changing who owns a customer is a transfer. One audit entry sums up the import.
/// </summary>
public sealed class CustomerImportHandler(
    IDbContextFactory<CrmDbContext> dbFactory, AuditLog audit, ImportOptions options, ImportTranslator texts,
    EnumLabels labels, TimeProvider clock) : IJobHandler
{
    public JobKind Kind => JobKind.CustomerImport;

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        using var import = new ImportRun(run, options, texts);
        var state = import.Checkpoint ?? new ImportCheckpoint(0, 0, 0, 0, 0, 0, false);
        if (state.Finished) { await import.FinishAsync(state, ct); return; }
        if (!ImportRules.MayImport(run.Owner, JobKind.CustomerImport)) throw new JobFailedException(texts.Text("Job.NotAllowed"));

        await run.ReportProgressAsync(state.Done, import.CountRows(), state.Errors, ct, force: true);
        var reader = new CustomerRowReader(labels, texts);
        using var report = import.OpenReport();
        var batch = new List<CustomerRow>();
        var rowErrors = new List<RowError>();
        int lastRow = state.Row, rowsInBatch = 0;
        foreach (var row in import.RowsToDo())
        {
            ct.ThrowIfCancellationRequested();
            rowErrors.Clear();
            if (reader.Parse(row, rowErrors) is { } parsed) batch.Add(parsed);
            else { foreach (var e in rowErrors) report.Add(e); state = state with { Errors = state.Errors + 1 }; }
            lastRow = row.Number;
            rowsInBatch++;
            if (rowsInBatch < options.CustomerBatchSize) continue;
            state = await WriteAsync(run, reader, report, batch, state with { Row = lastRow, Done = state.Done + rowsInBatch }, final: false, ct);
            batch.Clear();
            rowsInBatch = 0;
        }
        state = await WriteAsync(run, reader, report, batch, state with { Row = lastRow, Done = state.Done + rowsInBatch }, final: true, ct);
        await import.FinishAsync(state, ct);
    }

    private async Task<ImportCheckpoint> WriteAsync(JobRun run, CustomerRowReader reader, ImportErrorReport report, List<CustomerRow> batch,
        ImportCheckpoint state, bool final, CancellationToken ct)
    {
        var owner = run.Owner;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var codes = batch.Select(r => r.Code).Distinct().ToList();
        var existing = await db.Customers.Where(c => codes.Contains(c.Code))
            .Include(c => c.Contacts).Include(c => c.Addresses).Include(c => c.Tags).AsSplitQuery()
            .ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        var visible = (await db.Customers.VisibleTo(owner).Where(c => codes.Contains(c.Code)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var places = await Placement.LoadAsync(db, batch, ct);

        var created = new List<Customer>();
        var updated = new HashSet<Customer>();
        var errorRows = 0;
        var rowErrors = new List<RowError>();
        foreach (var row in batch)
        {
            rowErrors.Clear();
            existing.TryGetValue(row.Code, out var customer);
            if (customer is not null && customer.Id != 0 && !visible.Contains(customer.Id))
                rowErrors.Add(row.Row.Error("code", texts.Text("Row.CustomerOutOfScope")));
            var isNew = customer is null;
            Placement.Place? place = null;
            if (rowErrors.Count == 0 && isNew)
            {
                place = places.For(row, owner, texts, rowErrors);
                if (place is not null && !DataScopeRule.CanSee(owner, new Customer { Code = row.Code, Name = "", OutletId = place.OutletId, RegionId = place.RegionId, OwnerId = place.OwnerId }))
                    rowErrors.Add(row.Row.Error(row.Row.Has("outletCode") ? "outletCode" : "ownerLogin", texts.Text("Row.PlacedOutOfScope")));
            }
            var input = customer is null ? new CustomerInput() : CustomerMapping.ToInput(customer);
            if (rowErrors.Count == 0) reader.Apply(row, input, today, rowErrors);
            if (rowErrors.Count > 0)
            {
                foreach (var e in rowErrors) report.Add(e);
                errorRows++;
                continue;
            }
            if (customer is null)
            {
                customer = new Customer
                {
                    Code = row.Code, Name = input.Name, OutletId = place!.OutletId, RegionId = place.RegionId, OwnerId = place.OwnerId,
                    CreatedAt = now, UpdatedAt = now,
                };
                db.Customers.Add(customer);
                existing[row.Code] = customer; // a code repeated later in the batch updates this one: the later row wins
                created.Add(customer);
            }
            else if (!created.Contains(customer))
            {
                updated.Add(customer);
            }
            CustomerMapping.Apply(input, customer);
            customer.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);

        foreach (var c in created) AddEvent(db, c.Id, owner, now, "imported", "导入建档 / Created by import", run.Job.Title);
        foreach (var c in updated) AddEvent(db, c.Id, owner, now, "updated", "导入更新 / Updated by import", run.Job.Title);
        var next = state with
        {
            Errors = state.Errors + errorRows, Created = state.Created + created.Count, Updated = state.Updated + updated.Count, Finished = final,
        };
        if (final)
            audit.Add(db, owner, AuditAction.Import, "Customer", run.Job.Id,
                $"Customer import of {run.Job.Title}: {next.Done} rows, {next.Created} created, {next.Updated} updated, {next.Errors} refused");
        await db.SaveChangesAsync(ct);
        next = next with { ReportLength = report.Flush() };
        await run.SaveCheckpointAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), JobJson.Serialize(next), next.Done, next.Errors, ct);
        await tx.CommitAsync(ct);
        return next;
    }

    private static void AddEvent(CrmDbContext db, int customerId, Viewer viewer, DateTimeOffset at, string kind, string title, string detail) =>
        db.CustomerEvents.Add(new CustomerEvent
        {
            CustomerId = customerId, At = at, Kind = kind, Title = title, Detail = detail, ActorId = viewer.UserId, ActorName = viewer.Name,
        });
}
