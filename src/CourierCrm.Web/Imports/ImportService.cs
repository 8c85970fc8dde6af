using System.Globalization;
using System.Security.Claims;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Imports;

/// <summary>
/// The two steps before an import runs: the upload (stored, recognised, previewed, kept as a draft job)
/// and the start with the chosen column mapping (checked, optionally saved, queued). The page and the
/// API both come through here.
/// </summary>
public sealed class ImportService(
    IDbContextFactory<CrmDbContext> dbFactory, JobQueue queue, JobQueries jobs, JobFiles files, ImportMappingStore mappings,
    ImportOptions options, ImportTranslator texts, ILogger<ImportService> logger)
{
    public const int MaxMappingName = 100;

    /// <summary>
    /// Stores the upload beside the jobs' folders, refusing it as soon as it passes the size limit; reads
    /// its header and first rows; and only then creates the draft job, so a refused file leaves nothing behind.
    /// </summary>
    public async Task<ImportUploadResult> UploadAsync(JobKind kind, ClaimsPrincipal user, string fileName, Stream content, CancellationToken ct)
    {
        var viewer = user.RequireViewer();
        if (!ImportFields.IsImport(kind) || !ImportRules.MayImport(viewer, kind))
            return new(null, null, kind == JobKind.WaybillImport ? "Your role cannot import waybills." : "Your role cannot import customers.");

        Directory.CreateDirectory(files.Uploads);
        // A part left by a crash is deleted by the jobs' daily cleanup (JobFiles.DeleteLeftoverUploads).
        var temp = Path.Combine(files.Uploads, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            await CopyLimitedAsync(content, temp, ct);
            var info = TabularFile.Inspect(temp);
            var (header, rows) = ReadPreview(temp, info);
            var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? "import" : fileName.Trim());
            var stored = info.Format == TabularFormat.Xlsx ? "input.xlsx" : "input.csv";
            var parameters = new ImportParameters(name, stored, info.Format, info.Encoding, header, null, CultureInfo.CurrentUICulture.Name);
            var job = await queue.CreateDraftAsync(kind, user, name, JobJson.Serialize(parameters), ct);
            File.Move(temp, files.PathFor(job.Id, stored));
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                await db.BackgroundJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.InputFileName, stored), ct);
            return new(await DraftAsync(job.Id, kind, parameters, rows, ct), null, null);
        }
        catch (ImportFileException problem)
        {
            return new(null, problem, null);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>The draft again (the mapping step after a page reload).</summary>
    public async Task<CommandResult<ImportDraft>> GetDraftAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var job = await jobs.FindAsync(id, user, ct);
        if (job is null || !ImportFields.IsImport(job.Kind)) return CommandResult<ImportDraft>.NotFound();
        var parameters = JobJson.Deserialize<ImportParameters>(job.ParametersJson);
        var path = files.PathFor(id, parameters.StoredFileName);
        if (!File.Exists(path)) return CommandResult<ImportDraft>.NotFound();
        try
        {
            var (_, rows) = ReadPreview(path, parameters.Info);
            return CommandResult<ImportDraft>.Ok(await DraftAsync(id, job.Kind, parameters, rows, ct));
        }
        catch (ImportFileException problem)
        {
            return CommandResult<ImportDraft>.Invalid("file", problem.Message);
        }
    }

    /// <summary>Checks the mapping (naming each field that is wrong), saves it if asked, and queues the draft.</summary>
    public async Task<CommandResult<Guid>> StartAsync(Guid id, ClaimsPrincipal user, StartImportRequest request, CancellationToken ct)
    {
        var job = await jobs.FindAsync(id, user, ct);
        if (job is null || !ImportFields.IsImport(job.Kind)) return CommandResult<Guid>.NotFound();
        if (!ImportRules.MayImport(user.RequireViewer(), job.Kind)) return CommandResult<Guid>.Forbidden("Your role cannot run this import.");
        if (job.Status != JobStatus.Draft) return CommandResult<Guid>.Conflict("id", "This import has already been started or cancelled.");
        var parameters = JobJson.Deserialize<ImportParameters>(job.ParametersJson);
        var errors = ColumnMapping.Validate(ImportFields.For(job.Kind), parameters.Header.Length, request.Mapping);
        var saveAs = request.SaveAs?.Trim();
        if (saveAs is { Length: > MaxMappingName }) errors.Add("saveAs", $"must be at most {MaxMappingName} characters.");
        if (!errors.IsEmpty) return CommandResult<Guid>.Invalid(errors);

        var mapping = new Dictionary<string, int>(request.Mapping!, StringComparer.Ordinal);
        if (saveAs is { Length: > 0 }) await mappings.SaveAsync(job.Kind, saveAs, parameters.Header, mapping, user.RequireViewer().UserId, ct);
        var final = parameters with { Mapping = mapping, Culture = CultureInfo.CurrentUICulture.Name };
        if (!await queue.StartAsync(id, user, JobJson.Serialize(final), ct))
            return CommandResult<Guid>.Conflict("id", "Only the person who uploaded the file can start this import, and only once.");
        return CommandResult<Guid>.Ok(id);
    }

    /// <summary>The person's recent imports, newest first.</summary>
    public Task<IReadOnlyList<JobView>> RecentAsync(ClaimsPrincipal user, CancellationToken ct) =>
        jobs.ListAsync(user, [JobKind.WaybillImport, JobKind.CustomerImport], 20, ct);

    public IReadOnlyList<ImportFieldView> Fields(JobKind kind) =>
        ImportFields.For(kind).Select(f => new ImportFieldView(f.Key, texts.FieldLabel(f.Key), f.Required)).ToList();

    private (string[] Header, List<SourceRow> Rows) ReadPreview(string path, TabularInfo info)
    {
        try
        {
            return TabularFile.Preview(path, info, options);
        }
        catch (Exception e) when (e is not (ImportFileException or OperationCanceledException))
        {
            // Whatever else a malformed file makes a reader throw is still a file we cannot read, never a 500.
            logger.LogWarning(e, "An uploaded {Format} file could not be read.", info.Format);
            throw new ImportFileException("File.Unreadable", "The file cannot be read as a table; save it as .xlsx or CSV (UTF-8) and upload it again.");
        }
    }

    private async Task CopyLimitedAsync(Stream content, string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > options.MaxUploadBytes) throw TooLarge(options.MaxUploadBytes);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }
    }

    public static ImportFileException TooLarge(long max) =>
        new("File.TooLarge", $"The file is larger than {max / (1024 * 1024)} MB, the most one import takes; split it into several files.", max / (1024 * 1024));

    private async Task<ImportDraft> DraftAsync(Guid id, JobKind kind, ImportParameters parameters, List<SourceRow> rows, CancellationToken ct)
    {
        var fields = ImportFields.For(kind);
        var signature = ColumnMapping.Signature(parameters.Header);
        var saved = await mappings.ListAsync(kind, ct);
        var views = saved.Select(m => new SavedMappingView(m.Id, m.Name, m.HeaderSignature == signature,
            ColumnMapping.Propose(fields.Where(f => ImportMappingStore.Columns(m).ContainsKey(f.Key)).ToList(), parameters.Header, ImportMappingStore.Columns(m)))).ToList();
        var match = saved.FirstOrDefault(m => m.HeaderSignature == signature);
        var proposed = parameters.Mapping ?? (match is null ? ColumnMapping.Propose(fields, parameters.Header) : ColumnMapping.Propose(fields, parameters.Header, ImportMappingStore.Columns(match)));
        return new ImportDraft(id, kind, parameters.OriginalFileName, parameters.Format, parameters.Encoding, parameters.Header,
            rows.Select(r => new PreviewRow(r.Number, r.Cells)).ToList(), proposed, match?.Name, Fields(kind), views);
    }
}
