using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Organisation;

/// <summary>Company → regions → outlets, and the staff directory. Changes are administrators' work and audited.</summary>
public sealed class OrganisationService(IDbContextFactory<CrmDbContext> dbFactory, AuditLog audit, Platform.Auth.ApiTokenCache tokenCache)
{
    /// <summary>The company this installation runs for (there is one).</summary>
    public async Task<string?> CompanyNameAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Companies.OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<RegionView>> RegionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Regions.OrderBy(r => r.Code)
            .Select(r => new RegionView(r.Id, r.Code, r.Name, r.Outlets.Count)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<OutletView>> OutletsAsync(int? regionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Outlets.AsQueryable();
        if (regionId is int r) query = query.Where(o => o.RegionId == r);
        return await query.OrderBy(o => o.Code)
            .Select(o => new OutletView(o.Id, o.Code, o.Name, o.RegionId, o.Region!.Name, o.Address, o.Phone, o.HeadName, o.IsActive,
                db.Users.Count(u => u.OutletId == o.Id && u.IsActive), db.Customers.Count(c => c.OutletId == o.Id)))
            .ToListAsync(ct);
    }

    public async Task<OutletView?> OutletAsync(int id, CancellationToken ct) =>
        (await OutletsAsync(null, ct)).SingleOrDefault(o => o.Id == id);

    public async Task<IReadOnlyList<StaffView>> StaffAsync(bool activeOnly, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Users.AsQueryable();
        if (activeOnly) query = query.Where(u => u.IsActive);
        return await query.OrderBy(u => u.UserName)
            .Select(u => new StaffView(u.Id, u.UserName!, u.DisplayName, u.Role, u.OutletId,
                db.Outlets.Where(o => o.Id == u.OutletId).Select(o => o.Name).FirstOrDefault(), u.IsActive))
            .ToListAsync(ct);
    }

    public async Task<CommandResult<int>> SaveRegionAsync(Viewer viewer, int? id, RegionInput input, CancellationToken ct)
    {
        if (!viewer.IsAdministrator) return CommandResult<int>.Forbidden("Only administrators change the organisation.");
        var errors = new ValidationErrors();
        errors.AddAnnotations(input);
        if (!errors.IsEmpty) return CommandResult<int>.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = input.Code.Trim();
        if (await db.Regions.AnyAsync(r => r.Code == code && r.Id != id, ct))
            return CommandResult<int>.Conflict("code", $"The region code '{code}' is already used.");
        Region region;
        if (id is int existing)
        {
            region = await db.Regions.SingleOrDefaultAsync(r => r.Id == existing, ct) ?? null!;
            if (region is null) return CommandResult<int>.NotFound();
        }
        else
        {
            var companyId = await db.Companies.Select(c => c.Id).FirstAsync(ct);
            region = new Region { CompanyId = companyId, Code = code, Name = input.Name.Trim() };
            db.Regions.Add(region);
        }
        var before = id is null ? null : new { region.Code, region.Name };
        region.Code = code;
        region.Name = input.Name.Trim();
        // The audit row needs the new id, so two saves: one transaction keeps them all-or-nothing.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Add(db, viewer, id is null ? AuditAction.Create : AuditAction.Update, "Region", region.Id, $"{region.Code} {region.Name}", before, new { region.Code, region.Name });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CommandResult<int>.Ok(region.Id);
    }

    public async Task<CommandResult<int>> SaveOutletAsync(Viewer viewer, int? id, OutletInput input, CancellationToken ct)
    {
        if (!viewer.IsAdministrator) return CommandResult<int>.Forbidden("Only administrators change the organisation.");
        var errors = new ValidationErrors();
        errors.AddAnnotations(input);
        if (!string.IsNullOrWhiteSpace(input.Phone) && CourierCrm.Domain.Customers.PhoneNumber.Problem(input.Phone) is { } p) errors.Add("phone", p);
        if (!errors.IsEmpty) return CommandResult<int>.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Regions.AnyAsync(r => r.Id == input.RegionId, ct)) return CommandResult<int>.Invalid("regionId", "is not an existing region.");
        var code = input.Code.Trim();
        if (await db.Outlets.AnyAsync(o => o.Code == code && o.Id != id, ct))
            return CommandResult<int>.Conflict("code", $"The outlet code '{code}' is already used.");
        Outlet? outlet;
        object? before = null;
        if (id is int existing)
        {
            outlet = await db.Outlets.SingleOrDefaultAsync(o => o.Id == existing, ct);
            if (outlet is null) return CommandResult<int>.NotFound();
            before = Snapshot(outlet);
        }
        else
        {
            outlet = new Outlet { Code = code, Name = input.Name.Trim() };
            db.Outlets.Add(outlet);
        }
        var regionChanged = id is not null && outlet.RegionId != input.RegionId;
        outlet.Code = code;
        outlet.Name = input.Name.Trim();
        outlet.RegionId = input.RegionId;
        outlet.Address = Clean(input.Address);
        outlet.Phone = Clean(input.Phone);
        outlet.HeadName = Clean(input.HeadName);
        outlet.IsActive = input.IsActive;
        // The outlet, its customers' region and the audit row are saved together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (regionChanged)
            // Customers carry their region for scope filtering; an outlet moving region takes its customers along.
            await db.Customers.Where(c => c.OutletId == outlet.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.RegionId, outlet.RegionId), ct);
        audit.Add(db, viewer, id is null ? AuditAction.Create : AuditAction.Update, "Outlet", outlet.Id, $"{outlet.Code} {outlet.Name}", before, Snapshot(outlet));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        tokenCache.Invalidate();
        return CommandResult<int>.Ok(outlet.Id);
    }

    private static object Snapshot(Outlet o) => new { o.Code, o.Name, o.RegionId, o.Address, o.Phone, o.HeadName, o.IsActive };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
