using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourierCrm.Web.Tests.Infrastructure;

/// <summary>Calls to /api/v1 and the checks every API answer must pass.</summary>
public static class CrmApi
{
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = body switch
            {
                JsonNode node => new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json"),
                string raw => new StringContent(raw, Encoding.UTF8, "application/json"),
                _ => JsonContent.Create(body, body.GetType(), options: CustomerInputBuilder.Json),
            };
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) => SendAsync(client, HttpMethod.Get, path);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body) => SendAsync(client, HttpMethod.Post, path, body);

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, object? body) => SendAsync(client, HttpMethod.Put, path, body);

    /// <summary>Every customer id GET /api/v1/customers lists for the client, page by page, and the total it reports.</summary>
    public static async Task<(List<int> Ids, int Total)> ListAllCustomerIdsAsync(HttpClient client, string query = "")
    {
        var ids = new List<int>();
        int total;
        var page = 1;
        do
        {
            var body = await OkJsonAsync(await GetAsync(client, $"/api/v1/customers?pageSize=200&page={page}{query}"));
            total = body.GetProperty("total").GetInt32();
            ids.AddRange(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
            page++;
        } while (ids.Count < total && page <= 100);
        ids.Sort();
        return (ids, total);
    }

    /// <summary>The body of a successful answer, failing with the body's text otherwise.</summary>
    public static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<T> OkAsync<T>(HttpResponseMessage response) =>
        (await OkJsonAsync(response)).Deserialize<T>(CustomerInputBuilder.Json)!;

    /// <summary>Asserts a ProblemDetails answer with the status and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}, expected {(int)status}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>Asserts a 400 ProblemDetails whose "errors" name the field, with a message for it; returns the messages.</summary>
    public static async Task<string[]> FieldErrorAsync(HttpResponseMessage response, string field, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var problem = await ProblemAsync(response, status);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object,
            $"The problem has no errors object: {problem}");
        Assert.True(errors.TryGetProperty(field, out var messages),
            $"The errors do not name '{field}': {errors}");
        var list = messages.EnumerateArray().Select(m => m.GetString() ?? "").ToArray();
        Assert.NotEmpty(list);
        Assert.All(list, m => Assert.False(string.IsNullOrWhiteSpace(m)));
        return list;
    }
}
