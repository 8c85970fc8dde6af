using CourierCrm.E2E.Infrastructure;
using CourierCrm.Web.Data;
using CourierCrm.Web.Segmentation;
using CourierCrm.Web.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CourierCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed class TaskTests(E2EApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task ARep_CompletesATask_OnMyTasks()
    {
        var customer = await DemoData.CompanyOfOutletAsync(app.Services, "SZ-NS");
        var title = "E2E 回访 " + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var id = await TaskForRepAsync(customer.Id, title);
        await using var browser = await app.NewSessionAsync(output, "zh-CN");
        await browser.SignInAsync("rep.sz1");

        await browser.OpenAsync("/tasks");
        // Due far ahead: latest due first puts it on the first page whatever else the rep has to do.
        await browser.ByTestId("sort-due").ClickAsync();
        await Expect(browser.ByTestId("task-title").Filter(new() { HasText = title })).ToBeVisibleAsync();
        await browser.ByTestId($"complete-{id}").ClickAsync();
        await browser.Field("task-outcome").FillAsync("客户确认下月加量");
        await browser.ByTestId("task-close-confirm").ClickAsync();

        await Expect(browser.ByTestId("task-title").Filter(new() { HasText = title })).ToHaveCountAsync(0);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var task = await db.StaffTasks.AsNoTracking().SingleAsync(t => t.Id == id);
        Assert.Equal((Domain.Tasks.StaffTaskStatus.Done, "客户确认下月加量"), (task.Status, task.Outcome));
    }

    [Fact]
    public async Task TasksAndChurnWarnings_RenderInBothLanguages_ForARepAndAManager()
    {
        var runner = app.Services.GetRequiredService<ClassificationRunner>();
        await runner.RunAsync(runner.Today, "e2e", null, CancellationToken.None);
        var problems = new List<string>();

        foreach (var (user, culture) in new[] { ("rep.sz1", "zh-CN"), ("mgr.south", "en"), ("mgr.south", "zh-CN"), ("rep.sz1", "en") })
        {
            await using var browser = await app.NewSessionAsync(output, culture);
            await browser.SignInAsync(user);
            foreach (var (path, ready) in new[] { ("/tasks", "tasks"), ("/churn-warnings", "churn-warnings") })
            {
                await browser.OpenAsync(path);
                await PageHealth.WaitUntilSettledAsync(browser.Page, culture, ready);
                var file = await browser.ScreenshotAsync($"{path.Trim('/')}-{user}", culture);
                problems.AddRange((await PageHealth.ProblemsAsync(browser.Page, culture)).Select(p => $"{path} {user} [{culture}] ({Path.GetFileName(file)}): {p}"));
            }
        }

        Assert.True(problems.Count == 0, "Pages with problems:\n" + string.Join("\n", problems));
    }

    private async Task<long> TaskForRepAsync(int customerId, string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<TaskCommands>();
        var queries = scope.ServiceProvider.GetRequiredService<TaskQueries>();
        var viewer = await ViewerAsync("rep.sz1");
        var result = await commands.CreateAsync(viewer, new TaskInput
        {
            Kind = "Visit", CustomerId = customerId, Title = title, DueOn = queries.Today.AddDays(400),
        }, CancellationToken.None);
        Assert.True(result.Succeeded, result.Status.ToString());
        return result.Value;
    }

    private async Task<Domain.Organisation.Viewer> ViewerAsync(string userName)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var regionId = await db.Outlets.Where(o => o.Id == user.OutletId).Select(o => (int?)o.RegionId).SingleOrDefaultAsync();
        var policy = await db.RolePolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Role == user.Role) ?? Domain.Organisation.RolePolicy.DefaultFor(user.Role);
        return Domain.Organisation.Viewer.For(user.Id, user.DisplayName, user.Role, user.OutletId, regionId, policy);
    }
}
