using System.Net;
using CourierCrm.Web.Tests.Infrastructure;
using static CourierCrm.Web.Tests.Tasks.TaskArrange;

namespace CourierCrm.Web.Tests.Tasks;

/// <summary>Who sees which task: a rep their own, a manager their region's, an administrator all.</summary>
public abstract class TaskVisibilityTests(CrmWebFactory factory)
{
    private async Task<long> RepTaskAsync()
    {
        var customer = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        return await TaskAsync(factory, "rep.sz1", new TaskInputBuilder(customer));
    }

    [Fact]
    public async Task A_rep_sees_the_task_they_made_as_their_own()
    {
        var task = await RepTaskAsync();

        Assert.Contains(task, await ListedAsync(factory, "rep.sz1", "scope=mine&sort=createdAt&desc=true"));
        Assert.Equal(factory.Demo.UserId("rep.sz1"), (await StoredAsync(factory, task)).AssigneeId);
    }

    [Fact]
    public async Task Another_rep_does_not_see_it()
    {
        var task = await RepTaskAsync();

        Assert.DoesNotContain(task, await ListedAsync(factory, "rep.sz2", "scope=mine&sort=createdAt&desc=true"));
    }

    [Fact]
    public async Task The_reps_manager_sees_it_among_the_team_tasks()
    {
        var task = await RepTaskAsync();

        Assert.Contains(task, await ListedAsync(factory, "mgr.south", "scope=team&sort=createdAt&desc=true"));
    }

    [Fact]
    public async Task A_manager_of_another_region_does_not_see_it()
    {
        var task = await RepTaskAsync();

        Assert.DoesNotContain(task, await ListedAsync(factory, "mgr.east", "scope=team&sort=createdAt&desc=true"));
    }

    [Fact]
    public async Task An_administrator_sees_it_among_all_tasks()
    {
        var task = await RepTaskAsync();

        Assert.Contains(task, await ListedAsync(factory, "admin", "scope=all&sort=createdAt&desc=true"));
    }

    [Theory]
    [InlineData("rep.sz1", "team")]
    [InlineData("mgr.south", "all")]
    public async Task A_scope_beyond_the_role_is_forbidden(string user, string scope)
    {
        var client = await factory.SignedInAsync(user);

        await CrmApi.ProblemAsync(await CrmApi.GetAsync(client, "/api/v1/tasks?scope=" + scope), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_manager_cannot_act_on_a_task_of_another_region()
    {
        var task = await RepTaskAsync();
        var client = await factory.SignedInAsync("mgr.east");

        await CrmApi.ProblemAsync(await CrmApi.PostAsync(client, $"/api/v1/tasks/{task}/complete", new { outcome = "done" }), HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTaskVisibilityTests(SqliteCrmWebFactory factory) : TaskVisibilityTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTaskVisibilityTests(PostgresCrmWebFactory factory) : TaskVisibilityTests(factory);
