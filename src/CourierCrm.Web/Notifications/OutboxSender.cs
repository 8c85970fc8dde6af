using CourierCrm.Domain.Notifications;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Notifications;

/// <summary>
/// Sends the outbox (issue 5 item 5: "retried, never lost"). Each message is claimed with one conditional
/// UPDATE that moves its next-attempt time past the claim period, so of two nodes only one gets it; then it
/// is sent and marked Sent, or on failure its attempts, last error and next attempt (<see cref="RetrySchedule"/>)
/// are written, and after the last attempt it is Parked for an administrator. Messages are never deleted.
/// A node that dies after sending and before marking lets the claim run out and the message goes again:
/// a customer may get a message twice, never not at all.
/// </summary>
public sealed class OutboxSender(
    IDbContextFactory<CrmDbContext> dbFactory, IEmailSender email, ISmsGateway sms, NotificationOptions options,
    TimeProvider clock, ILogger<OutboxSender> logger)
{
    private readonly RetrySchedule _retry = options.Retry();

    /// <summary>Sends every message due now, a batch at a time; answers how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var sent = 0;
        // Bounded, so one run cannot go on for ever while messages keep arriving; the next run continues.
        for (var round = 0; round < 50; round++)
        {
            var batch = await ClaimBatchAsync(ct);
            if (batch.Count == 0) break;
            foreach (var message in batch)
                if (await SendAsync(message, ct)) sent++;
        }
        return sent;
    }

    private async Task<List<OutboxMessage>> ClaimBatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(options.BatchSize).ToListAsync(ct);
        var claimedUntil = now + options.ClaimFor;
        var claimed = new List<long>();
        foreach (var id in due)
        {
            var taken = await db.OutboxMessages
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, claimedUntil), ct);
            if (taken == 1) claimed.Add(id);
        }
        return claimed.Count == 0 ? [] : await db.OutboxMessages.AsNoTracking().Where(m => claimed.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(ct);
    }

    private async Task<bool> SendAsync(OutboxMessage message, CancellationToken ct)
    {
        string? error = null;
        try
        {
            if (message.Channel == MessageChannel.Email)
                await email.SendAsync(new EmailMessage(message.Recipient, message.Subject ?? "", message.Body), ct);
            else
                await sms.SendAsync(message.Recipient, message.Body, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = Describe(e);
            logger.LogWarning("Outbox message {Id} ({Channel} to {Topic}) failed, attempt {Attempt}: {Error}",
                message.Id, message.Channel, message.Topic, message.Attempts + 1, error);
        }

        var now = clock.GetUtcNow();
        var attempts = message.Attempts + 1;
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var row = db.OutboxMessages.Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending);
        // Marking must happen even when the job is being stopped: the message has gone out.
        if (error is null)
        {
            await row.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            return true;
        }
        var next = _retry.NextAttempt(attempts, now);
        await row.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, next is null ? OutboxStatus.Parked : OutboxStatus.Pending)
            .SetProperty(m => m.NextAttemptAt, next ?? now)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, error), CancellationToken.None);
        if (next is null) logger.LogError("Outbox message {Id} parked after {Attempts} attempts: {Error}", message.Id, attempts, error);
        return false;
    }

    private static string Describe(Exception e)
    {
        var text = e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
        return text.Length > Data.FieldLimits.Text ? text[..Data.FieldLimits.Text] : text;
    }
}
