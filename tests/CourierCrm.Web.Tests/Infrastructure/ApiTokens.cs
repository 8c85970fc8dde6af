using CourierCrm.Web.Platform;
using System.Net.Http.Headers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Organisation;

namespace CourierCrm.Web.Tests.Infrastructure;

/// <summary>Issues API tokens the way an administrator does (StaffAdministration) and makes clients that send them.</summary>
public static class ApiTokens
{
    public static async Task<IssuedToken> IssueAsync(CrmWebFactory factory, ApiTokenInput input)
    {
        var admin = await factory.ViewerAsync("admin");
        var result = await factory.WithScopeAsync<StaffAdministration, CommandResult<IssuedToken>>(s => s.IssueTokenAsync(admin, input, CancellationToken.None));
        Assert.True(result.Succeeded, $"Issuing the token failed: {result.Status} {string.Join("; ", result.Errors?.ToDictionary().Select(e => e.Key + ": " + string.Join(" ", e.Value)) ?? [])}");
        return result.Value!;
    }

    public static async Task RevokeAsync(CrmWebFactory factory, int tokenId)
    {
        var admin = await factory.ViewerAsync("admin");
        var result = await factory.WithScopeAsync<StaffAdministration, CommandResult<int>>(s => s.RevokeTokenAsync(admin, tokenId, CancellationToken.None));
        Assert.True(result.Succeeded);
    }

    /// <summary>A client without cookies that sends "Authorization: Bearer token".</summary>
    public static HttpClient ClientWith(CrmWebFactory factory, string token)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static ApiTokenInput OutletToken(string name, StaffRole role, int outletId) =>
        new(name, role, DataScope.Outlet, outletId, null, null);
}
