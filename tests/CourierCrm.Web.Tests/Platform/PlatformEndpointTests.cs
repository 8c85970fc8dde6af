using System.Net;
using System.Text.Json;
using CourierCrm.Web.Tests.Infrastructure;

namespace CourierCrm.Web.Tests.Platform;

/// <summary>The health check and the OpenAPI document integrations read.</summary>
public abstract class PlatformEndpointTests(CrmWebFactory factory)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Health_answers_200_Healthy_without_a_sign_in()
    {
        var response = await factory.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_lists_the_customers_and_outlets_endpoints()
    {
        var document = await OpenApiAsync();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/customers", paths);
        Assert.Contains("/api/v1/customers/{id}", paths);
        Assert.Contains("/api/v1/customers/{id}/transfer", paths);
        Assert.Contains("/api/v1/outlets", paths);
        Assert.Contains("/api/v1/outlets/{id}", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p));
    }

    [Fact]
    public async Task Every_OpenApi_operation_has_a_summary_and_a_description()
    {
        var document = await OpenApiAsync();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)).Select(o => (Name: $"{o.Name.ToUpperInvariant()} {path.Name}", Operation: o.Value)))
            .ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, o =>
        {
            Assert.True(o.Operation.TryGetProperty("summary", out var summary) && !string.IsNullOrWhiteSpace(summary.GetString()), $"{o.Name} has no summary.");
            Assert.True(o.Operation.TryGetProperty("description", out var description) && !string.IsNullOrWhiteSpace(description.GetString()), $"{o.Name} has no description.");
        });
    }

    [Fact]
    public async Task Api_reference_page_is_served_without_a_sign_in()
    {
        var client = factory.Anonymous();
        var response = await client.GetAsync("/api/docs");
        var location = response.Headers.Location;
        if (response.StatusCode == HttpStatusCode.Redirect)
            response = await client.GetAsync(new Uri(response.RequestMessage!.RequestUri!, location!)); // relative "docs/", as a browser resolves it

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/api/docs → {location} answered {(int)response.StatusCode}");
        Assert.Contains("CourierCrm API", await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> OpenApiAsync()
    {
        var response = await factory.Anonymous().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePlatformEndpointTests(SqliteCrmWebFactory factory) : PlatformEndpointTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPlatformEndpointTests(PostgresCrmWebFactory factory) : PlatformEndpointTests(factory);
