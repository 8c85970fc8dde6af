using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Platform.Audit;

/// <summary>
/// Writes append-only audit rows. <see cref="Add"/> puts the row into the caller's unit of work,
/// so the change and its audit entry are saved together or not at all.
/// </summary>
public sealed class AuditLog(TimeProvider clock, IHttpContextAccessor http, IDbContextFactory<CrmDbContext> dbFactory)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
        // "Role": "SalesRep" reads in the audit page and survives a reordering of the enum; "Role": 4 does neither.
        Converters = { new JsonStringEnumConverter() },
    };

    public AuditEntry Add(CrmDbContext db, Viewer? actor, AuditAction action, string entityType, object? entityId,
        string? summary = null, object? before = null, object? after = null) =>
        Add(db, actor?.UserId, actor?.Name ?? "anonymous", action, entityType, entityId, summary, before, after);

    public AuditEntry Add(CrmDbContext db, int? actorId, string actorName, AuditAction action, string entityType, object? entityId,
        string? summary = null, object? before = null, object? after = null)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            Action = action,
            ActorId = actorId,
            ActorName = Truncate(actorName, FieldLimits.PersonName)!,
            EntityType = entityType,
            EntityId = entityId?.ToString(),
            Summary = Truncate(summary, FieldLimits.Text),
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>An audit row on its own, for events that change nothing else (login, reveal, export).</summary>
    public async Task WriteAsync(Viewer? actor, AuditAction action, string entityType, object? entityId, string? summary = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Add(db, actor, action, entityType, entityId, summary);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task WriteAsync(int? actorId, string actorName, AuditAction action, string entityType, object? entityId, string? summary = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Add(db, actorId, actorName, action, entityType, entityId, summary);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
