using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using CourierCrm.Domain.Audit;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Jobs;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CourierCrm.Web.Tests.Platform.Jobs;

/// <summary>The job platform: a job runs outside the request, reports progress, offers its file, fails clearly, cancels, and resumes after a crash.</summary>
public abstract class BackgroundJobTests(CrmWebFactory factory)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private async Task<Guid> EnqueueAsync(string user, RehearsalPlan plan)
    {
        var principal = new ClaimsPrincipal(CrmClaims.ToIdentity(await factory.ViewerAsync(user)));
        await using var scope = factory.Services.CreateAsyncScope();
        var job = await scope.ServiceProvider.GetRequiredService<JobQueue>()
            .EnqueueAsync(RehearsalJob.RehearsedKind, principal, "rehearsal", JobJson.Serialize(plan), CancellationToken.None);
        return job.Id;
    }

    private static async Task<JobView> WaitForAsync(HttpClient client, Guid id, Func<JobView, bool> until)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var job = (await client.GetFromJsonAsync<JobView>($"/api/v1/jobs/{id}", JobJson.Options))!;
            if (until(job)) return job;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Job {id} is {job.Status} with {job.DoneUnits} done after {Patience}.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_job_runs_to_done_with_its_rows_counted_and_its_file_offered()
    {
        var id = await EnqueueAsync("rep.sz1", new RehearsalPlan(Units: 25));
        var rep = await factory.SignedInAsync("rep.sz1");

        var done = await WaitForAsync(rep, id, j => j.IsFinished);

        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(25, done.DoneUnits);
        Assert.Equal(25, done.TotalUnits);
        Assert.Equal(100, done.Percent);
        Assert.Equal("result.txt", done.ResultFileName);
        Assert.NotNull(done.FinishedAt);
    }

    [Fact]
    public async Task Downloading_a_jobs_file_gives_the_file_and_is_audited()
    {
        var id = await EnqueueAsync("rep.sz1", new RehearsalPlan(Units: 3));
        var rep = await factory.SignedInAsync("rep.sz1");
        await WaitForAsync(rep, id, j => j.IsFinished);

        var response = await rep.GetAsync($"/api/v1/jobs/{id}/file");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3 units for ", await response.Content.ReadAsStringAsync());
        await using var db = factory.NewDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityType == "BackgroundJob" && a.EntityId == id.ToString()));
    }

    [Fact]
    public async Task Another_persons_job_is_not_found_but_an_administrator_sees_it()
    {
        var id = await EnqueueAsync("rep.sz1", new RehearsalPlan(Units: 2));
        await WaitForAsync(await factory.SignedInAsync("rep.sz1"), id, j => j.IsFinished);
        var other = await factory.SignedInAsync("rep.sz2");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/jobs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/jobs/{id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/jobs/{id}/cancel", null)).StatusCode);
        Assert.DoesNotContain((await other.GetFromJsonAsync<List<JobView>>("/api/v1/jobs", JobJson.Options))!, j => j.Id == id);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignedInAsync("admin")).GetAsync($"/api/v1/jobs/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_failing_job_says_why()
    {
        var id = await EnqueueAsync("rep.sz1", new RehearsalPlan(Units: 5, FailWith: "第 3 行：运费不是数字"));

        var failed = await WaitForAsync(await factory.SignedInAsync("rep.sz1"), id, j => j.IsFinished);

        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Equal("第 3 行：运费不是数字", failed.Message);
    }

    [Fact]
    public async Task A_running_job_stops_when_cancelled()
    {
        var id = await EnqueueAsync("rep.sz1", new RehearsalPlan(Units: 1, WaitForCancel: true));
        var rep = await factory.SignedInAsync("rep.sz1");
        await WaitForAsync(rep, id, j => j.Status == JobStatus.Running && j.DoneUnits == 1);

        var cancel = await rep.PostAsync($"/api/v1/jobs/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal(JobStatus.Cancelled, (await WaitForAsync(rep, id, j => j.IsFinished)).Status);
    }

    [Fact]
    public async Task A_job_whose_process_died_is_resumed_from_its_checkpoint()
    {
        var rep = factory.Demo.UserId("rep.sz1");
        var id = Guid.NewGuid();
        await using (var db = factory.NewDb())
        {
            // As a killed process leaves it: claimed, half done, its heartbeat long stopped.
            db.BackgroundJobs.Add(new BackgroundJob
            {
                Id = id, Kind = RehearsalJob.RehearsedKind, Status = JobStatus.Running, OwnerKey = $"user:{rep}", CreatedByUserId = rep,
                CreatedByName = "rep", Title = "crashed", ParametersJson = JobJson.Serialize(new RehearsalPlan(Units: 8)),
                CheckpointJson = JobJson.Serialize(new RehearsalCheckpoint(5)), DoneUnits = 5, TotalUnits = 8, Attempts = 1,
                RunnerId = "a process that died", CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-10),
                StartedAt = DateTimeOffset.UtcNow.AddMinutes(-10), HeartbeatAt = DateTimeOffset.UtcNow.AddMinutes(-9),
            });
            await db.SaveChangesAsync();
        }

        var resumed = await WaitForAsync(await factory.SignedInAsync("rep.sz1"), id, j => j.IsFinished);

        Assert.Equal(JobStatus.Succeeded, resumed.Status);
        Assert.Equal("resumed from 5", resumed.Message);
        Assert.Equal(8, resumed.DoneUnits);
        await using var check = factory.NewDb();
        Assert.Equal(2, (await check.BackgroundJobs.SingleAsync(j => j.Id == id)).Attempts);
    }

    [Fact]
    public async Task A_checkpoint_is_kept_only_when_its_batch_commits()
    {
        var id = await EnqueueAsync("rep.sz1", new RehearsalPlan(Units: 0, CheckpointThenRollBack: true));

        var stopped = await WaitForAsync(await factory.SignedInAsync("rep.sz1"), id, j => j.IsFinished);

        Assert.Equal(JobStatus.Failed, stopped.Status);
        Assert.Equal(3, stopped.DoneUnits);
        await using var db = factory.NewDb();
        var checkpoint = JobJson.Deserialize<RehearsalCheckpoint>((await db.BackgroundJobs.SingleAsync(j => j.Id == id)).CheckpointJson!);
        Assert.Equal(3, checkpoint.Done);
    }

    [Fact]
    public async Task Asking_for_too_many_jobs_names_the_field()
    {
        var response = await (await factory.SignedInAsync("rep.sz1")).GetAsync("/api/v1/jobs?take=5000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"take\"", await response.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteJobsCollection.Name)]
public sealed class SqliteBackgroundJobTests(SqliteJobsFactory factory) : BackgroundJobTests(factory);

[Collection(PostgresJobsCollection.Name)]
public sealed class PostgresBackgroundJobTests(PostgresJobsFactory factory) : BackgroundJobTests(factory);
