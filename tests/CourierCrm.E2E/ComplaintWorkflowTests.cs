using CourierCrm.E2E.Infrastructure;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CourierCrm.E2E;

/// <summary>
/// Issue 5: a complaint handler records a complaint for a customer and walks it through the eight steps in the
/// browser; the manager approves the remedy (a handler never approves their own); closing leaves the first-contact
/// owner a satisfaction-callback task. A screenshot of each step's page.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ComplaintWorkflowTests(E2EApp app, ITestOutputHelper output)
{
    private const string Culture = "en";

    [Fact]
    public async Task AHandler_WalksAComplaint_ThroughAllEightSteps_ToClosedWithACallbackTask()
    {
        var customer = await DemoData.CompanyOfOutletAsync(app.Services, "SZ-NS");
        await using var handler = await app.NewSessionAsync(output, Culture);
        await handler.SignInAsync("ch.sz");

        // Step 1: record, from the customer's 360 page.
        await handler.OpenAsync($"/customers/{customer.Id}");
        await handler.ByTestId("record-complaint").ClickAsync();
        await handler.Page.WaitForURLAsync(url => url.Contains("/complaints/new", StringComparison.Ordinal));
        await handler.WaitForBlazorAsync();
        await Expect(handler.Field("complaint-customer")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(customer.Code));
        await handler.ChooseAsync(handler.ByTestId("complaint-channel"), "Hotline");
        await handler.ChooseAsync(handler.ByTestId("complaint-category"), "Delay");
        await handler.Field("complaint-description").FillAsync("快件延误三天 / Parcel three days late");
        await handler.Field("complaint-demand").FillAsync("退运费 / Refund the freight");
        await handler.ScreenshotAsync("complaint-step1-record", Culture);
        await handler.ByTestId("complaint-submit").ClickAsync();
        await handler.Page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/complaints/\d+$"));
        await handler.WaitForBlazorAsync();
        var number = (await handler.ByTestId("complaint-number").InnerTextAsync()).Trim();
        var path = new Uri(handler.Page.Url).AbsolutePath;
        await StageIsAsync(handler, "Awaiting judgement");

        await ActAsync(handler, "JudgeValid", 2, "Awaiting assignment");
        await ActAsync(handler, "Assign", 3, "Awaiting analysis", async () =>
            await handler.ChooseAsync(handler.ByTestId("input-handler"), DemoLogins.NameOf("ch.sz")));
        await ActAsync(handler, "Analyse", 4, "Awaiting remedy", async () =>
        {
            await handler.Field("input-cause").FillAsync("中转衔接延误 / Missed connection at the hub");
            await handler.ChooseAsync(handler.ByTestId("input-responsibility"), "Internal");
        });
        await ActAsync(handler, "ProposeRemedy", 5, "Awaiting approval", async () =>
        {
            await handler.ChooseAsync(handler.ByTestId("input-remedy"), "Freight refund");
            await handler.Field("input-remedyAmount").FillAsync("20");
            await handler.Field("input-remedyDetail").FillAsync("退还运费 20 元 / Refund ¥20 freight");
        });

        // Step 6: the handler may not approve their own remedy; the region manager does.
        await Expect(handler.ByTestId("action-Approve")).ToHaveCountAsync(0);
        await using (var manager = await app.NewSessionAsync(output, Culture))
        {
            await manager.SignInAsync("mgr.south");
            await manager.OpenAsync(path);
            await ActAsync(manager, "Approve", 6, "Awaiting execution");
        }

        await handler.OpenAsync(path);
        await ActAsync(handler, "CarryOut", 7, "Awaiting evaluation", async () =>
            await handler.ChooseAsync(handler.ByTestId("input-feedback"), "4 · Satisfied"));
        await ActAsync(handler, "Evaluate", 8, "Closed", async () =>
        {
            await handler.Field("input-summary").FillAsync("退运费 20 元，客户满意 / Refunded ¥20, customer satisfied");
            await handler.Field("input-lesson").FillAsync("中转衔接 / Hub connections");
        });
        await Expect(handler.ByTestId("step-8-done")).ToBeVisibleAsync();

        // The first-contact owner (the recorder) finds the satisfaction callback among their tasks.
        await handler.OpenAsync("/tasks");
        await Expect(handler.Page.GetByText(number).First).ToBeVisibleAsync();
        await handler.ScreenshotAsync("complaint-callback-task", Culture);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var complaint = await db.Complaints.AsNoTracking().SingleAsync(c => c.Number == number);
        Assert.Equal(Domain.Complaints.ComplaintStage.Closed, complaint.Stage);
        Assert.Equal(8, await db.ComplaintSteps.CountAsync(s => s.ComplaintId == complaint.Id));
    }

    /// <summary>Chooses an action on the detail page, fills its form, confirms, waits for the new stage and takes the step's screenshot.</summary>
    private static async Task ActAsync(BrowserSession browser, string action, int step, string stageAfter, Func<Task>? fill = null)
    {
        await browser.ByTestId($"action-{action}").ClickAsync();
        await Expect(browser.ByTestId("action-form")).ToBeVisibleAsync();
        if (fill is not null) await fill();
        await browser.ScreenshotAsync($"complaint-step{step}-{action}", Culture);
        await browser.ByTestId("action-confirm").ClickAsync();
        await StageIsAsync(browser, stageAfter);
    }

    private static async Task StageIsAsync(BrowserSession browser, string stage) =>
        await Expect(browser.ByTestId("complaint-stage")).ToHaveTextAsync(stage, new() { Timeout = 15_000 });
}
