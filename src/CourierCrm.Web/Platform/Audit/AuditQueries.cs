using CourierCrm.Domain.Audit;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Platform.Audit;

public sealed class AuditFilter
{
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset? To { get; set; }
    public AuditAction? Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    /// <summary>Actor name or summary substring.</summary>
    public string? Search { get; set; }
    public int? ActorId { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
}

/// <summary>Searches the audit log for the administrators' page, newest first.</summary>
public sealed class AuditQueries(IDbContextFactory<CrmDbContext> dbFactory)
{
    public async Task<PagedResult<AuditEntry>> SearchAsync(AuditFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.AuditEntries.AsNoTracking();
        if (filter.From is { } from) q = q.Where(e => e.At >= from);
        if (filter.To is { } to) q = q.Where(e => e.At < to);
        if (filter.Action is { } action) q = q.Where(e => e.Action == action);
        if (!string.IsNullOrWhiteSpace(filter.EntityType)) q = q.Where(e => e.EntityType == filter.EntityType);
        if (!string.IsNullOrWhiteSpace(filter.EntityId)) q = q.Where(e => e.EntityId == filter.EntityId.Trim());
        if (filter.ActorId is int actor) q = q.Where(e => e.ActorId == actor);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var s = filter.Search.Trim();
            q = q.Where(e => e.ActorName.Contains(s) || (e.Summary != null && e.Summary.Contains(s)));
        }
        var size = PageLimits.Size(filter.PageSize);
        var page = PageLimits.Number(filter.Page);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PagedResult<AuditEntry>(items, total, page, size);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }
}
