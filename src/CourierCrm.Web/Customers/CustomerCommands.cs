using System.Globalization;
using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Customers;

/// <summary>Changes to the customer archive. Each one is checked against the viewer's rights and scope, audited, and put on the timeline.</summary>
public sealed class CustomerCommands(IDbContextFactory<CrmDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    private const string Entity = "Customer";

    /// <summary>
    /// Creates a customer in the creator's outlet. A sales rep or key account manager becomes its owner;
    /// anyone else leaves it unassigned for a manager to transfer.
    /// </summary>
    public async Task<CommandResult<int>> CreateAsync(Viewer viewer, CustomerInput input, CancellationToken ct)
    {
        if (!viewer.CanEditCustomers) return CommandResult<int>.Forbidden("Your role cannot create customers.");
        if (viewer.OutletId is not int outletId) return CommandResult<int>.Forbidden("You belong to no outlet, so a new customer would have none.");
        var now = clock.GetUtcNow();
        var errors = CustomerValidation.Validate(input, DateOnly.FromDateTime(now.UtcDateTime));
        if (!errors.IsEmpty) return CommandResult<int>.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regionId = await db.Outlets.Where(o => o.Id == outletId).Select(o => o.RegionId).SingleAsync(ct);
        var code = string.IsNullOrWhiteSpace(input.Code) ? await NextCodeAsync(db, ct) : input.Code.Trim();
        if (await db.Customers.AnyAsync(c => c.Code == code, ct))
            return CommandResult<int>.Conflict("code", $"The customer code '{code}' is already used.");

        var customer = new Customer
        {
            Code = code, Name = input.Name, OutletId = outletId, RegionId = regionId,
            OwnerId = viewer.Role is StaffRole.SalesRep or StaffRole.KeyAccountManager ? viewer.UserId : null,
            CreatedAt = now, UpdatedAt = now,
        };
        CustomerMapping.Apply(input, customer);
        db.Customers.Add(customer);
        // The customer needs its id before its timeline event and audit row; one transaction keeps all three or none.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);

        AddEvent(db, customer.Id, viewer, "created", "建档 / Archive created", null);
        audit.Add(db, viewer, AuditAction.Create, Entity, customer.Id, $"{customer.Code} {customer.Name}", after: CustomerMapping.ToInput(customer));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CommandResult<int>.Ok(customer.Id);
    }

    public async Task<CommandResult<int>> UpdateAsync(Viewer viewer, int id, CustomerInput input, CancellationToken ct)
    {
        if (!viewer.CanEditCustomers) return CommandResult<int>.Forbidden("Your role cannot change customers.");
        var now = clock.GetUtcNow();
        var errors = CustomerValidation.Validate(input, DateOnly.FromDateTime(now.UtcDateTime));
        if (!errors.IsEmpty) return CommandResult<int>.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await db.Customers.VisibleTo(viewer)
            .Include(c => c.Contacts).Include(c => c.Addresses).Include(c => c.Tags)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return CommandResult<int>.NotFound();
        var newCode = string.IsNullOrWhiteSpace(input.Code) ? customer.Code : input.Code.Trim();
        if (newCode != customer.Code && await db.Customers.AnyAsync(c => c.Code == newCode, ct))
            return CommandResult<int>.Conflict("code", $"The customer code '{newCode}' is already used.");

        var before = CustomerMapping.ToInput(customer);
        if (CustomerMasking.Masks(viewer)) CustomerMasking.RestoreMaskedValues(input, customer);
        customer.Code = newCode;
        CustomerMapping.Apply(input, customer);
        var after = CustomerMapping.ToInput(customer);
        var (b, a) = AuditDiff.Changes(before, after);
        if (a.Count == 0) return CommandResult<int>.Ok(customer.Id);

        customer.UpdatedAt = now;
        AddEvent(db, customer.Id, viewer, "updated", "档案更新 / Archive updated", string.Join(", ", a.Keys));
        audit.Add(db, viewer, AuditAction.Update, Entity, customer.Id, $"{customer.Code}: {string.Join(", ", a.Keys)}", b, a);
        await db.SaveChangesAsync(ct);
        return CommandResult<int>.Ok(customer.Id);
    }

    /// <summary>Gives a customer a new owner; the customer moves to the new owner's outlet.</summary>
    public async Task<CommandResult<int>> TransferAsync(Viewer viewer, int id, int newOwnerId, string? reason, CancellationToken ct)
    {
        if (!viewer.CanTransferCustomers) return CommandResult<int>.Forbidden("Your role cannot transfer customers.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await db.Customers.VisibleTo(viewer).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return CommandResult<int>.NotFound();
        var target = await TargetOwnerAsync(db, newOwnerId, ct);
        if (target is null) return CommandResult<int>.Invalid("newOwnerId", "must be an active member of staff with an outlet, not a read-only analyst.");
        if (customer.OwnerId == target.Id) return CommandResult<int>.Ok(customer.Id);

        Move(db, viewer, customer, target, reason);
        await db.SaveChangesAsync(ct);
        return CommandResult<int>.Ok(customer.Id);
    }

    /// <summary>
    /// Hands every customer of a (departing) owner to the chosen new owners in turn, in one
    /// transaction, each move audited and on the customer's timeline. Returns how many moved.
    /// </summary>
    public async Task<CommandResult<int>> BulkTransferAsync(Viewer viewer, int fromOwnerId, IReadOnlyList<int> toOwnerIds, string? reason, CancellationToken ct)
    {
        if (!viewer.CanTransferCustomers) return CommandResult<int>.Forbidden("Your role cannot transfer customers.");
        if (toOwnerIds.Count == 0) return CommandResult<int>.Invalid("toOwnerIds", "choose at least one new owner.");
        if (toOwnerIds.Contains(fromOwnerId)) return CommandResult<int>.Invalid("toOwnerIds", "cannot include the current owner.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var targets = new List<OwnerTarget>();
        foreach (var toId in toOwnerIds.Distinct())
        {
            var target = await TargetOwnerAsync(db, toId, ct);
            if (target is null) return CommandResult<int>.Invalid("toOwnerIds", $"user {toId} is not an active member of staff with an outlet, or is a read-only analyst.");
            targets.Add(target);
        }
        var customers = await db.Customers.VisibleTo(viewer).Where(c => c.OwnerId == fromOwnerId).OrderBy(c => c.Id).ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < customers.Count; i++)
            Move(db, viewer, customers[i], targets[i % targets.Count], reason);
        audit.Add(db, viewer, AuditAction.Transfer, "User", fromOwnerId,
            $"Bulk transfer of {customers.Count} customers to {string.Join(", ", targets.Select(t => t.Name))}. {reason}".Trim());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CommandResult<int>.Ok(customers.Count);
    }

    /// <summary>
    /// Deletes a customer with its contacts, addresses, tags, notes and timeline. Administrators only:
    /// an archive is the company's record, so everyone else corrects or transfers it instead. The
    /// whole archive goes into the audit entry's before-value, so nothing is lost without a trace.
    /// </summary>
    public async Task<CommandResult<int>> DeleteAsync(Viewer viewer, int id, CancellationToken ct)
    {
        if (!viewer.IsAdministrator) return CommandResult<int>.Forbidden("Only administrators delete customers.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await db.Customers.VisibleTo(viewer)
            .Include(c => c.Contacts).Include(c => c.Addresses).Include(c => c.Tags).Include(c => c.Notes)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return CommandResult<int>.NotFound();
        audit.Add(db, viewer, AuditAction.Delete, Entity, customer.Id, $"{customer.Code} {customer.Name}",
            before: new { Archive = CustomerMapping.ToInput(customer), customer.OwnerId, customer.OutletId, Notes = customer.Notes.Select(n => n.Text) });
        db.Customers.Remove(customer);
        await db.SaveChangesAsync(ct);
        return CommandResult<int>.Ok(id);
    }

    public async Task<CommandResult<long>> AddNoteAsync(Viewer viewer, int id, string text, CancellationToken ct)
    {
        if (viewer.IsReadOnly) return CommandResult<long>.Forbidden("Your role is read-only.");
        if (string.IsNullOrWhiteSpace(text)) return CommandResult<long>.Invalid("text", "is required.");
        if (text.Length > FieldLimits.Text) return CommandResult<long>.Invalid("text", $"must be at most {FieldLimits.Text} characters.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Customers.VisibleTo(viewer).AnyAsync(c => c.Id == id, ct)) return CommandResult<long>.NotFound();
        var now = clock.GetUtcNow();
        db.CustomerNotes.Add(new CustomerNote { CustomerId = id, Text = text.Trim(), AuthorId = viewer.UserId, AuthorName = viewer.Name, CreatedAt = now });
        var e = AddEvent(db, id, viewer, "note", "备注 / Note", text.Trim());
        await db.SaveChangesAsync(ct);
        return CommandResult<long>.Ok(e.Id);
    }

    /// <summary>The personal data of one customer in clear, for a viewer allowed to reveal it; every reveal is audited.</summary>
    public async Task<CommandResult<CustomerInput>> RevealAsync(Viewer viewer, int id, CancellationToken ct)
    {
        if (!viewer.CanRevealPersonalData) return CommandResult<CustomerInput>.Forbidden("Your role cannot reveal personal data.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await db.Customers.AsNoTracking().VisibleTo(viewer)
            .Include(c => c.Contacts).Include(c => c.Addresses).Include(c => c.Tags)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return CommandResult<CustomerInput>.NotFound();
        audit.Add(db, viewer, AuditAction.Reveal, Entity, id, $"{customer.Code}: phone, address and names revealed");
        await db.SaveChangesAsync(ct);
        return CommandResult<CustomerInput>.Ok(CustomerMapping.ToInput(customer));
    }

    private void Move(CrmDbContext db, Viewer viewer, Customer customer, OwnerTarget target, string? reason)
    {
        var before = new { customer.OwnerId, customer.OutletId, customer.RegionId };
        customer.OwnerId = target.Id;
        customer.OutletId = target.OutletId;
        customer.RegionId = target.RegionId;
        customer.UpdatedAt = clock.GetUtcNow();
        var detail = string.IsNullOrWhiteSpace(reason) ? $"→ {target.Name}" : $"→ {target.Name}: {reason.Trim()}";
        AddEvent(db, customer.Id, viewer, "transferred", "客户移交 / Owner transferred", detail);
        audit.Add(db, viewer, AuditAction.Transfer, Entity, customer.Id, $"{customer.Code} {detail}", before,
            new { customer.OwnerId, customer.OutletId, customer.RegionId });
    }

    private sealed record OwnerTarget(int Id, string Name, int OutletId, int RegionId);

    private static async Task<OwnerTarget?> TargetOwnerAsync(CrmDbContext db, int userId, CancellationToken ct) =>
        // A read-only analyst can own nothing: they could never act on the customer.
        await db.Users.Where(u => u.Id == userId && u.IsActive && u.OutletId != null && u.Role != StaffRole.Analyst)
            .Join(db.Outlets, u => u.OutletId, o => o.Id, (u, o) => new OwnerTarget(u.Id, u.DisplayName, o.Id, o.RegionId))
            .SingleOrDefaultAsync(ct);

    private CustomerEvent AddEvent(CrmDbContext db, int customerId, Viewer viewer, string kind, string title, string? detail)
    {
        var e = new CustomerEvent
        {
            CustomerId = customerId, At = clock.GetUtcNow(), Kind = kind, Title = title,
            Detail = detail is { Length: > FieldLimits.Text } ? detail[..FieldLimits.Text] : detail,
            ActorId = viewer.UserId, ActorName = viewer.Name,
        };
        db.CustomerEvents.Add(e);
        return e;
    }

    private static async Task<string> NextCodeAsync(CrmDbContext db, CancellationToken ct)
    {
        var last = await db.Customers.MaxAsync(c => (int?)c.Id, ct) ?? 0;
        for (var n = last + 1; ; n++)
        {
            var code = "C" + n.ToString("D6", CultureInfo.InvariantCulture);
            if (!await db.Customers.AnyAsync(c => c.Code == code, ct)) return code;
        }
    }
}
