using System.Runtime.CompilerServices;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Privacy;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Exports;

/// <summary>
/// The customer list's rows for an export: the same data scope (<c>VisibleTo</c>), filters
/// (<see cref="CustomerQueries.MatchingAsync"/>, a saved segment included), order and masking as the list page and GET /api/v1/customers,
/// read in batches by keyset: each batch starts after the last row of the one before, by the sort's
/// index, so the millionth row costs what the first does and no batch is held after it is written.
/// </summary>
public sealed class CustomerExportRows(IDbContextFactory<CrmDbContext> dbFactory)
{
    public const int BatchSize = 1000;

    public async Task<long> CountAsync(Viewer viewer, CustomerListQuery filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (await CustomerQueries.MatchingAsync(db, viewer, filter, ct)).LongCountAsync(ct);
    }

    /// <summary>Batches of at most <paramref name="batchSize"/> rows in the list's order, masked for the viewer.</summary>
    public async IAsyncEnumerable<IReadOnlyList<CustomerListItem>> BatchesAsync(Viewer viewer, CustomerListQuery filter, int batchSize = BatchSize,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var sort = CustomerQueries.SortFields.Contains(filter.Sort) ? filter.Sort! : "name";
        var descending = CustomerQueries.Descending(filter);
        var mask = CustomerMasking.Masks(viewer);
        Row? last = null;
        while (true)
        {
            List<Row> rows;
            // A short-lived context per batch: nothing is tracked or kept between batches.
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var query = await CustomerQueries.MatchingAsync(db, viewer, filter, ct);
                var ordered = sort == CustomerQueries.PredictedValueSort
                    ? CustomerQueries.ByPredictedValue(db, query, descending, last is null ? null : (last.PredictedValueFen, last.Id))
                    : CustomerQueries.Order(last is null ? query : After(query, sort, descending, last), sort, descending);
                rows = await ordered.Take(batchSize)
                    .Select(c => new Row(c.Id, c.Code, c.Name, c.Type, c.MarketType, c.Lifecycle, c.Phone, c.CreatedAt, c.UpdatedAt,
                        db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                        db.Outlets.Where(o => o.Id == c.OutletId).Select(o => o.Name).FirstOrDefault(),
                        db.CustomerClassifications.Where(k => k.CustomerId == c.Id).Select(k => k.PredictedValueFen).FirstOrDefault()))
                    .ToListAsync(ct);
            }
            if (rows.Count == 0) yield break;
            yield return rows.Select(r => Item(r, mask)).ToList();
            if (rows.Count < batchSize) yield break;
            last = rows[^1];
        }
    }

    /// <summary>Rows after <paramref name="last"/> in that order; the database compares, so its collation decides as in the ORDER BY.</summary>
    private static IQueryable<Customer> After(IQueryable<Customer> query, string sort, bool desc, Row last)
    {
        var (id, name, code, created, updated) = (last.Id, last.Name, last.Code, last.CreatedAt, last.UpdatedAt);
        return (sort, desc) switch
        {
            ("code", false) => query.Where(c => string.Compare(c.Code, code) > 0),
            ("code", true) => query.Where(c => string.Compare(c.Code, code) < 0),
            ("createdAt", false) => query.Where(c => c.CreatedAt > created || (c.CreatedAt == created && c.Id > id)),
            ("createdAt", true) => query.Where(c => c.CreatedAt < created || (c.CreatedAt == created && c.Id < id)),
            ("updatedAt", false) => query.Where(c => c.UpdatedAt > updated || (c.UpdatedAt == updated && c.Id > id)),
            ("updatedAt", true) => query.Where(c => c.UpdatedAt < updated || (c.UpdatedAt == updated && c.Id < id)),
            (_, false) => query.Where(c => string.Compare(c.Name, name) > 0 || (c.Name == name && c.Id > id)),
            (_, true) => query.Where(c => string.Compare(c.Name, name) < 0 || (c.Name == name && c.Id < id)),
        };
    }

    /// <summary>Masked as CustomerQueries masks the list.</summary>
    private static CustomerListItem Item(Row r, bool mask) => new(
        r.Id, r.Code, CustomerMasking.Name(r.Name, r.Type, mask), r.Type, r.MarketType, r.Lifecycle,
        mask ? PersonalDataMask.Phone(r.Phone) : r.Phone, r.OwnerName, r.OutletName ?? "", r.UpdatedAt, mask)
    { CreatedAt = r.CreatedAt };

    private sealed record Row(int Id, string Code, string Name, CustomerType Type, MarketType MarketType, LifecycleState Lifecycle,
        string? Phone, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? OwnerName, string? OutletName, long? PredictedValueFen);
}
