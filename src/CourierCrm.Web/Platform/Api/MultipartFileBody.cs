using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CourierCrm.Web.Platform.Api;

/// <summary>
/// OpenAPI for an upload whose handler reads the request itself (streamed, so it takes no IFormFile):
/// multipart with one binary field "file".
/// </summary>
public static class MultipartFileBody
{
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> Describing(string fileDescription) =>
        (operation, _, _) =>
        {
            var schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "file" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = fileDescription },
                },
            };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = schema } },
            };
            return Task.CompletedTask;
        };
}
