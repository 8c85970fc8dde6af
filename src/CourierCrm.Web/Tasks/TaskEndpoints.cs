using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CourierCrm.Web.Tasks;

/// <summary>/api/v1/tasks: "my tasks" for integrations and scripts, under the caller's data scope.</summary>
public static class TaskEndpoints
{
    public static RouteGroupBuilder MapTasks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks");

        group.MapGet("/", async ([AsParameters] TaskListQuery query, HttpContext http, TaskQueries queries, CancellationToken ct) =>
                (await queries.ListAsync(http.User.RequireViewer(), query, ct)).ToHttp(x => x))
            .WithName("ListTasks")
            .WithSummary("List tasks")
            .WithDescription("Tasks of the caller: scope=mine (default) those assigned to you; scope=team (managers and administrators) every task about the customers in your data scope, unassigned ones included; scope=all (administrators) every task. Filter by kind, status (Open, Done, Cancelled) and due range (dueFrom, dueTo); sort by dueOn (default), kind, status, title or createdAt with desc=true for descending; paged (pageSize at most 200). Each open task carries its dueState as of today in China: Upcoming, Due (within 7 days of its due date, the day included) or Overdue with daysOverdue. Customer names are masked for roles without the personal-data permission. A wrong value answers 400 naming the field; a scope your role may not use answers 403.")
            .Produces<PagedResult<TaskView>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/counts", async Task<Results<Ok<TaskCounts>, ValidationProblem>> (string? scope, HttpContext http, TaskQueries queries, CancellationToken ct) =>
            {
                var errors = new Platform.Validation.ValidationErrors();
                var parsed = TaskQueries.Parse<TaskScope>(scope, "scope", errors) ?? TaskScope.Mine;
                if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
                return TypedResults.Ok(await queries.CountsAsync(http.User.RequireViewer(), parsed, ct));
            })
            .WithName("CountTasks")
            .WithSummary("Count due and overdue tasks")
            .WithDescription("Open tasks of the scope (as for the list) that are due within 7 days or overdue, as of today in China. A scope your role may not use counts nothing.");

        group.MapPost("/", async (TaskInput input, HttpContext http, TaskCommands commands, TaskQueries queries, CancellationToken ct) =>
                await Answer(await commands.CreateAsync(http.User.RequireViewer(), input, ct), http, queries, ct))
            .WithName("CreateTask")
            .WithSummary("Create a task by hand")
            .WithDescription("A task about a customer in your data scope (customerId), of a kind (Visit, LeaderVisit, InquiryLetter, UpgradeReview, ChurnFollowUp, ComplaintCallback), with a title (at most 100 characters), an optional detail and a due day (today or later). It is yours unless you name an assigneeId: only managers and administrators give tasks to others, to active staff of their region. Answers the created task; 400 names every bad field; read-only roles get 403.")
            .Produces<TaskView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/{id:long}/complete", async (long id, TaskCompletion body, HttpContext http, TaskCommands commands, TaskQueries queries, CancellationToken ct) =>
                await Answer(await commands.CompleteAsync(http.User.RequireViewer(), id, body.Outcome, ct), http, queries, ct))
            .WithName("CompleteTask")
            .WithSummary("Complete a task with its outcome")
            .WithDescription("Marks an open task done with what came of it (outcome, required, at most 2000 characters); a task about a customer is also written on the customer's timeline. Your own tasks, or (managers and administrators) your team's. A task already done or cancelled answers 409; a task you may not act on answers 404.")
            .Produces<TaskView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:long}/cancel", async (long id, TaskCancellation body, HttpContext http, TaskCommands commands, TaskQueries queries, CancellationToken ct) =>
                await Answer(await commands.CancelAsync(http.User.RequireViewer(), id, body.Reason, ct), http, queries, ct))
            .WithName("CancelTask")
            .WithSummary("Cancel a task with a reason")
            .WithDescription("Cancels an open task (reason required, at most 2000 characters). A cancelled service-policy task skips that round: the next one falls due an interval after the cancellation. 409 when already closed, 404 when not yours to act on.")
            .Produces<TaskView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:long}/assign", async (long id, TaskAssignment body, HttpContext http, TaskCommands commands, TaskQueries queries, CancellationToken ct) =>
                await Answer(await commands.AssignAsync(http.User.RequireViewer(), id, body.AssigneeId, ct), http, queries, ct))
            .WithName("AssignTask")
            .WithSummary("Give a task to someone else")
            .WithDescription("Managers and administrators give an open task of their team to an active member of staff of their region (assigneeId; administrators: anyone active), e.g. a churn follow-up left unassigned because the customer's rep left. 403 for other roles, 409 for a closed task, 400 naming assigneeId for someone who cannot take it.")
            .Produces<TaskView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }

    /// <summary>The changed task as the caller now sees it (a task given away may no longer be theirs to read: then its id).</summary>
    private static async Task<Results<Ok<object>, ValidationProblem, ProblemHttpResult>> Answer(
        CommandResult<long> result, HttpContext http, TaskQueries queries, CancellationToken ct)
    {
        if (!result.Succeeded) return result.ToHttp(id => (object)id);
        var view = await queries.GetAsync(http.User.RequireViewer(), result.Value, ct);
        return TypedResults.Ok(view is null ? new { id = result.Value } : (object)view);
    }
}
