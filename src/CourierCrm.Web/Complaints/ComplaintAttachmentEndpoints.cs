using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Auth;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CourierCrm.Web.Complaints;

/// <summary>Composition of complaint attachments: the service, its limits and /api/v1/complaints/{id}/attachments.</summary>
public static class ComplaintAttachmentEndpoints
{
    public static IServiceCollection AddComplaintAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ComplaintOptions.Section).Get<ComplaintAttachmentOptions>() ?? new ComplaintAttachmentOptions();
        if (options.AttachmentMaxBytes <= 0 || options.AttachmentMaxCount <= 0)
            throw new InvalidOperationException("Complaint settings are not valid: Complaints:AttachmentMaxBytes and Complaints:AttachmentMaxCount must be above 0.");
        services.AddSingleton(options);
        services.AddScoped<ComplaintAttachments>();
        return services;
    }

    public static RouteGroupBuilder MapComplaintAttachmentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/complaints/{id:int}/attachments").WithTags("Complaints");
        var limits = ((IEndpointRouteBuilder)group).ServiceProvider.GetRequiredService<ComplaintAttachmentOptions>();

        group.MapGet("/", async Task<Results<Ok<IReadOnlyList<ComplaintAttachmentView>>, ProblemHttpResult>> (int id, HttpContext http, ComplaintAttachments attachments, ComplaintQueries queries, CancellationToken ct) =>
            {
                var viewer = http.User.RequireViewer();
                if (!await queries.IsVisibleAsync(viewer, id, ct)) return CommandResults.NotFound();
                return TypedResults.Ok(await attachments.ListAsync(viewer, id, ct));
            })
            .WithName("ListComplaintAttachments")
            .WithSummary("List a complaint's attachments")
            .WithDescription("Name, content type, size, time and uploader of each photo or document, oldest first. Outside the caller's reach: 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<IResult> (int id, HttpContext http, ComplaintAttachments attachments, CancellationToken ct) =>
            {
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                    size.MaxRequestBodySize = limits.AttachmentMaxBytes + 1024 * 1024; // the multipart envelope around the file
                if (!http.Request.HasFormContentType)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send the file as multipart/form-data in a field named file."] });
                IFormCollection form;
                try
                {
                    form = await http.Request.ReadFormAsync(ct);
                }
                catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [$"The upload is larger than {limits.AttachmentMaxBytes / (1024 * 1024)} MB or not well-formed multipart/form-data."] });
                }
                if (form.Files.GetFile("file") is not { } file)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["No file was sent: put it in a multipart/form-data field named file."] });
                await using var stream = file.OpenReadStream();
                var result = await attachments.UploadAsync(http.User.RequireViewer(), id, file.FileName, stream, file.Length, ct);
                return result.Succeeded
                    ? TypedResults.Created($"/api/v1/complaints/{id}/attachments/{result.Value!.Id}", result.Value)
                    : result.ToHttp(x => x).Result;
            })
            .WithName("UploadComplaintAttachment")
            .WithSummary("Attach a photo or document to a complaint")
            .WithDescription($"multipart/form-data with the file in a field named file. Photos (jpg, png, webp, heic), PDF, Word .docx and Excel .xlsx, recognised by content as well as by name (a file whose content is not what its name says is refused); at most Complaints:AttachmentMaxBytes (now {limits.AttachmentMaxBytes / (1024 * 1024)} MB) and {limits.AttachmentMaxCount} files per complaint. A refused file answers 400 with errors.file naming the file. Analysts cannot attach (403); a complaint outside the caller's reach answers 404. Answers 201 with the attachment.")
            .AddOpenApiOperationTransformer(MultipartFileBody.Describing("The photo or document."))
            .Produces<ComplaintAttachmentView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .DisableAntiforgery();

        group.MapGet("/{attachmentId:long}", async Task<IResult> (int id, long attachmentId, HttpContext http, ComplaintAttachments attachments, CancellationToken ct) =>
                await attachments.OpenAsync(http.User.RequireViewer(), id, attachmentId, ct) is { } file
                    ? TypedResults.Stream(file.Content, file.ContentType, file.FileName)
                    : CommandResults.NotFound())
            .WithName("DownloadComplaintAttachment")
            .WithSummary("Download an attachment of a complaint")
            .WithDescription("The file with its content type, as an attachment under its uploaded name (Content-Disposition). Every download is written to the audit log. A complaint or attachment outside the caller's reach answers 404.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }
}
