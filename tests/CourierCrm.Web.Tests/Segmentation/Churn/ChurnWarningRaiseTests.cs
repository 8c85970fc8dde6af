using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Tasks;
using CourierCrm.Web.Segmentation;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CourierCrm.Web.Tests.Segmentation.Churn.ChurnArrange;
using static CourierCrm.Web.Tests.Segmentation.ClassificationArrange;

namespace CourierCrm.Web.Tests.Segmentation.Churn;

/// <summary>
/// Warnings raised after a classification run from arranged waybills. Each test works in its own
/// year decades ahead, so its customer is the only one with revenue in the period (class A).
/// </summary>
public abstract class ChurnWarningRaiseTests(CrmWebFactory factory)
{
    /// <summary>Ten waybills a month January to June, two in July: 10/month → 2/month, −80 %.</summary>
    private async Task<int> DroppingCustomerAsync(int year)
    {
        var customer = await CustomerOfAsync(factory, "rep.sz1");
        await WaybillsAsync(factory, customer, Monthly(year, 10, 10, 10, 10, 10, 10, 2));
        return customer;
    }

    [Fact]
    public async Task A_volume_drop_below_the_baseline_raises_a_warning_with_its_figures()
    {
        var customer = await DroppingCustomerAsync(2061);

        await ClassifyAndRaiseAsync(factory, new DateOnly(2061, 7, 31));

        var warning = Assert.Single(await WarningsAsync(factory, customer), w => w.Signal == ChurnSignal.VolumeDrop);
        Assert.Equal((10m, 2m, 0.8m, ChurnWarningState.Open), (warning.BaselineMonthly, warning.RecentMonthly, warning.DropShare, warning.State));
    }

    [Fact]
    public async Task A_month_not_yet_complete_does_not_count_as_a_drop()
    {
        var customer = await DroppingCustomerAsync(2062);

        // As of 07-30 July is not complete: recent = June (10), no drop.
        await ClassifyAndRaiseAsync(factory, new DateOnly(2062, 7, 30));

        Assert.DoesNotContain(await WarningsAsync(factory, customer), w => w.Signal == ChurnSignal.VolumeDrop);
    }

    [Fact]
    public async Task A_customer_silent_for_the_set_days_raises_a_warning_with_the_days()
    {
        var customer = await CustomerOfAsync(factory, "rep.sz1");
        await WaybillsAsync(factory, customer, ("2063-05-01 10:00", 50_000));

        await ClassifyAndRaiseAsync(factory, new DateOnly(2063, 6, 15));

        var warning = Assert.Single(await WarningsAsync(factory, customer), w => w.Signal == ChurnSignal.Silent);
        Assert.Equal(45, warning.SilentDays);
    }

    [Fact]
    public async Task A_customer_whose_rep_left_raises_a_warning_with_an_unassigned_task()
    {
        var (repId, repName, _) = await Arrange.StaffAsync(factory, StaffRole.SalesRep, "SZ-NS");
        var customer = await Arrange.CustomerAsync(factory, repName, new CustomerInputBuilder());
        await using (var db = factory.NewDb())
            await db.Users.Where(u => u.Id == repId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));

        await ClassifyAndRaiseAsync(factory, new DateOnly(2064, 6, 30));

        var warning = Assert.Single(await WarningsAsync(factory, customer), w => w.Signal == ChurnSignal.OwnerDeparted);
        await using var read = factory.NewDb();
        var task = await read.StaffTasks.SingleAsync(t => t.Id == warning.TaskId);
        Assert.Null(task.AssigneeId);
    }

    [Fact]
    public async Task The_follow_up_task_goes_to_the_owner_due_in_the_set_days()
    {
        var customer = await DroppingCustomerAsync(2065);

        await ClassifyAndRaiseAsync(factory, new DateOnly(2065, 7, 31));

        var warning = Assert.Single(await WarningsAsync(factory, customer), w => w.Signal == ChurnSignal.VolumeDrop);
        await using var db = factory.NewDb();
        var task = await db.StaffTasks.SingleAsync(t => t.Id == warning.TaskId);
        Assert.Equal((StaffTaskKind.ChurnFollowUp, factory.Demo.UserId("rep.sz1"), new DateOnly(2065, 8, 7), StaffTaskStatus.Open),
            (task.Kind, task.AssigneeId, task.DueOn, task.Status));
    }

    [Fact]
    public async Task A_warning_is_written_on_the_customer_timeline()
    {
        var customer = await DroppingCustomerAsync(2066);

        await ClassifyAndRaiseAsync(factory, new DateOnly(2066, 7, 31));

        await using var db = factory.NewDb();
        var entry = await db.CustomerEvents.SingleAsync(e => e.CustomerId == customer && e.Kind == "churn-warning");
        Assert.Contains("−80 %", entry.Detail);
    }

    [Fact]
    public async Task Running_again_raises_no_second_warning_while_the_first_is_unresolved()
    {
        var customer = await DroppingCustomerAsync(2067);
        var day = new DateOnly(2067, 7, 31);
        await ClassifyAndRaiseAsync(factory, day);

        await ClassifyAndRaiseAsync(factory, day.AddDays(1));

        Assert.Single(await WarningsAsync(factory, customer), w => w.Signal == ChurnSignal.VolumeDrop);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteChurnWarningRaiseTests(SqliteCrmWebFactory factory) : ChurnWarningRaiseTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresChurnWarningRaiseTests(PostgresCrmWebFactory factory) : ChurnWarningRaiseTests(factory);
