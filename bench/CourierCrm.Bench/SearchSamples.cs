using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Bench;

/// <summary>One kind of search box query, what it must answer within, and the queries typed for it.</summary>
internal sealed record SearchKind(string Key, string Label, double LimitMs, IReadOnlyList<string> Samples);

/// <summary>
/// What callers type, taken from the benchmark database with a fixed seed (the same samples every
/// run on the same file): the first seven digits of a customer's phone, its last four, a whole
/// waybill number, and a piece of a customer's name three characters long (the trigram index's
/// case) or two (too short for trigrams: the bounded scan).
/// </summary>
internal static class SearchSamples
{
    public static async Task<IReadOnlyList<SearchKind>> TakeAsync(IDbContextFactory<CrmDbContext> dbFactory, int count)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var random = new Random(2026);
        var maxCustomer = await db.Customers.MaxAsync(c => c.Id);
        var maxWaybill = await db.Waybills.MaxAsync(w => w.Id);
        var customerIds = Enumerable.Range(0, count * 4).Select(_ => random.Next(1, maxCustomer + 1)).Distinct().ToList();
        var waybillIds = Enumerable.Range(0, count * 2).Select(_ => random.NextInt64(1, maxWaybill + 1)).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.PhoneDigits, c.PhoneLast4 }).ToListAsync();
        var numbers = await db.Waybills.AsNoTracking().Where(w => waybillIds.Contains(w.Id)).Select(w => w.Number).ToListAsync();
        var ordered = customers.OrderBy(c => customerIds.IndexOf(c.Id)).ToList();

        string Piece(string name, int length)
        {
            var start = random.Next(0, name.Length - length + 1);
            return name.Substring(start, length);
        }

        return
        [
            new("phone-prefix", "phone prefix (7 digits)", 10,
                ordered.Where(c => c.PhoneDigits is { Length: >= 11 }).Select(c => c.PhoneDigits![..7]).Take(count).ToList()),
            new("last-four", "last four digits", 10,
                ordered.Where(c => c.PhoneLast4 is { Length: 4 }).Select(c => c.PhoneLast4!).Take(count).ToList()),
            new("waybill", "waybill number", 10, numbers.Take(count).ToList()),
            new("name-3", "name substring (3 characters)", 50,
                ordered.Where(c => c.Name.Length >= 3).Select(c => Piece(c.Name, 3)).Take(count).ToList()),
            new("name-2", "name substring (2 characters)", 50,
                ordered.Where(c => c.Name.Length >= 2).Select(c => Piece(c.Name, 2)).Take(count).ToList()),
        ];
    }
}
