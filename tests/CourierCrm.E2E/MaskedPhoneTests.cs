using System.Text.RegularExpressions;
using CourierCrm.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CourierCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed partial class MaskedPhoneTests(E2EApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task OtherOutletUser_SeesMaskedPhone()
    {
        // Outlet-scoped staff never see another outlet's customers at all, so the masked view is
        // checked with cs.sz: the customer is in its scope, but its role lacks the personal-data permission.
        var customer = await DemoData.CompanyOfOutletAsync(app.Services, "SZ-NS");

        await using (var admin = await app.NewSessionAsync(output, "zh-CN"))
        {
            await admin.SignInAsync("admin");
            await admin.OpenAsync(Paths.Customer(customer.Id));
            await Expect(admin.ByTestId("customer-phone")).ToHaveTextAsync(ClearPhone(customer.Phone));
        }

        await using var agent = await app.NewSessionAsync(output, "zh-CN");
        await agent.SignInAsync("cs.sz");
        await agent.OpenAsync(Paths.Customer(customer.Id));
        var phone = agent.ByTestId("customer-phone");
        await Expect(phone).ToContainTextAsync("*");
        var masked = await phone.InnerTextAsync();
        Assert.DoesNotContain(customer.Phone, Digits().Replace(masked, ""));
        Assert.True(masked.Count(ch => ch == '*') >= 6, $"At least 6 digits must be hidden, the page shows '{masked}'.");

        await agent.ByTestId("reveal-button").ClickAsync();
        await Expect(phone).ToHaveTextAsync(ClearPhone(customer.Phone));
        await Expect(phone).Not.ToContainTextAsync("*");
    }

    /// <summary>The whole number, however the page spaces or hyphenates it.</summary>
    private static Regex ClearPhone(string digits) => new(string.Join(@"[\s-]?", digits.ToCharArray()));

    /// <summary>Anything but digits and the mask character, so spacing in the display cannot hide a leak.</summary>
    [GeneratedRegex(@"[^\d*]")]
    private static partial Regex Digits();
}
