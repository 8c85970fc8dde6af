using System.Net.Http.Json;
using System.Security.Claims;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Jobs;
using CourierCrm.Web.Segmentation.Jobs;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CourierCrm.Web.Tests.Segmentation;

/// <summary>The on-demand run as a background job: started by administrators and managers, run to the end with its progress and summary.</summary>
public abstract class ClassificationJobTests(CrmWebFactory factory)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_managers_run_job_classifies_everyone_and_says_what_it_found()
    {
        var started = await StartAsync("mgr.south");
        Assert.True(started.Succeeded);

        var done = await WaitForAsync(await factory.SignedInAsync("mgr.south"), started.Value!.Id);

        Assert.Equal(JobStatus.Succeeded, done.Status);
        await using var db = factory.NewDb();
        var customers = await db.Customers.CountAsync();
        Assert.Equal((customers, (long)customers), (done.DoneUnits, done.TotalUnits));
        var run = await db.ClassificationRuns.OrderBy(r => r.Id).LastAsync();
        Assert.Equal((await factory.ViewerAsync("mgr.south")).Name, run.TriggeredBy);
        Assert.Contains(run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), done.Message);
    }

    [Fact]
    public async Task A_sales_rep_may_not_start_a_run()
    {
        var started = await StartAsync("rep.sz1");

        Assert.False(started.Succeeded);
        Assert.Equal(CourierCrm.Web.Platform.CommandStatus.Forbidden, started.Status);
    }

    private async Task<CourierCrm.Web.Platform.CommandResult<BackgroundJob>> StartAsync(string user)
    {
        var principal = new ClaimsPrincipal(CrmClaims.ToIdentity(await factory.ViewerAsync(user)));
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClassificationJobs>().StartAsync(principal, CancellationToken.None);
    }

    private static async Task<JobView> WaitForAsync(HttpClient client, Guid id)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var job = (await client.GetFromJsonAsync<JobView>($"/api/v1/jobs/{id}", JobJson.Options))!;
            if (job.IsFinished) return job;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Job {id} is {job.Status} with {job.DoneUnits} done after {Patience}.");
            await Task.Delay(100);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteClassificationJobTests(SqliteCrmWebFactory factory) : ClassificationJobTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresClassificationJobTests(PostgresCrmWebFactory factory) : ClassificationJobTests(factory);
