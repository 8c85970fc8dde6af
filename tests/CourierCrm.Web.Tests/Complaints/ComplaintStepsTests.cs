using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CourierCrm.Domain.Tasks;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Complaints;

/// <summary>POST /api/v1/complaints/{id}/steps: the eight steps, who may take them, and what each leaves behind.</summary>
public abstract class ComplaintStepsTests(CrmWebFactory factory)
{
    /// <summary>A complaint recorded by the customer-service desk (cs.sz, the first-contact owner) about a customer of rep.sz1.</summary>
    private async Task<int> RecordedAsync(string category = "Delay")
    {
        var customerId = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var desk = await factory.SignedInAsync("cs.sz");
        var recorded = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(desk, "/api/v1/complaints", ComplaintJson.Record(customerId, category)));
        return recorded.GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> DetailAsync(HttpClient client, int id) =>
        await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, $"/api/v1/complaints/{id}"));

    private static async Task<int> VersionAsync(HttpClient client, int id) => (await DetailAsync(client, id)).GetProperty("version").GetInt32();

    private static async Task<HttpResponseMessage> StepAsync(HttpClient client, int id, string action, params (string, JsonNode?)[] data) =>
        await CrmApi.PostAsync(client, $"/api/v1/complaints/{id}/steps", ComplaintJson.Step(action, await VersionAsync(client, id), data));

    private static async Task OkStepAsync(HttpClient client, int id, string action, params (string, JsonNode?)[] data) =>
        await CrmApi.OkJsonAsync(await StepAsync(client, id, action, data));

    /// <summary>Walks a recorded complaint to "awaiting approval" with a remedy of the given yuan, handled by ch.sz.</summary>
    private async Task<int> AwaitingApprovalAsync(decimal remedyYuan)
    {
        var id = await RecordedAsync();
        var handler = await factory.SignedInAsync("ch.sz");
        await OkStepAsync(handler, id, "JudgeValid");
        await OkStepAsync(handler, id, "Assign", ("handlerId", factory.Demo.UserId("ch.sz")));
        await OkStepAsync(handler, id, "Analyse", ("cause", "中转延误 / Missed connection at the hub"), ("responsibility", "Internal"));
        await OkStepAsync(handler, id, "ProposeRemedy", ("remedy", "DiscountCompensation"), ("remedyAmount", remedyYuan));
        return id;
    }

    [Fact]
    public async Task A_complaint_walks_all_eight_steps_to_closed_with_each_steps_actor_and_data()
    {
        var id = await AwaitingApprovalAsync(200m);
        var manager = await factory.SignedInAsync("mgr.south");
        var handler = await factory.SignedInAsync("ch.sz");
        await OkStepAsync(manager, id, "Approve");
        await OkStepAsync(handler, id, "CarryOut", ("feedback", "Satisfied"));
        await OkStepAsync(handler, id, "Evaluate", ("summary", "补偿 200 元 / Compensated ¥200"), ("lesson", "中转衔接 / Hub connections"));

        var detail = await DetailAsync(handler, id);
        Assert.Equal("Closed", detail.GetProperty("stage").GetString());
        var steps = detail.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], steps.Select(s => s.GetProperty("step").GetInt32()));
        Assert.Equal("王志强", steps[5].GetProperty("actorName").GetString());
        Assert.Contains("中转延误", steps[3].GetProperty("dataJson").GetString());
        Assert.Equal("Met", detail.GetProperty("firstResponse").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Closing_gives_the_first_contact_owner_a_callback_task()
    {
        var id = await AwaitingApprovalAsync(50m);
        await OkStepAsync(await factory.SignedInAsync("mgr.south"), id, "Approve");
        var handler = await factory.SignedInAsync("ch.sz");
        await OkStepAsync(handler, id, "CarryOut", ("feedback", "Neutral"));
        await OkStepAsync(handler, id, "Evaluate", ("summary", "done"));

        await using var db = factory.NewDb();
        var number = await db.Complaints.Where(c => c.Id == id).Select(c => c.Number).SingleAsync();
        var task = await db.StaffTasks.SingleAsync(t => t.Kind == StaffTaskKind.ComplaintCallback && t.Title.Contains(number));
        Assert.Equal(factory.Demo.UserId("cs.sz"), task.AssigneeId);
        Assert.Equal(StaffTaskStatus.Open, task.Status);
    }

    [Fact]
    public async Task The_first_contact_owner_is_told_of_every_step_others_take()
    {
        var id = await AwaitingApprovalAsync(80m);

        await using var db = factory.NewDb();
        var told = await db.StaffNotifications.CountAsync(n => n.UserId == factory.Demo.UserId("cs.sz") && n.Link == $"/complaints/{id}");
        Assert.Equal(4, told); // judged, assigned, analysed, remedy proposed
    }

    [Fact]
    public async Task A_step_that_is_not_due_answers_409_naming_the_step()
    {
        var id = await RecordedAsync();
        var handler = await factory.SignedInAsync("ch.sz");

        var messages = await CrmApi.FieldErrorAsync(await StepAsync(handler, id, "Analyse", ("cause", "x"), ("responsibility", "Internal")), "action", HttpStatusCode.Conflict);

        Assert.Contains("Step 4 is not due", messages[0]);
    }

    [Fact]
    public async Task Acting_on_a_stale_version_answers_409_and_changes_nothing()
    {
        var id = await RecordedAsync();
        var handler = await factory.SignedInAsync("ch.sz");
        var version = await VersionAsync(handler, id);
        await OkStepAsync(handler, id, "JudgeValid");

        var stale = await CrmApi.PostAsync(handler, $"/api/v1/complaints/{id}/steps", ComplaintJson.Step("Decline", version, ("declineReason", "x")));

        await CrmApi.FieldErrorAsync(stale, "version", HttpStatusCode.Conflict);
        Assert.Equal("AwaitingAssignment", (await DetailAsync(handler, id)).GetProperty("stage").GetString());
    }

    [Theory]
    [InlineData("Decline", "declineReason")]
    [InlineData("Assign", "handlerId")]
    [InlineData("WaitForCustomer", "note")]
    public async Task An_action_without_its_data_answers_400_naming_the_field(string action, string field)
    {
        var id = await RecordedAsync();
        var handler = await factory.SignedInAsync("ch.sz");

        await CrmApi.FieldErrorAsync(await StepAsync(handler, id, action), field);
    }

    [Fact]
    public async Task The_handler_cannot_approve_and_a_manager_cannot_approve_above_ten_thousand_yuan()
    {
        var id = await AwaitingApprovalAsync(12_000m);

        await CrmApi.ProblemAsync(await StepAsync(await factory.SignedInAsync("ch.sz"), id, "Approve"), HttpStatusCode.Forbidden);
        await CrmApi.ProblemAsync(await StepAsync(await factory.SignedInAsync("mgr.south"), id, "Approve"), HttpStatusCode.Forbidden);
        await OkStepAsync(await factory.SignedInAsync("admin"), id, "Approve");
    }

    [Fact]
    public async Task Waiting_for_the_customer_pauses_the_resolution_clock_until_they_reply()
    {
        var id = await RecordedAsync();
        var desk = await factory.SignedInAsync("cs.sz");

        await OkStepAsync(desk, id, "WaitForCustomer", ("note", "请提供破损照片 / Photos of the damage, please"));
        Assert.Equal("Paused", (await DetailAsync(desk, id)).GetProperty("resolution").GetProperty("state").GetString());

        await OkStepAsync(desk, id, "CustomerReplied");
        var resolution = (await DetailAsync(desk, id)).GetProperty("resolution");
        Assert.NotEqual("Paused", resolution.GetProperty("state").GetString());
        await using var db = factory.NewDb();
        Assert.True(await db.ComplaintPauses.AnyAsync(p => p.ComplaintId == id && p.To != null));
    }

    [Fact]
    public async Task Escalating_hands_it_to_another_handler_and_back_to_analysis()
    {
        var id = await AwaitingApprovalAsync(30m);
        var handler = await factory.SignedInAsync("ch.sz");

        await OkStepAsync(handler, id, "Escalate", ("handlerId", factory.Demo.UserId("mgr.south")), ("note", "客户不满意 / Customer not satisfied"));

        var detail = await DetailAsync(handler, id);
        Assert.Equal("AwaitingAnalysis", detail.GetProperty("stage").GetString());
        Assert.Equal(1, detail.GetProperty("escalationLevel").GetInt32());
        Assert.Equal(factory.Demo.UserId("mgr.south"), detail.GetProperty("handlerId").GetInt32());
    }

    [Fact]
    public async Task A_sales_rep_of_another_outlet_cannot_see_the_complaint()
    {
        var id = await RecordedAsync();

        await CrmApi.ProblemAsync(await CrmApi.GetAsync(await factory.SignedInAsync("rep.sz2"), $"/api/v1/complaints/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_detail_offers_only_the_actions_the_viewer_may_take_now()
    {
        var id = await RecordedAsync();

        var forDesk = (await DetailAsync(await factory.SignedInAsync("cs.sz"), id)).GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ToList();
        var forAnalyst = (await DetailAsync(await factory.SignedInAsync("analyst"), id)).GetProperty("allowedActions").EnumerateArray().ToList();

        Assert.Equal(["JudgeValid", "Decline", "WaitForCustomer"], forDesk);
        Assert.Empty(forAnalyst);
    }

    [Fact]
    public async Task The_overdue_board_lists_open_complaints_past_their_deadline()
    {
        var id = await RecordedAsync();
        await using (var db = factory.NewDb())
        {
            var complaint = await db.Complaints.SingleAsync(c => c.Id == id);
            complaint.ResolutionDueAt = DateTimeOffset.UtcNow.AddHours(-1);
            await db.SaveChangesAsync();
        }

        var board = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("mgr.south"), "/api/v1/complaints?overdue=true&pageSize=200"));

        Assert.Contains(board.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == id);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteComplaintStepsTests(SqliteCrmWebFactory factory) : ComplaintStepsTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresComplaintStepsTests(PostgresCrmWebFactory factory) : ComplaintStepsTests(factory);
