using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Jobs;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CourierCrm.Web.Imports;

/// <summary>/api/v1/imports: upload a file, map its columns, start the import (then follow it under /api/v1/jobs).</summary>
public static class ImportEndpoints
{
    private const string UploadDescription =
        "Send the file as multipart/form-data in a field named file: CSV (UTF-8, with or without BOM, or GBK) or Excel .xlsx, recognised by content, " +
        "not by name. The header row names the columns; at most {0} columns and {1} MB. Answers 201 with a draft import: its job id, the detected " +
        "format and encoding, the columns, the first rows, a proposed mapping (field → 0-based column index, from the header names in Chinese or " +
        "English or from a saved mapping with the same header) and the saved mappings. Nothing is imported until POST /api/v1/imports/{{id}}/start. " +
        "A file that cannot be imported (empty, header only, binary, old .xls, too many columns) answers 400 naming the problem under errors.file; a " +
        "file over the size limit answers 413.";

    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/imports").WithTags("Imports");
        var options = LimitsOf(group);

        group.MapPost("/waybills", (HttpContext http, ImportService service, ImportOptions limits, CancellationToken ct) => UploadAsync(JobKind.WaybillImport, http, service, limits, ct))
            .WithName("UploadWaybillImport")
            .WithSummary("Upload a waybill file to import")
            .WithDescription(string.Format(System.Globalization.CultureInfo.InvariantCulture, UploadDescription, options.MaxColumns, options.MaxUploadBytes / (1024 * 1024)) +
                " Waybills may be imported by administrators, managers and customer service (403 otherwise).")
            .AddOpenApiOperationTransformer(MultipartFileBody.Describing("The CSV or .xlsx file."))
            .Produces<ImportDraft>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapPost("/customers", (HttpContext http, ImportService service, ImportOptions limits, CancellationToken ct) => UploadAsync(JobKind.CustomerImport, http, service, limits, ct))
            .WithName("UploadCustomerImport")
            .WithSummary("Upload a customer file to import")
            .WithDescription(string.Format(System.Globalization.CultureInfo.InvariantCulture, UploadDescription, options.MaxColumns, options.MaxUploadBytes / (1024 * 1024)) +
                " Customers may be imported by every role that may edit customers (403 otherwise).")
            .AddOpenApiOperationTransformer(MultipartFileBody.Describing("The CSV or .xlsx file."))
            .Produces<ImportDraft>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapGet("/{id:guid}", async Task<Results<Ok<ImportDraft>, ValidationProblem, ProblemHttpResult>> (Guid id, HttpContext http, ImportService service, CancellationToken ct) =>
                (await service.GetDraftAsync(id, http.User, ct)).ToHttp(d => d))
            .WithName("GetImportDraft")
            .WithSummary("Get an uploaded import's columns, preview and proposed mapping")
            .WithDescription("The same document the upload answered. Another person's import answers 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/start", async Task<Results<Accepted<JobView>, ValidationProblem, ProblemHttpResult>> (Guid id, StartImportRequest request, HttpContext http, ImportService service, JobQueries jobs, CancellationToken ct) =>
            {
                var result = await service.StartAsync(id, http.User, request, ct);
                if (!result.Succeeded) return result.ToHttp(x => x).Result switch
                {
                    ValidationProblem v => v,
                    ProblemHttpResult p => p,
                    _ => CommandResults.NotFound(),
                };
                var job = await jobs.FindAsync(id, http.User, ct);
                return TypedResults.Accepted($"/api/v1/jobs/{id}", JobView.From(job!));
            })
            .WithName("StartImport")
            .WithSummary("Start an uploaded import with its column mapping")
            .WithDescription("{ \"mapping\": { \"number\": 0, \"senderPhone\": 4, ... }, \"saveAs\": \"运营系统导出\"? }: each field to the 0-based index of the column " +
                "that feeds it. Every required field needs a column; an unknown field or a column the file does not have answers 400 with errors keyed " +
                "\"mapping.<field>\". saveAs keeps the mapping (by column names) for later files of the same layout. Answers 202 with the job: follow it " +
                "with GET /api/v1/jobs/{id}; when it has refused rows, GET /api/v1/jobs/{id}/file downloads the error report (row, column, value, reason). " +
                "Rows are upserted by waybill number or customer code, so importing the same file again creates nothing twice. 409 when the import " +
                "was already started or is not the caller's.")
            .Produces<JobView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }

    private static ImportOptions LimitsOf(IEndpointRouteBuilder group) =>
        group.ServiceProvider.GetRequiredService<ImportOptions>();

    /// <summary>
    /// Reads the multipart body as a stream straight to disk, so a 200 MB file never sits in memory,
    /// with the request size limit raised for this endpoint only.
    /// </summary>
    private static async Task<IResult> UploadAsync(JobKind kind, HttpContext http, ImportService service, ImportOptions limits, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limits.MaxUploadBytes + 1024 * 1024; // the multipart envelope around the file
        if (http.Request.ContentLength > limits.MaxUploadBytes + 1024 * 1024) return TooLarge(limits);
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return FileError("Send the file as multipart/form-data in a field named file.");

        try
        {
            var reader = new MultipartReader(boundary, http.Request.Body);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition()
                    || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "file", StringComparison.OrdinalIgnoreCase))
                    continue;
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "import";
                var result = await service.UploadAsync(kind, http.User, fileName, section.Body, ct);
                if (result.Forbidden is { } reason) return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: reason);
                if (result.FileProblem is { TextKey: "File.TooLarge" }) return TooLarge(limits);
                if (result.FileProblem is { } problem) return FileError(problem.Message);
                return TypedResults.Created($"/api/v1/imports/{result.Draft!.JobId}", result.Draft);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limits);
        }
        catch (IOException)
        {
            return FileError("The upload was cut off or is not well-formed multipart/form-data; send it again.");
        }
        catch (InvalidDataException)
        {
            return FileError("The upload is not well-formed multipart/form-data; send the file in a field named file.");
        }
        return FileError("No file was sent: put it in a multipart/form-data field named file.");
    }

    private static IResult FileError(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] }, title: "The file cannot be imported.");

    private static IResult TooLarge(ImportOptions limits) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large.",
            detail: ImportService.TooLarge(limits.MaxUploadBytes).Message,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["file"] = [ImportService.TooLarge(limits.MaxUploadBytes).Message] } });
}
