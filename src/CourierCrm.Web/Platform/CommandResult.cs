using CourierCrm.Web.Platform.Validation;

namespace CourierCrm.Web.Platform;

public enum CommandStatus { Ok, Invalid, NotFound, Forbidden, Conflict }

/// <summary>
/// The outcome of a business operation that can fail for business reasons (DESIGN.md: typed
/// results, exceptions only for bugs). Pages show it; endpoints turn it into ProblemDetails.
/// </summary>
public sealed record CommandResult<T>(CommandStatus Status, T? Value, ValidationErrors? Errors, string? Message)
{
    public bool Succeeded => Status == CommandStatus.Ok;

    public static CommandResult<T> Ok(T value) => new(CommandStatus.Ok, value, null, null);
    public static CommandResult<T> Invalid(ValidationErrors errors) => new(CommandStatus.Invalid, default, errors, null);
    public static CommandResult<T> Invalid(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }
    public static CommandResult<T> NotFound() => new(CommandStatus.NotFound, default, null, null);
    public static CommandResult<T> Forbidden(string reason) => new(CommandStatus.Forbidden, default, null, reason);
    public static CommandResult<T> Conflict(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return new(CommandStatus.Conflict, default, errors, message);
    }
}
