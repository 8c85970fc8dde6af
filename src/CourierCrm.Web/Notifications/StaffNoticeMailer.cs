using CourierCrm.Domain.Notifications;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Notifications;

/// <summary>
/// Queues an e-mail for every staff notice not handled yet (EmailQueued false) to its user, if the user has
/// an address, through the outbox (topic "staff", DedupKey "staff:{notice id}"), and marks the notice handled.
/// The mark is a conditional UPDATE in the same transaction as the outbox row, so two nodes never queue one
/// notice twice. Nobody else e-mails staff.
/// </summary>
public sealed class StaffNoticeMailer(IDbContextFactory<CrmDbContext> dbFactory, NotificationTemplates templates, NotificationOptions options, TimeProvider clock)
{
    /// <summary>Queues e-mails for the waiting notices; answers how many were queued.</summary>
    public async Task<int> QueueAsync(CancellationToken ct)
    {
        var queued = 0;
        for (var round = 0; round < 50; round++)
        {
            var (found, added) = await QueueBatchAsync(ct);
            queued += added;
            if (found == 0) break;
        }
        return queued;
    }

    private async Task<(int Found, int Queued)> QueueBatchAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = await (
                from n in db.StaffNotifications
                where !n.EmailQueued
                join u in db.Users on n.UserId equals u.Id
                orderby n.Id
                select new { n.Id, n.Title, n.Body, n.Link, u.DisplayName, u.Email, u.IsActive, u.PreferredCulture })
            .Take(options.BatchSize * 5).ToListAsync(ct);
        if (waiting.Count == 0) return (0, 0);

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var notice in waiting)
        {
            var mine = await db.StaffNotifications.Where(n => n.Id == notice.Id && !n.EmailQueued)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailQueued, true), ct);
            if (mine == 0) continue; // another node took it
            if (!notice.IsActive || string.IsNullOrWhiteSpace(notice.Email)) continue;
            var culture = NotificationTemplates.CultureOf(notice.PreferredCulture);
            var message = templates.Fill(MessageKind.StaffNotice, culture, MessageChannel.Email, new Dictionary<string, string>
            {
                ["name"] = notice.DisplayName, ["title"] = notice.Title, ["body"] = notice.Body ?? "",
                ["link"] = notice.Link is null ? "" : (options.BaseUrl?.TrimEnd('/') ?? "") + notice.Link,
            });
            db.OutboxMessages.Add(new OutboxMessage
            {
                Channel = MessageChannel.Email, Recipient = notice.Email.Trim(), Subject = Shortened(message.Subject!, Data.FieldLimits.Name),
                Body = message.Body, Culture = culture, Topic = "staff", DedupKey = $"staff:{notice.Id}",
                Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (waiting.Count, db.ChangeTracker.Entries<OutboxMessage>().Count());
    }

    private static string Shortened(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
