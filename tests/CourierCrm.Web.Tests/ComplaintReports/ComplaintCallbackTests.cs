using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Tasks;
using CourierCrm.Web.Tests.Complaints;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.ComplaintReports;

/// <summary>POST /api/v1/complaints/{id}/callback: the satisfaction callback after closing (issue 5 item 6).</summary>
public abstract class ComplaintCallbackTests(CrmWebFactory factory)
{
    /// <summary>A complaint taken by cs.sz (the first-contact owner) about a customer of rep.sz1, walked to the given point.</summary>
    private async Task<int> ComplaintAsync(bool closed)
    {
        var customerId = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var desk = await factory.SignedInAsync("cs.sz");
        var id = (await CrmApi.OkJsonAsync(await CrmApi.PostAsync(desk, "/api/v1/complaints", ComplaintJson.Record(customerId)))).GetProperty("id").GetInt32();
        if (!closed) return id;
        var handler = await factory.SignedInAsync("ch.sz");
        await StepAsync(handler, id, "JudgeValid");
        await StepAsync(handler, id, "Assign", ("handlerId", factory.Demo.UserId("ch.sz")));
        await StepAsync(handler, id, "Analyse", ("cause", "中转延误"), ("responsibility", "Internal"));
        await StepAsync(handler, id, "ProposeRemedy", ("remedy", "FreightRefund"), ("remedyAmount", 20m));
        await StepAsync(await factory.SignedInAsync("mgr.south"), id, "Approve");
        await StepAsync(handler, id, "CarryOut", ("feedback", "Neutral"));
        await StepAsync(handler, id, "Evaluate", ("summary", "已退运费 / Freight refunded"));
        return id;
    }

