using CourierCrm.Domain.Organisation;
using CourierCrm.E2E.Infrastructure;
using CourierCrm.Web.Shipments;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CourierCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed class ExportTests(E2EApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task TheFilteredWaybillList_ExportsToExcel_InTheBackground_WithProgressAndADownload()
    {
        var numbers = await PushAsync();
        var problems = new List<string>();
        await using var browser = await app.NewSessionAsync(output, "zh-CN");
        await browser.SignInAsync("mgr.south");

        await browser.OpenAsync("/waybills");
        await Expect(browser.ByTestId("waybill-row").First).ToBeVisibleAsync();
        await browser.Field("filter-number").FillAsync(numbers[0][..^1]);
        await Expect(browser.ByTestId("waybill-row")).ToHaveCountAsync(numbers.Count);

        await browser.Page.Locator("[data-testid=export-menu] button").First.ClickAsync();
        await Expect(browser.ByTestId("export-xlsx")).ToBeVisibleAsync();
        await CheckAsync(browser, "export-menu", problems);
        await browser.ByTestId("export-xlsx").ClickAsync();

        var dialog = browser.ByTestId("export-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await browser.ScreenshotAsync("export-dialog-started", "zh-CN");
        await Expect(dialog.Locator("[data-testid=job-progress]")).ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = 60_000 });
        await Expect(dialog.GetByTestId("job-rows")).ToContainTextAsync($"{numbers.Count} / {numbers.Count}");
        await CheckAsync(browser, "export-dialog-done", problems);

        await Expect(browser.ByTestId("export-all-jobs")).ToHaveAttributeAsync("href", "/jobs");
        var download = await browser.Page.RunAndWaitForDownloadAsync(() => dialog.GetByTestId("job-download").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + "-" + download.SuggestedFilename);
        await download.SaveAsAsync(file);
        try
        {
            Assert.Equal(numbers, NumbersIn(file)); // newest order first, as the list shows them
        }
        finally
        {
            File.Delete(file);
        }

        Assert.True(problems.Count == 0, "Pages with problems:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task ARoleWithoutTheExportRight_SeesNoExportButton()
    {
        await using var browser = await app.NewSessionAsync(output, "zh-CN");
        await browser.SignInAsync("rep.sz1");

        await browser.OpenAsync("/waybills");
        await Expect(browser.ByTestId("waybill-total")).ToBeVisibleAsync();

        await Expect(browser.ByTestId("export-menu")).ToHaveCountAsync(0);
    }

    /// <summary>The waybill numbers of the sheet's rows (the first column, below the header).</summary>
    private static List<string> NumbersIn(string xlsx)
    {
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>().Skip(1).Select(r => r.Elements<Cell>().First().InnerText).ToList();
    }

    /// <summary>Three waybills of the SZ-NS outlet, ordered on different days, under one number prefix.</summary>
    private async Task<List<string>> PushAsync()
    {
        var customer = await DemoData.CompanyOfOutletAsync(app.Services, "SZ-NS");
        var prefix = "EXP" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var viewer = Viewer.For(null, "operations", StaffRole.Administrator, null, null, RolePolicy.DefaultFor(StaffRole.Administrator));
        var now = DateTimeOffset.UtcNow;
        var items = Enumerable.Range(0, 3).Select(i => (WaybillPushItem?)new WaybillPushItem
        {
            Number = $"{prefix}{i}", CustomerCode = customer.Code, Product = CourierCrm.Domain.Shipments.Product.Standard,
            SenderName = "张三丰", SenderPhone = "13812345678", SenderAddress = "广东省深圳市南山区科技园路12号",
            ReceiverName = "李四", ReceiverPhone = "13987654321", ReceiverAddress = "上海市浦东新区世纪大道100号",
            OriginCity = "深圳", DestinationCity = "上海", Pieces = 1, WeightKg = 1.5m, Freight = 18m + i,
            Payer = CourierCrm.Domain.Shipments.Payer.MonthlyAccount, Status = CourierCrm.Domain.Shipments.WaybillStatus.Ordered,
            OrderedAt = now.AddDays(-i - 1), PickupOutletCode = "SZ-NS",
        }).ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var pushed = await scope.ServiceProvider.GetRequiredService<WaybillCommands>().PushAsync(viewer, new WaybillPushRequest(items), CancellationToken.None);
        Assert.True(pushed.Succeeded, $"Push failed: {pushed.Status}");
        return items.Select(i => i!.Number!).ToList();
    }

    private static async Task CheckAsync(BrowserSession browser, string name, List<string> problems)
    {
        await PageHealth.WaitUntilSettledAsync(browser.Page, "zh-CN", null);
        var file = await browser.ScreenshotAsync(name, "zh-CN");
        problems.AddRange((await PageHealth.ProblemsAsync(browser.Page, "zh-CN")).Select(p => $"{name} ({Path.GetFileName(file)}): {p}"));
    }
}
