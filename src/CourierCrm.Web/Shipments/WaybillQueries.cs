using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Localization;
using CourierCrm.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Shipments;

/// <summary>Reads of waybills, always through the viewer's data scope (WaybillScope) and masking.</summary>
public sealed class WaybillQueries(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock)
{
    public const int ShippingMonths = 24;

    public Task<PagedResult<WaybillListItem>> ListAsync(Viewer viewer, WaybillListQuery q, CancellationToken ct) =>
        ListAsync(viewer, q, null, ct);

    /// <summary>
    /// One page of the filtered list, newest first. <paramref name="knownTotal"/> is the total an
    /// earlier page with the same filters answered (the list page passes it back): counting is the
    /// costly part of paging a large table, so it is done once per filter, not once per page.
    /// The page's ids are picked first, by indexes that cover the filters and the order, from the
    /// nearer end of the list (PageWindow); only then are those few waybills read.
    /// </summary>
    public async Task<PagedResult<WaybillListItem>> ListAsync(Viewer viewer, WaybillListQuery q, int? knownTotal, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filter(db.Waybills.AsNoTracking().VisibleTo(db, viewer), q);
        var size = PageLimits.Size(q.PageSize);
        var page = PageLimits.Number(q.Page);
        var total = knownTotal is >= 0 ? knownTotal.Value : await query.CountAsync(ct);
        var window = PageWindow.Of(total, page, size);
        var rows = await PageAsync(db, viewer, query, window, ct);
        if (knownTotal is >= 0 && rows.Count != window.Take)
        {
            // The page came back short: the remembered total is out of date (waybills matched since) or wrong.
            total = await query.CountAsync(ct);
            window = PageWindow.Of(total, page, size);
            rows = await PageAsync(db, viewer, query, window, ct);
        }
        var mask = WaybillMasking.Masks(viewer);
        return new PagedResult<WaybillListItem>(rows.Select(r => Item(r, mask)).ToList(), total, page, size);
    }

    private static async Task<List<Row>> PageAsync(CrmDbContext db, Viewer viewer, IQueryable<Waybill> query, PageWindow window, CancellationToken ct)
    {
        if (window.Take == 0) return [];
        var ordered = window.FromEnd
            ? query.OrderBy(w => w.OrderedAt).ThenBy(w => w.Id)
            : query.OrderByDescending(w => w.OrderedAt).ThenByDescending(w => w.Id);
        var ids = await ordered.Skip(window.Skip).Take(window.Take).Select(w => w.Id).ToListAsync(ct);
        if (window.FromEnd) ids.Reverse();
        // The ids came from the scoped query; the scope is applied again so no read of waybills skips it.
        var rows = await Rows(db, db.Waybills.AsNoTracking().VisibleTo(db, viewer).Where(w => ids.Contains(w.Id))).ToListAsync(ct);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return rows.OrderBy(r => position[r.Waybill.Id]).ToList();
    }

    public async Task<WaybillDetail?> GetAsync(Viewer viewer, string number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Rows(db, db.Waybills.AsNoTracking().VisibleTo(db, viewer).Where(w => w.Number == number)).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var w = row.Waybill;
        var events = await db.TrackingEvents.AsNoTracking().Where(e => e.WaybillId == w.Id).ToListAsync(ct);
        var deliveryOutlet = w.DeliveryOutletId is int d ? await db.Outlets.Where(o => o.Id == d).Select(o => o.Name).SingleOrDefaultAsync(ct) : null;
        return new WaybillDetail
        {
            Summary = Item(row, WaybillMasking.Masks(viewer)),
            Payer = w.Payer, Insured = w.Insured,
            DeclaredValue = Yuan(w.DeclaredValueFen), InsuranceFee = Yuan(w.InsuranceFeeFen), CodAmount = Yuan(w.CodAmountFen),
            PickedUpAt = w.PickedUpAt, PromisedAt = w.PromisedAt,
            DeliveryOutletId = w.DeliveryOutletId, DeliveryOutletName = deliveryOutlet, UpdatedAt = w.UpdatedAt,
            // Ordered in memory: SQLite stores the instants as ticks, and a waybill has a few dozen events at most.
            Events = events.OrderBy(e => e.At.UtcTicks).ThenBy(e => e.Id).Select(e => new TrackingEventView(e.At, e.Place, e.Description, e.Status)).ToList(),
        };
    }

    /// <summary>
    /// The 360 card's figures for a customer in scope (null otherwise): the window's rows are read by
    /// the (CustomerId, OrderedAt, FreightFen) index and summed per China-time month here, which is
    /// the same on both databases and cheap for one customer.
    /// </summary>
    public async Task<CustomerShipping?> CustomerShippingAsync(Viewer viewer, int customerId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Customers.VisibleTo(viewer).AnyAsync(c => c.Id == customerId, ct)) return null;
        var waybills = db.Waybills.AsNoTracking().Where(w => w.CustomerId == customerId);
        var total = await waybills.CountAsync(ct);
        if (total == 0) return new CustomerShipping([], [], [], 0);

