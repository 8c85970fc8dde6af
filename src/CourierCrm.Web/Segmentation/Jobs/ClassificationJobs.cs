using System.Security.Claims;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Exports;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Jobs;
using CourierCrm.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Segmentation.Jobs;

/// <summary>What an on-demand run job carries: the language its summary is written in.</summary>
public sealed record ClassificationJobParameters(string Culture);

/// <summary>Written in the run's own transaction: the run a job stored, so a resumed job does not run it again.</summary>
public sealed record ClassificationJobCheckpoint(long RunId);

/// <summary>Starts on-demand classification runs as background jobs (DESIGN.md "Scale": long work leaves the request).</summary>
public sealed class ClassificationJobs(JobQueue queue, TimeProvider clock, IStringLocalizer<ClassificationTexts> texts)
{
    /// <summary>Administrators and managers run the classification (the run changes every customer's classes).</summary>
    public static bool MayRun(Viewer viewer) => viewer.Role is StaffRole.Administrator or StaffRole.Manager;

    public async Task<CommandResult<BackgroundJob>> StartAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!MayRun(user.RequireViewer())) return CommandResult<BackgroundJob>.Forbidden(texts["Job.NotAllowed"]);
        var title = texts["Job.Title", CompanyTime.Format(clock.GetUtcNow())].Value;
        var job = await queue.EnqueueAsync(JobKind.Classification, user, title,
            JobJson.Serialize(new ClassificationJobParameters(ExportCulture.Current())), ct);
        return CommandResult<BackgroundJob>.Ok(job);
    }
}
