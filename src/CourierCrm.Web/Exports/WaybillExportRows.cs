using System.Runtime.CompilerServices;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Shipments;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Exports;

/// <summary>
/// The waybill list's rows for an export: the same scope (<see cref="WaybillScope"/>), filters
/// (<see cref="WaybillQueries.Filter"/>), order (newest order first) and masking as the list page and
/// GET /api/v1/waybills, read in keyset batches on (OrderedAt, Id) so a million waybills stream with
/// flat memory and every batch uses the OrderedAt index.
/// </summary>
public sealed class WaybillExportRows(IDbContextFactory<CrmDbContext> dbFactory)
{
    public const int BatchSize = 2000;

    public async Task<long> CountAsync(Viewer viewer, WaybillListQuery filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Matching(db, viewer, filter).LongCountAsync(ct);
    }

    /// <summary>Batches of at most <paramref name="batchSize"/> rows, newest order first, masked for the viewer.</summary>
    public async IAsyncEnumerable<IReadOnlyList<WaybillListItem>> BatchesAsync(Viewer viewer, WaybillListQuery filter, int batchSize = BatchSize,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var mask = WaybillMasking.Masks(viewer);
        (DateTimeOffset OrderedAt, long Id)? last = null;
        while (true)
        {
            List<Row> rows;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var query = Matching(db, viewer, filter);
                if (last is { } l)
                {
                    var (at, id) = l;
                    query = query.Where(w => w.OrderedAt < at || (w.OrderedAt == at && w.Id < id));
                }
                rows = await query.OrderByDescending(w => w.OrderedAt).ThenByDescending(w => w.Id).Take(batchSize)
                    .Select(w => new Row(w.Id, w.Number, w.CustomerId, w.CustomerCode, w.MonthlyAccountNo, w.Product, w.Status,
                        w.SenderName, w.SenderPhone, w.SenderAddress, w.ReceiverName, w.ReceiverPhone, w.ReceiverAddress,
                        w.OriginCity, w.DestinationCity, w.Pieces, w.WeightGrams, w.FreightFen, w.OrderedAt, w.DeliveredAt, w.PickupOutletId,
                        db.Customers.Where(c => c.Id == w.CustomerId).Select(c => c.Code).FirstOrDefault(),
                        db.Customers.Where(c => c.Id == w.CustomerId).Select(c => c.Name).FirstOrDefault(),
                        db.Customers.Where(c => c.Id == w.CustomerId).Select(c => (CustomerType?)c.Type).FirstOrDefault(),
                        db.Outlets.Where(o => o.Id == w.PickupOutletId).Select(o => o.Name).FirstOrDefault()))
                    .ToListAsync(ct);
            }
            if (rows.Count == 0) yield break;
            yield return rows.Select(r => Item(r, mask)).ToList();
            if (rows.Count < batchSize) yield break;
            last = (rows[^1].OrderedAt, rows[^1].Id);
        }
    }

    private static IQueryable<Waybill> Matching(CrmDbContext db, Viewer viewer, WaybillListQuery filter) =>
        WaybillQueries.Filter(db.Waybills.AsNoTracking().VisibleTo(db, viewer), filter);

    /// <summary>Masked as WaybillQueries masks the list.</summary>
    private static WaybillListItem Item(Row r, bool mask) => new()
    {
        Number = r.Number, CustomerId = r.CustomerId, CustomerCode = r.CustomerCode,
        CustomerName = r.CustomerName is null ? null : CustomerMasking.Name(r.CustomerName, r.CustomerType ?? CustomerType.Organisation, mask),
        SentCustomerCode = r.SentCustomerCode, MonthlyAccountNo = r.MonthlyAccountNo,
        Product = r.Product, Status = r.Status,
        SenderName = WaybillMasking.Name(r.SenderName, mask), SenderPhone = WaybillMasking.Phone(r.SenderPhone, mask),
        SenderAddress = WaybillMasking.Address(r.SenderAddress, mask),
        ReceiverName = WaybillMasking.Name(r.ReceiverName, mask), ReceiverPhone = WaybillMasking.Phone(r.ReceiverPhone, mask),
        ReceiverAddress = WaybillMasking.Address(r.ReceiverAddress, mask),
        OriginCity = r.OriginCity, DestinationCity = r.DestinationCity, Pieces = r.Pieces,
        WeightKg = r.WeightGrams / 1000m, Freight = Money.ToYuan(r.FreightFen),
        OrderedAt = r.OrderedAt, DeliveredAt = r.DeliveredAt,
        PickupOutletId = r.PickupOutletId, PickupOutletName = r.PickupOutletName, IsMasked = mask,
    };

    private sealed record Row(long Id, string Number, int? CustomerId, string? SentCustomerCode, string? MonthlyAccountNo, Product Product, WaybillStatus Status,
        string? SenderName, string? SenderPhone, string? SenderAddress, string? ReceiverName, string? ReceiverPhone, string? ReceiverAddress,
        string OriginCity, string DestinationCity, int Pieces, long WeightGrams, long FreightFen, DateTimeOffset OrderedAt, DateTimeOffset? DeliveredAt,
        int? PickupOutletId, string? CustomerCode, string? CustomerName, CustomerType? CustomerType, string? PickupOutletName);
}
