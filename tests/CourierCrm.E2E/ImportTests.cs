using System.Text;
using CourierCrm.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CourierCrm.E2E;

/// <summary>Issue 3: upload a file, map its columns, watch the progress, download the error report; screenshots of each step.</summary>
[Collection(E2ECollection.Name)]
public sealed class ImportTests(E2EApp app, ITestOutputHelper output)
{
    private static readonly string[] Header =
        ["单号", "寄件人", "寄件人电话", "寄件地址", "收件人", "收件人电话", "收件地址", "始发城市", "目的城市", "重量(kg)", "运费", "下单时间"];

    [Fact]
    public async Task AWaybillFile_IsUploaded_Mapped_Imported_AndItsErrorReportDownloaded()
    {
        var prefix = "IMP" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var file = WriteCsv(prefix);
        var problems = new List<string>();
        await using var browser = await app.NewSessionAsync(output, "zh-CN");
        await browser.SignInAsync("admin");

        await browser.OpenAsync("/imports");
        await Expect(browser.ByTestId("import-upload")).ToBeVisibleAsync();
        await CheckAsync(browser, "import-upload", problems);

        await browser.Page.Locator("[data-testid=import-file] input[type=file]").SetInputFilesAsync(file);
        var mapping = browser.ByTestId("import-mapping");
        await Expect(mapping).ToBeVisibleAsync();
        await Expect(browser.ByTestId("import-detected")).ToContainTextAsync("UTF-8");
        // "单号" is not one of the number column's names: the person chooses it by hand.
        await browser.ChooseAsync(browser.Page.Locator("[data-testid=import-column-number]"), "A · 单号");
        await Expect(browser.ByTestId("import-preview")).ToContainTextAsync(prefix + "1");
        await CheckAsync(browser, "import-mapping", problems);

        await browser.ByTestId("import-start").ClickAsync();
        var progress = browser.ByTestId("job-progress");
        await Expect(progress).ToBeVisibleAsync();
        await browser.ScreenshotAsync("import-running", "zh-CN");
        await Expect(progress).ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = 60_000 });
        await Expect(browser.ByTestId("job-errors")).ToContainTextAsync("2");
        await CheckAsync(browser, "import-done", problems);

        var download = await browser.Page.RunAndWaitForDownloadAsync(() => browser.ByTestId("job-download").ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");
        await download.SaveAsAsync(saved);
        try
        {
            var lines = (await File.ReadAllTextAsync(saved, Encoding.UTF8)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("行,列,值,原因", lines[0].TrimStart('\uFEFF'));
            Assert.Equal(["3,重量(kg),很重,不是数字。", "5,下单时间,明天,不是日期或时间（例如 2026-11-23 14:05）。"], lines[1..]);
        }
        finally
        {
            File.Delete(saved);
            File.Delete(file);
        }

        await Expect(browser.ByTestId("import-recent-row").First).ToContainTextAsync(Path.GetFileName(file));
        Assert.True(problems.Count == 0, "Pages with problems:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task TheImportsPage_InEnglish_AndABadFile_GetsAClearMessage()
    {
        var problems = new List<string>();
        await using var browser = await app.NewSessionAsync(output, "en");
        await browser.SignInAsync("cs.sz");
        var garbage = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllBytesAsync(garbage, [0x00, 0x01, 0x02, 0xFF, 0x00, 0x9C]);

        await browser.OpenAsync("/imports");
        await browser.Page.Locator("[data-testid=import-file] input[type=file]").SetInputFilesAsync(garbage);

        await Expect(browser.ByTestId("import-upload-error")).ToContainTextAsync("binary");
        await CheckAsync(browser, "import-bad-file", problems, "en");
        File.Delete(garbage);
        Assert.True(problems.Count == 0, "Pages with problems:\n" + string.Join("\n", problems));
    }

    /// <summary>Five waybills, rows 3 and 5 (as the file counts them) with a bad weight and a bad date.</summary>
    private static string WriteCsv(string prefix)
    {
        string Row(int i, string weight = "2.5", string ordered = "2026-11-20 10:30") =>
            string.Join(',', $"{prefix}{i}", "张三", "13800138000", "深圳市南山区科技园1号", "李四", "13900139000", "广州市天河区体育西路2号", "深圳", "广州", weight, "18", ordered);
        var text = string.Join("\r\n", [string.Join(',', Header), Row(1), Row(2, weight: "很重"), Row(3), Row(4, ordered: "明天"), Row(5)]) + "\r\n";
        var file = Path.Combine(Path.GetTempPath(), $"运单导入-{prefix}.csv");
        File.WriteAllText(file, text, new UTF8Encoding(true));
        return file;
    }

    private static async Task CheckAsync(BrowserSession browser, string name, List<string> problems, string culture = "zh-CN")
    {
        await PageHealth.WaitUntilSettledAsync(browser.Page, culture, null);
        var file = await browser.ScreenshotAsync(name, culture);
        problems.AddRange((await PageHealth.ProblemsAsync(browser.Page, culture)).Select(p => $"{name} [{culture}] ({Path.GetFileName(file)}): {p}"));
    }
}
