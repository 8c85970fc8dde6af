using System.Net;
using System.Text.RegularExpressions;

namespace CourierCrm.Web.Tests.Infrastructure;

/// <summary>Signs in through the real login page and form post, antiforgery token and cookies included.</summary>
public static partial class SignIn
{
    /// <summary>GET /account/login, then POST the form with the page's antiforgery token. Returns the POST's response (a redirect).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password, string returnUrl = "/")
    {
        var token = await AntiforgeryTokenAsync(client, "/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The hidden __RequestVerificationToken of a form page (the antiforgery cookie stays in the client).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string pagePath)
    {
        var page = await client.GetAsync(pagePath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var match = TokenInput().Match(html);
        Assert.True(match.Success, $"{pagePath} has no __RequestVerificationToken input:\n{html}");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    public static void AssertSignedIn(HttpResponseMessage response, string userName)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Signing in as {userName} answered {(int)response.StatusCode}, not a redirect.");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)"|<input[^>]*value="(?<value>[^"]+)"[^>]*name="__RequestVerificationToken""")]
    private static partial Regex TokenInput();
}
