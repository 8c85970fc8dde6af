using CourierCrm.Domain.Notifications;
using CourierCrm.Web.Notifications;
using CourierCrm.Web.Tests.Complaints;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Notifications;

/// <summary>Service-level escalation notices, once per user and event, and every staff notice's e-mail through the outbox.</summary>
public abstract class EscalationTests(CrmWebFactory factory)
{
    /// <summary>A complaint cs.sz recorded (nobody handles it yet) and its stored warning and due times.</summary>
    private async Task<(int Id, DateTimeOffset WarnAt, DateTimeOffset DueAt)> RecordedAsync()
    {
        var customerId = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var recorded = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(await factory.SignedInAsync("cs.sz"), "/api/v1/complaints", ComplaintJson.Record(customerId)));
        var id = recorded.GetProperty("id").GetInt32();
        await using var db = factory.NewDb();
        var stored = await db.Complaints.Where(c => c.Id == id).Select(c => new { c.ResolutionWarnAt, c.ResolutionDueAt }).SingleAsync();
        return (id, stored.ResolutionWarnAt!.Value, stored.ResolutionDueAt!.Value);
    }

    private async Task<List<StaffNotification>> NoticesAsync(string dedupKey)
    {
        await using var db = factory.NewDb();
        return await db.StaffNotifications.AsNoTracking().Where(n => n.DedupKey == dedupKey).ToListAsync();
    }

    [Fact]
    public async Task A_breached_complaint_tells_the_handler_the_region_manager_and_the_first_contact_owner_once()
    {
        var (id, _, dueAt) = await RecordedAsync();
        var clock = new MovableClock(dueAt.AddHours(1));
        var escalations = NotificationArrange.EscalationsOn(factory, clock);

        await escalations.RunAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        await escalations.RunAsync(CancellationToken.None);

        var breach = await NoticesAsync(ComplaintEscalations.DedupKey(id, ComplaintEscalations.Event.Breach));
        var users = breach.Select(n => n.UserId).ToList();
        Assert.Equal(users.Distinct().Count(), users.Count);
        Assert.Contains(factory.Demo.UserId("cs.sz"), users);
        Assert.Contains(factory.Demo.UserId("mgr.south"), users);
        Assert.DoesNotContain(factory.Demo.UserId("mgr.east"), users);
        Assert.All(breach, n => Assert.Equal($"/complaints/{id}", n.Link));
    }

    [Fact]
    public async Task A_complaint_in_its_warning_time_tells_only_the_person_responsible_and_only_once()
    {
        var (id, warnAt, dueAt) = await RecordedAsync();
        Assert.True(warnAt < dueAt);
        var clock = new MovableClock(warnAt.AddMinutes(1));
        var escalations = NotificationArrange.EscalationsOn(factory, clock);

        await escalations.RunAsync(CancellationToken.None);
        await escalations.RunAsync(CancellationToken.None);

        var warning = Assert.Single(await NoticesAsync(ComplaintEscalations.DedupKey(id, ComplaintEscalations.Event.Warning)));
        Assert.Equal(factory.Demo.UserId("cs.sz"), warning.UserId);
        Assert.Empty(await NoticesAsync(ComplaintEscalations.DedupKey(id, ComplaintEscalations.Event.Breach)));
    }

    [Fact]
    public async Task A_complaint_on_track_raises_nothing()
    {
        var (id, warnAt, _) = await RecordedAsync();

        await NotificationArrange.EscalationsOn(factory, new MovableClock(warnAt.AddMinutes(-1))).RunAsync(CancellationToken.None);

        Assert.Empty(await NoticesAsync(ComplaintEscalations.DedupKey(id, ComplaintEscalations.Event.Warning)));
        Assert.Empty(await NoticesAsync(ComplaintEscalations.DedupKey(id, ComplaintEscalations.Event.Breach)));
    }

    [Fact]
    public async Task A_staff_notice_is_emailed_once_to_its_user_through_the_outbox()
    {
        var clock = MovableClock.FarAhead(2094);
        var notice = new StaffNotification { UserId = factory.Demo.UserId("ch.sz"), At = clock.GetUtcNow(), Title = "投诉 TS-测试 已超时 " + Guid.NewGuid().ToString("N")[..6], Link = "/complaints/1" };
        await using (var db = factory.NewDb())
        {
            db.StaffNotifications.Add(notice);
            await db.SaveChangesAsync();
        }
        var mailer = NotificationArrange.MailerOn(factory, clock);

        await mailer.QueueAsync(CancellationToken.None);
        await mailer.QueueAsync(CancellationToken.None);

        await using var check = factory.NewDb();
        var mail = await check.OutboxMessages.AsNoTracking().SingleAsync(m => m.DedupKey == $"staff:{notice.Id}");
        Assert.Equal("ch.sz@xunda.example.cn", mail.Recipient);
        Assert.Equal((MessageChannel.Email, "staff"), (mail.Channel, mail.Topic));
        Assert.Contains(notice.Title, mail.Subject);
        Assert.Contains("/complaints/1", mail.Body);
        Assert.True(await check.StaffNotifications.Where(n => n.Id == notice.Id).Select(n => n.EmailQueued).SingleAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteEscalationTests(SqliteCrmWebFactory factory) : EscalationTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresEscalationTests(PostgresCrmWebFactory factory) : EscalationTests(factory);
