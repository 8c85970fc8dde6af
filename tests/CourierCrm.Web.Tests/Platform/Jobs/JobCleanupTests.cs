using CourierCrm.Web.Platform.Jobs;
using CourierCrm.Web.Tests.Imports;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CourierCrm.Web.Tests.Platform.Jobs;

/// <summary>The daily cleanup: what a person left unstarted and what a crash left half-written go after a day; what is in use stays.</summary>
public abstract class JobCleanupTests(CrmWebFactory factory)
{
    private static readonly TimeSpan MoreThanADay = TimeSpan.FromHours(25);

    /// <summary>
    /// A runner of its own: the host's runner cleans up at most once an hour and has already done so at start,
    /// so asking it again would test the hourly pause, not the cleanup.
    /// </summary>
    private JobRunner FreshRunner() => ActivatorUtilities.CreateInstance<JobRunner>(factory.Services);

    private JobFiles Files => factory.Services.GetRequiredService<JobFiles>();

    private string UploadPart(TimeSpan age)
    {
        Directory.CreateDirectory(Files.Uploads);
        var part = Path.Combine(Files.Uploads, Guid.NewGuid().ToString("N") + ".part");
        File.WriteAllText(part, "运单号,客户编码\n");
        File.SetLastWriteTimeUtc(part, DateTime.UtcNow - age);
        return part;
    }

    private async Task<Guid> DraftAsync()
    {
        var draft = await ImportApi.DraftAsync(await factory.SignedInAsync("admin"), "waybills", WaybillCsv.File([WaybillCsv.Row(WaybillCsv.Prefix())]).Bytes());
        return draft.GetProperty("jobId").GetGuid();
    }

    [Fact]
    public async Task An_upload_part_a_crash_left_is_deleted_after_a_day()
    {
        var part = UploadPart(MoreThanADay);

        await FreshRunner().DeleteExpiredAsync(CancellationToken.None);

        Assert.False(File.Exists(part));
    }

    [Fact]
    public async Task An_upload_part_still_being_written_is_kept()
    {
        var part = UploadPart(TimeSpan.FromMinutes(5));

        await FreshRunner().DeleteExpiredAsync(CancellationToken.None);

        Assert.True(File.Exists(part));
        File.Delete(part);
    }

    [Fact]
    public async Task A_draft_import_never_started_is_removed_with_its_file_after_a_day()
    {
        var id = await DraftAsync();
        await using (var db = factory.NewDb())
            await db.BackgroundJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.CreatedAt, DateTimeOffset.UtcNow - MoreThanADay));
        var file = Files.PathFor(id, "input.csv");
        Assert.True(File.Exists(file));

        await FreshRunner().DeleteExpiredAsync(CancellationToken.None);

        await using var after = factory.NewDb();
        Assert.False(await after.BackgroundJobs.AnyAsync(j => j.Id == id));
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task A_draft_import_uploaded_today_is_kept()
    {
        var id = await DraftAsync();

        await FreshRunner().DeleteExpiredAsync(CancellationToken.None);

        await using var db = factory.NewDb();
        Assert.Equal(JobStatus.Draft, (await db.BackgroundJobs.SingleAsync(j => j.Id == id)).Status);
        Assert.True(File.Exists(Files.PathFor(id, "input.csv")));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteJobCleanupTests(SqliteCrmWebFactory factory) : JobCleanupTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresJobCleanupTests(PostgresCrmWebFactory factory) : JobCleanupTests(factory);
