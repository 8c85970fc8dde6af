using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CourierCrm.Web.Tests.Infrastructure;

namespace CourierCrm.Web.Tests.Imports;

/// <summary>The import steps over /api/v1 as a client takes them: upload, start with a mapping, follow the job, fetch the error report.</summary>
public static class ImportApi
{
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, byte[] content, string fileName = "import.csv", string language = "zh-CN")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/imports/{kind}") { Content = form };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return await client.SendAsync(request);
    }

    /// <summary>Uploads and answers the draft, failing the test when the upload is refused.</summary>
    public static async Task<JsonElement> DraftAsync(HttpClient client, string kind, byte[] content, string fileName = "import.csv")
    {
        var response = await UploadAsync(client, kind, content, fileName);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Upload answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<HttpResponseMessage> StartAsync(HttpClient client, Guid id, object mapping, string? saveAs = null, string language = "zh-CN")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/imports/{id}/start") { Content = JsonContent.Create(new { mapping, saveAs }) };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return await client.SendAsync(request);
    }

    /// <summary>Polls the job until it ends (at most two minutes) and answers its last view.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, Guid id, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        while (true)
        {
            var job = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, $"/api/v1/jobs/{id}"));
            if (job.GetProperty("status").GetString() is "Succeeded" or "Failed" or "Cancelled") return job;
            if (DateTime.UtcNow > until) Assert.Fail($"Job {id} did not finish in time: {job}");
            await Task.Delay(100);
        }
    }

    /// <summary>Upload, start with the proposed mapping, wait: the finished job.</summary>
    public static async Task<JsonElement> ImportAsync(HttpClient client, string kind, byte[] content, string language = "zh-CN", string fileName = "import.csv")
    {
        var draft = await DraftAsync(client, kind, content, fileName);
        var id = draft.GetProperty("jobId").GetGuid();
        var started = await StartAsync(client, id, draft.GetProperty("proposedMapping"), language: language);
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, $"Start answered {(int)started.StatusCode}: {await started.Content.ReadAsStringAsync()}");
        var job = await WaitAsync(client, id);
        Assert.True(job.GetProperty("status").GetString() == "Succeeded", $"The import did not succeed: {job}");
        return job;
    }

    /// <summary>The error report's lines after its header, the byte-order mark checked and removed.</summary>
    public static async Task<List<string[]>> ErrorReportAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/jobs/{id}/file");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        return ParseCsv(text).Skip(1).ToList();
    }

    /// <summary>A small RFC 4180 reader for checking reports (quoted cells, doubled quotes, CRLF).</summary>
    public static IEnumerable<string[]> ParseCsv(string text)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { cells.Add(cell.ToString()); cell.Clear(); yield return [.. cells]; cells.Clear(); }
            else cell.Append(c);
        }
        if (cell.Length > 0 || cells.Count > 0) { cells.Add(cell.ToString()); yield return [.. cells]; }
    }

    public static Guid JobId(this JsonElement job) => job.GetProperty("id").GetGuid();
}
