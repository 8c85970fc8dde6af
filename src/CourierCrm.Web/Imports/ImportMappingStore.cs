using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Imports;

/// <summary>The saved column mappings (table ImportMappings): listed for the mapping step, saved from it by name.</summary>
public sealed class ImportMappingStore(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock, ILogger<ImportMappingStore> logger)
{
    public async Task<IReadOnlyList<ImportMapping>> ListAsync(JobKind kind, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ImportMappings.AsNoTracking().Where(m => m.Kind == kind).OrderBy(m => m.Name).ToListAsync(ct);
    }

    /// <summary>Saves the mapping under its name, replacing one saved before under the same name.</summary>
    public async Task SaveAsync(JobKind kind, string name, string[] header, IReadOnlyDictionary<string, int> mapping, int? userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.ImportMappings.SingleOrDefaultAsync(m => m.Kind == kind && m.Name == name, ct);
        if (row is null)
        {
            row = new ImportMapping { Kind = kind, Name = name, HeaderSignature = "", ColumnsJson = "" };
            db.Add(row);
        }
        row.HeaderSignature = ColumnMapping.Signature(header);
        row.ColumnsJson = JobJson.Serialize(ColumnMapping.ToSaved(mapping, header));
        row.CreatedByUserId = userId;
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same name a moment ago; theirs stands, and this import goes on.
            logger.LogInformation("Mapping {Name} was saved concurrently; keeping the other one.", name);
        }
    }

    public static Dictionary<string, string> Columns(ImportMapping m) => JobJson.Deserialize<Dictionary<string, string>>(m.ColumnsJson);
}