        var today = CompanyTime.Local(clock.GetUtcNow());
        var first = new DateTime(today.Year, today.Month, 1).AddMonths(-(ShippingMonths - 1));
        var start = new DateTimeOffset(first, TimeSpan.FromHours(8));
        var rows = await waybills.Where(w => w.OrderedAt >= start).Select(w => new { w.OrderedAt, w.FreightFen }).ToListAsync(ct);
        var byMonth = rows.GroupBy(r => { var l = CompanyTime.Local(r.OrderedAt); return (l.Year, l.Month); })
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Fen: g.Sum(r => r.FreightFen)));
        var months = Enumerable.Range(0, ShippingMonths).Select(i => first.AddMonths(i))
            .Select(m => byMonth.TryGetValue((m.Year, m.Month), out var v) ? new MonthlyShipping(m.Year, m.Month, v.Count, v.Fen) : new MonthlyShipping(m.Year, m.Month, 0, 0))
            .ToList();

        var products = await waybills.Where(w => w.OrderedAt >= start).GroupBy(w => w.Product)
            .Select(g => new ProductShare(g.Key, g.Count())).ToListAsync(ct);
        var recent = await Rows(db, waybills.OrderByDescending(w => w.OrderedAt).ThenByDescending(w => w.Id).Take(10)).ToListAsync(ct);
        var mask = WaybillMasking.Masks(viewer);
        return new CustomerShipping(months, products.OrderByDescending(p => p.Waybills).ToList(), recent.Select(r => Item(r, mask)).ToList(), total);
    }

    internal static IQueryable<Waybill> Filter(IQueryable<Waybill> query, WaybillListQuery q)
    {
        if (q.From is { } from) { var start = DayStart(from); query = query.Where(w => w.OrderedAt >= start); }
        if (q.To is { } to) { var end = DayStart(to.AddDays(1)); query = query.Where(w => w.OrderedAt < end); }
        if (q.Status is { } status) query = query.Where(w => w.Status == status);
        if (q.Product is { } product) query = query.Where(w => w.Product == product);
        if (q.PickupOutletId is { } outlet) query = query.Where(w => w.PickupOutletId == outlet);
        if (q.CustomerId is { } customer) query = query.Where(w => w.CustomerId == customer);
        if (q.Unmatched == true) query = query.Where(w => w.CustomerId == null);
        if (!string.IsNullOrWhiteSpace(q.Number))
        {
            // Prefix by index range: SQLite turns StartsWith into a scanning LIKE (DESIGN.md "Scale").
            var prefix = q.Number.Trim();
            var upper = prefix + "~";
            query = query.Where(w => string.Compare(w.Number, prefix) >= 0 && string.Compare(w.Number, upper) < 0);
        }
        return query;
    }

    /// <summary>Midnight of a day in China time: the couriers' days, whatever zone the server runs in.</summary>
    private static DateTimeOffset DayStart(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));

    /// <summary>A waybill with the names the list shows beside it (also read by the waybill export).</summary>
    internal sealed record Row(Waybill Waybill, string? CustomerCode, string? CustomerName, CustomerType? CustomerType, string? PickupOutletName);

    internal static IQueryable<Row> Rows(CrmDbContext db, IQueryable<Waybill> query) =>
        query.Select(w => new Row(w,
            db.Customers.Where(c => c.Id == w.CustomerId).Select(c => c.Code).FirstOrDefault(),
            db.Customers.Where(c => c.Id == w.CustomerId).Select(c => c.Name).FirstOrDefault(),
            db.Customers.Where(c => c.Id == w.CustomerId).Select(c => (CustomerType?)c.Type).FirstOrDefault(),
            db.Outlets.Where(o => o.Id == w.PickupOutletId).Select(o => o.Name).FirstOrDefault()));

    /// <summary>A list row masked for the viewer; the export writes the same rows.</summary>
    internal static WaybillListItem Item(Row r, bool mask)
    {
        var w = r.Waybill;
        return new WaybillListItem
        {
            Number = w.Number, CustomerId = w.CustomerId, CustomerCode = r.CustomerCode,
            CustomerName = r.CustomerName is null ? null : CustomerMasking.Name(r.CustomerName, r.CustomerType ?? CustomerType.Organisation, mask),
            SentCustomerCode = w.CustomerCode, MonthlyAccountNo = w.MonthlyAccountNo,
            Product = w.Product, Status = w.Status,
            SenderName = WaybillMasking.Name(w.SenderName, mask), SenderPhone = WaybillMasking.Phone(w.SenderPhone, mask),
            SenderAddress = WaybillMasking.Address(w.SenderAddress, mask),
            ReceiverName = WaybillMasking.Name(w.ReceiverName, mask), ReceiverPhone = WaybillMasking.Phone(w.ReceiverPhone, mask),
            ReceiverAddress = WaybillMasking.Address(w.ReceiverAddress, mask),
            OriginCity = w.OriginCity, DestinationCity = w.DestinationCity, Pieces = w.Pieces,
            WeightKg = w.WeightGrams / 1000m, Freight = Money.ToYuan(w.FreightFen),
            OrderedAt = w.OrderedAt, DeliveredAt = w.DeliveredAt,
            PickupOutletId = w.PickupOutletId, PickupOutletName = r.PickupOutletName, IsMasked = mask,
        };
    }

    private static decimal? Yuan(long? fen) => fen is { } f ? Money.ToYuan(f) : null;
}
