using System.Net;
using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Tasks;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Segmentation;
using CourierCrm.Web.Segmentation.Churn;
using CourierCrm.Web.Tests.Tasks;
using Microsoft.Extensions.DependencyInjection;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CourierCrm.Web.Tests.Segmentation.Churn.ChurnArrange;
using static CourierCrm.Web.Tests.Segmentation.ClassificationArrange;

namespace CourierCrm.Web.Tests.Segmentation.Churn;

/// <summary>Acting on a warning through the API: acknowledge, resolve, the transitions refused, and who may see it.</summary>
public abstract class ChurnWarningStateTests(CrmWebFactory factory)
{
    /// <summary>A silent customer of rep.sz1 with its warning raised; each call works in a year of its own.</summary>
    private async Task<ChurnWarningRow> WarningAsync()
    {
        var customer = await CustomerOfAsync(factory, "rep.sz1");
        await WaybillsAsync(factory, customer, ("2068-03-01 10:00", 50_000));
        await ClassifyAndRaiseAsync(factory, new DateOnly(2068, 6, 30));
        return Assert.Single(await WarningsAsync(factory, customer), w => w.Signal == ChurnSignal.Silent);
    }

    private async Task<HttpResponseMessage> PostAsync(string user, string path, object? body = null) =>
        await CrmApi.PostAsync(await factory.SignedInAsync(user), path, body ?? new { });

    [Fact]
    public async Task The_owner_acknowledges_an_open_warning()
    {
        var warning = await WarningAsync();

        var json = await CrmApi.OkJsonAsync(await PostAsync("rep.sz1", $"/api/v1/churn-warnings/{warning.Id}/acknowledge"));

        Assert.Equal("Acknowledged", json.GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_acknowledged_warning_cannot_be_acknowledged_again()
    {
        var warning = await WarningAsync();
        await CrmApi.OkJsonAsync(await PostAsync("rep.sz1", $"/api/v1/churn-warnings/{warning.Id}/acknowledge"));

        await CrmApi.ProblemAsync(await PostAsync("rep.sz1", $"/api/v1/churn-warnings/{warning.Id}/acknowledge"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Resolving_keeps_the_resolution_and_closes_the_follow_up_task()
    {
        var warning = await WarningAsync();

        var json = await CrmApi.OkJsonAsync(await PostAsync("rep.sz1", $"/api/v1/churn-warnings/{warning.Id}/resolve", new { resolution = "客户春节停工，已恢复发件" }));

        Assert.Equal(("Resolved", "客户春节停工，已恢复发件"), (json.GetProperty("state").GetString(), json.GetProperty("resolution").GetString()));
        await using var db = factory.NewDb();
        var task = await db.StaffTasks.SingleAsync(t => t.Id == warning.TaskId);
        Assert.Equal((StaffTaskStatus.Done, "客户春节停工，已恢复发件"), (task.Status, task.Outcome));
    }

    [Fact]
    public async Task A_resolved_warning_cannot_be_resolved_or_acknowledged_again()
    {
        var warning = await WarningAsync();
        await CrmApi.OkJsonAsync(await PostAsync("rep.sz1", $"/api/v1/churn-warnings/{warning.Id}/resolve", new { resolution = "已流失" }));

        await CrmApi.ProblemAsync(await PostAsync("rep.sz1", $"/api/v1/churn-warnings/{warning.Id}/resolve", new { resolution = "again" }), HttpStatusCode.Conflict);
        await CrmApi.ProblemAsync(await PostAsync("rep.sz1", $"/api/v1/churn-warnings/{warning.Id}/acknowledge"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Resolving_without_a_resolution_names_the_resolution()
    {
        var warning = await WarningAsync();

        await CrmApi.FieldErrorAsync(await PostAsync("rep.sz1", $"/api/v1/churn-warnings/{warning.Id}/resolve", new { resolution = "" }), "resolution");
    }

    [Fact]
    public async Task A_resolved_signal_is_not_raised_again_the_next_night()
    {
        var warning = await WarningAsync();
        var commands = new ChurnCommands(factory.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>(),
            factory.Services.GetRequiredService<AuditLog>(), TestClock.China(2068, 6, 30));
        Assert.True((await commands.ResolveAsync(await factory.ViewerAsync("rep.sz1"), warning.Id, "客户休假", CancellationToken.None)).Succeeded);

        await ClassifyAndRaiseAsync(factory, new DateOnly(2068, 7, 1));

        Assert.Single(await WarningsAsync(factory, warning.CustomerId), w => w.Signal == ChurnSignal.Silent);
    }

    [Fact]
    public async Task A_manager_of_another_region_neither_lists_nor_acts_on_it()
    {
        var warning = await WarningAsync();
        var client = await factory.SignedInAsync("mgr.east");

        var json = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, "/api/v1/churn-warnings?signal=Silent&pageSize=200"));
        Assert.DoesNotContain(warning.Id, json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        await CrmApi.ProblemAsync(await PostAsync("mgr.east", $"/api/v1/churn-warnings/{warning.Id}/acknowledge"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_reps_manager_lists_it()
    {
        var warning = await WarningAsync();
        var client = await factory.SignedInAsync("mgr.south");

        var json = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, "/api/v1/churn-warnings?signal=Silent&pageSize=200"));

        Assert.Contains(warning.Id, json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
    }

    [Theory]
    [InlineData("signal=Loud", "signal")]
    [InlineData("state=Sleeping", "state")]
    [InlineData("abc=D", "abc")]
    public async Task A_bad_filter_names_the_field(string query, string field)
    {
        var client = await factory.SignedInAsync("rep.sz1");

        await CrmApi.FieldErrorAsync(await CrmApi.GetAsync(client, "/api/v1/churn-warnings?" + query), field);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteChurnWarningStateTests(SqliteCrmWebFactory factory) : ChurnWarningStateTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresChurnWarningStateTests(PostgresCrmWebFactory factory) : ChurnWarningStateTests(factory);
