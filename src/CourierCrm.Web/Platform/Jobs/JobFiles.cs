using CourierCrm.Web.Data;

namespace CourierCrm.Web.Platform.Jobs;

/// <summary>
/// Each job's files live in a folder named by its id: the uploaded file of an import, an export, an
/// error report. With several nodes, <see cref="JobOptions.FilesPath"/> must be a shared folder.
/// </summary>
public sealed class JobFiles
{
    public JobFiles(JobOptions options, DatabaseOptions database, IHostEnvironment environment)
    {
        var root = DatabaseSetup.SolutionRoot(environment.ContentRootPath);
        Root = options.FilesPath is { Length: > 0 } configured
            ? Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(root, configured))
            : database.IsPostgres
                ? Path.Combine(root, "data", "jobs")
                : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Path.IsPathRooted(database.SqlitePath) ? database.SqlitePath : Path.Combine(root, database.SqlitePath)))!, "jobs");
    }

    public string Root { get; }

    /// <summary>Where uploads are written while they arrive, before they become a job's file (named *.part).</summary>
    public string Uploads => Path.Combine(Root, "uploads");

    /// <summary>The job's folder, created if missing.</summary>
    public string FolderFor(Guid id)
    {
        var folder = Path.Combine(Root, id.ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A file of the job; the name is reduced to its file-name part so no path can leave the folder.</summary>
    public string PathFor(Guid id, string fileName) => Path.Combine(FolderFor(id), Path.GetFileName(fileName));

    public void Delete(Guid id)
    {
        var folder = Path.Combine(Root, id.ToString("N"));
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Deletes upload parts last written before <paramref name="before"/>: an upload in progress writes
    /// its part all the time and a finished one is moved away, so an old part is one a crash left behind.
    /// </summary>
    public int DeleteLeftoverUploads(DateTimeOffset before)
    {
        if (!Directory.Exists(Uploads)) return 0;
        var deleted = 0;
        foreach (var part in Directory.EnumerateFiles(Uploads, "*.part"))
        {
            if (File.GetLastWriteTimeUtc(part) >= before.UtcDateTime) continue;
            try
            {
                File.Delete(part);
                deleted++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A part that cannot be deleted now (held or protected) stays for the next cleanup; it never stops the rest.
            }
        }
        return deleted;
    }
}
