using System.Net;
using CourierCrm.Domain.Notifications;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Notifications;

/// <summary>/api/v1/notifications (each person's own notices only) and /api/v1/outbox (administrators).</summary>
public abstract class NotificationApiTests(CrmWebFactory factory)
{
    private async Task<long> NoticeForAsync(string userName)
    {
        await using var db = factory.NewDb();
        var notice = new StaffNotification
        {
            UserId = factory.Demo.UserId(userName), At = DateTimeOffset.UtcNow, Title = "投诉 TS-测试 " + Guid.NewGuid().ToString("N")[..8],
            Link = "/complaints/1", EmailQueued = true,
        };
        db.StaffNotifications.Add(notice);
        await db.SaveChangesAsync();
        return notice.Id;
    }

    private static async Task<List<long>> ListedAsync(HttpClient client, string query = "")
    {
        var page = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, "/api/v1/notifications?pageSize=200" + query));
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
    }

    private async Task<DateTimeOffset?> ReadAtAsync(long id)
    {
        await using var db = factory.NewDb();
        return await db.StaffNotifications.Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync();
    }

    [Fact]
    public async Task A_person_lists_their_own_notices_and_never_anothers()
    {
        var handlers = await NoticeForAsync("ch.sz");

        Assert.Contains(handlers, await ListedAsync(await factory.SignedInAsync("ch.sz"), "&unread=true"));
        Assert.DoesNotContain(handlers, await ListedAsync(await factory.SignedInAsync("rep.sz1")));
        Assert.DoesNotContain(handlers, await ListedAsync(await factory.SignedInAsync("admin")));
    }

    [Fact]
    public async Task Marking_read_moves_a_notice_out_of_the_unread_list()
    {
        var id = await NoticeForAsync("ch.sz");
        var handler = await factory.SignedInAsync("ch.sz");

        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(handler, $"/api/v1/notifications/{id}/read", null));

        Assert.DoesNotContain(id, await ListedAsync(handler, "&unread=true"));
        Assert.Contains(id, await ListedAsync(handler, "&unread=false"));
    }

    [Fact]
    public async Task Marking_anothers_notice_read_answers_404_and_leaves_it_unread()
    {
        var id = await NoticeForAsync("ch.sz");

        var response = await CrmApi.PostAsync(await factory.SignedInAsync("rep.sz1"), $"/api/v1/notifications/{id}/read", null);

        await CrmApi.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Null(await ReadAtAsync(id));
    }

    [Fact]
    public async Task Marking_an_unknown_notice_read_answers_404()
    {
        var response = await CrmApi.PostAsync(await factory.SignedInAsync("ch.sz"), "/api/v1/notifications/987654321/read", null);

        await CrmApi.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Read_all_marks_only_the_callers_notices()
    {
        var mine = await NoticeForAsync("kam.south");
        var theirs = await NoticeForAsync("ch.sz");

        var marked = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(await factory.SignedInAsync("kam.south"), "/api/v1/notifications/read-all", null));

        Assert.True(marked.GetProperty("marked").GetInt32() >= 1);
        Assert.NotNull(await ReadAtAsync(mine));
        Assert.Null(await ReadAtAsync(theirs));
    }

    [Fact]
    public async Task The_bell_counts_the_callers_unread_notices()
    {
        var front = await factory.SignedInAsync("front.sz");
        var before = (await CrmApi.OkJsonAsync(await CrmApi.GetAsync(front, "/api/v1/notifications/bell"))).GetProperty("unread").GetInt32();
        var id = await NoticeForAsync("front.sz");

        var bell = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(front, "/api/v1/notifications/bell"));

        Assert.Equal(before + 1, bell.GetProperty("unread").GetInt32());
        Assert.Equal(id, bell.GetProperty("latest")[0].GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("mgr.south", HttpStatusCode.Forbidden)]
    [InlineData("ch.sz", HttpStatusCode.Forbidden)]
    [InlineData("analyst", HttpStatusCode.Forbidden)]
    public async Task Only_administrators_read_the_outbox(string user, HttpStatusCode expected)
    {
        var response = await CrmApi.GetAsync(await factory.SignedInAsync(user), "/api/v1/outbox?status=Parked");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Retrying_a_parked_message_puts_it_back_in_the_queue()
    {
        var clock = MovableClock.FarAhead(2095);
        var id = await NotificationArrange.PendingAsync(factory, clock, MessageChannel.Email, NotificationArrange.NewAddress());
        await using (var db = factory.NewDb())
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Parked).SetProperty(m => m.Attempts, 12));
        var admin = await factory.SignedInAsync("admin");

        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(admin, $"/api/v1/outbox/{id}/retry", null));

        var stored = await NotificationArrange.StoredAsync(factory, id);
        Assert.Equal((OutboxStatus.Pending, 0), (stored.Status, stored.Attempts));
        await CrmApi.ProblemAsync(await CrmApi.PostAsync(admin, $"/api/v1/outbox/{id}/retry", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Retrying_an_unknown_message_answers_404()
    {
        await CrmApi.ProblemAsync(await CrmApi.PostAsync(await factory.SignedInAsync("admin"), "/api/v1/outbox/987654321/retry", null), HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteNotificationApiTests(SqliteCrmWebFactory factory) : NotificationApiTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresNotificationApiTests(PostgresCrmWebFactory factory) : NotificationApiTests(factory);
