using CourierCrm.Domain.Tasks;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Tasks;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CourierCrm.Web.Tests.Tasks;

/// <summary>A clock standing still at one instant: the follow-ups and commands of a test run "on" that day.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public static TestClock China(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.FromHours(8)));

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}

/// <summary>A task as POST /api/v1/tasks takes it, due next week by default.</summary>
public sealed class TaskInputBuilder(int customerId)
{
    private string? _kind = "Visit";
    private string? _title = "拜访客户 " + Guid.NewGuid().ToString("N")[..6];
    private DateOnly? _dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
    private int? _assigneeId;

    public TaskInputBuilder Kind(string? kind) { _kind = kind; return this; }
    public TaskInputBuilder Title(string? title) { _title = title; return this; }
    public TaskInputBuilder DueOn(DateOnly? day) { _dueOn = day; return this; }
    public TaskInputBuilder AssignedTo(int? userId) { _assigneeId = userId; return this; }

    public object Build() => new { kind = _kind, customerId, title = _title, dueOn = _dueOn, assigneeId = _assigneeId };
}

internal static class TaskArrange
{
    /// <summary>Creates a task through the API as the user; answers its id.</summary>
    public static async Task<long> TaskAsync(CrmWebFactory factory, string userName, TaskInputBuilder task)
    {
        var client = await factory.SignedInAsync(userName);
        var json = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(client, "/api/v1/tasks", task.Build()));
        return json.GetProperty("id").GetInt64();
    }

    public static async Task<StaffTask> StoredAsync(CrmWebFactory factory, long id)
    {
        await using var db = factory.NewDb();
        return await db.StaffTasks.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    /// <summary>Task commands on a test clock (closing a task "on" a day years ahead, as the service-policy tests need).</summary>
    public static TaskCommands CommandsOn(CrmWebFactory factory, TimeProvider clock)
    {
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        return new TaskCommands(dbFactory, factory.Services.GetRequiredService<AuditLog>(), clock, new TaskQueries(dbFactory, clock));
    }

    /// <summary>Ids of the tasks a user sees in a scope (first 200).</summary>
    public static async Task<List<long>> ListedAsync(CrmWebFactory factory, string userName, string query)
    {
        var client = await factory.SignedInAsync(userName);
        var json = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, "/api/v1/tasks?pageSize=200&" + query));
        return json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
    }
}
