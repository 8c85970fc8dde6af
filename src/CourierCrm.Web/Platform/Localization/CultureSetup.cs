using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CourierCrm.Web.Platform.Localization;

/// <summary>zh-CN and en, chosen by the switcher's cookie, else the browser's Accept-Language (issue 2 §9).</summary>
public static class CultureSetup
{
    public static readonly string[] Supported = ["zh-CN", "en"];

    public static IServiceCollection AddCrmLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture("zh-CN");
            o.AddSupportedCultures(Supported);
            o.AddSupportedUICultures(Supported);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Order: explicit choice (cookie) first, then the browser; the query string is left out on purpose.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext http) =>
            {
                if (!Supported.Contains(culture, StringComparer.OrdinalIgnoreCase))
                    return Results.Problem(statusCode: 400, title: "Unsupported culture", detail: $"culture must be one of {string.Join(", ", Supported)}.");
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
                var back = !string.IsNullOrEmpty(redirectUri) && redirectUri.StartsWith('/') && !redirectUri.StartsWith("//") ? redirectUri : "/";
                return Results.LocalRedirect(back);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
