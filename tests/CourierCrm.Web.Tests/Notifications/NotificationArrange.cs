using CourierCrm.Domain.Notifications;
using CourierCrm.Web.Complaints;
using CourierCrm.Web.Data;
using CourierCrm.Web.Notifications;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CourierCrm.Web.Tests.Notifications;

/// <summary>A clock a test moves by hand: the retry schedule and the service-level clocks run on it.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    /// <summary>A moment decades ahead: messages due then are never taken by the host's own sender running on the real clock.</summary>
    public static MovableClock FarAhead(int year) => new(new DateTimeOffset(year, 3, 2, 2, 0, 0, TimeSpan.Zero));
}

/// <summary>An e-mail sender that only counts what it was given (thread-safe), for the parallel senders.</summary>
public sealed class CountingEmailSender(TimeSpan delay) : IEmailSender
{
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _sent = [];

    public IReadOnlyCollection<string> Sent => _sent;

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        await Task.Delay(delay, ct);
        _sent.Add(message.To);
    }
}

internal static class NotificationArrange
{
    public static OutboxSender SenderOn(CrmWebFactory factory, TimeProvider clock, IEmailSender email, ISmsGateway? sms = null, NotificationOptions? options = null) =>
        new(factory.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>(), email,
            sms ?? new FileSmsGateway(Path.Combine(Path.GetTempPath(), "ccrm-sms-" + Guid.NewGuid().ToString("N") + ".log"), clock, NullLogger<FileSmsGateway>.Instance),
            options ?? new NotificationOptions(), clock, NullLogger<OutboxSender>.Instance);

    public static SmtpEmailSender Smtp(int port) => new(new SmtpSettings { Host = "127.0.0.1", Port = port, From = "crm@xunda.example.cn", TimeoutSeconds = 5 });

    public static ComplaintEscalations EscalationsOn(CrmWebFactory factory, TimeProvider clock) =>
        new(factory.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>(), factory.Services.GetRequiredService<ComplaintClocks>(),
            clock, NullLogger<ComplaintEscalations>.Instance);

    public static StaffNoticeMailer MailerOn(CrmWebFactory factory, TimeProvider clock) =>
        new(factory.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>(), factory.Services.GetRequiredService<NotificationTemplates>(),
            new NotificationOptions(), clock);

    /// <summary>A pending message due at the clock's time, with a recipient of its own; answers its id.</summary>
    public static async Task<long> PendingAsync(CrmWebFactory factory, TimeProvider clock, MessageChannel channel, string recipient, string body = "您的投诉已受理 / received")
    {
        await using var db = factory.NewDb();
        var message = new OutboxMessage
        {
            Channel = channel, Recipient = recipient, Subject = channel == MessageChannel.Email ? "投诉 TS-测试 已受理" : null, Body = body,
            Culture = "zh-CN", Topic = "test", DedupKey = "test:" + Guid.NewGuid().ToString("N"), Status = OutboxStatus.Pending,
            CreatedAt = clock.GetUtcNow(), NextAttemptAt = clock.GetUtcNow(),
        };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    public static async Task<OutboxMessage> StoredAsync(CrmWebFactory factory, long id)
    {
        await using var db = factory.NewDb();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public static async Task<List<OutboxMessage>> ForComplaintAsync(CrmWebFactory factory, int complaintId)
    {
        await using var db = factory.NewDb();
        var topic = $"complaint:{complaintId}";
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Topic == topic).OrderBy(m => m.Id).ToListAsync();
    }

    public static string NewAddress() => $"kehu-{Guid.NewGuid():N}@example.cn";
}
