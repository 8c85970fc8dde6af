using System.Net;
using System.Text.Json;
using CourierCrm.Web.Imports;
using CourierCrm.Web.Platform.Jobs;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CourierCrm.Web.Tests.Imports;

/// <summary>The upload and mapping steps: what is proposed, what is refused (with a clear message, never a 500), and who may import.</summary>
public abstract class ImportUploadTests(CrmWebFactory factory)
{
    private Task<HttpClient> Admin => factory.SignedInAsync("admin");

    private async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(byte[] content, string kind = "waybills", string user = "admin")
    {
        var response = await ImportApi.UploadAsync(await factory.SignedInAsync(user), kind, content);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string FileError(JsonElement problem) => problem.GetProperty("errors").GetProperty("file")[0].GetString()!;

    [Fact]
    public async Task The_draft_shows_format_encoding_columns_preview_and_a_mapping_proposed_from_the_header()
    {
        var p = WaybillCsv.Prefix();
        var draft = await ImportApi.DraftAsync(await Admin, "waybills", WaybillCsv.File([WaybillCsv.Row($"{p}1"), WaybillCsv.Row($"{p}2")]).Bytes(bom: true));

        Assert.Equal(("Csv", "UTF-8 BOM"), (draft.GetProperty("format").GetString(), draft.GetProperty("encoding").GetString()));
        Assert.Equal(WaybillCsv.Header, draft.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([2, 3], draft.GetProperty("preview").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()));
        Assert.Equal(0, draft.GetProperty("proposedMapping").GetProperty("number").GetInt32());
        Assert.Contains(draft.GetProperty("fields").EnumerateArray(), f => f.GetProperty("key").GetString() == "number" && f.GetProperty("required").GetBoolean());
        await using var db = factory.NewDb();
        var job = await db.BackgroundJobs.SingleAsync(j => j.Id == draft.GetProperty("jobId").GetGuid());
        Assert.Equal((JobStatus.Draft, "input.csv"), (job.Status, job.InputFileName));
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("headerOnly")]
    [InlineData("wide")]
    [InlineData("empty")]
    [InlineData("xls")]
    public async Task A_file_that_cannot_be_imported_is_refused_with_a_message_and_creates_no_job(string kind)
    {
        byte[] content = kind switch
        {
            "binary" => [0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0xFF, 0xFE, 0x00, 0x9C, 0x00, 0x00],
            "headerOnly" => new CsvBuilder().Row(WaybillCsv.Header).Bytes(),
            "wide" => new CsvBuilder().Row([.. Enumerable.Range(1, 10_000).Select(i => "c" + i)]).Row("1").Bytes(),
            "xls" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            _ => [],
        };
        await using var before = factory.NewDb();
        var jobs = await before.BackgroundJobs.CountAsync();
        var waybills = await before.Waybills.CountAsync();

        var (status, problem) = await UploadAsync(content);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(FileError(problem));
        await using var after = factory.NewDb();
        Assert.Equal((jobs, waybills), (await after.BackgroundJobs.CountAsync(), await after.Waybills.CountAsync()));
    }

    [Fact]
    public async Task Ten_thousand_columns_are_refused_naming_the_limit()
    {
        var (_, problem) = await UploadAsync(new CsvBuilder().Row([.. Enumerable.Range(1, 10_000).Select(i => "c" + i)]).Row("1").Bytes());

        Assert.Equal("The file has 10000 columns; at most 200 can be imported.", FileError(problem));
    }

    [Fact]
    public async Task A_body_announced_larger_than_the_limit_is_refused_with_413_before_it_is_read()
    {
        var client = await Admin;
        var content = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "big.csv" } };
        content.Headers.ContentLength = new ImportOptions().MaxUploadBytes + 2L * 1024 * 1024; // past the limit and its multipart envelope
        var response = await client.PostAsync("/api/v1/imports/waybills", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_file_that_grows_past_the_limit_while_it_arrives_is_refused_and_nothing_is_kept()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var service = ActivatorUtilities.CreateInstance<ImportService>(scope.ServiceProvider, new ImportOptions { MaxUploadBytes = 1000 });
        var user = await PrincipalAsync("admin");
        var uploads = Path.Combine(scope.ServiceProvider.GetRequiredService<JobFiles>().Root, "uploads");

        var result = await service.UploadAsync(JobKind.WaybillImport, user, "big.csv", new MemoryStream(new byte[5000]), CancellationToken.None);

        Assert.Equal("File.TooLarge", result.FileProblem?.TextKey);
        Assert.Null(result.Draft);
        Assert.Empty(Directory.Exists(uploads) ? Directory.GetFiles(uploads) : []);
    }

