using System.Security.Claims;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Platform.Jobs;

/// <summary>Jobs a person may see: their own; administrators see every job.</summary>
public sealed class JobQueries(IDbContextFactory<CrmDbContext> dbFactory)
{
    public const int MaxTake = 200;

    public async Task<BackgroundJob?> FindAsync(Guid id, ClaimsPrincipal viewer, CancellationToken ct)
    {
        var owner = JobOwner.From(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.BackgroundJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);
        return job is not null && owner.MaySee(job.OwnerKey) ? job : null;
    }

    public async Task<IReadOnlyList<JobView>> ListAsync(ClaimsPrincipal viewer, JobKind[]? kinds, int take, CancellationToken ct)
    {
        var owner = JobOwner.From(viewer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.BackgroundJobs.AsNoTracking();
        if (!owner.Viewer.IsAdministrator) query = query.Where(j => j.OwnerKey == owner.Key);
        if (kinds is { Length: > 0 }) query = query.Where(j => kinds.Contains(j.Kind));
        var rows = await query.OrderByDescending(j => j.CreatedAt).Take(Math.Clamp(take, 1, MaxTake)).ToListAsync(ct);
        return rows.Select(JobView.From).ToList();
    }
}
