using System.Text.RegularExpressions;
using CourierCrm.Web.Platform.Localization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CourierCrm.E2E.Infrastructure;

/// <summary>
/// What "this page rendered properly" means for a screenshot: an h1 that is not the not-found
/// or access-denied page, no Blazor error bar, no exception text, no raw resource keys.
/// Problems are collected rather than thrown, so one broken page does not hide the others' screenshots.
/// </summary>
public static partial class PageHealth
{
    /// <summary>
    /// Waits until the page has loaded its data: the h1 is there and no spinning (indeterminate)
    /// progress indicator and no "Loading…" placeholder is showing. Determinate bars and rings are
    /// content (shares, completeness), not loading.
    /// </summary>
    public static async Task WaitUntilSettledAsync(IPage page, string culture, string? readyTestId)
    {
        await Expect(page.Locator("h1").First).ToBeVisibleAsync();
        if (readyTestId is not null)
            await Expect(page.GetByTestId(readyTestId).First).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-progress-indeterminate:visible, .mud-skeleton:visible")).ToHaveCountAsync(0);
        var loading = Texts.Of<SharedTexts>("Loading", culture);
        await Expect(page.GetByText(loading, new() { Exact = true }).Filter(new() { Visible = true })).ToHaveCountAsync(0);
    }

    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page, string culture)
    {
        var problems = new List<string>();
        var h1 = (await page.Locator("h1").First.InnerTextAsync()).Trim();
        foreach (var key in new[] { "NotFoundTitle", "AccessDeniedTitle" })
            if (h1 == Texts.Of<SharedTexts>(key, culture))
                problems.Add($"shows '{h1}' instead of the page");
        if (await page.Locator("#blazor-error-ui").IsVisibleAsync())
            problems.Add("the Blazor error bar is showing");

        var text = await page.Locator("body").InnerTextAsync();
        if (text.Contains("Exception", StringComparison.OrdinalIgnoreCase) || text.Contains("Stack trace", StringComparison.OrdinalIgnoreCase))
            problems.Add("exception text on the page");
        var keys = ResourceKey().Matches(text).Select(m => m.Value).Distinct().ToList();
        if (keys.Count > 0)
            problems.Add("untranslated text keys: " + string.Join(", ", keys));
        return problems;
    }

    /// <summary>
    /// Latin words on a Chinese page, for a person to judge (brand names and data may be fine);
    /// e-mail and web addresses are left out.
    /// </summary>
    public static async Task<IReadOnlyList<string>> LatinWordsAsync(IPage page)
    {
        var text = Address().Replace(await page.Locator("body").InnerTextAsync(), " ");
        return LatinWord().Matches(text).Select(m => m.Value).Distinct().Order().ToList();
    }

    /// <summary>Shaped like a resource key the localizer returned unchanged, e.g. "Nav.Home" or "MarketType.ECommerce".</summary>
    [GeneratedRegex(@"(?<![\w.@/])[A-Z][A-Za-z]+\.[A-Za-z]+(?![\w.@/])")]
    private static partial Regex ResourceKey();

    [GeneratedRegex(@"\S+@\S+|https?://\S+")]
    private static partial Regex Address();

    [GeneratedRegex(@"\b[A-Za-z]{3,}\b")]
    private static partial Regex LatinWord();
}
