using CourierCrm.E2E.Infrastructure;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Layout;
using CourierCrm.Web.Platform.Localization;
using static Microsoft.Playwright.Assertions;

namespace CourierCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed class LanguageTests(E2EApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task SwitchLanguage_ChangesTexts()
    {
        // The browser asks for Chinese; the switcher's choice must win over it from then on.
        await using var browser = await app.NewSessionAsync(output, "zh-CN");
        var page = browser.Page;
        await page.GotoAsync("/account/login");
        await Expect(browser.ByTestId("login-submit")).ToHaveTextAsync(Texts.Of<AuthTexts>("SignIn", "zh-CN"));

        await browser.ByTestId("lang-en").ClickAsync();
        await Expect(browser.ByTestId("login-submit")).ToHaveTextAsync(Texts.Of<AuthTexts>("SignIn", "en"));
        await Expect(page.Locator("label[for=userName]")).ToHaveTextAsync(Texts.Of<AuthTexts>("UserName", "en"));

        await browser.SignInAsync("mgr.south");
        await Expect(page).ToHaveTitleAsync($"{Texts.Of<SharedTexts>("Nav.Home", "en")} · CourierCrm");
        await Expect(page.Locator("h1")).ToHaveTextAsync(Texts.Of<WorkbenchTexts>("Greeting", "en", DemoLogins.NameOf("mgr.south")));
        await Expect(browser.ByTestId("nav-customers")).ToHaveTextAsync(Texts.Of<SharedTexts>("Nav.Customers", "en"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await browser.ByTestId("lang-zh-CN").ClickAsync();
        await Expect(page).ToHaveTitleAsync($"{Texts.Of<SharedTexts>("Nav.Home", "zh-CN")} · CourierCrm");
        await Expect(page.Locator("h1")).ToHaveTextAsync(Texts.Of<WorkbenchTexts>("Greeting", "zh-CN", DemoLogins.NameOf("mgr.south")));
        await Expect(browser.ByTestId("nav-customers")).ToHaveTextAsync(Texts.Of<SharedTexts>("Nav.Customers", "zh-CN"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
    }
}
