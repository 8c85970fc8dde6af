using System.Net;
using CourierCrm.Domain.Tasks;
using CourierCrm.Web.Data;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CourierCrm.Web.Tests.Tasks.TaskArrange;

namespace CourierCrm.Web.Tests.Tasks;

/// <summary>Completing, cancelling, reassigning and creating tasks, and the 400s that name the bad field.</summary>
public abstract class TaskCommandTests(CrmWebFactory factory)
{
    private async Task<(long Task, int Customer)> RepTaskAsync()
    {
        var customer = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        return (await TaskAsync(factory, "rep.sz1", new TaskInputBuilder(customer)), customer);
    }

    [Fact]
    public async Task Completing_a_task_keeps_its_outcome_and_puts_it_on_the_customer_timeline()
    {
        var (task, customer) = await RepTaskAsync();
        var client = await factory.SignedInAsync("rep.sz1");

        var json = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(client, $"/api/v1/tasks/{task}/complete", new { outcome = "客户满意，下月加量" }));

        Assert.Equal("Done", json.GetProperty("status").GetString());
        var stored = await StoredAsync(factory, task);
        Assert.Equal((StaffTaskStatus.Done, "客户满意，下月加量"), (stored.Status, stored.Outcome));
        await using var db = factory.NewDb();
        Assert.True(await db.CustomerEvents.AnyAsync(e => e.CustomerId == customer && e.Kind == "task-done" && e.Detail!.Contains("客户满意")));
    }

    [Fact]
    public async Task A_closed_task_cannot_be_completed_again()
    {
        var (task, _) = await RepTaskAsync();
        var client = await factory.SignedInAsync("rep.sz1");
        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(client, $"/api/v1/tasks/{task}/cancel", new { reason = "客户已搬迁" }));

        await CrmApi.ProblemAsync(await CrmApi.PostAsync(client, $"/api/v1/tasks/{task}/complete", new { outcome = "done" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Completing_without_an_outcome_names_the_outcome()
    {
        var (task, _) = await RepTaskAsync();
        var client = await factory.SignedInAsync("rep.sz1");

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(client, $"/api/v1/tasks/{task}/complete", new { outcome = " " }), "outcome");
    }

    [Fact]
    public async Task Cancelling_without_a_reason_names_the_reason()
    {
        var (task, _) = await RepTaskAsync();
        var client = await factory.SignedInAsync("rep.sz1");

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(client, $"/api/v1/tasks/{task}/cancel", new { reason = "" }), "reason");
    }

    [Theory]
    [InlineData("kind")]
    [InlineData("customerId")]
    [InlineData("title")]
    [InlineData("dueOn")]
    public async Task Creating_a_task_without_a_field_names_it(string field)
    {
        var client = await factory.SignedInAsync("rep.sz1");

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(client, "/api/v1/tasks", new { }), field);
    }

    [Fact]
    public async Task Creating_a_task_of_an_unknown_kind_names_the_kind()
    {
        var customer = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var client = await factory.SignedInAsync("rep.sz1");

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(client, "/api/v1/tasks", new TaskInputBuilder(customer).Kind("Party").Build()), "kind");
    }

    [Fact]
    public async Task Creating_a_task_for_a_customer_outside_the_scope_names_the_customer()
    {
        var other = await Arrange.CustomerAsync(factory, "rep.sz2", new CustomerInputBuilder());
        var client = await factory.SignedInAsync("rep.sz1");

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(client, "/api/v1/tasks", new TaskInputBuilder(other).Build()), "customerId");
    }

    [Fact]
    public async Task Creating_a_task_due_in_the_past_names_the_due_date()
    {
        var customer = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var client = await factory.SignedInAsync("rep.sz1");

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(client, "/api/v1/tasks",
            new TaskInputBuilder(customer).DueOn(new DateOnly(2020, 1, 1)).Build()), "dueOn");
    }

    [Fact]
    public async Task A_rep_cannot_give_a_task_to_a_colleague()
    {
        var (task, _) = await RepTaskAsync();
        var client = await factory.SignedInAsync("rep.sz1");

        await CrmApi.ProblemAsync(await CrmApi.PostAsync(client, $"/api/v1/tasks/{task}/assign", new { assigneeId = factory.Demo.UserId("rep.sz2") }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_manager_gives_a_task_to_another_rep_of_the_region_and_it_is_audited()
    {
        var (task, _) = await RepTaskAsync();
        var client = await factory.SignedInAsync("mgr.south");

        await CrmApi.OkJsonAsync(await CrmApi.PostAsync(client, $"/api/v1/tasks/{task}/assign", new { assigneeId = factory.Demo.UserId("rep.sz2") }));

        Assert.Equal(factory.Demo.UserId("rep.sz2"), (await StoredAsync(factory, task)).AssigneeId);
        await using var db = factory.NewDb();
        var key = task.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "StaffTask" && a.EntityId == key && a.Action == Domain.Audit.AuditAction.Transfer));
    }

    [Fact]
    public async Task A_manager_cannot_give_a_task_to_staff_of_another_region()
    {
        var (task, _) = await RepTaskAsync();
        var client = await factory.SignedInAsync("mgr.south");

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(client, $"/api/v1/tasks/{task}/assign", new { assigneeId = factory.Demo.UserId("kam.east") }), "assigneeId");
    }

    [Theory]
    [InlineData("scope=everyone", "scope")]
    [InlineData("kind=Party", "kind")]
    [InlineData("status=Maybe", "status")]
    [InlineData("sort=colour", "sort")]
    [InlineData("dueFrom=2026-12-10&dueTo=2026-12-01", "dueTo")]
    public async Task A_bad_list_filter_names_the_field(string query, string field)
    {
        var client = await factory.SignedInAsync("rep.sz1");

        await CrmApi.FieldErrorAsync(await CrmApi.GetAsync(client, "/api/v1/tasks?" + query), field);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTaskCommandTests(SqliteCrmWebFactory factory) : TaskCommandTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTaskCommandTests(PostgresCrmWebFactory factory) : TaskCommandTests(factory);
