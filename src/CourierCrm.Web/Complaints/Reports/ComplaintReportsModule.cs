using CourierCrm.Web.Complaints.Callbacks;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Segmentation.Dashboards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CourierCrm.Web.Complaints.Reports;

/// <summary>
/// Composition of the complaint reports, the satisfaction callback and the customer's service summary
/// (issue 5 items 6, 9, 10): services and their endpoints under /api/v1/complaints and /api/v1/customers.
/// </summary>
public static class ComplaintReportsModule
{
    public static IServiceCollection AddComplaintReports(this IServiceCollection services)
    {
        services.AddScoped<ComplaintReportQueries>();
        services.AddScoped<ComplaintReportExport>();
        services.AddScoped<CustomerServiceQueries>();
        services.AddScoped<ComplaintCallbacks>();
        return services;
    }

    public static RouteGroupBuilder MapComplaintReportEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/complaints").WithTags("Complaints");

        group.MapGet("/reports", async ([AsParameters] ComplaintReportQuery query, HttpContext http, ComplaintReportQueries queries, CancellationToken ct) =>
                (await queries.ReadAsync(http.User.RequireViewer(), query, ct)).ToHttp(x => x))
            .WithName("GetComplaintReports")
            .WithSummary("Complaint reports")
            .WithDescription("""
                The complaint reports for a period (`from`, `to` as yyyy-MM-dd in China time, to included; default the last twelve months; at
                most 24 months) and optionally one outlet (`outletId`) or region (`regionId`), within the caller's reach (complaints of customers in
                its data scope and those it took or handles; incidents and claims through their incident's scope). `byCategory`, `byOutlet`,
                `byHandler` (null handler: not assigned yet), `byMonth`: complaints recorded in the period; with `waybills` and `perTenThousand`
                (complaints per 10,000 waybills ordered in the same period and scope; a customer's waybills count at the customer's outlet, an
                unmatched sender's at the pick-up outlet). `handlingTime`: recording to closing of the closed ones in business hours of the
                Complaints calendar with waits for the customer left out (median, p90 by nearest rank, mean). `serviceLevels`: first-response and
                resolution clocks met against missed; compliance 0–1. `causes`: the Pareto of analysed complaints by category and responsibility
                (the cause itself is free text), biggest first, with share and cumulative share. `compensation`: per month, claims paid (by the
                day paid), recovered from third parties (by the day recovered) and complaint remedies carried out, in yuan. `lessons`: step eight's
                lessons of the complaints closed in the period, newest first, paged by `page`/`pageSize`. A bad value answers 400 naming it.
                """)
            .Produces<ComplaintReport>()
            .ProducesValidationProblem();

        group.MapGet("/reports/export", async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> (
                [AsParameters] ComplaintReportQuery query, string? format, HttpContext http, ComplaintReportExport export, CancellationToken ct) =>
            {
                if (DashboardModule.FormatOf(format) is not { } fileFormat)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["must be Csv or Xlsx."] }, title: "Some fields are not valid.");
                var result = await export.ExportAsync(http.User.RequireViewer(), query, fileFormat, ct);
                return result.Status switch
                {
                    CommandStatus.Ok => TypedResults.File(result.Value!.Content, result.Value.ContentType, result.Value.FileName),
                    CommandStatus.Invalid => TypedResults.ValidationProblem(result.Errors!.ToDictionary(), title: "Some fields are not valid."),
                    _ => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: result.Message),
                };
            })
            .WithName("ExportComplaintReports")
            .WithSummary("Export the complaint reports")
            .WithDescription("Every figure of GET /api/v1/complaints/reports (same parameters), one row each, and the whole lessons list, as `format=Xlsx` (default) or `format=Csv` (UTF-8 with a byte-order mark); headers and names in the request's language; text cells made formula-safe. Needs the export permission (403 otherwise); every export is audited. 400 naming the parameter for a bad value.")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/{id:int}/callback", async (int id, CallbackInput input, HttpContext http, ComplaintCallbacks callbacks, CancellationToken ct) =>
                (await callbacks.RecordAsync(http.User.RequireViewer(), id, input, ct)).ToHttp(x => x))
            .WithName("RecordComplaintCallback")
            .WithSummary("Record the satisfaction callback of a closed complaint")
            .WithDescription("{ satisfaction: 1–5 (or VeryDissatisfied … VerySatisfied), note? }. By the first-contact owner, or a manager or administrator in scope (403 for others). Sets the callback outcome on the complaint, completes the callback task, adds it to the step history and the customer's timeline. 409 naming `stage` before the complaint is closed, 409 naming `satisfaction` when it is already recorded (after a reopen and a new closing it may be recorded again). Answers the new version and `reopenSuggested`: true for Dissatisfied or VeryDissatisfied, with advice to reopen (the handler is told; nothing reopens by itself).")
            .Produces<RecordedCallback>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/customers/{id:int}/service", async Task<Results<Ok<CustomerService>, ProblemHttpResult>> (int id, HttpContext http, CustomerServiceQueries queries, CancellationToken ct) =>
                await queries.ReadAsync(http.User.RequireViewer(), id, ct) is { } service ? TypedResults.Ok(service) : CommandResults.NotFound())
            .WithTags("Customers")
            .WithName("GetCustomerService")
            .WithSummary("A customer's complaints, incidents and claims")
            .WithDescription("Counts (complaints and open ones, incidents and open ones, claims and the total paid in yuan) and the latest ten of each: complaints with stage, step, category and the resolution clock's state; incidents with kind, status and grade; claims with status and amounts (yuan). For the 360 page, the portal and the call centre. A customer outside the caller's data scope answers 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }
}