    [Fact]
    public async Task A_request_that_is_not_multipart_is_refused_naming_the_file_field()
    {
        var response = await CrmApi.PostAsync(await Admin, "/api/v1/imports/customers", new { file = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("multipart/form-data", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rep.sz1", "waybills")]
    [InlineData("kam.south", "waybills")]
    [InlineData("ch.sz", "waybills")]
    [InlineData("analyst", "customers")]
    [InlineData("front.sz", "customers")]
    public async Task Roles_that_may_not_import_this_kind_are_refused(string user, string kind)
    {
        var (status, _) = await UploadAsync(WaybillCsv.File([WaybillCsv.Row("X1")]).Bytes(), kind, user);

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("mgr.south")]
    [InlineData("cs.sz")]
    public async Task Administrators_managers_and_customer_service_may_import_waybills(string user)
    {
        var response = await ImportApi.UploadAsync(await factory.SignedInAsync(user), "waybills", WaybillCsv.File([WaybillCsv.Row(WaybillCsv.Prefix())]).Bytes());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Starting_without_a_required_field_names_that_field()
    {
        var draft = await ImportApi.DraftAsync(await Admin, "waybills", WaybillCsv.File([WaybillCsv.Row(WaybillCsv.Prefix())]).Bytes());
        var mapping = draft.GetProperty("proposedMapping").Deserialize<Dictionary<string, int>>()!;
        mapping.Remove("freight");

        var response = await ImportApi.StartAsync(await Admin, draft.GetProperty("jobId").GetGuid(), mapping);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["mapping.freight"], errors.EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Starting_with_a_column_the_file_does_not_have_or_an_unknown_field_names_them()
    {
        var draft = await ImportApi.DraftAsync(await Admin, "waybills", WaybillCsv.File([WaybillCsv.Row(WaybillCsv.Prefix())]).Bytes());
        var mapping = draft.GetProperty("proposedMapping").Deserialize<Dictionary<string, int>>()!;
        mapping["number"] = 99;
        mapping["colour"] = 1;

        var response = await ImportApi.StartAsync(await Admin, draft.GetProperty("jobId").GetGuid(), mapping);

        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["mapping.colour", "mapping.number"], errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task A_draft_starts_once_and_only_for_the_person_who_uploaded_it()
    {
        var draft = await ImportApi.DraftAsync(await factory.SignedInAsync("cs.sz"), "waybills", WaybillCsv.File([WaybillCsv.Row(WaybillCsv.Prefix())]).Bytes());
        var id = draft.GetProperty("jobId").GetGuid();
        var mapping = draft.GetProperty("proposedMapping");

        Assert.Equal(HttpStatusCode.NotFound, (await ImportApi.StartAsync(await factory.SignedInAsync("mgr.south"), id, mapping)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await ImportApi.StartAsync(await factory.SignedInAsync("cs.sz"), id, mapping)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ImportApi.StartAsync(await factory.SignedInAsync("cs.sz"), id, mapping)).StatusCode);
        await ImportApi.WaitAsync(await factory.SignedInAsync("cs.sz"), id);
    }

    [Fact]
    public async Task A_saved_mapping_is_proposed_for_the_next_file_with_the_same_columns()
    {
        string?[] header = ["单号", "客户", "发件人", "发件电话", "发件地址", "收件", "收件电话", "收件地", "起点", "终点", "数量", "公斤", "金额", "付款", "日期"];
        var name = "运营系统 " + Guid.NewGuid().ToString("N")[..6];
        var p = WaybillCsv.Prefix();
        var first = await ImportApi.DraftAsync(await Admin, "waybills", new CsvBuilder().Row(header).Row(WaybillCsv.Row($"{p}1")).Bytes());
        var chosen = new[] { "number", "customerCode", "senderName", "senderPhone", "senderAddress", "receiverName", "receiverPhone", "receiverAddress", "originCity", "destinationCity", "pieces", "weightKg", "freight", "payer", "orderedAt" }
            .Select((field, column) => (field, column)).ToDictionary(x => x.field, x => x.column);
        var started = await ImportApi.StartAsync(await Admin, first.GetProperty("jobId").GetGuid(), chosen, saveAs: name);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        await ImportApi.WaitAsync(await Admin, first.GetProperty("jobId").GetGuid());

        var next = await ImportApi.DraftAsync(await Admin, "waybills", new CsvBuilder().Row(header).Row(WaybillCsv.Row($"{p}2")).Bytes());

        Assert.Equal(name, next.GetProperty("proposedFrom").GetString());
        Assert.Equal(chosen, next.GetProperty("proposedMapping").Deserialize<Dictionary<string, int>>());
        Assert.Contains(next.GetProperty("savedMappings").EnumerateArray(), m => m.GetProperty("name").GetString() == name && m.GetProperty("matchesFile").GetBoolean());
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string userName) =>
        new(Web.Platform.Auth.CrmClaims.ToIdentity(await factory.ViewerAsync(userName)));
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteImportUploadTests(SqliteCrmWebFactory factory) : ImportUploadTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresImportUploadTests(PostgresCrmWebFactory factory) : ImportUploadTests(factory);
