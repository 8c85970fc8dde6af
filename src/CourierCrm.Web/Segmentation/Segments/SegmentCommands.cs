using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Segmentation.Segments;

/// <summary>Saving, changing and deleting segments. A segment belongs to the person who saved it; only they or an administrator change it.</summary>
public sealed class SegmentCommands(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock)
{
    public static bool MayChange(Viewer viewer, SavedSegment segment) => viewer.IsAdministrator || segment.OwnerId == viewer.UserId;

    public async Task<CommandResult<int>> CreateAsync(Viewer viewer, SegmentInput input, CancellationToken ct)
    {
        if (viewer.UserId is not int owner) return CommandResult<int>.Forbidden("Segments belong to a person: sign in to save one.");
        var errors = Validate(input);
        if (!errors.IsEmpty) return CommandResult<int>.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = input.Name!.Trim();
        if (await NameTakenAsync(db, owner, name, null, ct)) return NameConflict(name);
        var now = clock.GetUtcNow();
        var segment = new SavedSegment
        {
            Name = name, Description = Clean(input.Description), OwnerId = owner, Shared = input.Shared,
            FilterJson = SegmentFilters.Write(input.Filter!), CreatedAt = now, UpdatedAt = now,
        };
        db.SavedSegments.Add(segment);
        if (!await SaveAsync(db, ct)) return NameConflict(name);
        return CommandResult<int>.Ok(segment.Id);
    }

    /// <summary>Replaces name, description, sharing and filter.</summary>
    public async Task<CommandResult<int>> UpdateAsync(Viewer viewer, int id, SegmentInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var segment = await db.SavedSegments.VisibleTo(viewer).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (segment is null) return CommandResult<int>.NotFound();
        if (!MayChange(viewer, segment)) return CommandResult<int>.Forbidden("Only the segment's owner or an administrator may change it.");
        var errors = Validate(input);
        if (!errors.IsEmpty) return CommandResult<int>.Invalid(errors);
        var name = input.Name!.Trim();
        if (await NameTakenAsync(db, segment.OwnerId, name, id, ct)) return NameConflict(name);
        segment.Name = name;
        segment.Description = Clean(input.Description);
        segment.Shared = input.Shared;
        segment.FilterJson = SegmentFilters.Write(input.Filter!);
        segment.UpdatedAt = clock.GetUtcNow();
        if (!await SaveAsync(db, ct)) return NameConflict(name);
        return CommandResult<int>.Ok(id);
    }

    public async Task<CommandResult<int>> DeleteAsync(Viewer viewer, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var segment = await db.SavedSegments.VisibleTo(viewer).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (segment is null) return CommandResult<int>.NotFound();
        if (!MayChange(viewer, segment)) return CommandResult<int>.Forbidden("Only the segment's owner or an administrator may delete it.");
        db.SavedSegments.Remove(segment);
        await db.SaveChangesAsync(ct);
        return CommandResult<int>.Ok(id);
    }

    /// <summary>Field errors keyed as the body names them ("name", "filter.abc").</summary>
    public static ValidationErrors Validate(SegmentInput input)
    {
        var errors = new ValidationErrors();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("name", "is required.");
        else if (name.Length > FieldLimits.PersonName) errors.Add("name", $"must be at most {FieldLimits.PersonName} characters.");
        if (input.Description is { Length: > FieldLimits.Text }) errors.Add("description", $"must be at most {FieldLimits.Text} characters.");
        if (input.Filter is null)
        {
            errors.Add("filter", "is required: the customer list's filters (an empty object {} keeps every customer).");
            return errors;
        }
        if (input.Filter.Search is { Length: > FieldLimits.Name }) errors.Add("filter.search", $"must be at most {FieldLimits.Name} characters.");
        if (input.Filter.Tag is { Length: > FieldLimits.Tag }) errors.Add("filter.tag", $"must be at most {FieldLimits.Tag} characters.");
        if (input.Filter.OutletId is < 1) errors.Add("filter.outletId", "must be a positive id.");
        if (input.Filter.OwnerId is < 1) errors.Add("filter.ownerId", "must be a positive id.");
        foreach (var (field, messages) in CustomerListValidation.Check(input.Filter.ToQuery()).ToDictionary())
            foreach (var message in messages) errors.Add("filter." + field, message);
        return errors;
    }

    private static Task<bool> NameTakenAsync(CrmDbContext db, int owner, string name, int? except, CancellationToken ct) =>
        db.SavedSegments.AnyAsync(s => s.OwnerId == owner && s.Name == name && s.Id != except, ct);

    private static CommandResult<int> NameConflict(string name) =>
        CommandResult<int>.Conflict("name", $"A segment named \"{name}\" already exists among the owner's segments.");

    /// <summary>False when the unique (owner, name) index refused it: someone saved the same name in between.</summary>
    private static async Task<bool> SaveAsync(CrmDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
