using CourierCrm.E2E.Infrastructure;
using CourierCrm.Web.Segmentation;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CourierCrm.E2E;

/// <summary>The classification dashboards (issue 4 item 3) over the demo company after a classification run.</summary>
[Collection(E2ECollection.Name)]
public sealed class ClassificationDashboardTests(E2EApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task TheDashboard_ShowsEveryFigure_InBothLanguages()
    {
        await ClassifyAsync();
        var problems = new List<string>();

        foreach (var culture in new[] { "zh-CN", "en" })
        {
            await using var browser = await app.NewSessionAsync(output, culture);
            await browser.SignInAsync("admin");

            await browser.OpenAsync("/classification");
            foreach (var card in new[] { "dash-pyramid", "dash-pareto", "dash-rfm", "dash-quadrant", "dash-lifecycle", "dash-movement" })
                await Expect(browser.ByTestId(card)).ToBeVisibleAsync();
            await Expect(browser.ByTestId("dash-run")).ToBeVisibleAsync();
            await Expect(browser.Page.Locator("[data-testid=rfm-grid] td a")).ToHaveCountAsync(25);
            await PageHealth.WaitUntilSettledAsync(browser.Page, culture, "dash-movement");
            var file = await browser.ScreenshotAsync("classification-dashboard", culture);
            problems.AddRange((await PageHealth.ProblemsAsync(browser.Page, culture)).Select(p => $"dashboard [{culture}] ({Path.GetFileName(file)}): {p}"));
        }

        Assert.True(problems.Count == 0, "Pages with problems:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task ClickingAnAbcClass_OpensTheCustomerList_FilteredByThatClass()
    {
        await ClassifyAsync();
        await using var browser = await app.NewSessionAsync(output, "zh-CN");
        await browser.SignInAsync("admin");
        await browser.OpenAsync("/classification");

        await browser.ByTestId("abc-link-A").ClickAsync();

        await browser.Page.WaitForURLAsync("**/customers?abc=A");
        await Expect(browser.ByTestId("customer-table")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("classification-click-through", "zh-CN");
    }

    /// <summary>Classifies the demo company once for the collection: the dashboard needs a run to show figures.</summary>
    private async Task ClassifyAsync()
    {
        var runner = app.Services.GetRequiredService<ClassificationRunner>();
        await using var scope = app.Services.CreateAsyncScope();
        var runs = await scope.ServiceProvider.GetRequiredService<ClassificationQueries>().RunsAsync(1, 1, CancellationToken.None);
        if (runs.Total == 0) await runner.RunAsync(runner.Today, "e2e", null, CancellationToken.None);
    }
}
