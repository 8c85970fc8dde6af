using System.Net;
using CourierCrm.Domain.Audit;
using CourierCrm.Web.Complaints;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CourierCrm.Web.Tests.Complaints;

/// <summary>/api/v1/complaints/{id}/attachments: photos and documents, told by content, limited in size and number, scoped and audited.</summary>
public abstract class ComplaintAttachmentTests(CrmWebFactory factory)
{
    /// <summary>A complaint recorded by cs.sz about a customer of rep.sz1 (outlet SZ-NS).</summary>
    private async Task<int> RecordedAsync()
    {
        var customerId = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var desk = await factory.SignedInAsync("cs.sz");
        var recorded = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(desk, "/api/v1/complaints", ComplaintJson.Record(customerId, "Damage")));
        return recorded.GetProperty("id").GetInt32();
    }

    private async Task<HttpResponseMessage> UploadAsync(string user, int complaintId, string fileName, byte[] content) =>
        await (await factory.SignedInAsync(user)).PostAsync($"/api/v1/complaints/{complaintId}/attachments", ComplaintFiles.Upload(fileName, content));

    private async Task<long> UploadedIdAsync(string user, int complaintId, string fileName, byte[] content)
    {
        var response = await UploadAsync(user, complaintId, fileName, content);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await System.Text.Json.JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync())).RootElement.GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task A_photo_downloads_with_its_content_type_and_its_name_as_an_attachment()
    {
        var id = await RecordedAsync();
        var photo = ComplaintFiles.Png();
        var attachmentId = await UploadedIdAsync("cs.sz", id, "破损照片.png", photo);

        var download = await (await factory.SignedInAsync("ch.sz")).GetAsync($"/api/v1/complaints/{id}/attachments/{attachmentId}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("破损照片.png", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("letter.pdf", "application/pdf")]
    [InlineData("price list.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("statement.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("parcel.JPG", "image/jpeg")]
    public async Task Documents_and_photos_are_recognised_by_their_content(string fileName, string contentType)
    {
        var id = await RecordedAsync();
        byte[] content = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".pdf" => ComplaintFiles.Pdf(),
            ".xlsx" => ComplaintFiles.OfficePackage("xl/workbook.xml"),
            ".docx" => ComplaintFiles.OfficePackage("word/document.xml"),
            _ => ComplaintFiles.Jpeg(),
        };

        var list = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("cs.sz"), $"/api/v1/complaints/{id}/attachments"));
        Assert.Equal(0, list.GetArrayLength());
        await UploadedIdAsync("cs.sz", id, fileName, content);

        list = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(await factory.SignedInAsync("cs.sz"), $"/api/v1/complaints/{id}/attachments"));
        Assert.Equal(contentType, list[0].GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task A_program_renamed_to_a_photo_is_refused_naming_the_file()
    {
        var id = await RecordedAsync();

        var messages = await CrmApi.FieldErrorAsync(await UploadAsync("cs.sz", id, "photo.jpg", ComplaintFiles.Program()), "file");

        Assert.Contains("photo.jpg", messages[0]);
    }

    [Fact]
    public async Task An_excel_file_named_as_a_word_file_is_refused()
    {
        var id = await RecordedAsync();

        var messages = await CrmApi.FieldErrorAsync(await UploadAsync("cs.sz", id, "statement.docx", ComplaintFiles.OfficePackage("xl/workbook.xml")), "file");

        Assert.Contains("statement.docx", messages[0]);
    }

    [Fact]
    public async Task A_kind_of_file_not_accepted_is_refused_naming_the_file()
    {
        var id = await RecordedAsync();

        var messages = await CrmApi.FieldErrorAsync(await UploadAsync("cs.sz", id, "setup.exe", ComplaintFiles.Program()), "file");

        Assert.Contains("setup.exe", messages[0]);
    }

    [Fact]
    public async Task An_empty_file_is_refused_naming_the_file()
    {
        var id = await RecordedAsync();

        var messages = await CrmApi.FieldErrorAsync(await UploadAsync("cs.sz", id, "empty.png", []), "file");

        Assert.Contains("empty.png is empty", messages[0]);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_naming_the_file_and_nothing_is_stored()
    {
        var id = await RecordedAsync();
        var limit = factory.Services.GetRequiredService<ComplaintAttachmentOptions>().AttachmentMaxBytes;

        var messages = await CrmApi.FieldErrorAsync(await UploadAsync("cs.sz", id, "huge.jpg", ComplaintFiles.Jpeg((int)limit + 1)), "file");

        Assert.Contains("huge.jpg", messages[0]);
        await using var db = factory.NewDb();
        Assert.False(await db.ComplaintAttachments.AnyAsync(a => a.ComplaintId == id));
    }

    [Fact]
    public async Task The_file_after_the_most_a_complaint_holds_is_refused_naming_it()
    {
        var id = await RecordedAsync();
        var most = factory.Services.GetRequiredService<ComplaintAttachmentOptions>().AttachmentMaxCount;
        for (var i = 1; i <= most; i++) await UploadedIdAsync("cs.sz", id, $"photo-{i}.png", ComplaintFiles.Png());

        var messages = await CrmApi.FieldErrorAsync(await UploadAsync("cs.sz", id, "one-too-many.png", ComplaintFiles.Png()), "file");

        Assert.Contains("one-too-many.png", messages[0]);
        await using var db = factory.NewDb();
        Assert.Equal(most, await db.ComplaintAttachments.CountAsync(a => a.ComplaintId == id));
    }

    [Fact]
    public async Task The_file_is_stored_under_a_random_name_in_the_attachments_folder()
    {
        var id = await RecordedAsync();
        var attachmentId = await UploadedIdAsync("cs.sz", id, "..\\..\\evil.png", ComplaintFiles.Png());

        await using var db = factory.NewDb();
        var attachment = await db.ComplaintAttachments.SingleAsync(a => a.Id == attachmentId);
        Assert.Equal("evil.png", attachment.FileName);
        Assert.DoesNotContain("evil", attachment.StoredAs);
        using var scope = factory.Services.CreateScope();
        var root = scope.ServiceProvider.GetRequiredService<ComplaintAttachments>().Root;
        Assert.Equal("attachments", Path.GetFileName(root));
        Assert.True(File.Exists(Path.Combine(root, attachment.StoredAs)));
    }

    [Fact]
    public async Task Staff_who_do_not_see_the_complaint_can_neither_add_nor_download_files()
    {
        var id = await RecordedAsync();
        var attachmentId = await UploadedIdAsync("cs.sz", id, "photo.png", ComplaintFiles.Png());

        // rep.sz2 sells at another outlet and sees only its own customers.
        await CrmApi.ProblemAsync(await UploadAsync("rep.sz2", id, "mine.png", ComplaintFiles.Png()), HttpStatusCode.NotFound);
        await CrmApi.ProblemAsync(await (await factory.SignedInAsync("rep.sz2")).GetAsync($"/api/v1/complaints/{id}/attachments/{attachmentId}"), HttpStatusCode.NotFound);
        await CrmApi.ProblemAsync(await (await factory.SignedInAsync("rep.sz2")).GetAsync($"/api/v1/complaints/{id}/attachments"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_attachment_of_another_complaint_is_not_found_through_this_one()
    {
        var first = await RecordedAsync();
        var second = await RecordedAsync();
        var attachmentId = await UploadedIdAsync("cs.sz", first, "photo.png", ComplaintFiles.Png());

        await CrmApi.ProblemAsync(await (await factory.SignedInAsync("cs.sz")).GetAsync($"/api/v1/complaints/{second}/attachments/{attachmentId}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Analysts_read_attachments_but_cannot_add_them()
    {
        var id = await RecordedAsync();
        var attachmentId = await UploadedIdAsync("cs.sz", id, "photo.png", ComplaintFiles.Png());

        await CrmApi.ProblemAsync(await UploadAsync("analyst", id, "mine.png", ComplaintFiles.Png()), HttpStatusCode.Forbidden);
        var download = await (await factory.SignedInAsync("analyst")).GetAsync($"/api/v1/complaints/{id}/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task Every_download_is_written_to_the_audit_log_with_who_downloaded_what()
    {
        var id = await RecordedAsync();
        var attachmentId = await UploadedIdAsync("cs.sz", id, "运单照片.png", ComplaintFiles.Png());

        var download = await (await factory.SignedInAsync("ch.sz")).GetAsync($"/api/v1/complaints/{id}/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);

        await using var db = factory.NewDb();
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == "ComplaintAttachment" && e.EntityId == attachmentId.ToString() && e.Action == AuditAction.Export);
        Assert.Equal(factory.Demo.UserId("ch.sz"), entry.ActorId);
        Assert.Contains("运单照片.png", entry.Summary);
    }

    [Fact]
    public async Task A_request_without_a_file_is_refused_naming_the_field()
    {
        var id = await RecordedAsync();

        var response = await (await factory.SignedInAsync("cs.sz")).PostAsync($"/api/v1/complaints/{id}/attachments", ComplaintFiles.Upload("photo.png", ComplaintFiles.Png(), field: "photo"));

        await CrmApi.FieldErrorAsync(response, "file");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteComplaintAttachmentTests(SqliteCrmWebFactory factory) : ComplaintAttachmentTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresComplaintAttachmentTests(PostgresCrmWebFactory factory) : ComplaintAttachmentTests(factory);
