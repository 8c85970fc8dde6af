using CourierCrm.Domain.Organisation;
using CourierCrm.E2E.Infrastructure;
using CourierCrm.Web.Shipments;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CourierCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed class WaybillPagesTests(E2EApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task PushedWaybills_ShowOnThe360Card_TheList_AndTheWaybillPage_InBothLanguages()
    {
        var customer = await DemoData.CompanyOfOutletAsync(app.Services, "SZ-NS");
        var numbers = await PushAsync(customer.Code);
        var problems = new List<string>();

        foreach (var culture in new[] { "zh-CN", "en" })
        {
            await using var browser = await app.NewSessionAsync(output, culture);
            await browser.SignInAsync("admin");

            await browser.OpenAsync(Paths.Customer(customer.Id));
            var card = browser.ByTestId("customer-shipping");
            await Expect(card).ToBeVisibleAsync();
            // The demo company has waybills of its own: the newest is the one just pushed.
            await Expect(browser.ByTestId("shipping-recent-row").First).ToContainTextAsync(numbers[^1]);
            await Expect(card).ToContainTextAsync(numbers[^1]);
            await CheckAsync(browser, "waybill-customer-360", culture, problems);

            await browser.OpenAsync("/waybills");
            await Expect(browser.ByTestId("waybill-row").First).ToBeVisibleAsync();
            await browser.Field("filter-number").FillAsync(numbers[0]);
            await Expect(browser.ByTestId("waybill-row")).ToHaveCountAsync(1);
            await browser.Field("filter-number").FillAsync(numbers[0][..^1]);
            await Expect(browser.ByTestId("waybill-row")).ToHaveCountAsync(numbers.Count);
            await CheckAsync(browser, "waybills", culture, problems);

            await browser.ByTestId("waybill-row").First.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = numbers[^1] }).ClickAsync();
            await Expect(browser.ByTestId("waybill-page")).ToBeVisibleAsync();
            await Expect(browser.ByTestId("tracking-event")).ToHaveCountAsync(2);
            await Expect(browser.ByTestId("waybill-customer-link")).ToBeVisibleAsync();
            await CheckAsync(browser, "waybill", culture, problems);
        }

        Assert.True(problems.Count == 0, "Pages with problems:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task AnUnmatchedWaybill_IsMatchedToItsCustomer_FromTheUnmatchedTab()
    {
        var customer = await DemoData.CompanyOfOutletAsync(app.Services, "SZ-NS");
        var numbers = await PushAsync("NO-SUCH-CODE");
        await using var browser = await app.NewSessionAsync(output, "zh-CN");
        await browser.SignInAsync("admin");

        await browser.OpenAsync("/waybills?unmatched=true");
        await browser.Field("filter-number").FillAsync(numbers[0]);
        await Expect(browser.ByTestId("waybill-row")).ToHaveCountAsync(1);
        await browser.ByTestId("match-button").ClickAsync();
        await browser.Field("match-customer").FillAsync(customer.Code);
        await browser.Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = customer.Code }).First.ClickAsync();
        await browser.ByTestId("match-confirm").ClickAsync();

        await Expect(browser.ByTestId("no-waybills")).ToBeVisibleAsync();
        await browser.OpenAsync("/waybills/" + numbers[0]);
        await Expect(browser.ByTestId("waybill-customer-link")).ToContainTextAsync(customer.Name);
    }

    /// <summary>Three waybills of the customer pushed as the operations system would, the newest with two tracking events.</summary>
    private async Task<List<string>> PushAsync(string customerCode)
    {
        var prefix = "E2E" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var viewer = Viewer.For(null, "operations", StaffRole.Administrator, null, null, RolePolicy.DefaultFor(StaffRole.Administrator));
        var now = DateTimeOffset.UtcNow;
        var items = new List<WaybillPushItem?>();
        for (var i = 0; i < 3; i++)
            items.Add(new WaybillPushItem
            {
                Number = $"{prefix}{i}", CustomerCode = customerCode, Product = (CourierCrm.Domain.Shipments.Product)(i % 4),
                SenderName = "张三丰", SenderPhone = "13812345678", SenderAddress = "广东省深圳市南山区科技园路12号",
                ReceiverName = "李四", ReceiverPhone = "13987654321", ReceiverAddress = "上海市浦东新区世纪大道100号",
                OriginCity = "深圳", DestinationCity = "上海", Pieces = 1 + i, WeightKg = 2.5m, Freight = 20m + i * 10,
                Payer = CourierCrm.Domain.Shipments.Payer.MonthlyAccount, Status = CourierCrm.Domain.Shipments.WaybillStatus.Ordered,
                OrderedAt = now.AddDays(-40 * (2 - i)), PickupOutletCode = "SZ-NS",
            });
        await using var scope = app.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<WaybillCommands>();
        var pushed = await commands.PushAsync(viewer, new WaybillPushRequest(items), CancellationToken.None);
        Assert.True(pushed.Succeeded, $"Push failed: {pushed.Status}");
        var events = new TrackingEventsRequest(
        [
            new(now.AddHours(-5), "深圳南山网点", "快件已揽收", CourierCrm.Domain.Shipments.WaybillStatus.PickedUp),
            new(now.AddHours(-1), "深圳转运中心", "快件已到达转运中心", CourierCrm.Domain.Shipments.WaybillStatus.InTransit),
        ]);
        var added = await commands.AddEventsAsync(viewer, $"{prefix}2", events, CancellationToken.None);
        Assert.True(added.Succeeded, $"Events failed: {added.Status}");
        return items.Select(i => i!.Number!).ToList();
    }

    private async Task CheckAsync(BrowserSession browser, string name, string culture, List<string> problems)
    {
        await PageHealth.WaitUntilSettledAsync(browser.Page, culture, null);
        var file = await browser.ScreenshotAsync(name, culture);
        problems.AddRange((await PageHealth.ProblemsAsync(browser.Page, culture)).Select(p => $"{name} [{culture}] ({Path.GetFileName(file)}): {p}"));
    }
}
