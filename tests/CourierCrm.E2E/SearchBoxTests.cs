using CourierCrm.Domain.Customers;
using CourierCrm.E2E.Infrastructure;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CourierCrm.E2E;

/// <summary>The app-bar search box: a caller gives the last four digits of their phone, the agent opens them.</summary>
[Collection(E2ECollection.Name)]
public sealed class SearchBoxTests(E2EApp app, ITestOutputHelper output)
{
    /// <summary>A demo company of SZ-NS whose phone's last four digits no other customer of the outlet shares, so it is the first hit.</summary>
    private async Task<DemoCustomer> CustomerWithUniqueLastFourAsync()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var outletId = await db.Outlets.Where(o => o.Code == "SZ-NS").Select(o => o.Id).SingleAsync();
        var candidates = await db.Customers
            .Where(c => c.OutletId == outletId && c.Type == CustomerType.Organisation && c.PhoneLast4 != null)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Code, c.Name, c.Phone, c.PhoneLast4 })
            .Take(50).ToListAsync();
        foreach (var c in candidates)
        {
            var shared = await db.Customers.CountAsync(x => x.PhoneLast4 == c.PhoneLast4)
                + await db.Contacts.CountAsync(x => x.PhoneLast4 == c.PhoneLast4);
            if (shared == 1) return new DemoCustomer(c.Id, c.Code, c.Name, c.Phone!);
        }
        throw new InvalidOperationException("No demo company of SZ-NS has a phone ending no one else's does.");
    }

    [Fact]
    public async Task LastFourDigits_InTheAppBar_OpenTheCustomer()
    {
        var customer = await CustomerWithUniqueLastFourAsync();
        await using var browser = await app.NewSessionAsync(output, "zh-CN");
        await browser.SignInAsync("cs.sz");

        var box = browser.Field("global-search-input");
        await box.ClickAsync();
        await box.PressSequentiallyAsync(customer.Phone[^4..], new() { Delay = 40 });
        var hits = browser.ByTestId("global-search-hit");
        await Expect(hits.First).ToHaveAttributeAsync("data-customer-id", customer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(hits.First).ToContainTextAsync("电话尾号");
        // The agent has no personal-data permission: the phone in the list is masked.
        await Expect(hits.First).Not.ToContainTextAsync(customer.Phone);
        await browser.ScreenshotAsync("search-box", "zh-CN");

        await box.PressAsync("Enter");
        await browser.Page.WaitForURLAsync($"**{Paths.Customer(customer.Id)}");
        await Expect(browser.ByTestId("customer-360")).ToBeVisibleAsync();
        await Expect(browser.Page.Locator("h1")).ToContainTextAsync(customer.Name);
    }

    [Fact]
    public async Task AWholePhoneNumber_AndEnter_OpenTheCustomerInOneStep()
    {
        var customer = await DemoData.CompanyOfOutletAsync(app.Services, "SZ-NS");
        await using var browser = await app.NewSessionAsync(output, "zh-CN");
        await browser.SignInAsync("cs.sz");

        // Enter straight after typing, before the list has had time to appear.
        var box = browser.Field("global-search-input");
        await box.FillAsync(customer.Phone);
        await box.PressAsync("Enter");

        await browser.Page.WaitForURLAsync($"**{Paths.Customer(customer.Id)}");
        await Expect(browser.ByTestId("customer-360")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Screenshots_OfTheSearchPage_InBothLanguages()
    {
        var customer = await DemoData.CompanyOfOutletAsync(app.Services, "SZ-NS");
        var problems = new List<string>();
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            await using var browser = await app.NewSessionAsync(output, culture);
            await browser.SignInAsync("cs.sz");
            foreach (var (name, q) in new[] { ("search-name", customer.Name[2..]), ("search-last-four", customer.Phone[^4..]) })
            {
                await browser.OpenAsync("/search?q=" + Uri.EscapeDataString(q));
                await PageHealth.WaitUntilSettledAsync(browser.Page, culture, "search-results");
                await Expect(browser.Page.Locator($"[data-testid=search-hit][data-customer-id='{customer.Id}']")).ToBeVisibleAsync();
                await browser.ScreenshotAsync(name, culture);
                problems.AddRange((await PageHealth.ProblemsAsync(browser.Page, culture)).Select(p => $"{name} [{culture}]: {p}"));
            }
        }
        Assert.True(problems.Count == 0, "Pages with problems:\n" + string.Join("\n", problems));
    }
}
