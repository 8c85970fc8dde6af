using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CourierCrm.E2E.Infrastructure;

/// <summary>One person at one browser: a cookie jar, a tab, and the steps every test repeats.</summary>
public sealed partial class BrowserSession(IBrowserContext context, IPage page, ITestOutputHelper output) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public ILocator ByTestId(string testId) => Page.GetByTestId(testId);

    /// <summary>The text box of a form field, whether the test id sits on the input or on MudBlazor's wrapper around it.</summary>
    public ILocator Field(string testId) =>
        Page.Locator($"input[data-testid='{testId}'], textarea[data-testid='{testId}'], [data-testid='{testId}'] input, [data-testid='{testId}'] textarea").First;

    /// <summary>
    /// Opens a MudSelect and picks the option with <paramref name="optionText"/>. A click that lands while the
    /// circuit is still attaching its handlers opens nothing, so the select is clicked again until its list shows.
    /// </summary>
    public async Task ChooseAsync(ILocator select, string optionText)
    {
        var option = Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = optionText }).First;
        for (var attempt = 1; ; attempt++)
        {
            await select.ClickAsync();
            try
            {
                await option.WaitForAsync(new() { Timeout = 3_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
                output.WriteLine($"The list of options did not open (attempt {attempt}); clicking the select again.");
            }
        }
        await option.ClickAsync();
    }

    /// <summary>Signs in through the real login form and waits for the workbench (or the return page) to be interactive.</summary>
    public async Task SignInAsync(string userName, string? password = null)
    {
        await Page.GotoAsync("/account/login");
        await Page.Locator("#userName").FillAsync(userName);
        await Page.Locator("#password").FillAsync(password ?? DemoLogins.PasswordOf(userName));
        await Page.GetByTestId("login-submit").ClickAsync();
        await Page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal));
        await WaitForBlazorAsync();
    }

    /// <summary>Loads <paramref name="path"/> as a fresh document and waits until its circuit has rendered.</summary>
    public async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForBlazorAsync();
    }

    public Task WaitForBlazorAsync() => BlazorReadiness.WaitForBlazorAsync(Page);

    /// <summary>Saves a full-page PNG as screenshots/&lt;name&gt;.&lt;culture&gt;.png and prints where it is.</summary>
    public async Task<string> ScreenshotAsync(string name, string culture)
    {
        var file = Path.Combine(E2EApp.ScreenshotFolder, $"{SafeName().Replace(name, "_")}.{culture}.png");
        await Page.ScreenshotAsync(new() { Path = file, FullPage = true });
        output.WriteLine($"screenshot: {file}");
        return file;
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    [GeneratedRegex("[^A-Za-z0-9-]+")]
    private static partial Regex SafeName();
}
