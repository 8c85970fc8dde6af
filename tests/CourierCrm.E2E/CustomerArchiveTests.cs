using CourierCrm.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CourierCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed class CustomerArchiveTests(E2EApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task CreateCustomer_ThenFindByPhone_OpensIts360Page()
    {
        // A mobile number no demo customer has: 139 and eight random digits.
        var phone = "139" + Random.Shared.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var name = $"鹏程电子商贸有限公司 E2E-{phone[^4..]}";
        await using var browser = await app.NewSessionAsync(output, "zh-CN");
        var page = browser.Page;
        await browser.SignInAsync("rep.sz1");

        await browser.OpenAsync(Paths.Customers);
        await browser.ByTestId("new-customer").ClickAsync();
        await browser.Field("field-name").FillAsync(name);
        await browser.Field("field-phone").FillAsync(phone);
        await browser.ByTestId("save-customer").ClickAsync();

        await Expect(browser.ByTestId("customer-360")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("customer-360")).ToContainTextAsync(name);

        await browser.ByTestId("nav-customers").ClickAsync();
        await browser.Field("customer-search").FillAsync(phone);
        await browser.Field("customer-search").PressAsync("Enter");
        var rows = browser.ByTestId("customer-row");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync(name);

        // The customer's name in the row is the link to its 360 page.
        await rows.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(browser.ByTestId("customer-360")).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(name);
    }
}
