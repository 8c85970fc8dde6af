using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Validation;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Shipments;

/// <summary>
/// Changes to waybills: the operations system's pushes of waybills and tracking events, and the
/// matching of an unmatched waybill to its customer. Each needs a role that may edit customers.
/// </summary>
public sealed class WaybillCommands(IDbContextFactory<CrmDbContext> dbFactory, AuditLog audit, TimeProvider clock, Incidents.IncidentRecording incidents)
{
    private const string Entity = "Waybill";

    /// <summary>
    /// Saves a batch, creating new numbers and updating known ones, all or nothing: every item is
    /// validated first, and the batch is written with one SaveChanges inside a transaction. A waybill
    /// whose customer is not found is kept without one, to be matched later.
    /// </summary>
    public async Task<CommandResult<WaybillPushCounts>> PushAsync(Viewer viewer, WaybillPushRequest request, CancellationToken ct)
    {
        if (!viewer.CanEditCustomers) return CommandResult<WaybillPushCounts>.Forbidden("Your role cannot push waybills.");
        var errors = WaybillValidation.Validate(request);
        if (!errors.IsEmpty) return CommandResult<WaybillPushCounts>.Invalid(errors);
        var items = request.Waybills!.Select(w => w!).ToList();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var numbers = items.Select(w => w.Number!.Trim()).ToList();
        var existing = await db.Waybills.Where(w => numbers.Contains(w.Number)).ToDictionaryAsync(w => w.Number, StringComparer.Ordinal, ct);
        // A caller may update only waybills it can see: an outlet's token cannot rewrite another outlet's shipments.
        if (existing.Count > 0 && viewer.Scope != DataScope.All)
        {
            var ids = existing.Values.Select(w => w.Id).ToList();
            var visible = (await db.Waybills.VisibleTo(db, viewer).Where(w => ids.Contains(w.Id)).Select(w => w.Id).ToListAsync(ct)).ToHashSet();
            for (var i = 0; i < items.Count; i++)
                if (existing.TryGetValue(numbers[i], out var w) && !visible.Contains(w.Id))
                    errors.Add($"waybills[{i}].number", "belongs to a waybill outside your data scope.");
        }

        var outlets = await OutletIdsAsync(db, items, ct);
        for (var i = 0; i < items.Count; i++)
        {
            if (Code(items[i].PickupOutletCode) is { } p && !outlets.ContainsKey(p)) errors.Add($"waybills[{i}].pickupOutletCode", $"no outlet has the code '{p}'.");
            if (Code(items[i].DeliveryOutletCode) is { } d && !outlets.ContainsKey(d)) errors.Add($"waybills[{i}].deliveryOutletCode", $"no outlet has the code '{d}'.");
        }
        if (!errors.IsEmpty) return CommandResult<WaybillPushCounts>.Invalid(errors);

        var (byCode, byAccount) = await CustomersAsync(db, items, ct);
        var now = clock.GetUtcNow();
        int created = 0, updated = 0, unmatched = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!existing.TryGetValue(numbers[i], out var waybill))
            {
                waybill = new Waybill { Number = numbers[i], OriginCity = "", DestinationCity = "" };
                db.Waybills.Add(waybill);
                created++;
            }
            else
            {
                updated++;
            }
            Apply(item, waybill, outlets);
            var customerId = Code(item.CustomerCode) is { } code && byCode.TryGetValue(code, out var c) ? c
                : Code(item.MonthlyAccountNo) is { } account && byAccount.TryGetValue(account, out var a) ? a
                : (int?)null;
            // A waybill matched by hand keeps its customer when a later push still cannot name one.
            if (customerId is not null) waybill.CustomerId = customerId;
            if (waybill.CustomerId is null) unmatched++;
            waybill.UpdatedAt = now;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another push created one of these numbers a moment ago; the operations system retries the batch.
            return CommandResult<WaybillPushCounts>.Conflict("waybills", "Another request saved some of these waybills at the same time; send the batch again.");
        }
        await tx.CommitAsync(ct);
        return CommandResult<WaybillPushCounts>.Ok(new WaybillPushCounts(created, updated, unmatched));
    }

    /// <summary>
    /// Appends tracking events, skipping any already recorded with the same time and description, and
    /// moves the waybill to the status of its latest status-bearing event.
    /// </summary>
    public async Task<CommandResult<TrackingEventsResult>> AddEventsAsync(Viewer viewer, string number, TrackingEventsRequest request, CancellationToken ct)
    {
        if (!viewer.CanEditCustomers) return CommandResult<TrackingEventsResult>.Forbidden("Your role cannot add tracking events.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waybill = await db.Waybills.VisibleTo(db, viewer).Include(w => w.Events).SingleOrDefaultAsync(w => w.Number == number, ct);
        if (waybill is null) return CommandResult<TrackingEventsResult>.NotFound();
        var errors = WaybillValidation.Validate(request);
        if (!errors.IsEmpty) return CommandResult<TrackingEventsResult>.Invalid(errors);

        int added = 0, skipped = 0;
        foreach (var e in request.Events!.Select(e => e!))
        {
            var description = e.Description!.Trim();
            if (waybill.Events.Any(x => x.At.UtcTicks == e.At!.Value.UtcTicks && x.Description == description)) { skipped++; continue; }
            waybill.Events.Add(new TrackingEvent { At = e.At!.Value.ToUniversalTime(), Place = e.Place!.Trim(), Description = description, Status = e.Status });
            added++;
        }
        ApplyLatestStatus(waybill);
        if (added > 0) waybill.UpdatedAt = clock.GetUtcNow();
        await incidents.SaveTrackingEventsAsync(db, waybill, viewer, ct); // an exception event opens a draft incident in the same transaction
        return CommandResult<TrackingEventsResult>.Ok(new TrackingEventsResult(added, skipped, waybill.Status));
    }

    /// <summary>
    /// Gives an unmatched waybill its customer (one in the viewer's scope); audited, and put on the
    /// customer's timeline. Matching again to the same customer changes nothing.
    /// </summary>
    public async Task<CommandResult<string>> MatchCustomerAsync(Viewer viewer, string number, int? customerId, CancellationToken ct)
    {
        if (!viewer.CanEditCustomers) return CommandResult<string>.Forbidden("Your role cannot match waybills to customers.");
        if (customerId is not int id) return CommandResult<string>.Invalid("customerId", "is required.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waybill = await db.Waybills.VisibleTo(db, viewer).SingleOrDefaultAsync(w => w.Number == number, ct);
        if (waybill is null) return CommandResult<string>.NotFound();
        var customer = await db.Customers.VisibleTo(viewer).Where(c => c.Id == id).Select(c => new { c.Id, c.Code }).SingleOrDefaultAsync(ct);
        if (customer is null) return CommandResult<string>.Invalid("customerId", "no such customer in your data scope.");
        if (waybill.CustomerId == id) return CommandResult<string>.Ok(waybill.Number);
        if (waybill.CustomerId is not null) return CommandResult<string>.Conflict("customerId", "This waybill is already matched to another customer.");

        var now = clock.GetUtcNow();
        waybill.CustomerId = id;
        waybill.UpdatedAt = now;
        audit.Add(db, viewer, AuditAction.Update, Entity, waybill.Number, $"{waybill.Number} matched to customer {customer.Code}",
            new { CustomerId = (int?)null }, new { CustomerId = id });
        db.CustomerEvents.Add(new CustomerEvent
        {
            CustomerId = id, At = now, Kind = "waybill-matched", Title = "运单已匹配 / Waybill matched",
            Detail = waybill.Number, ActorId = viewer.UserId, ActorName = viewer.Name,
        });
        await db.SaveChangesAsync(ct);
        return CommandResult<string>.Ok(waybill.Number);
    }

    private static void ApplyLatestStatus(Waybill waybill)
    {
        var latest = waybill.Events.Where(e => e.Status is not null).OrderBy(e => e.At.UtcTicks).LastOrDefault();
        if (latest is null) return;
        waybill.Status = latest.Status!.Value;
        if (latest.Status is WaybillStatus.PickedUp) waybill.PickedUpAt ??= latest.At;
        if (latest.Status is WaybillStatus.Delivered) waybill.DeliveredAt = latest.At;
        // A waybill moving on past pick-up was picked up, even if the pick-up scan never came.
        if (latest.Status is not (WaybillStatus.Ordered or WaybillStatus.PickedUp) && waybill.PickedUpAt is null)
            waybill.PickedUpAt = waybill.Events.Where(e => e.Status == WaybillStatus.PickedUp).Select(e => (DateTimeOffset?)e.At).Min();
    }

    private static void Apply(WaybillPushItem w, Waybill waybill, IReadOnlyDictionary<string, int> outlets)
    {
        waybill.CustomerCode = Code(w.CustomerCode);
        waybill.MonthlyAccountNo = Code(w.MonthlyAccountNo);
        waybill.Product = w.Product!.Value;
        waybill.SenderName = w.SenderName!.Trim();
        waybill.SenderPhone = w.SenderPhone!.Trim();
        waybill.SenderAddress = w.SenderAddress!.Trim();
        waybill.ReceiverName = w.ReceiverName!.Trim();
        waybill.ReceiverPhone = w.ReceiverPhone!.Trim();
        waybill.ReceiverAddress = w.ReceiverAddress!.Trim();
        waybill.OriginCity = w.OriginCity!.Trim();
        waybill.DestinationCity = w.DestinationCity!.Trim();
        waybill.Pieces = w.Pieces!.Value;
        waybill.WeightGrams = (long)decimal.Round(w.WeightKg!.Value * 1000m, 0, MidpointRounding.AwayFromZero);
        waybill.FreightFen = Money.ToFen(w.Freight!.Value);
        waybill.Insured = w.Insured;
        waybill.DeclaredValueFen = w.DeclaredValue is { } v ? Money.ToFen(v) : null;
        waybill.InsuranceFeeFen = w.InsuranceFee is { } f ? Money.ToFen(f) : null;
        waybill.CodAmountFen = w.CodAmount is { } cod ? Money.ToFen(cod) : null;
        waybill.Payer = w.Payer!.Value;
        waybill.Status = w.Status!.Value;
        waybill.OrderedAt = w.OrderedAt!.Value.ToUniversalTime();
        waybill.PickedUpAt = w.PickedUpAt?.ToUniversalTime();
        waybill.PromisedAt = w.PromisedAt?.ToUniversalTime();
        waybill.DeliveredAt = w.DeliveredAt?.ToUniversalTime();
        waybill.PickupOutletId = Code(w.PickupOutletCode) is { } p ? outlets[p] : null;
        waybill.DeliveryOutletId = Code(w.DeliveryOutletCode) is { } d ? outlets[d] : null;
    }

    private static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static async Task<Dictionary<string, int>> OutletIdsAsync(CrmDbContext db, List<WaybillPushItem> items, CancellationToken ct)
    {
        var codes = items.SelectMany(w => new[] { Code(w.PickupOutletCode), Code(w.DeliveryOutletCode) }).OfType<string>().Distinct().ToList();
        if (codes.Count == 0) return new Dictionary<string, int>(StringComparer.Ordinal);
        return await db.Outlets.Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Id, StringComparer.Ordinal, ct);
    }

    /// <summary>
    /// The customers the batch names, by code and by monthly account number, across the whole company:
    /// the sender is who they are whoever pushes. Two customers sharing an account number: the older one.
    /// </summary>
    private static async Task<(Dictionary<string, int> ByCode, Dictionary<string, int> ByAccount)> CustomersAsync(
        CrmDbContext db, List<WaybillPushItem> items, CancellationToken ct)
    {
        var codes = items.Select(w => Code(w.CustomerCode)).OfType<string>().Distinct().ToList();
        var accounts = items.Select(w => Code(w.MonthlyAccountNo)).OfType<string>().Distinct().ToList();
        var byCode = codes.Count == 0 ? new Dictionary<string, int>(StringComparer.Ordinal)
            : await db.Customers.Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.Ordinal, ct);
        var byAccount = new Dictionary<string, int>(StringComparer.Ordinal);
        if (accounts.Count > 0)
        {
            var rows = await db.Customers.Where(c => c.MonthlyAccountNo != null && accounts.Contains(c.MonthlyAccountNo))
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.MonthlyAccountNo }).ToListAsync(ct);
            foreach (var row in rows) byAccount.TryAdd(row.MonthlyAccountNo!, row.Id);
        }
        return (byCode, byAccount);
    }
}
