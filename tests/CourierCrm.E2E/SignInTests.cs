using CourierCrm.E2E.Infrastructure;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Layout;
using CourierCrm.Web.Platform.Localization;
using static Microsoft.Playwright.Assertions;

namespace CourierCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed class SignInTests(E2EApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task SignIn_WithDemoAdmin_ShowsWorkbench()
    {
        await using var browser = await app.NewSessionAsync(output, "zh-CN");

        await browser.SignInAsync("admin");

        await Expect(browser.Page).ToHaveTitleAsync($"{Texts.Of<SharedTexts>("Nav.Home", "zh-CN")} · CourierCrm");
        await Expect(browser.Page.Locator("h1")).ToHaveTextAsync(Texts.Of<WorkbenchTexts>("Greeting", "zh-CN", DemoLogins.NameOf("admin")));
        await Expect(browser.ByTestId("user-menu")).ToContainTextAsync(Texts.Of<SharedTexts>("Role.Administrator", "zh-CN"));
        await Expect(browser.ByTestId("nav-customers")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsErrorMessage()
    {
        await using var browser = await app.NewSessionAsync(output, "en");
        await browser.Page.GotoAsync("/account/login");

        // A user no other test signs in as, so the one failed attempt cannot add up to a lockout elsewhere.
        await browser.Page.Locator("#userName").FillAsync("front.bj");
        await browser.Page.Locator("#password").FillAsync("not-the-password");
        await browser.ByTestId("login-submit").ClickAsync();

        await Expect(browser.ByTestId("login-error")).ToHaveTextAsync(Texts.Of<AuthTexts>("Error.invalid", "en"));
        await Expect(browser.Page.Locator("#userName")).ToHaveValueAsync("front.bj");
        Assert.StartsWith("/account/login", new Uri(browser.Page.Url).AbsolutePath);
    }
}