    private static async Task StepAsync(HttpClient client, int id, string action, params (string, JsonNode?)[] data)
    {
        var version = (await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, $"/api/v1/complaints/{id}"))).GetProperty("version").GetInt32();
        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(client, $"/api/v1/complaints/{id}/steps", ComplaintJson.Step(action, version, data)));
    }

    private static Task<HttpResponseMessage> CallbackAsync(HttpClient client, int id, object satisfaction, string? note = "客户表示满意") =>
        CrmApi.PostAsync(client, $"/api/v1/complaints/{id}/callback", new JsonObject { ["satisfaction"] = JsonValue.Create(satisfaction), ["note"] = note });

    [Fact]
    public async Task The_first_contact_owner_records_the_outcome_on_the_complaint_and_completes_the_callback_task()
    {
        var id = await ComplaintAsync(closed: true);

        var answer = await CrmApi.OkJsonAsync(await CallbackAsync(await factory.SignedInAsync("cs.sz"), id, 4));

        Assert.False(answer.GetProperty("reopenSuggested").GetBoolean());
        await using var db = factory.NewDb();
        var complaint = await db.Complaints.SingleAsync(c => c.Id == id);
        Assert.Equal(CustomerSatisfaction.Satisfied, complaint.CallbackSatisfaction);
        Assert.Equal("客户表示满意", complaint.CallbackNote);
        Assert.Equal(factory.Demo.UserId("cs.sz"), complaint.CallbackRecordedById);
        Assert.NotNull(complaint.CallbackRecordedAt);
        var task = await db.StaffTasks.SingleAsync(t => t.Kind == StaffTaskKind.ComplaintCallback && t.Title.Contains(complaint.Number));
        Assert.Equal(StaffTaskStatus.Done, task.Status);
        Assert.Equal(task.Id, complaint.CallbackTaskId);
    }

    [Fact]
    public async Task The_callback_task_on_my_tasks_links_to_its_complaint()
    {
        var id = await ComplaintAsync(closed: true);

        var tasks = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("cs.sz"), "/api/v1/tasks?kind=ComplaintCallback&status=Open&pageSize=200"));

        Assert.Contains(tasks.GetProperty("items").EnumerateArray(), t => t.GetProperty("sourceLink").GetString() == $"/complaints/{id}");
    }

    [Fact]
    public async Task The_outcome_joins_the_step_history_and_the_customers_timeline()
    {
        var id = await ComplaintAsync(closed: true);

        await CrmApi.OkJsonAsync(await CallbackAsync(await factory.SignedInAsync("cs.sz"), id, "VerySatisfied"));

        await using var db = factory.NewDb();
        var complaint = await db.Complaints.SingleAsync(c => c.Id == id);
        var last = await db.ComplaintSteps.Where(s => s.ComplaintId == id).OrderByDescending(s => s.Id).FirstAsync();
        Assert.Contains("VerySatisfied", last.DataJson);
        Assert.True(await db.CustomerEvents.AnyAsync(e => e.CustomerId == complaint.CustomerId && e.Kind == "complaint" && e.Title.Contains("callback")));
    }

    [Fact]
    public async Task A_dissatisfied_customer_suggests_reopening_without_reopening()
    {
        var id = await ComplaintAsync(closed: true);

        var answer = await CrmApi.OkJsonAsync(await CallbackAsync(await factory.SignedInAsync("cs.sz"), id, 2, "还是不满意"));

        Assert.True(answer.GetProperty("reopenSuggested").GetBoolean());
        Assert.Contains("reopen", answer.GetProperty("advice").GetString());
        await using var db = factory.NewDb();
        Assert.Equal(ComplaintStage.Closed, (await db.Complaints.SingleAsync(c => c.Id == id)).Stage);
    }

    [Fact]
    public async Task Before_closing_the_callback_is_refused_with_409_naming_the_stage()
    {
        var id = await ComplaintAsync(closed: false);

        var problem = await CrmApi.FieldErrorAsync(await CallbackAsync(await factory.SignedInAsync("cs.sz"), id, 4), "stage", HttpStatusCode.Conflict);

        Assert.Contains("not closed", problem[0]);
    }

    [Fact]
    public async Task A_second_callback_is_refused_with_409()
    {
        var id = await ComplaintAsync(closed: true);
        var desk = await factory.SignedInAsync("cs.sz");
        await CrmApi.OkJsonAsync(await CallbackAsync(desk, id, 5));

        await CrmApi.FieldErrorAsync(await CallbackAsync(desk, id, 1), "satisfaction", HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_manager_in_scope_may_stand_in_for_the_first_contact_owner()
    {
        var id = await ComplaintAsync(closed: true);

        await CrmApi.OkJsonAsync(await CallbackAsync(await factory.SignedInAsync("mgr.south"), id, 3));
    }

    [Theory]
    [InlineData("rep.sz1", HttpStatusCode.Forbidden)]
    [InlineData("analyst", HttpStatusCode.Forbidden)]
    [InlineData("rep.sz2", HttpStatusCode.NotFound)]
    public async Task Others_may_not_record_it(string user, HttpStatusCode status)
    {
        var id = await ComplaintAsync(closed: true);

        await CrmApi.ProblemAsync(await CallbackAsync(await factory.SignedInAsync(user), id, 4), status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task A_satisfaction_outside_one_to_five_answers_400_naming_it(int satisfaction)
    {
        var id = await ComplaintAsync(closed: false);

        await CrmApi.FieldErrorAsync(await CallbackAsync(await factory.SignedInAsync("cs.sz"), id, satisfaction), "satisfaction");
    }

    [Fact]
    public async Task A_missing_satisfaction_answers_400_naming_it()
    {
        var id = await ComplaintAsync(closed: false);

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(await factory.SignedInAsync("cs.sz"), $"/api/v1/complaints/{id}/callback", new JsonObject { ["note"] = "x" }), "satisfaction");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteComplaintCallbackTests(SqliteCrmWebFactory factory) : ComplaintCallbackTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresComplaintCallbackTests(PostgresCrmWebFactory factory) : ComplaintCallbackTests(factory);
