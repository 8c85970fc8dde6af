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
        // e.g. Failed to bind parameter "int id" from "abc".
        var m = System.Text.RegularExpressions.Regex.Match(bad.Message, "parameter \"[^\" ]+ (?<name>[^\"]+)\"");
        var name = m.Success ? m.Groups["name"].Value : "request";
        return (name, m.Success ? $"'{name}' is not valid: {bad.Message}" : bad.Message);
    }

    private static string? UnmappedName(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, "JSON property '(?<name>[^']+)'");
        return m.Success ? m.Groups["name"].Value : null;
    }
}
