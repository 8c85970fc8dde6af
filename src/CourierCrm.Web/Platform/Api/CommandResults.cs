using CourierCrm.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CourierCrm.Web.Platform.Api;

/// <summary>Maps a <see cref="CommandResult{T}"/> to typed HTTP results with ProblemDetails.</summary>
public static class CommandResults
{
    public static Results<Ok<TOut>, ValidationProblem, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ProblemHttpResult> ToHttp<T, TOut>(
        this CommandResult<T> result, Func<T, TOut> map) =>
        result.Status switch
        {
            CommandStatus.Ok => TypedResults.Ok(map(result.Value!)),
            CommandStatus.Invalid => TypedResults.ValidationProblem(result.Errors!.ToDictionary(), title: "Some fields are not valid."),
            CommandStatus.NotFound => NotFoundProblem(),
            CommandStatus.Conflict => TypedResults.Problem(statusCode: 409, title: "Conflict", detail: result.Message,
                extensions: new Dictionary<string, object?> { ["errors"] = result.Errors?.ToDictionary() }),
            _ => TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: result.Message),
        };

    /// <summary>Not found — also what a viewer gets for a record outside their data scope, so ids reveal nothing.</summary>
    public static NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails> NotFoundProblem(string detail = "No such record in your data scope.") =>
        TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Title = "Not found", Detail = detail });
}
