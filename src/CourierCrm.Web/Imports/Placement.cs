using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Imports;

/// <summary>
/// Where a new imported customer goes: the outlet of its outlet-code cell, else its owner's outlet,
/// else the importer's; its owner is the owner-login cell's user, else the importer when they are a
/// sales rep or key account manager (as when creating by hand), else nobody yet.
/// </summary>
public sealed class Placement
{
    public sealed record Place(int OutletId, int RegionId, int? OwnerId);

    private sealed record Owner(int Id, int OutletId);

    private readonly Dictionary<string, (int Id, int RegionId)> _outlets;
    private readonly Dictionary<string, Owner> _owners;

    private Placement(Dictionary<string, (int, int)> outlets, Dictionary<string, Owner> owners)
    {
        _outlets = outlets;
        _owners = owners;
    }

    public static async Task<Placement> LoadAsync(CrmDbContext db, IReadOnlyList<CustomerRow> rows, CancellationToken ct)
    {
        var outlets = await db.Outlets.ToDictionaryAsync(o => o.Code, o => (o.Id, o.RegionId), StringComparer.Ordinal, ct);
        var logins = rows.Select(r => r.Row["ownerLogin"]).OfType<string>().Distinct().ToList();
        var owners = logins.Count == 0 ? new Dictionary<string, Owner>(StringComparer.OrdinalIgnoreCase)
            : (await db.Users.Where(u => u.UserName != null && logins.Contains(u.UserName) && u.IsActive && u.OutletId != null && u.Role != StaffRole.Analyst)
                .Select(u => new { u.UserName, u.Id, u.OutletId }).ToListAsync(ct))
                .ToDictionary(u => u.UserName!, u => new Owner(u.Id, u.OutletId!.Value), StringComparer.OrdinalIgnoreCase);
        return new Placement(outlets, owners);
    }

    public Place? For(CustomerRow row, Viewer importer, ImportTranslator texts, List<RowError> errors)
    {
        Owner? owner = null;
        if (row.Row["ownerLogin"] is { } login && !_owners.TryGetValue(login, out owner))
        {
            errors.Add(row.Row.Error("ownerLogin", texts.Text("Cell.UnknownOwner", login)));
            return null;
        }
        int? outletId;
        if (row.Row["outletCode"] is { } code)
        {
            if (!_outlets.TryGetValue(code, out var outlet)) { errors.Add(row.Row.Error("outletCode", texts.Text("Cell.UnknownOutlet", code))); return null; }
            outletId = outlet.Id;
        }
        else outletId = owner?.OutletId ?? importer.OutletId;
        if (outletId is not int id)
        {
            errors.Add(row.Row.Error("outletCode", texts.Text("Cell.NoOutlet")));
            return null;
        }
        var region = _outlets.Values.First(o => o.Id == id).RegionId;
        var ownerId = owner?.Id ?? (importer.Role is StaffRole.SalesRep or StaffRole.KeyAccountManager ? importer.UserId : null);
        return new Place(id, region, ownerId);
    }
}
