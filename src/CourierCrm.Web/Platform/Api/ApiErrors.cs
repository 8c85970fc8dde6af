using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;

namespace CourierCrm.Web.Platform.Api;

/// <summary>
/// Every API error is ProblemDetails that names the offending field: binding failures
/// (malformed ids, wrong JSON types, unknown or over-posted fields) included. Nothing else
/// ever leaks a stack trace.
/// </summary>
public static class ApiErrors
{
    public static IServiceCollection AddCrmApiErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier));
        // Binding failures become exceptions we turn into a named-field ProblemDetails below.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<JsonOptions>(o => Configure(o.SerializerOptions));
        return services;
    }

    /// <summary>The API's JSON rules: camelCase, enums by name, unknown members refused (no over-posting).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
            options.Converters.Add(new JsonStringEnumConverter());
    }
}

internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        var (field, message) = Describe(bad);
        http.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = "The request is not valid.",
                Detail = message,
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } },
            },
        });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
            var message = json.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? $"'{UnmappedName(json.Message) ?? field}' is not a field that can be set here."
                : $"'{field}' has a value of the wrong type or format.";
            return (UnmappedName(json.Message) ?? field, message);
        }
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return ("body", "The body must be JSON, sent with Content-Type: application/json.");
        if (bad.Message.Contains("was not provided from body", StringComparison.Ordinal))
            return ("body", "A JSON body is required.");
        // e.g. Failed to bind parameter "int id" from "abc", or "Nullable<int> PageSize" for a property of
        // an [AsParameters] query: named as the client wrote it (camelCase), like every other field.
        var m = System.Text.RegularExpressions.Regex.Match(bad.Message, "parameter \"(?<type>[^\" ]+) (?<name>[^\"]+)\"( from \"(?<value>[^\"]*)\")?");
        if (!m.Success) return ("request", bad.Message);
        var name = JsonNamingPolicy.CamelCase.ConvertName(m.Groups["name"].Value);
        return (name, m.Groups["value"].Success
            ? $"'{name}' has a value of the wrong type or format: \"{m.Groups["value"].Value}\" is not a {FriendlyType(m.Groups["type"].Value)}."
            : $"'{name}' is not valid: {bad.Message}");
    }

    /// <summary>"Nullable&lt;int&gt;" → "whole number"; enums and others by their name.</summary>
    private static string FriendlyType(string type)
    {
        var inner = type.StartsWith("Nullable<", StringComparison.Ordinal) ? type["Nullable<".Length..^1] : type;
        return inner switch
        {
            "int" or "long" or "short" or "Int32" or "Int64" => "whole number",
            "decimal" or "double" or "float" => "number",
            "bool" or "Boolean" => "true or false",
            "DateOnly" or "DateTime" or "DateTimeOffset" => "date",
            _ => "valid " + inner,
        };
    }

    private static string? UnmappedName(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, "JSON property '(?<name>[^']+)'");
        return m.Success ? m.Groups["name"].Value : null;
    }
}
