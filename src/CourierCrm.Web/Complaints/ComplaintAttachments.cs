using System.IO.Compression;
using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Complaints;

/// <summary>Limits of complaint attachments (configuration section "Complaints").</summary>
public sealed class ComplaintAttachmentOptions
{
    /// <summary>Largest file accepted, in bytes (Complaints:AttachmentMaxBytes).</summary>
    public long AttachmentMaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most files one complaint may hold.</summary>
    public int AttachmentMaxCount { get; set; } = 20;
}

/// <summary>An attachment as the detail page and the API list it.</summary>
public sealed record ComplaintAttachmentView(long Id, string FileName, string ContentType, long SizeBytes, DateTimeOffset UploadedAt, string UploadedByName);

/// <summary>Why a file cannot be attached.</summary>
public enum AttachmentProblem { NoName, Empty, TooLarge, WrongType, ContentMismatch, TooMany }

/// <summary>A file looked at before storing: its clean name, its content type when accepted, or its problem.</summary>
public sealed record AttachmentCheck(string? Name, string? ContentType, AttachmentProblem? Problem);

/// <summary>A stored attachment opened for download.</summary>
public sealed record AttachmentDownload(string FileName, string ContentType, Stream Content);

/// <summary>
/// Photos and documents on a complaint (issue 5 item 1): the customer's photo of a torn parcel, a letter, a
/// price list. The type is told by the file's first bytes, not its name (a renamed .exe is no photo); the bytes
/// live in an "attachments" folder beside the jobs' files under a random name, never the uploaded one, so no
/// name can reach outside the folder. Only people who see the complaint may add or read them; each download is audited.
/// </summary>
public sealed class ComplaintAttachments(
    IDbContextFactory<CrmDbContext> dbFactory, AuditLog audit, TimeProvider clock, JobFiles jobFiles, ComplaintAttachmentOptions options)
{
    /// <summary>The file kinds accepted: extension, content type, and how the content is recognised.</summary>
    private static readonly IReadOnlyList<(string Extension, string ContentType, Func<byte[], bool> Matches)> Kinds =
    [
        (".jpg", "image/jpeg", StartsWith(0xFF, 0xD8, 0xFF)),
        (".jpeg", "image/jpeg", StartsWith(0xFF, 0xD8, 0xFF)),
        (".png", "image/png", StartsWith(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)),
        (".webp", "image/webp", h => Ascii(h, 0, "RIFF") && Ascii(h, 8, "WEBP")),
        (".heic", "image/heic", IsHeif),
        (".pdf", "application/pdf", h => Ascii(h, 0, "%PDF-")),
        (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", StartsWith(0x50, 0x4B, 0x03, 0x04)),
        (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", StartsWith(0x50, 0x4B, 0x03, 0x04)),
    ];

    /// <summary>What the record form and the detail page tell people they may attach.</summary>
    public static string AcceptedExtensions => string.Join(",", Kinds.Select(k => k.Extension));

    public long MaxBytes => options.AttachmentMaxBytes;

    public int MaxCount => options.AttachmentMaxCount;

    /// <summary>The folder of all attachments: a sibling of the jobs' folder.</summary>
    public string Root => Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(jobFiles.Root))!, "attachments");

    public async Task<IReadOnlyList<ComplaintAttachmentView>> ListAsync(Viewer viewer, int complaintId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Complaints.VisibleTo(viewer).AnyAsync(c => c.Id == complaintId, ct)) return [];
        return await ListAsync(db, complaintId, ct);
    }

    internal static async Task<IReadOnlyList<ComplaintAttachmentView>> ListAsync(CrmDbContext db, int complaintId, CancellationToken ct) =>
        await db.ComplaintAttachments.Where(a => a.ComplaintId == complaintId).OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
            .Select(a => new ComplaintAttachmentView(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.UploadedAt,
                db.Users.Where(u => u.Id == a.UploadedById).Select(u => u.DisplayName).FirstOrDefault() ?? "?"))
            .ToListAsync(ct);

    /// <summary>
    /// Checks a file before anything is stored: a name, not empty, not over the size limit, one of the accepted kinds by
    /// extension and by content. The record form uses this to refuse a bad file the moment it is chosen, before the
    /// complaint exists, and shows the problem in the reader's language.
    /// </summary>
    public AttachmentCheck Inspect(string? fileName, byte[] content)
    {
        var name = CleanName(fileName);
        if (name is null) return new(null, null, AttachmentProblem.NoName);
        if (content.Length == 0) return new(name, null, AttachmentProblem.Empty);
        if (content.Length > options.AttachmentMaxBytes) return new(name, null, AttachmentProblem.TooLarge);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var kind = Kinds.FirstOrDefault(k => k.Extension == extension);
        if (kind.Extension is null) return new(name, null, AttachmentProblem.WrongType);
        if (!kind.Matches(content) || (extension is ".docx" or ".xlsx" && !IsOfficeFile(content, extension)))
            return new(name, null, AttachmentProblem.ContentMismatch);
        return new(name, kind.ContentType, null);
    }

    /// <summary>The API's words for a problem, naming the file.</summary>
    public string Describe(AttachmentCheck check) => check.Problem switch
    {
        AttachmentProblem.NoName => "The file has no name.",
        AttachmentProblem.Empty => $"{check.Name} is empty.",
        AttachmentProblem.TooLarge => $"{check.Name} is larger than {MaxMegabytes} MB.",
        AttachmentProblem.WrongType => $"{check.Name}: only photos (jpg, png, webp, heic), PDF, Word (.docx) and Excel (.xlsx) files can be attached.",
        AttachmentProblem.ContentMismatch => $"{check.Name}: its content is not what its name says ({Path.GetExtension(check.Name)}).",
        AttachmentProblem.TooMany => $"{check.Name} was not added: a complaint holds at most {options.AttachmentMaxCount} files.",
        _ => "",
    };

    public string MaxMegabytes => (options.AttachmentMaxBytes / (1024 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Adds a file to a complaint the viewer sees; analysts only read (403).</summary>
    public Task<CommandResult<ComplaintAttachmentView>> UploadAsync(Viewer viewer, int complaintId, string? fileName, byte[] content, CancellationToken ct) =>
        UploadAsync(viewer, complaintId, fileName, new MemoryStream(content), content.Length, ct);

    /// <summary>Adds a file of <paramref name="length"/> bytes read from <paramref name="stream"/> (read only when within the size limit).</summary>
    public async Task<CommandResult<ComplaintAttachmentView>> UploadAsync(Viewer viewer, int complaintId, string? fileName, Stream stream, long length, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var complaint = await db.Complaints.VisibleTo(viewer).Where(c => c.Id == complaintId).Select(c => new { c.Id, c.Number }).SingleOrDefaultAsync(ct);
        if (complaint is null) return CommandResult<ComplaintAttachmentView>.NotFound();
        if (!ComplaintPermissions.MayRecord(viewer.Role) || viewer.UserId is not int uploaderId)
            return CommandResult<ComplaintAttachmentView>.Forbidden("Your role cannot add attachments to complaints.");
        if (length > options.AttachmentMaxBytes)
            return CommandResult<ComplaintAttachmentView>.Invalid("file", Describe(new(CleanName(fileName), null, AttachmentProblem.TooLarge)));
        var content = new byte[length];
        await stream.ReadExactlyAsync(content, ct);
        var check = Inspect(fileName, content);
        if (check.Problem is null && await db.ComplaintAttachments.CountAsync(a => a.ComplaintId == complaintId, ct) >= options.AttachmentMaxCount)
            check = check with { Problem = AttachmentProblem.TooMany };
        if (check.Problem is not null) return CommandResult<ComplaintAttachmentView>.Invalid("file", Describe(check));
        var name = check.Name!;

        var storedAs = $"{complaintId}/{Guid.NewGuid():N}{Path.GetExtension(name).ToLowerInvariant()}";
        var path = PathOf(storedAs);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content, ct);
        var now = clock.GetUtcNow();
        var attachment = new ComplaintAttachment
        {
            ComplaintId = complaintId, FileName = name, ContentType = check.ContentType!, SizeBytes = content.Length,
            StoredAs = storedAs, UploadedAt = now, UploadedById = uploaderId,
        };
        db.ComplaintAttachments.Add(attachment);
        audit.Add(db, viewer, AuditAction.Create, "ComplaintAttachment", complaintId, $"{complaint.Number}: {name}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            File.Delete(path); // the row was not saved: no file without its row
            throw;
        }
        return CommandResult<ComplaintAttachmentView>.Ok(new(attachment.Id, name, attachment.ContentType, attachment.SizeBytes, now, viewer.Name));
    }

    /// <summary>Opens a file of a complaint the viewer sees and records the download in the audit log; null when out of reach.</summary>
    public async Task<AttachmentDownload?> OpenAsync(Viewer viewer, int complaintId, long attachmentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var number = await db.Complaints.VisibleTo(viewer).Where(c => c.Id == complaintId).Select(c => c.Number).SingleOrDefaultAsync(ct);
        if (number is null) return null;
        var attachment = await db.ComplaintAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ComplaintId == complaintId, ct);
        if (attachment is null || !File.Exists(PathOf(attachment.StoredAs))) return null;
        // Downloads are audited as exports: the file leaves the system.
        audit.Add(db, viewer, AuditAction.Export, "ComplaintAttachment", attachment.Id, $"download {number}: {attachment.FileName}");
        await db.SaveChangesAsync(ct);
        return new(attachment.FileName, attachment.ContentType, File.OpenRead(PathOf(attachment.StoredAs)));
    }

    private string PathOf(string storedAs) => Path.Combine(Root, storedAs.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The name without any folder part, at most 200 characters (the column's limit), or null when nothing is left.</summary>
    private static string? CleanName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/').Split('/').Last()).Trim();
        if (name.Length == 0) return null;
        if (name.Length <= 200) return name;
        var extension = Path.GetExtension(name);
        return name[..(200 - extension.Length)] + extension;
    }

    private static Func<byte[], bool> StartsWith(params byte[] signature) =>
        content => content.Length >= signature.Length && content.AsSpan(0, signature.Length).SequenceEqual(signature);

    private static bool Ascii(byte[] content, int at, string text) =>
        content.Length >= at + text.Length && text.Select((ch, i) => content[at + i] == ch).All(x => x);

    /// <summary>HEIC photos (iPhones) are ISO media files: "ftyp" at byte 4, then a HEIF brand.</summary>
    private static bool IsHeif(byte[] content) =>
        Ascii(content, 4, "ftyp") && content.Length >= 12
        && System.Text.Encoding.ASCII.GetString(content, 8, 4) is "heic" or "heix" or "hevc" or "hevx" or "mif1" or "msf1" or "heim" or "heis";

    /// <summary>Word and Excel files are zip packages; the part inside tells which.</summary>
    private static bool IsOfficeFile(byte[] content, string extension)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var part = extension == ".docx" ? "word/document.xml" : "xl/workbook.xml";
            return zip.GetEntry(part) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
