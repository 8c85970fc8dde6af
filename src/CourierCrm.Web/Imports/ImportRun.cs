using System.Globalization;
using CourierCrm.Web.Platform.Jobs;

namespace CourierCrm.Web.Imports;

/// <summary>
/// What both import handlers share: the file read from the job folder, the rows after the checkpoint,
/// the error report cut back to the checkpoint, and the reader's language for the whole run.
/// </summary>
public sealed class ImportRun : IDisposable
{
    private readonly CultureInfo _uiBefore = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _before = CultureInfo.CurrentCulture;

    public ImportRun(JobRun run, ImportOptions options, ImportTranslator texts)
    {
        Job = run;
        Options = options;
        Parameters = run.Parameters<ImportParameters>();
        if (Parameters.Mapping is null) throw new JobFailedException("The import was started without a column mapping.");
        var culture = CultureInfo.GetCultureInfo(Parameters.Culture is "en" or "zh-CN" ? Parameters.Culture : "zh-CN");
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        Checkpoint = run.Checkpoint<ImportCheckpoint>();
        FilePath = run.PathOf(Parameters.StoredFileName);
        Texts = texts;
        if (!File.Exists(FilePath))
        {
            var message = texts.Text("Job.FileGone");
            Dispose();
            throw new JobFailedException(message);
        }
    }

    public JobRun Job { get; }
    public ImportOptions Options { get; }
    public ImportParameters Parameters { get; }
    public ImportTranslator Texts { get; }
    public ImportCheckpoint? Checkpoint { get; }
    public string FilePath { get; }
    public IReadOnlyDictionary<string, int> Mapping => Parameters.Mapping!;

    /// <summary>Data rows of the file (the header skipped), counted: the job's total. A CSV file is counted on its bytes (<see cref="CsvRows.Count"/>).</summary>
    public long CountRows() => Math.Max(0, (Parameters.Info.Format == TabularFormat.Csv
        ? CsvRows.Count(FilePath)
        : TabularFile.Rows(FilePath, Parameters.Info, Options).LongCount()) - 1);

    /// <summary>The data rows after the checkpoint, each seen through the mapping.</summary>
    public IEnumerable<MappedRow> RowsToDo()
    {
        var after = Checkpoint?.Row ?? 0;
        var header = true;
        foreach (var row in TabularFile.Rows(FilePath, Parameters.Info, Options))
        {
            if (header) { header = false; continue; }
            if (row.Number <= after) continue;
            yield return new MappedRow(row, Parameters.Header, Mapping, Texts);
        }
    }

    public ImportErrorReport OpenReport() => ImportErrorReport.Open(Job.PathOf(ImportErrorReport.FileName), Checkpoint?.ReportLength,
        [Texts.Text("Report.Row"), Texts.Text("Report.Column"), Texts.Text("Report.Value"), Texts.Text("Report.Reason")]);

    /// <summary>Offers the error report when there is one, and leaves the summary line with the job.</summary>
    public async Task FinishAsync(ImportCheckpoint done, CancellationToken ct)
    {
        if (done.Errors > 0) await Job.SetResultFileAsync(ImportErrorReport.FileName, ct);
        await Job.SetMessageAsync(Texts.Text("Job.Summary", done.Done - done.Errors, done.Created, done.Updated, done.Errors), ct);
        await Job.ReportProgressAsync(done.Done, done.Done, done.Errors, ct, force: true);
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _uiBefore;
        CultureInfo.CurrentCulture = _before;
    }
}
