using CourierCrm.E2E.Infrastructure;
using CourierCrm.Web.Segmentation;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CourierCrm.E2E;

/// <summary>
/// Saved segments in the browser (issue 4 item 7): filter the customer list by ABC class A, save the
/// filter as a segment, open it again from /segments; and the segments and lifetime value pages in both
/// languages, screenshotted and checked for untranslated or broken text.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class SegmentTests(E2EApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task TheListFilteredByAbcA_IsSavedAsASegment_AndOpensAgainFromTheSegmentsPage()
    {
        await ClassifyAsync();
        var problems = new List<string>();
        var name = "A类客户" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var browser = await app.NewSessionAsync(output, "zh-CN");
        await browser.SignInAsync("mgr.south");

        await browser.OpenAsync("/customers");
        await Expect(browser.ByTestId("customer-row").First).ToBeVisibleAsync();
        await browser.ChooseAsync(browser.ByTestId("filter-abc"), "A 类");
        await Expect(browser.ByTestId("chip-abc")).ToBeVisibleAsync();
        await browser.Page.WaitForURLAsync("**/customers?abc=A");
        var total = await browser.ByTestId("customer-total").InnerTextAsync();
        await Expect(browser.ByTestId("abc-chip").First).ToHaveTextAsync("A");
        await CheckAsync(browser, "customers-abc-a", "zh-CN", problems);

        await browser.ByTestId("save-segment").ClickAsync();
        await browser.Field("segment-name").FillAsync(name);
        await browser.ByTestId("segment-save").ClickAsync();
        await Expect(browser.ByTestId("chip-segment")).ToContainTextAsync(name);

        await browser.OpenAsync("/segments");
        var row = browser.ByTestId("segment-row").Filter(new() { HasText = name });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("chip-abc")).ToBeVisibleAsync();
        await CheckAsync(browser, "segments", "zh-CN", problems);
        await row.GetByTestId("segment-open").ClickAsync();

        await browser.Page.WaitForURLAsync("**/customers?segment=*");
        await Expect(browser.ByTestId("chip-segment")).ToContainTextAsync(name);
        await Expect(browser.ByTestId("customer-total")).ToHaveTextAsync(total);
        Assert.True(problems.Count == 0, "Pages with problems:\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task TheSegmentsAndLifetimeValuePages_ReadWellInBothLanguages(string culture)
    {
        await ClassifyAsync();
        var problems = new List<string>();
        await using var browser = await app.NewSessionAsync(output, culture);
        await browser.SignInAsync("admin");

        await browser.OpenAsync("/segments");
        await Expect(browser.Page.Locator("h1")).ToBeVisibleAsync();
        await CheckAsync(browser, "segments-page", culture, problems);

        await browser.OpenAsync("/lifetime-value");
        await Expect(browser.ByTestId("dwyer-row").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(browser.ByTestId("clv-chart")).ToBeVisibleAsync();
        await CheckAsync(browser, "lifetime-value-cohort", culture, problems);

        await browser.Page.GetByRole(Microsoft.Playwright.AriaRole.Tab).Nth(1).ClickAsync();
        await Expect(browser.ByTestId("hand-grid")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("dwyer-clv").Last).ToHaveTextAsync("¥112.48");
        await CheckAsync(browser, "lifetime-value-hand", culture, problems);
        Assert.True(problems.Count == 0, "Pages with problems:\n" + string.Join("\n", problems));
    }

    /// <summary>Classes for the demo customers, so the list's class filters and the ranking have something to show.</summary>
    private async Task ClassifyAsync()
    {
        var runner = app.Services.GetRequiredService<ClassificationRunner>();
        await runner.RunAsync(runner.Today, "e2e", null, CancellationToken.None);
    }

    private static async Task CheckAsync(BrowserSession browser, string name, string culture, List<string> problems)
    {
        await PageHealth.WaitUntilSettledAsync(browser.Page, culture, null);
        var file = await browser.ScreenshotAsync(name, culture);
        problems.AddRange((await PageHealth.ProblemsAsync(browser.Page, culture)).Select(p => $"{name} ({Path.GetFileName(file)}): {p}"));
    }
}
