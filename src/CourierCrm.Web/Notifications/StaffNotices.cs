using CourierCrm.Domain.Notifications;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Notifications;

public sealed record StaffNoticeView(long Id, DateTimeOffset At, string Title, string? Body, string? Link, DateTimeOffset? ReadAt);

/// <summary>The bell's counts: unread notices and the latest few.</summary>
public sealed record BellView(int Unread, IReadOnlyList<StaffNoticeView> Latest);

/// <summary>
/// A person's own staff notices (the bell and /notifications): only ever the signed-in user's, by their id,
/// so nobody reads or marks another's. Every query runs on the (UserId, ReadAt, At) index.
/// </summary>
public sealed class StaffNotices(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock)
{
    public const int BellSize = 10;

    public async Task<PagedResult<StaffNoticeView>> ListAsync(int userId, bool? unread, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size) = (PageLimits.Number(page), PageLimits.Size(pageSize));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = Mine(db, userId, unread);
        var total = await mine.CountAsync(ct);
        var items = await mine.OrderByDescending(n => n.At).ThenByDescending(n => n.Id)
            .Skip((number - 1) * size).Take(size).Select(View).ToListAsync(ct);
        return new(items, total, number, size);
    }

    public async Task<BellView> BellAsync(int userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unread = await Mine(db, userId, unread: true).CountAsync(ct);
        var latest = await Mine(db, userId, null).OrderByDescending(n => n.At).ThenByDescending(n => n.Id).Take(BellSize).Select(View).ToListAsync(ct);
        return new(unread, latest);
    }

    /// <summary>Marks one of the user's notices read; another person's notice is "not found".</summary>
    public async Task<CommandResult<bool>> MarkReadAsync(int userId, long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.StaffNotifications.AnyAsync(n => n.Id == id && n.UserId == userId, ct)) return CommandResult<bool>.NotFound();
        await db.StaffNotifications.Where(n => n.Id == id && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return CommandResult<bool>.Ok(true);
    }

    /// <summary>Marks all the user's unread notices read; answers how many.</summary>
    public async Task<int> MarkAllReadAsync(int userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StaffNotifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    private static IQueryable<StaffNotification> Mine(CrmDbContext db, int userId, bool? unread)
    {
        var mine = db.StaffNotifications.AsNoTracking().Where(n => n.UserId == userId);
        return unread switch
        {
            true => mine.Where(n => n.ReadAt == null),
            false => mine.Where(n => n.ReadAt != null),
            null => mine,
        };
    }

    private static readonly System.Linq.Expressions.Expression<Func<StaffNotification, StaffNoticeView>> View =
        n => new StaffNoticeView(n.Id, n.At, n.Title, n.Body, n.Link, n.ReadAt);
}
