using System.Globalization;
using CourierCrm.Web.Exports;
using CourierCrm.Web.Platform.Jobs;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Segmentation.Jobs;

/// <summary>
/// Runs the classification for the person who asked (JobKind.Classification), reporting each step.
/// Progress is counted in customers: step k of the five done = k fifths of them. The run's id is the
/// checkpoint, written in the run's own transaction: a job taken over after a crash finds the run
/// already stored and does not run it twice.
/// </summary>
public sealed class ClassificationJobHandler(ClassificationRunner runner, IStringLocalizer<ClassificationTexts> texts) : IJobHandler
{
    public static readonly int Steps = Enum.GetValues<ClassificationStep>().Length;

    public JobKind Kind => JobKind.Classification;

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        using var language = ExportCulture.Use(run.Parameters<ClassificationJobParameters>().Culture);
        if (!ClassificationJobs.MayRun(run.Owner)) throw new JobFailedException(texts["Job.NotAllowed"]);
        if (run.Checkpoint<ClassificationJobCheckpoint>() is { } stored)
        {
            await run.SetMessageAsync(texts["Job.StoredBefore", stored.RunId], ct);
            return;
        }

        long customers = 0;
        var hooks = new ClassificationRunHooks
        {
            StepStarting = (step, count, token) =>
            {
                customers = count;
                return run.ReportProgressAsync(count * (int)step / Steps, count > 0 ? count : null, 0, token, force: true);
            },
            BeforeCommit = (connection, transaction, runId, token) => run.SaveCheckpointAsync(connection, transaction,
                JobJson.Serialize(new ClassificationJobCheckpoint(runId)), customers * (int)ClassificationStep.FollowUps / Steps, 0, token),
        };
        var summary = await runner.RunAsync(runner.Today, run.Owner.Name, run.Owner.UserId, hooks, ct);
        await run.ReportProgressAsync(summary.CustomerCount, summary.CustomerCount, 0, ct, force: true);
        await run.SetMessageAsync(string.Format(CultureInfo.CurrentCulture, texts["Job.Done"].Value,
            summary.Id, summary.CustomerCount, summary.AbcA, summary.AbcB, summary.AbcC, summary.ChangeCount), ct);
    }

    /// <summary>The step a job's progress stands at (for the button's step line): done units in fifths of the total.</summary>
    public static ClassificationStep? StepOf(long done, long total) =>
        total <= 0 ? ClassificationStep.Aggregate
        : done >= total ? null
        : (ClassificationStep)Math.Clamp((int)(done * Steps / total), 0, Steps - 1);
}
