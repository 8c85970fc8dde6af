using System.Linq.Expressions;
using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

// Namespace "Ltv", not the folder's name: a namespace ...Segmentation.LifetimeValue would hide the
// domain's LifetimeValue class from the rest of Segmentation.
namespace CourierCrm.Web.Segmentation.Ltv;

/// <summary>
/// What a cohort did, year by year, from the waybills: the customers in the viewer's scope whose first
/// waybill fell in the acquisition year, and for that year and each one after it (China time) how many
/// of them shipped, their waybills and their freight.
/// </summary>
/// <remarks>
/// One aggregate grouped by customer and year over the waybills' covering index (CustomerId, OrderedAt,
/// FreightFen, …): the year of a waybill is a CASE over the years' first instants, so the same SQL
/// serves SQLite (instants as ticks) and PostgreSQL, and no waybill row is read. A cohort member is
/// found by two index probes: a waybill in the year, none before it.
/// </remarks>
public static class CohortQuery
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Midnight of 1 January in China, as a UTC instant (PostgreSQL takes only UTC for timestamptz).</summary>
    public static DateTimeOffset StartOfYear(int year) => new DateTimeOffset(year, 1, 1, 0, 0, 0, ChinaOffset).ToUniversalTime();

    /// <summary>The observations for years <paramref name="year"/>..<paramref name="lastYear"/>, and how many customers the cohort has.</summary>
    public static async Task<(int Customers, IReadOnlyList<CohortYearObservation> Years)> ReadAsync(
        CrmDbContext db, Viewer viewer, int year, int lastYear, CancellationToken ct)
    {
        var start = StartOfYear(year);
        var next = StartOfYear(year + 1);
        var end = StartOfYear(lastYear + 1);
        var cohort = db.Customers.VisibleTo(viewer)
            .Where(c => db.Waybills.Any(w => w.CustomerId == c.Id && w.OrderedAt >= start && w.OrderedAt < next)
                        && !db.Waybills.Any(w => w.CustomerId == c.Id && w.OrderedAt < start))
            .Select(c => (int?)c.Id);

        var rows = await db.Waybills.AsNoTracking()
            .Where(w => cohort.Contains(w.CustomerId) && w.OrderedAt >= start && w.OrderedAt < end)
            .Select(YearOf(year, lastYear))
            .GroupBy(x => new { x.CustomerId, x.Year })
            .Select(g => new { g.Key.CustomerId, g.Key.Year, Orders = g.LongCount(), Revenue = g.Sum(x => x.FreightFen) })
            .ToListAsync(ct);

        var years = Enumerable.Range(0, lastYear - year + 1).Select(i =>
        {
            var inYear = rows.Where(r => r.Year == i).ToList();
            return new CohortYearObservation(inYear.Count, inYear.Sum(r => r.Orders), inYear.Sum(r => r.Revenue));
        }).ToList();
        return (years[0].ActiveCustomers, years);
    }

    /// <summary>A waybill as (customer, year index from 0, freight): the index is nested CASEs over the years' starts.</summary>
    private static Expression<Func<Waybill, WaybillYear>> YearOf(int year, int lastYear)
    {
        var w = Expression.Parameter(typeof(Waybill), "w");
        var at = Expression.Property(w, nameof(Waybill.OrderedAt));
        Expression index = Expression.Constant(lastYear - year);
        for (var y = lastYear; y > year; y--)
        {
            // Bounds as captured values: EF sends them as parameters converted like any instant of the column.
            var bound = Expression.Property(Expression.Constant(new Bound(StartOfYear(y))), nameof(Bound.At));
            index = Expression.Condition(Expression.LessThan(at, bound), Expression.Constant(y - 1 - year), index);
        }
        var body = Expression.MemberInit(Expression.New(typeof(WaybillYear)),
            Expression.Bind(typeof(WaybillYear).GetProperty(nameof(WaybillYear.CustomerId))!, Expression.Property(w, nameof(Waybill.CustomerId))),
            Expression.Bind(typeof(WaybillYear).GetProperty(nameof(WaybillYear.Year))!, index),
            Expression.Bind(typeof(WaybillYear).GetProperty(nameof(WaybillYear.FreightFen))!, Expression.Property(w, nameof(Waybill.FreightFen))));
        return Expression.Lambda<Func<Waybill, WaybillYear>>(body, w);
    }

    private sealed record Bound(DateTimeOffset At);

    private sealed class WaybillYear
    {
        public int? CustomerId { get; init; }
        public int Year { get; init; }
        public long FreightFen { get; init; }
    }
}
