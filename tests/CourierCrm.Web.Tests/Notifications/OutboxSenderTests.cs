using CourierCrm.Domain.Notifications;
using CourierCrm.Web.Notifications;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace CourierCrm.Web.Tests.Notifications;

/// <summary>The sender job: delivery over real SMTP, retries on the schedule, parking, the SMS file, and one send per message.</summary>
public abstract class OutboxSenderTests(CrmWebFactory factory)
{
    [Fact]
    public async Task An_email_reaches_the_SMTP_server_with_its_subject_recipient_and_body()
    {
        await using var smtp = new TestSmtpServer();
        var clock = MovableClock.FarAhead(2090);
        var to = NotificationArrange.NewAddress();
        var id = await NotificationArrange.PendingAsync(factory, clock, MessageChannel.Email, to, "尊敬的客户：您的投诉已受理。\nYour complaint is received.");

        await NotificationArrange.SenderOn(factory, clock, NotificationArrange.Smtp(smtp.Port)).SendDueAsync(CancellationToken.None);

        var mail = Assert.Single(smtp.Received, m => m.RcptTo.Contains(to));
        Assert.Equal("投诉 TS-测试 已受理", mail.Subject);
        Assert.Equal("尊敬的客户：您的投诉已受理。\r\nYour complaint is received.", mail.Body.ReplaceLineEndings("\r\n"));
        Assert.Equal("crm@xunda.example.cn", mail.MailFrom);
        var stored = await NotificationArrange.StoredAsync(factory, id);
        Assert.Equal(OutboxStatus.Sent, stored.Status);
        Assert.Equal(clock.GetUtcNow(), stored.SentAt);
    }

    [Fact]
    public async Task With_the_SMTP_server_down_a_message_is_retried_on_the_schedule_and_then_parked()
    {
        var clock = MovableClock.FarAhead(2091);
        var options = new NotificationOptions { RetryFirstDelaySeconds = 60, RetryLongestDelaySeconds = 90, RetryMaxAttempts = 3 };
        var sender = NotificationArrange.SenderOn(factory, clock, NotificationArrange.Smtp(TestSmtpServer.ClosedPort()), options: options);
        var id = await NotificationArrange.PendingAsync(factory, clock, MessageChannel.Email, NotificationArrange.NewAddress());
        var start = clock.GetUtcNow();

        await sender.SendDueAsync(CancellationToken.None);
        var first = await NotificationArrange.StoredAsync(factory, id);
        clock.Advance(TimeSpan.FromSeconds(30));
        await sender.SendDueAsync(CancellationToken.None);
        var notYet = await NotificationArrange.StoredAsync(factory, id);
        clock.Advance(TimeSpan.FromSeconds(30));
        await sender.SendDueAsync(CancellationToken.None);
        var second = await NotificationArrange.StoredAsync(factory, id);
        clock.Advance(TimeSpan.FromSeconds(90));
        await sender.SendDueAsync(CancellationToken.None);
        var third = await NotificationArrange.StoredAsync(factory, id);

        Assert.Equal((OutboxStatus.Pending, 1, start.AddSeconds(60)), (first.Status, first.Attempts, first.NextAttemptAt));
        Assert.NotNull(first.LastError);
        Assert.Equal(1, notYet.Attempts);
        Assert.Equal((OutboxStatus.Pending, 2, start.AddSeconds(60 + 90)), (second.Status, second.Attempts, second.NextAttemptAt));
        Assert.Equal((OutboxStatus.Parked, 3), (third.Status, third.Attempts));
        Assert.Null(third.SentAt);
    }

    [Fact]
    public async Task An_SMS_is_written_as_one_line_to_the_SMS_file()
    {
        var clock = MovableClock.FarAhead(2092);
        var file = Path.Combine(Path.GetTempPath(), "ccrm-sms-" + Guid.NewGuid().ToString("N"), "sms-outbox.log");
        var phone = CustomerInputBuilder.NewMobile();
        var id = await NotificationArrange.PendingAsync(factory, clock, MessageChannel.Sms, phone, "【快递客服】您的投诉已受理\n编号 TS-1");
        var sms = new FileSmsGateway(file, clock, NullLogger<FileSmsGateway>.Instance);

        await NotificationArrange.SenderOn(factory, clock, new CountingEmailSender(TimeSpan.Zero), sms).SendDueAsync(CancellationToken.None);

        var line = Assert.Single(File.ReadAllLines(file), l => l.Contains(phone));
        Assert.EndsWith($"\t{phone}\t【快递客服】您的投诉已受理 编号 TS-1", line);
        Assert.Equal(OutboxStatus.Sent, (await NotificationArrange.StoredAsync(factory, id)).Status);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public async Task Two_senders_at_once_send_each_message_exactly_once()
    {
        var clock = MovableClock.FarAhead(2093);
        var recipients = Enumerable.Range(0, 30).Select(_ => NotificationArrange.NewAddress()).ToList();
        foreach (var to in recipients) await NotificationArrange.PendingAsync(factory, clock, MessageChannel.Email, to);
        var email = new CountingEmailSender(TimeSpan.FromMilliseconds(5));
        var options = new NotificationOptions { BatchSize = 4 };

        await Task.WhenAll(
            Task.Run(() => NotificationArrange.SenderOn(factory, clock, email, options: options).SendDueAsync(CancellationToken.None)),
            Task.Run(() => NotificationArrange.SenderOn(factory, clock, email, options: options).SendDueAsync(CancellationToken.None)));

        var mine = email.Sent.Where(recipients.Contains).ToList();
        Assert.Equal(recipients.Order(), mine.Order());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteOutboxSenderTests(SqliteCrmWebFactory factory) : OutboxSenderTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresOutboxSenderTests(PostgresCrmWebFactory factory) : OutboxSenderTests(factory);
