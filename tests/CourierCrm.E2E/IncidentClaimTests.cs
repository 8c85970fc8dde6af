using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Organisation;
using CourierCrm.E2E.Infrastructure;
using CourierCrm.Web.Data;
using CourierCrm.Web.Shipments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CourierCrm.E2E;

/// <summary>Issue 5: one damage incident to a paid claim, in the browser, with a screenshot of each page.</summary>
[Collection(E2ECollection.Name)]
public sealed class IncidentClaimTests(E2EApp app, ITestOutputHelper output)
{
    private const string Culture = "zh-CN";

    [Fact]
    public async Task ADamagedParcel_GoesFromTheWaybill_ToAnIncident_ToAPaidClaim()
    {
        var customer = await DemoData.CompanyOfOutletAsync(app.Services, "SZ-NS");
        var number = await PushWaybillAsync(customer.Code);
        var problems = new List<string>();

        // The desk (cs.sz) opens the incident from the waybill and files the customer's claim.
        int claimId;
        await using (var desk = await app.NewSessionAsync(output, Culture))
        {
            await desk.SignInAsync("cs.sz");
            await desk.OpenAsync("/waybills/" + number);
            await CheckAsync(desk, "claim-flow-1-waybill", problems);
            await desk.ByTestId("open-incident").ClickAsync();
            await Expect(desk.ByTestId("incident-new-form")).ToBeVisibleAsync();
            await desk.WaitForBlazorAsync();
            await desk.ChooseAsync(desk.ByTestId("incident-kind"), "破损");
            await desk.Field("incident-loss").FillAsync("500");
            await desk.Field("incident-description").FillAsync("外箱压塌，显示器屏幕碎裂");
            await CheckAsync(desk, "claim-flow-2-new-incident", problems);
            await desk.ByTestId("incident-record").ClickAsync();
            await Expect(desk.ByTestId("incident-page")).ToBeVisibleAsync();
            if (await desk.ByTestId("incident-confirm").IsVisibleAsync())
            {
                await desk.ByTestId("incident-confirm").ClickAsync();
                await desk.ByTestId("decision-confirm").ClickAsync();
            }
            await Expect(desk.ByTestId("file-claim")).ToBeVisibleAsync();
            await CheckAsync(desk, "claim-flow-3-incident", problems);

            await desk.ByTestId("file-claim").ClickAsync();
            await desk.Field("claim-claimed").FillAsync("300");
            await desk.Field("claim-loss").FillAsync("260");
            await CheckAsync(desk, "claim-flow-4-file-dialog", problems);
            await desk.ByTestId("claim-file-confirm").ClickAsync();
            await Expect(desk.ByTestId("incident-claim-row")).ToHaveCountAsync(1);
            await desk.ByTestId("claim-link").ClickAsync();
            await Expect(desk.ByTestId("claim-page")).ToBeVisibleAsync();
            // Uninsured, ¥80 freight: the rule allows 3 × ¥80 = ¥240 of the ¥260 loss.
            await Expect(desk.ByTestId("claim-rule-amount")).ToHaveTextAsync("¥240.00");
            await Expect(desk.ByTestId("claim-approve")).ToHaveCountAsync(0);
            await CheckAsync(desk, "claim-flow-5-filed", problems);
            claimId = int.Parse(desk.Page.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        }

        // The region manager approves the rule amount and records the payment.
        await using (var manager = await app.NewSessionAsync(output, Culture))
        {
            await manager.SignInAsync("mgr.south");
            await manager.OpenAsync($"/claims/{claimId}");
            await manager.ByTestId("claim-approve").ClickAsync();
            await CheckAsync(manager, "claim-flow-6-approve-dialog", problems);
            await manager.ByTestId("action-confirm").ClickAsync();
            await Expect(manager.ByTestId("claim-status")).ToHaveTextAsync("已核准");
            await Expect(manager.ByTestId("claim-approved")).ToContainTextAsync("¥240.00");

            await manager.ByTestId("claim-pay").ClickAsync();
            await manager.Field("action-reference").FillAsync("ICBC-20261123-0001");
            await manager.ByTestId("action-confirm").ClickAsync();
            await Expect(manager.ByTestId("claim-status")).ToHaveTextAsync("已赔付");
            await CheckAsync(manager, "claim-flow-7-paid", problems);

            await manager.OpenAsync("/claims");
            await Expect(manager.ByTestId("claim-row").First).ToBeVisibleAsync();
            await CheckAsync(manager, "claim-flow-8-list", problems);
        }

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var claim = await db.Claims.AsNoTracking().SingleAsync(c => c.Id == claimId);
        Assert.Equal((ClaimStatus.Paid, 24_000L, "ICBC-20261123-0001"), (claim.Status, claim.PaidFen ?? 0, claim.PaymentReference));
        Assert.True(problems.Count == 0, "Pages with problems:\n" + string.Join("\n", problems));
    }

    /// <summary>One uninsured waybill of the customer with ¥80 freight, picked up at SZ-NS, as the operations system pushes it.</summary>
    private async Task<string> PushWaybillAsync(string customerCode)
    {
        var number = "E2EC" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var viewer = Viewer.For(null, "operations", StaffRole.Administrator, null, null, RolePolicy.DefaultFor(StaffRole.Administrator));
        var item = new WaybillPushItem
        {
            Number = number, CustomerCode = customerCode, Product = CourierCrm.Domain.Shipments.Product.Standard,
            SenderName = "张三丰", SenderPhone = "13812345678", SenderAddress = "广东省深圳市南山区科技园路12号",
            ReceiverName = "李四", ReceiverPhone = "13987654321", ReceiverAddress = "上海市浦东新区世纪大道100号",
            OriginCity = "深圳", DestinationCity = "上海", Pieces = 1, WeightKg = 6m, Freight = 80m,
            Payer = CourierCrm.Domain.Shipments.Payer.MonthlyAccount, Status = CourierCrm.Domain.Shipments.WaybillStatus.Delivered,
            OrderedAt = DateTimeOffset.UtcNow.AddDays(-3), PickupOutletCode = "SZ-NS",
        };
        await using var scope = app.Services.CreateAsyncScope();
        var pushed = await scope.ServiceProvider.GetRequiredService<WaybillCommands>().PushAsync(viewer, new WaybillPushRequest([item]), CancellationToken.None);
        Assert.True(pushed.Succeeded, $"Push failed: {pushed.Status}");
        return number;
    }

    private async Task CheckAsync(BrowserSession browser, string name, List<string> problems)
    {
        await PageHealth.WaitUntilSettledAsync(browser.Page, Culture, null);
        var file = await browser.ScreenshotAsync(name, Culture);
        problems.AddRange((await PageHealth.ProblemsAsync(browser.Page, Culture)).Select(p => $"{name} ({Path.GetFileName(file)}): {p}"));
    }
}
