using System.Net;
using System.Text.Json.Nodes;
using CourierCrm.Domain.Notifications;
using CourierCrm.Web.Notifications;
using CourierCrm.Web.Tests.Complaints;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CourierCrm.Web.Tests.Notifications;

/// <summary>Complaint milestones told to the customer through the outbox, in the step's own transaction.</summary>
public abstract class CustomerNoticeTests(CrmWebFactory factory)
{
    /// <summary>A complaint recorded by cs.sz about a new customer of rep.sz1 whose main contact has this e-mail and a mobile.</summary>
    private async Task<(int Id, string Email, string Mobile)> RecordedAsync()
    {
        var (email, mobile) = (NotificationArrange.NewAddress(), CustomerInputBuilder.NewMobile());
        var customerId = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder().With(c => { c.Contacts[0].Email = email; c.Contacts[0].Phone = mobile; }));
        var desk = await factory.SignedInAsync("cs.sz");
        var recorded = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(desk, "/api/v1/complaints", ComplaintJson.Record(customerId)));
        return (recorded.GetProperty("id").GetInt32(), email, mobile);
    }

    private static async Task<HttpResponseMessage> StepAsync(HttpClient client, int id, string action, params (string, JsonNode?)[] data)
    {
        var version = (await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, $"/api/v1/complaints/{id}"))).GetProperty("version").GetInt32();
        return await CrmApi.PostAsync(client, $"/api/v1/complaints/{id}/steps", ComplaintJson.Step(action, version, data));
    }

    [Fact]
    public async Task Recording_a_complaint_queues_an_email_and_an_SMS_with_its_number_and_due_date()
    {
        var (id, email, mobile) = await RecordedAsync();

        var messages = await NotificationArrange.ForComplaintAsync(factory, id);
        await using var db = factory.NewDb();
        var number = await db.Complaints.Where(c => c.Id == id).Select(c => c.Number).SingleAsync();
        Assert.Equal([$"complaint:{id}:recorded:email", $"complaint:{id}:recorded:sms"], messages.Select(m => m.DedupKey));
        Assert.Equal(email, messages[0].Recipient);
        Assert.Equal(mobile, messages[1].Recipient);
        Assert.All(messages, m => Assert.Contains(number, m.Body));
        Assert.Contains(number, messages[0].Subject);
        Assert.Matches(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", messages[0].Body);
        Assert.All(messages, m => Assert.Equal("zh-CN", m.Culture));
    }

    [Fact]
    public async Task Declining_tells_the_customer_the_reason()
    {
        var (id, _, _) = await RecordedAsync();

        var ok = await StepAsync(await factory.SignedInAsync("ch.sz"), id, "Decline", ("declineReason", "快件已按约定时效送达 / Delivered on time"));

        await CrmApi.OkJsonAsync(ok);
        var declined = (await NotificationArrange.ForComplaintAsync(factory, id)).Where(m => m.DedupKey.Contains(":declined:")).ToList();
        Assert.Equal(2, declined.Count);
        Assert.All(declined, m => Assert.Contains("快件已按约定时效送达", m.Body));
    }

    [Fact]
    public async Task A_step_that_fails_queues_no_message()
    {
        var (id, _, _) = await RecordedAsync();
        var handler = await factory.SignedInAsync("ch.sz");
        var version = (await CrmApi.OkJsonAsync(await CrmApi.GetAsync(handler, $"/api/v1/complaints/{id}"))).GetProperty("version").GetInt32();

        var stale = await CrmApi.PostAsync(handler, $"/api/v1/complaints/{id}/steps", ComplaintJson.Step("Decline", version + 1, ("declineReason", "x")));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.DoesNotContain(await NotificationArrange.ForComplaintAsync(factory, id), m => m.DedupKey.Contains(":declined:"));
    }

    [Fact]
    public async Task A_milestone_reached_twice_is_queued_once_per_channel()
    {
        var (id, _, _) = await RecordedAsync();
        var notices = factory.Services.GetRequiredService<CustomerNotices>();

        await using (var db = factory.NewDb())
        {
            var complaint = await db.Complaints.SingleAsync(c => c.Id == id);
            await notices.AddAsync(db, complaint, MessageKind.ComplaintRecorded, DateTimeOffset.UtcNow, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, (await NotificationArrange.ForComplaintAsync(factory, id)).Count(m => m.DedupKey.Contains(":recorded:")));
    }

    [Fact]
    public async Task An_unknown_caller_gets_an_SMS_to_the_number_they_called_from()
    {
        var body = ComplaintJson.Record(null);
        var phone = CustomerInputBuilder.NewMobile();
        body["callerPhone"] = phone;
        body["callerName"] = "陈先生";

        var recorded = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(await factory.SignedInAsync("cs.sz"), "/api/v1/complaints", body));

        var message = Assert.Single(await NotificationArrange.ForComplaintAsync(factory, recorded.GetProperty("id").GetInt32()));
        Assert.Equal(MessageChannel.Sms, message.Channel);
        Assert.Equal(phone, message.Recipient);
        Assert.Contains("陈先生", message.Body);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCustomerNoticeTests(SqliteCrmWebFactory factory) : CustomerNoticeTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCustomerNoticeTests(PostgresCrmWebFactory factory) : CustomerNoticeTests(factory);
