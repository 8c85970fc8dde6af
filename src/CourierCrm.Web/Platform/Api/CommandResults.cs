using CourierCrm.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CourierCrm.Web.Platform.Api;

/// <summary>Maps a <see cref="CommandResult{T}"/> to typed HTTP results with ProblemDetails.</summary>
public static class CommandResults
{
    public const string NotInScope = "No such record in your data scope.";

    public static Results<Ok<TOut>, ValidationProblem, ProblemHttpResult> ToHttp<T, TOut>(
        this CommandResult<T> result, Func<T, TOut> map) =>
        result.Status switch
        {
            CommandStatus.Ok => TypedResults.Ok(map(result.Value!)),
            CommandStatus.Invalid => TypedResults.ValidationProblem(result.Errors!.ToDictionary(), title: "Some fields are not valid."),
            CommandStatus.NotFound => NotFound(),
            CommandStatus.Conflict => TypedResults.Problem(statusCode: 409, title: "Conflict", detail: result.Message,
                extensions: new Dictionary<string, object?> { ["errors"] = result.Errors?.ToDictionary() }),
            _ => TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: result.Message),
        };

    /// <summary>
    /// Not found as ProblemDetails with the application/problem+json content type — also what a viewer
    /// gets for a record outside their data scope, so ids reveal nothing.
    /// </summary>
    public static ProblemHttpResult NotFound(string detail = NotInScope) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
