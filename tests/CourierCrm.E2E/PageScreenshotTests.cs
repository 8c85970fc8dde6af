using CourierCrm.E2E.Infrastructure;

namespace CourierCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed class PageScreenshotTests(E2EApp app, ITestOutputHelper output)
{
    private sealed record MainPage(string Name, string Path, string? ReadyTestId = null)
    {
        /// <summary>False for the static sign-in page, which has no circuit to wait for.</summary>
        public bool Interactive { get; init; } = true;
    }

    private static IEnumerable<MainPage> AdminPages(DemoCustomer customer) =>
    [
        new("home", "/"),
        new("customers", Paths.Customers, "customer-row"),
        new("customer-new", Paths.NewCustomer, "field-name"),
        new("customer-360", Paths.Customer(customer.Id), "customer-360"),
        new("customer-edit", Paths.EditCustomer(customer.Id), "field-name"),
        new("imports", "/imports"),
        new("jobs", "/jobs"),
        new("admin-organisation", "/admin/organisation"),
        new("admin-users", "/admin/users"),
        new("admin-roles", "/admin/roles"),
        new("admin-transfer", "/admin/transfer"),
        new("admin-api-tokens", "/admin/api-tokens"),
        new("admin-audit", "/admin/audit"),
    ];

    [Fact]
    public async Task Screenshots_OfEveryMainPage_InBothLanguages()
    {
        var customer = await DemoData.CompanyOfOutletAsync(app.Services, "SZ-NS");
        var problems = new List<string>();

        foreach (var culture in new[] { "zh-CN", "en" })
        {
            await using (var admin = await app.NewSessionAsync(output, culture))
            {
                await CaptureAsync(admin, new("login", Paths.Login) { Interactive = false }, culture, problems);
                await admin.SignInAsync("admin");
                foreach (var page in AdminPages(customer))
                    await CaptureAsync(admin, page, culture, problems);
            }

            // The same 360 page as someone without the personal-data permission: the masked look.
            await using var agent = await app.NewSessionAsync(output, culture);
            await agent.SignInAsync("cs.sz");
            await CaptureAsync(agent, new("customer-360-masked", Paths.Customer(customer.Id), "customer-360"), culture, problems);
        }

        Assert.True(problems.Count == 0, "Pages with problems:\n" + string.Join("\n", problems));
    }

    /// <summary>Opens the page, waits for it to settle, saves its screenshot whatever state it is in, and notes what is wrong with it.</summary>
    private async Task CaptureAsync(BrowserSession browser, MainPage page, string culture, List<string> problems)
    {
        string? settleFailure = null;
        try
        {
            if (page.Interactive)
                await browser.OpenAsync(page.Path);
            else
                await browser.Page.GotoAsync(page.Path);
            await PageHealth.WaitUntilSettledAsync(browser.Page, culture, page.ReadyTestId);
        }
        catch (Exception e) when (e is Microsoft.Playwright.PlaywrightException or TimeoutException)
        {
            settleFailure = e.Message.Split('\n')[0];
        }
        var file = await browser.ScreenshotAsync(page.Name, culture);
        var where = $"{page.Path} [{culture}] ({Path.GetFileName(file)})";
        if (settleFailure is not null)
        {
            problems.Add($"{where}: did not finish rendering: {settleFailure}");
            return;
        }
        problems.AddRange((await PageHealth.ProblemsAsync(browser.Page, culture)).Select(p => $"{where}: {p}"));
        if (culture == "zh-CN")
        {
            var latin = await PageHealth.LatinWordsAsync(browser.Page);
            if (latin.Count > 0)
                output.WriteLine($"  Latin words on {where}, for review: {string.Join(" ", latin)}");
        }
    }
}
