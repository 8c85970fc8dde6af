using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Complaints;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CourierCrm.Web.Tests.Complaints;

/// <summary>The queries the complaint pages add: the handler pickers, the overdue board and the list's service-level state.</summary>
public abstract class ComplaintPageQueryTests(CrmWebFactory factory)
{
    private async Task<int> RecordedAsync()
    {
        var customerId = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var desk = await factory.SignedInAsync("cs.sz");
        var recorded = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(desk, "/api/v1/complaints", ComplaintJson.Record(customerId)));
        return recorded.GetProperty("id").GetInt32();
    }

    private async Task<T> WithQueriesAsync<T>(Func<ComplaintQueries, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ComplaintQueries>());
    }

    private async Task SetDeadlinesAsync(int id, DateTimeOffset warnAt, DateTimeOffset dueAt)
    {
        await using var db = factory.NewDb();
        var complaint = await db.Complaints.SingleAsync(c => c.Id == id);
        (complaint.ResolutionWarnAt, complaint.ResolutionDueAt) = (warnAt, dueAt);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_managers_handler_picker_holds_active_staff_of_the_region_who_can_handle_complaints_most_senior_first()
    {
        var manager = await factory.Demo.ViewerAsync(factory, "mgr.south");

        var handlers = await WithQueriesAsync(q => q.AssignableHandlersAsync(manager, CancellationToken.None));

        Assert.Contains(handlers, h => h.Id == factory.Demo.UserId("ch.sz"));
        Assert.DoesNotContain(handlers, h => h.Role is StaffRole.Analyst or StaffRole.Reception);
        Assert.DoesNotContain(handlers, h => h.Id == factory.Demo.UserId("ch.sh")); // another region
        Assert.Equal(handlers.OrderBy(h => ComplaintQueries.Seniority(h.Role)).Select(h => h.Id), handlers.Select(h => h.Id));
    }

    [Fact]
    public async Task An_administrators_handler_picker_holds_every_region()
    {
        var admin = await factory.Demo.ViewerAsync(factory, "admin");

        var handlers = await WithQueriesAsync(q => q.AssignableHandlersAsync(admin, CancellationToken.None));

        Assert.Contains(handlers, h => h.Id == factory.Demo.UserId("ch.sh"));
        Assert.Contains(handlers, h => h.Id == factory.Demo.UserId("ch.sz"));
    }

    [Fact]
    public async Task The_overdue_board_holds_complaints_past_their_warning_time_and_past_their_deadline_most_urgent_first()
    {
        var now = DateTimeOffset.UtcNow;
        var warned = await RecordedAsync();
        var breached = await RecordedAsync();
        var onTrack = await RecordedAsync();
        await SetDeadlinesAsync(warned, now.AddHours(-1), now.AddHours(2));
        await SetDeadlinesAsync(breached, now.AddHours(-5), now.AddHours(-1));
        await SetDeadlinesAsync(onTrack, now.AddHours(5), now.AddHours(9));
        var manager = await factory.Demo.ViewerAsync(factory, "mgr.south");

        var board = await WithQueriesAsync(q => q.OverdueBoardAsync(manager, CancellationToken.None));

        var ids = board.Select(b => b.Id).ToList();
        Assert.DoesNotContain(onTrack, ids);
        Assert.True(ids.IndexOf(breached) >= 0 && ids.IndexOf(breached) < ids.IndexOf(warned), $"breached {breached} before warned {warned}: {string.Join(",", ids)}");
        Assert.Equal(ServiceLevelState.Breached, board.Single(b => b.Id == breached).ResolutionState);
        Assert.Equal(ServiceLevelState.Warning, board.Single(b => b.Id == warned).ResolutionState);
    }

    [Fact]
    public async Task The_overdue_board_leaves_out_complaints_outside_the_viewers_reach()
    {
        var id = await RecordedAsync();
        await SetDeadlinesAsync(id, DateTimeOffset.UtcNow.AddHours(-5), DateTimeOffset.UtcNow.AddHours(-1));
        var otherRegion = await factory.Demo.ViewerAsync(factory, "mgr.east");

        var board = await WithQueriesAsync(q => q.OverdueBoardAsync(otherRegion, CancellationToken.None));

        Assert.DoesNotContain(board, b => b.Id == id);
    }

    [Theory]
    [InlineData(ComplaintStage.AwaitingAnalysis, false, -3, -1, null, ServiceLevelState.Breached)]
    [InlineData(ComplaintStage.AwaitingAnalysis, false, -1, 2, null, ServiceLevelState.Warning)]
    [InlineData(ComplaintStage.AwaitingAnalysis, false, 1, 2, null, ServiceLevelState.OnTrack)]
    [InlineData(ComplaintStage.AwaitingAnalysis, true, -3, -1, null, ServiceLevelState.Paused)]
    [InlineData(ComplaintStage.Closed, false, -3, -1, -2, ServiceLevelState.Met)]
    [InlineData(ComplaintStage.Closed, false, -3, -1, 0, ServiceLevelState.Missed)]
    public void The_lists_service_level_state_follows_the_stored_deadlines(ComplaintStage stage, bool waiting, int warnHours, int dueHours, int? closedHours, ServiceLevelState expected)
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

        var state = ComplaintQueries.StoredState(stage, waiting, now.AddHours(warnHours), now.AddHours(dueHours), closedHours is int c ? now.AddHours(c) : null, now);

        Assert.Equal(expected, state);
    }

    [Fact]
    public async Task The_list_api_answers_each_complaints_resolution_state()
    {
        var id = await RecordedAsync();
        await SetDeadlinesAsync(id, DateTimeOffset.UtcNow.AddHours(-5), DateTimeOffset.UtcNow.AddHours(-1));

        var list = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("cs.sz"), "/api/v1/complaints?overdue=true&pageSize=200"));

        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
        Assert.Equal("Breached", item.GetProperty("resolutionState").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteComplaintPageQueryTests(SqliteCrmWebFactory factory) : ComplaintPageQueryTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresComplaintPageQueryTests(PostgresCrmWebFactory factory) : ComplaintPageQueryTests(factory);
