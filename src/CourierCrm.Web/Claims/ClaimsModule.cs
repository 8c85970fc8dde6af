using CourierCrm.Web.Platform.Api;
using CourierCrm.Web.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CourierCrm.Web.Claims;

/// <summary>Composition of compensation claims: settings (checked at start), services and the /api/v1/claims endpoints.</summary>
public static class ClaimsModule
{
    public static IServiceCollection AddClaims(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ClaimOptions.Section).Get<ClaimOptions>() ?? new ClaimOptions();
        if (options.Problems() is { Count: > 0 } problems)
            throw new InvalidOperationException($"Claim settings are not valid: {string.Join("; ", problems)}.");
        services.AddSingleton(options);
        services.AddSingleton<ClaimRules>();
        services.AddScoped<ClaimFiling>();
        services.AddScoped<ClaimActions>();
        services.AddScoped<ClaimQueries>();
        return services;
    }

    public static RouteGroupBuilder MapClaimEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/incidents/{id:int}/claims", async (int id, FileClaimInput input, HttpContext http, ClaimFiling filing, CancellationToken ct) =>
                (await filing.FileAsync(http.User.RequireViewer(), id, input, ct)).ToHttp(claimId => new FiledClaim(claimId)))
            .WithTags("Claims")
            .WithName("FileClaim")
            .WithSummary("File a compensation claim on an incident")
            .WithDescription("{ claimedAmount, actualLoss (yuan, two decimals at most), note? }. The rule amount is computed from the incident: insured, up to the declared value; uninsured, the actual loss up to Claims:UninsuredFreightMultiple times the freight; never more than claimed. Also sets the approval level (Claims:ApprovalLadder), the customer's filing deadline (Claims:CustomerClaimDays from the day the parcel was sent) and, for third-party incidents, the recovery deadline (Claims:RecoveryDays from the day the incident was recorded). A draft or dismissed incident, or a claim past the customer's deadline, answers 409. Analysts and reception cannot file (403). An incident outside the caller's data scope answers 404. Answers the claim's id.")
            .Produces<FiledClaim>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var group = api.MapGroup("/claims").WithTags("Claims");

        group.MapGet("/", async Task<Ok<ClaimList>> ([AsParameters] ClaimListQuery query, HttpContext http, ClaimQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(http.User.RequireViewer(), query, ct)))
            .WithName("ListClaims")
            .WithSummary("List claims with totals")
            .WithDescription("Claims on the incidents in the caller's data scope, newest first, paged (pageSize at most 200). Filters: status (Filed, Approved, Paid, Rejected), overdue=Filing (still undecided after the customer's filing deadline) or Recovery (third party responsible, nothing recovered, recovery deadline passed), minAmount/maxAmount (claimed, yuan, inclusive), incidentId. totals sums claimed, approved, paid and recovered over every claim the filter matches. Customer names are masked for roles without the personal-data permission.");

        group.MapGet("/{id:int}", async Task<Results<Ok<ClaimDetail>, ProblemHttpResult>> (int id, HttpContext http, ClaimQueries queries, CancellationToken ct) =>
                await queries.GetAsync(http.User.RequireViewer(), id, ct) is { } detail ? TypedResults.Ok(detail) : CommandResults.NotFound())
            .WithName("GetClaim")
            .WithSummary("Get a claim with its rule, deadlines and history")
            .WithDescription("Every figure of the claim (yuan), how the rule amount came about (insured or not, declared value, freight, multiple, cap and the limit that decided it), the approval level it needs, the deadlines with the days left, its history (filing, approval, rejection, payment, recovery: actor, time, money before and after) and the actions the caller may take now. Outside the caller's data scope: 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:int}/approve", async (int id, ApproveClaimInput input, HttpContext http, ClaimActions actions, CancellationToken ct) =>
                (await actions.ApproveAsync(http.User.RequireViewer(), id, input, ct)).ToHttp(version => new { version }))
            .WithName("ApproveClaim")
            .WithSummary("Approve a filed claim")
            .WithDescription("{ version, amount (yuan), note? }. At most what the customer claimed; above the rule amount only with a note saying why. The approver's level (managers up to the region manager's rung, administrators head office) must cover the larger of the amount and the rule amount; nobody approves a claim they filed (403). A claim not in status Filed answers 409 naming status; a stale version answers 409 naming version. Answers the new version.")
            .Produces<object>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:int}/reject", async (int id, RejectClaimInput input, HttpContext http, ClaimActions actions, CancellationToken ct) =>
                (await actions.RejectAsync(http.User.RequireViewer(), id, input, ct)).ToHttp(version => new { version }))
            .WithName("RejectClaim")
            .WithSummary("Reject a filed claim with the reason")
            .WithDescription("{ version, reason }. Needs the approval level of the rule amount; never by the filer (403). A claim not in status Filed answers 409. Answers the new version.")
            .Produces<object>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:int}/pay", async (int id, PayClaimInput input, HttpContext http, ClaimActions actions, CancellationToken ct) =>
                (await actions.PayAsync(http.User.RequireViewer(), id, input, ct)).ToHttp(version => new { version }))
            .WithName("PayClaim")
            .WithSummary("Record the payment of an approved claim")
            .WithDescription("{ version, amount (yuan, at most the approved amount), paidOn (yyyy-MM-dd, not in the future nor before the approval), paymentReference }. Managers and administrators only (403). A claim not in status Approved answers 409. Answers the new version; the claim is then Paid.")
            .Produces<object>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:int}/recover", async (int id, RecoverClaimInput input, HttpContext http, ClaimActions actions, CancellationToken ct) =>
                (await actions.RecoverAsync(http.User.RequireViewer(), id, input, ct)).ToHttp(version => new { version }))
            .WithName("RecoverClaim")
            .WithSummary("Record money recovered from the responsible third party")
            .WithDescription("{ version, amount (yuan), recoveredOn (yyyy-MM-dd, not in the future), note? }. Added to what was recovered before; the total cannot exceed the actual loss. Only on approved or paid claims of incidents whose responsibility is ThirdParty (409 otherwise). Managers and administrators only (403). Answers the new version.")
            .Produces<object>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }
}
