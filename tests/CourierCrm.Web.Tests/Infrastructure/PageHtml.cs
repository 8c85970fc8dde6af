using System.Globalization;
using System.Net;
using CourierCrm.Web.Platform.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Tests.Infrastructure;

/// <summary>Requests a page as a browser would and reads its prerendered HTML.</summary>
public static class PageHtml
{
    /// <summary>GET a page with an Accept-Language; returns the response and its raw HTML.</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> GetAsync(HttpClient client, string path, string acceptLanguage = "en-US")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The text of the HTML with entities decoded: Blazor writes every non-ASCII character as
    /// an entity (&amp;#x5F20;), so Chinese text is only findable after decoding.
    /// </summary>
    public static string Text(string html) => WebUtility.HtmlDecode(html);

    /// <summary>A shared text in one language, as the pages show it.</summary>
    public static string Shared(CrmWebFactory factory, string key, string culture) => Text<SharedTexts>(factory, key, culture);

    /// <summary>A text of a feature's resources (marker class <typeparamref name="TTexts"/>) in one language.</summary>
    public static string Text<TTexts>(CrmWebFactory factory, string key, string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return factory.Services.GetRequiredService<IStringLocalizer<TTexts>>()[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public static void AssertOk(HttpResponseMessage response, string html) =>
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
}
