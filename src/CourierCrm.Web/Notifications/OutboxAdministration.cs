using CourierCrm.Domain.Notifications;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Notifications;

public sealed record OutboxMessageView(
    long Id, MessageChannel Channel, string Recipient, string? Subject, string Body, string Culture, string Topic,
    OutboxStatus Status, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, int Attempts, DateTimeOffset? SentAt, string? LastError);

/// <summary>
/// The outbox for administrators (/admin/outbox, GET /api/v1/outbox): every message with its status, attempts
/// and last error, newest first; a parked message can be tried again at once with a fresh retry schedule.
/// </summary>
public sealed class OutboxAdministration(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock)
{
    public async Task<PagedResult<OutboxMessageView>> ListAsync(OutboxStatus? status, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size) = (PageLimits.Number(page), PageLimits.Size(pageSize));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var messages = db.OutboxMessages.AsNoTracking();
        if (status is { } s) messages = messages.Where(m => m.Status == s);
        var total = await messages.CountAsync(ct);
        var items = await messages.OrderByDescending(m => m.Id).Skip((number - 1) * size).Take(size)
            .Select(m => new OutboxMessageView(m.Id, m.Channel, m.Recipient, m.Subject, m.Body, m.Culture, m.Topic,
                m.Status, m.CreatedAt, m.NextAttemptAt, m.Attempts, m.SentAt, m.LastError))
            .ToListAsync(ct);
        return new(items, total, number, size);
    }

    /// <summary>Puts a parked message back in the queue, due now, with its attempts counted afresh; 409 for any other status.</summary>
    public async Task<CommandResult<bool>> RetryNowAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var status = await db.OutboxMessages.Where(m => m.Id == id).Select(m => (OutboxStatus?)m.Status).SingleOrDefaultAsync(ct);
        if (status is null) return CommandResult<bool>.NotFound();
        var moved = await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Parked)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.Attempts, 0), ct);
        return moved == 1 ? CommandResult<bool>.Ok(true)
            : CommandResult<bool>.Conflict("status", $"Only a parked message can be retried; this one is {status}.");
    }
}
