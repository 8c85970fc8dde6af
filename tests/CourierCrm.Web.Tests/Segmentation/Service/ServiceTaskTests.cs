using CourierCrm.Domain.Tasks;
using CourierCrm.Web.Data;
using CourierCrm.Web.Segmentation.Service;
using CourierCrm.Web.Tests.Infrastructure;
using CourierCrm.Web.Tests.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static CourierCrm.Web.Tests.Segmentation.ClassificationArrange;

namespace CourierCrm.Web.Tests.Segmentation.Service;

/// <summary>
/// Service-policy tasks after a classification run: an A customer (the only one with revenue in its
/// test's year) is owed a visit every 30 days and a leader visit every half year (DOMAIN.md §3).
/// </summary>
public abstract class ServiceTaskTests(CrmWebFactory factory)
{
    private async Task<int> ClassACustomerAsync(int year)
    {
        var customer = await CustomerOfAsync(factory, "rep.sz1");
        await WaybillsAsync(factory, customer, ($"{year}-06-10 10:00", 90_000), ($"{year}-06-20 10:00", 90_000));
        await RunAsync(factory, new DateOnly(year, 6, 30));
        return customer;
    }

    private ServiceTaskGenerator Generator() => new(
        factory.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>(), TimeProvider.System,
        factory.Services.GetRequiredService<ServicePolicyOptions>(), NullLogger<ServiceTaskGenerator>.Instance);

    private async Task<List<StaffTask>> TasksOfAsync(int customer)
    {
        await using var db = factory.NewDb();
        return await db.StaffTasks.AsNoTracking().Where(t => t.CustomerId == customer && t.Kind != StaffTaskKind.ChurnFollowUp).OrderBy(t => t.Id).ToListAsync();
    }

    [Fact]
    public async Task A_newly_classified_A_customer_is_owed_a_visit_and_a_leader_visit_by_its_owner()
    {
        var customer = await ClassACustomerAsync(2081);

        await Generator().GenerateAsync(new DateOnly(2081, 6, 30), CancellationToken.None);

        var tasks = await TasksOfAsync(customer);
        Assert.Equal([StaffTaskKind.Visit, StaffTaskKind.LeaderVisit], tasks.Select(t => t.Kind).Order());
        Assert.All(tasks, t => Assert.Equal((factory.Demo.UserId("rep.sz1"), StaffTaskStatus.Open), (t.AssigneeId, t.Status)));
    }

    [Fact]
    public async Task Generating_again_creates_nothing_while_the_tasks_are_open()
    {
        var customer = await ClassACustomerAsync(2082);
        await Generator().GenerateAsync(new DateOnly(2082, 6, 30), CancellationToken.None);

        await Generator().GenerateAsync(new DateOnly(2082, 7, 5), CancellationToken.None);

        Assert.Equal(2, (await TasksOfAsync(customer)).Count);
    }

    [Fact]
    public async Task A_completed_visit_is_not_due_again_before_its_interval()
    {
        var customer = await ClassACustomerAsync(2083);
        await Generator().GenerateAsync(new DateOnly(2083, 6, 30), CancellationToken.None);
        await CompleteVisitOnAsync(customer, TestClock.China(2083, 7, 1));

        // Next visit due 07-31; with 7 days' notice it shows from 07-24.
        await Generator().GenerateAsync(new DateOnly(2083, 7, 23), CancellationToken.None);

        Assert.Single(await TasksOfAsync(customer), t => t.Kind == StaffTaskKind.Visit);
    }

    [Fact]
    public async Task A_completed_visit_is_due_again_after_its_interval()
    {
        var customer = await ClassACustomerAsync(2084);
        await Generator().GenerateAsync(new DateOnly(2084, 6, 30), CancellationToken.None);
        await CompleteVisitOnAsync(customer, TestClock.China(2084, 7, 1));

        await Generator().GenerateAsync(new DateOnly(2084, 7, 24), CancellationToken.None);

        var visits = (await TasksOfAsync(customer)).Where(t => t.Kind == StaffTaskKind.Visit).ToList();
        Assert.Equal([(StaffTaskStatus.Done, new DateOnly(2084, 6, 30)), (StaffTaskStatus.Open, new DateOnly(2084, 7, 31))],
            visits.Select(v => (v.Status, v.DueOn)));
    }

    [Fact]
    public async Task A_customer_without_revenue_is_owed_nothing()
    {
        var customer = await CustomerOfAsync(factory, "rep.sz1");
        await RunAsync(factory, new DateOnly(2085, 6, 30));

        await Generator().GenerateAsync(new DateOnly(2085, 6, 30), CancellationToken.None);

        Assert.Empty(await TasksOfAsync(customer));
    }

    private async Task CompleteVisitOnAsync(int customer, TimeProvider clock)
    {
        var visit = (await TasksOfAsync(customer)).Single(t => t.Kind == StaffTaskKind.Visit);
        var result = await TaskArrange.CommandsOn(factory, clock).CompleteAsync(await factory.ViewerAsync("rep.sz1"), visit.Id, "拜访完成", CancellationToken.None);
        Assert.True(result.Succeeded, result.Status.ToString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteServiceTaskTests(SqliteCrmWebFactory factory) : ServiceTaskTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresServiceTaskTests(PostgresCrmWebFactory factory) : ServiceTaskTests(factory);
