using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Tasks;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Localization;
using CourierCrm.Web.Platform.Paging;
using CourierCrm.Web.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tasks;

/// <summary>Reads tasks for "my tasks" and the API, within the viewer's scope, with due and overdue as of today in China.</summary>
public sealed class TaskQueries(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> SortFields = ["dueOn", "kind", "status", "title", "createdAt"];

    public DateOnly Today => DateOnly.FromDateTime(CompanyTime.Local(clock.GetUtcNow()).DateTime);

    public async Task<CommandResult<PagedResult<TaskView>>> ListAsync(Viewer viewer, TaskListQuery query, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var scope = Parse<TaskScope>(query.Scope, "scope", errors) ?? TaskScope.Mine;
        var kind = Parse<StaffTaskKind>(query.Kind, "kind", errors);
        var status = Parse<StaffTaskStatus>(query.Status, "status", errors);
        var sort = query.Sort ?? "dueOn";
        if (!SortFields.Contains(sort)) errors.Add("sort", $"must be one of {string.Join(", ", SortFields)}.");
        if (query.DueFrom is { } from && query.DueTo is { } to && to < from) errors.Add("dueTo", "must not be before dueFrom.");
        if (!errors.IsEmpty) return CommandResult<PagedResult<TaskView>>.Invalid(errors);
        if (!TaskVisibility.MaySee(viewer, scope))
            return CommandResult<PagedResult<TaskView>>.Forbidden($"Your role cannot list the tasks of scope {scope}.");

        var size = PageLimits.Size(query.PageSize);
        var number = PageLimits.Number(query.Page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tasks = TaskVisibility.Tasks(db, viewer, scope);
        if (kind is { } k) tasks = tasks.Where(t => t.Kind == k);
        if (status is { } s) tasks = tasks.Where(t => t.Status == s);
        if (query.DueFrom is { } dueFrom) tasks = tasks.Where(t => t.DueOn >= dueFrom);
        if (query.DueTo is { } dueTo) tasks = tasks.Where(t => t.DueOn <= dueTo);

        var total = await tasks.CountAsync(ct);
        var desc = query.Desc == true;
        var ordered = sort switch
        {
            "kind" => desc ? tasks.OrderByDescending(t => t.Kind) : tasks.OrderBy(t => t.Kind),
            "status" => desc ? tasks.OrderByDescending(t => t.Status) : tasks.OrderBy(t => t.Status),
            "title" => desc ? tasks.OrderByDescending(t => t.Title) : tasks.OrderBy(t => t.Title),
            "createdAt" => desc ? tasks.OrderByDescending(t => t.Id) : tasks.OrderBy(t => t.Id),
            _ => desc ? tasks.OrderByDescending(t => t.DueOn) : tasks.OrderBy(t => t.DueOn),
        };
        var page = await ordered.ThenBy(t => t.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return CommandResult<PagedResult<TaskView>>.Ok(new(await ViewsAsync(db, viewer, page, ct), total, number, size));
    }

    /// <summary>Open tasks of the scope that are due within the notice days or overdue.</summary>
    public async Task<TaskCounts> CountsAsync(Viewer viewer, TaskScope scope, CancellationToken ct)
    {
        if (!TaskVisibility.MaySee(viewer, scope)) return new(0, 0);
        var today = Today;
        var dueBy = today.AddDays(TaskRules.DefaultNoticeDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = TaskVisibility.Tasks(db, viewer, scope).Where(t => t.Status == StaffTaskStatus.Open && t.DueOn <= dueBy);
        var counts = await open.GroupBy(t => t.DueOn < today).Select(g => new { Overdue = g.Key, Count = g.Count() }).ToListAsync(ct);
        return new(counts.Where(c => !c.Overdue).Sum(c => c.Count), counts.Where(c => c.Overdue).Sum(c => c.Count));
    }

    public async Task<TaskView?> GetAsync(Viewer viewer, long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = viewer.IsAdministrator ? TaskScope.All : TaskScope.Team;
        var task = await TaskVisibility.Tasks(db, viewer, scope).AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null || (!TaskVisibility.LeadsTeam(viewer) && task.AssigneeId != viewer.UserId)) return null;
        return (await ViewsAsync(db, viewer, [task], ct))[0];
    }

    /// <summary>
    /// Staff a task can be given to: active, not read-only, with an outlet; a manager's own region
    /// only (an administrator's: everyone).
    /// </summary>
    public async Task<IReadOnlyList<TaskAssignee>> AssigneesAsync(Viewer viewer, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = db.Users.Where(u => u.IsActive && u.OutletId != null && u.Role != StaffRole.Analyst)
            .Join(db.Outlets, u => u.OutletId, o => o.Id, (u, o) => new { u.Id, u.DisplayName, u.Role, o.RegionId });
        if (!viewer.IsAdministrator)
            staff = TaskVisibility.LeadsTeam(viewer) ? staff.Where(s => s.RegionId == viewer.RegionId) : staff.Where(s => s.Id == viewer.UserId);
        return await staff.OrderBy(s => s.DisplayName).Select(s => new TaskAssignee(s.Id, s.DisplayName, s.Role)).ToListAsync(ct);
    }

    private async Task<List<TaskView>> ViewsAsync(CrmDbContext db, Viewer viewer, IReadOnlyList<StaffTask> tasks, CancellationToken ct)
    {
        var customerIds = tasks.Where(t => t.CustomerId != null).Select(t => t.CustomerId!.Value).Distinct().ToList();
        var customers = await db.Customers.Where(c => customerIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.Name, c.Type }).ToDictionaryAsync(c => c.Id, ct);
        var userIds = tasks.Where(t => t.AssigneeId != null).Select(t => t.AssigneeId!.Value).Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var mask = CustomerMasking.Masks(viewer);
        var today = Today;
        return tasks.Select(t =>
        {
            var customer = t.CustomerId is { } cid && customers.TryGetValue(cid, out var c) ? c : null;
            var due = t.Status == StaffTaskStatus.Open ? TaskRules.DueState(t.DueOn, today) : null;
            return new TaskView(t.Id, t.Kind, t.CustomerId, customer?.Code,
                customer is null ? null : CustomerMasking.Name(customer.Name, customer.Type, mask),
                t.Title, t.Detail, t.DueOn, due?.State, due?.DaysOverdue ?? 0, t.Status,
                t.AssigneeId, t.AssigneeId is { } a && users.TryGetValue(a, out var name) ? name : null,
                t.CreatedAt, t.CreatedBy, t.ClosedAt, t.Outcome, Complaints.Callbacks.ComplaintCallbacks.LinkOf(t.Kind, t.SourceKey));
        }).ToList();
    }

    /// <summary>An enum named in a query string: null when left out, an error naming the field when unknown.</summary>
    internal static T? Parse<T>(string? value, string field, ValidationErrors errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)) return parsed;
        errors.Add(field, $"must be one of {string.Join(", ", Enum.GetNames<T>())}.");
        return null;
    }
}
