using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CourierCrm.Web.Exports;

/// <summary>POST /api/v1/customers/exports and /api/v1/waybills/exports: start an export job, follow it under /api/v1/jobs/{id}.</summary>
public static class ExportEndpoints
{
    private const string Follow = """
        The job runs in the background: follow it with GET /api/v1/jobs/{id} (the Location header) until its status is Succeeded,
        then download the file with GET /api/v1/jobs/{id}/file. Rows are the caller's data scope, masked as the list is for roles without
        the personal-data permission. Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return)
        get a leading single quote, in CSV and in Excel. CSV is UTF-8 with a byte-order mark, CRLF line ends and RFC 4180 quoting, with no
        row limit; Excel (.xlsx) holds at most 1,048,575 rows, and a larger export fails with a message suggesting CSV. Column headers are in
        the request's language (Accept-Language or the language cookie: zh-CN or en); times are China time. Needs the export permission
        (403 otherwise); every finished export and every download is audited.
        """;

    public static RouteGroupBuilder MapExportEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/customers/exports", async (CustomerExportRequest request, HttpContext http, ExportJobs exports, CancellationToken ct) =>
                Accepted(await exports.StartCustomersAsync(http.User, request.ToFilter(), request.Format, ct)))
            .WithTags("Customers")
            .WithName("StartCustomerExport")
            .WithSummary("Export customers (background job)")
            .WithDescription("Starts an export of every customer the filters match, in the list's order. The body takes the customer list's filters "
                + "(search, type, nature, marketType, specialisedMarket, businessRelation, lifecycle, outletId, ownerId, unassigned, tag, sort, direction; "
                + "all optional) and the required `format`: Csv or Xlsx. Answers 202 Accepted with the job. " + Follow)
            .Produces<JobView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/waybills/exports", async (WaybillExportRequest request, HttpContext http, ExportJobs exports, CancellationToken ct) =>
                Accepted(await exports.StartWaybillsAsync(http.User, request.ToFilter(), request.Format, ct)))
            .WithTags("Waybills")
            .WithName("StartWaybillExport")
            .WithSummary("Export waybills (background job)")
            .WithDescription("Starts an export of every waybill the filters match, newest order first. The body takes the waybill list's filters "
                + "(from and to as yyyy-MM-dd order days in China time, status, product, pickupOutletId, customerId, unmatched, number as a prefix; "
                + "all optional) and the required `format`: Csv or Xlsx. Weight is in kilograms and freight in yuan, as numbers. Answers 202 Accepted with the job. " + Follow)
            .Produces<JobView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return api;
    }

    private static Results<Accepted<JobView>, ValidationProblem, ProblemHttpResult> Accepted(CommandResult<BackgroundJob> result) =>
        result.Status switch
        {
            CommandStatus.Ok => TypedResults.Accepted($"/api/v1/jobs/{result.Value!.Id}", JobView.From(result.Value)),
            CommandStatus.Invalid => TypedResults.ValidationProblem(result.Errors!.ToDictionary(), title: "Some fields are not valid."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: result.Message),
        };
}
