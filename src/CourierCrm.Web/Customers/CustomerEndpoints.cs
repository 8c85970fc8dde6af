using CourierCrm.Web.Platform.Localization;
using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CourierCrm.Web.Customers;

/// <summary>/api/v1/customers: the archive for integrations, under the caller's data scope and masking.</summary>
public static class CustomerEndpoints
{
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddScoped<CustomerQueries>();
        services.AddScoped<CustomerCommands>();
        services.AddScoped<CustomerExport>();
        return services;
    }

    public static RouteGroupBuilder MapCustomerEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customers").WithTags("Customers");

        group.MapGet("/", async ([AsParameters] CustomerListQuery query, HttpContext http, CustomerQueries queries, CancellationToken ct) =>
            {
                var viewer = http.User.RequireViewer();
                var errors = await queries.ValidateAsync(viewer, query, ct);
                if (!errors.IsEmpty)
                    return (Results<Ok<PagedResult<CustomerListItem>>, ValidationProblem>)TypedResults.ValidationProblem(errors.ToDictionary(), title: "Some fields are not valid.");
                return TypedResults.Ok(await queries.ListAsync(viewer, query, ct));
            })
            .WithName("ListCustomers")
            .WithSummary("List customers")
            .WithDescription("Customers in the caller's data scope, filtered, sorted and paged (pageSize at most 200). `search` matches a name or contact-name substring, a customer code, or phone digits (full number or prefix). Class filters use the latest classification run: `abc` (A, B, C), `pyramid` (Important, Major, Ordinary, Small), `keyAccount` (Key, Major, Ordinary), `rfmR`/`rfmF`/`rfmM` (scores 1–5), `quadrant` (Core, HighValueLowLoyalty, LowValueLowLoyalty, LoyalLowValue), `unclassified=true` (no ABC class yet); `segment` adds a saved segment's filter (yours or a shared one). `sort=predictedValue` ranks by predicted lifetime value, highest first (customers without one last). A value that is not one of these answers 400 naming the field. Personal data is masked for roles without the permission. Paging through a large list: pass the `total` of the first answer back as `knownTotal` with the same filters, and the list is not counted again (deep pages are then as quick as the first); if customers were added or deleted since, pages shift by that many rows as any page-numbered list does, and a page that comes back short is counted afresh.");

        group.MapGet("/export", async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ([AsParameters] CustomerListQuery query, HttpContext http, CustomerExport export, CustomerQueries queries, CancellationToken ct) =>
            {
                var viewer = http.User.RequireViewer();
                if (!viewer.CanExport) return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Your role cannot export customers.");
                var errors = await queries.ValidateAsync(viewer, query, ct);
                if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Some fields are not valid.");
                var result = await export.ExportAsync(viewer, query, ct);
                if (!result.Succeeded) return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: result.Message);
                var csv = result.Value!;
                http.Response.Headers["X-Total-Count"] = csv.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.File(csv.Content, CustomerCsv.ContentType, csv.FileName);
            })
            .WithName("ExportCustomers")
            .WithSummary("Export customers as CSV")
            .WithDescription($"The filtered list (same query parameters as the list; page and pageSize are ignored) as UTF-8 CSV with a byte-order mark, at most {CustomerExport.MaxRows} rows, masked as the list is for the caller. Cells that a spreadsheet would run as formulas are prefixed with a single quote. Needs the export permission (403 otherwise); every export is audited. The X-Total-Count header says how many customers matched.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        group.MapGet("/{id}", async Task<Results<Ok<CustomerDetail>, ProblemHttpResult>> (int id, HttpContext http, CustomerQueries queries, CancellationToken ct) =>
                await queries.GetAsync(http.User.RequireViewer(), id, ct) is { } detail ? TypedResults.Ok(detail) : CommandResults.NotFound())
            .WithName("GetCustomer")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get a customer's archive")
            .WithDescription("The whole archive with contacts, addresses, tags and its completeness. A customer outside the caller's scope answers 404.");

        group.MapPost("/", async (CustomerInput input, HttpContext http, CustomerCommands commands, CustomerQueries queries, CancellationToken ct) =>
            {
                var viewer = http.User.RequireViewer();
                var result = await commands.CreateAsync(viewer, input, ct);
                if (!result.Succeeded) return result.ToHttp(id => (object)id);
                var created = await queries.GetAsync(viewer, result.Value, ct);
                return TypedResults.Ok((object)created!);
            })
            .WithName("CreateCustomer")
            .WithSummary("Create a customer")
            .WithDescription("Creates a customer in the caller's outlet; a sales rep becomes its owner. Owner, outlet and ids cannot be set here: unknown fields are refused with 400. Returns the created archive.")
            .Produces<CustomerDetail>()
            .ProducesValidationProblem();

        group.MapPut("/{id}", async (int id, CustomerInput input, HttpContext http, CustomerCommands commands, CustomerQueries queries, CancellationToken ct) =>
            {
                var viewer = http.User.RequireViewer();
                var result = await commands.UpdateAsync(viewer, id, input, ct);
                if (!result.Succeeded) return result.ToHttp(x => (object)x);
                return TypedResults.Ok((object)(await queries.GetAsync(viewer, id, ct))!);
            })
            .WithName("UpdateCustomer")
            .WithSummary("Replace a customer's archive")
            .WithDescription("Replaces every archive field, contact, address and tag. Changes are audited with before and after values.")
            .Produces<CustomerDetail>()
            .ProducesValidationProblem();

        group.MapDelete("/{id}", async (int id, HttpContext http, CustomerCommands commands, CancellationToken ct) =>
                (await commands.DeleteAsync(http.User.RequireViewer(), id, ct)).ToHttp(x => new { id = x }))
            .WithName("DeleteCustomer")
            .WithSummary("Delete a customer")
            .WithDescription("Administrators only. Deletes the customer with its contacts, addresses, tags, notes and timeline; the audit entry keeps the whole archive as its before-value.");

        group.MapPost("/{id}/transfer", async (int id, TransferRequest request, HttpContext http, CustomerCommands commands, CancellationToken ct) =>
                (await commands.TransferAsync(http.User.RequireViewer(), id, request.NewOwnerId, request.Reason, ct)).ToHttp(x => new { id = x }))
            .WithName("TransferCustomer")
            .WithSummary("Give a customer a new owner")
            .WithDescription("Moves the customer to the new owner and the owner's outlet. Needs the transfer permission; audited.");

        group.MapPost("/{id}/reveal", async (int id, HttpContext http, CustomerCommands commands, CancellationToken ct) =>
                (await commands.RevealAsync(http.User.RequireViewer(), id, ct)).ToHttp(x => x))
            .WithName("RevealCustomer")
            .WithSummary("Reveal masked personal data")
            .WithDescription("Returns the archive's phones, addresses and names in clear for a role allowed to reveal them, and writes an audit entry.");

        group.MapGet("/{id}/timeline", async Task<Results<Ok<PagedResult<TimelineEntry>>, ProblemHttpResult>> (int id, int? page, int? pageSize, HttpContext http, CustomerQueries queries, CancellationToken ct) =>
            {
                var viewer = http.User.RequireViewer();
                if (await queries.GetAsync(viewer, id, ct) is null) return CommandResults.NotFound();
                return TypedResults.Ok(await queries.TimelineAsync(viewer, id, page, pageSize, ct));
            })
            .WithName("CustomerTimeline")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A customer's timeline")
            .WithDescription("Events of the customer's 360 view, newest first: archive changes, transfers, notes and, as features arrive, waybills, complaints and visits.");

        group.MapPost("/{id}/notes", async (int id, NoteRequest request, HttpContext http, CustomerCommands commands, CancellationToken ct) =>
                (await commands.AddNoteAsync(http.User.RequireViewer(), id, request.Text ?? "", ct)).ToHttp(x => new { id = x }))
            .WithName("AddCustomerNote")
            .WithSummary("Add a note to a customer")
            .WithDescription("Adds a free-text note that appears on the timeline.");

        group.MapPost("/duplicates", async (CustomerInput input, int? excludeId, HttpContext http, CustomerQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.FindDuplicatesAsync(http.User.RequireViewer(), input, excludeId, ct)))
            .WithName("FindDuplicateCustomers")
            .WithSummary("Check a customer for duplicates")
            .WithDescription("Customers with the same phone (own or a contact's) or a similar name and address. Matches outside the caller's scope are listed by code only.");

        return group;
    }
}

/// <summary>Body of POST /customers/{id}/transfer.</summary>
public sealed record TransferRequest(int NewOwnerId, string? Reason);

/// <summary>Body of POST /customers/{id}/notes.</summary>
public sealed record NoteRequest(string? Text);
