using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CourierCrm.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CourierCrm.Web.Platform.Auth;

/// <summary>
/// Authenticates integrations by <c>Authorization: Bearer ccrm_…</c> tokens issued by administrators;
/// a token seen lately on this node is answered from <see cref="ApiTokenCache"/> without a query.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<CrmDbContext> dbFactory,
    ApiTokenCache cache,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var hash = Hash(header["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow();
        var ct = Context.RequestAborted;
        if (cache.Find(hash, now) is not { } token)
        {
            var generation = cache.Generation;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // One query finds the token and the viewer it stands for, so the claims transformation has nothing left to read.
            if (await ViewerDirectory.TokenAsync(db, t => t.Hash == hash, now, ct) is not { } found)
                return AuthenticateResult.Fail("The API token is unknown, expired or revoked.");
            token = cache.Remember(hash, generation, found.Token, found.Viewer, now);
        }
        if (token.ClaimTouch(now))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.ApiTokens.Where(t => t.Id == token.TokenId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }
        var identity = new ClaimsIdentity(
            [new Claim(CrmClaims.TokenId, token.TokenId.ToString(CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Name, token.Name)], SchemeName);
        var principal = new ClaimsPrincipal(identity);
        principal.AddIdentity(CrmClaims.ToIdentity(token.Viewer));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A new random token; shown once to the administrator, stored only as its hash.</summary>
    public static string NewToken() => "ccrm_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_');
}
