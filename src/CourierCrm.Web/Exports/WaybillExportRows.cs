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
            List<WaybillQueries.Row> rows;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var query = Matching(db, viewer, filter);
                if (last is { } l)
                {
                    var (at, id) = l;
                    query = query.Where(w => w.OrderedAt < at || (w.OrderedAt == at && w.Id < id));
                }
                rows = await WaybillQueries.Rows(db, query.OrderByDescending(w => w.OrderedAt).ThenByDescending(w => w.Id).Take(batchSize))
                    .ToListAsync(ct);
            }
            if (rows.Count == 0) yield break;
            yield return rows.Select(r => WaybillQueries.Item(r, mask)).ToList();
            if (rows.Count < batchSize) yield break;
            last = (rows[^1].Waybill.OrderedAt, rows[^1].Waybill.Id);
        }
    }

    private static IQueryable<Waybill> Matching(CrmDbContext db, Viewer viewer, WaybillListQuery filter) =>
        WaybillQueries.Filter(db.Waybills.AsNoTracking().VisibleTo(db, viewer), filter);
}
