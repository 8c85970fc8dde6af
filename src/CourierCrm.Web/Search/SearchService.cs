using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Privacy;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Shipments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Search;

/// <summary>
/// The one search box (issue 3 §5): every kind of number or name a caller gives, each looked up
/// by an index, only among customers in the viewer's data scope, masked as the archive is.
/// </summary>
public sealed class SearchService(IDbContextFactory<CrmDbContext> dbFactory, IStringLocalizer<SearchTexts> texts)
{
    /// <summary>A customer row as found by one lookup, before ranking and masking.</summary>
    internal sealed record Candidate(int Id, string Code, string Name, CustomerType Type, string? Phone,
        SearchMatch Match, string? Value, string? ContactName = null);

    public async Task<SearchResult> SearchAsync(Viewer viewer, string q, int limit, CancellationToken ct)
    {
        var query = SearchQuery.Parse(q);
        limit = Math.Clamp(limit, 1, SearchQuery.MaxLimit);
        if (query is null) return new SearchResult("", [], null);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = new List<Candidate>();
        if (query.IsToken) found.AddRange(await ExactTokenAsync(db, viewer, query, ct));
        if (query.IsPhonePrefix) found.AddRange(await PhonesAsync(db, viewer, query, limit, ct));
        // One or two digits are too few for a phone; they may still be part of a name.
        if (!query.IsPhonePrefix) found.AddRange(await SearchNames.FindAsync(db, viewer, query.Text, limit, ct));

        var hits = found
            .GroupBy(c => c.Id)
            .Select(g => g.OrderBy(c => c.Match).First())
            .OrderBy(c => c.Match)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(c => ToHit(c, query, CustomerMasking.Masks(viewer)))
            .ToList();
        // Hits are one per customer, so one exact hit means one customer answers the number.
        var exact = hits.Where(h => h.IsExact).ToList();
        return new SearchResult(query.Text, hits, exact.Count == 1 ? exact[0].CustomerId : null);
    }

    /// <summary>Waybill number, monthly account and customer code: exact, by their unique or plain indexes.</summary>
    private static async Task<List<Candidate>> ExactTokenAsync(CrmDbContext db, Viewer viewer, SearchQuery query, CancellationToken ct)
    {
        var text = query.Text;
        // Numbers are printed in capitals ("SF1234…") but often typed in lower case.
        var upper = text.ToUpperInvariant();
        var customers = db.Customers.AsNoTracking().VisibleTo(viewer);
        var found = new List<Candidate>();
        if (query.MayBeWaybill)
        {
            found.AddRange(await (
                from w in db.Waybills.AsNoTracking().VisibleTo(db, viewer)
                where w.Number == text || w.Number == upper
                join c in customers on w.CustomerId equals c.Id
                select new Candidate(c.Id, c.Code, c.Name, c.Type, c.Phone, SearchMatch.Waybill, w.Number, null))
                .Take(5).ToListAsync(ct));
        }
        found.AddRange(await customers
            .Where(c => c.MonthlyAccountNo == text || c.MonthlyAccountNo == upper)
            .Select(c => new Candidate(c.Id, c.Code, c.Name, c.Type, c.Phone, SearchMatch.MonthlyAccount, c.MonthlyAccountNo, null))
            .Take(5).ToListAsync(ct));
        found.AddRange(await customers
            .Where(c => c.Code == text || c.Code == upper)
            .Select(c => new Candidate(c.Id, c.Code, c.Name, c.Type, c.Phone, SearchMatch.Code, c.Code, null))
            .Take(5).ToListAsync(ct));
        return found;
    }

    /// <summary>
    /// Phones of customers and their contacts: the last four digits by their own index, and the
    /// start of a number (a whole number is its own start) by an index range — SQLite would scan
    /// for StartsWith/LIKE (DESIGN.md "Scale").
    /// </summary>
    private static async Task<List<Candidate>> PhonesAsync(CrmDbContext db, Viewer viewer, SearchQuery query, int limit, CancellationToken ct)
    {
        var digits = query.PhoneDigits!;
        var upper = digits + "~";
        var customers = db.Customers.AsNoTracking().VisibleTo(viewer);
        var found = new List<Candidate>();
        if (query.IsLastFour)
        {
            // No ORDER BY here: sorting by name would tempt the planner onto a (scope, Name) index
            // instead of the PhoneLast4 one; hits are ranked in memory afterwards.
            found.AddRange(await customers.Where(c => c.PhoneLast4 == digits)
                .Take(limit)
                .Select(c => new Candidate(c.Id, c.Code, c.Name, c.Type, c.Phone, SearchMatch.PhoneLastFour, c.Phone, null))
                .ToListAsync(ct));
            found.AddRange(await (
                from x in db.Contacts.AsNoTracking()
                where x.PhoneLast4 == digits
                join c in customers on x.CustomerId equals c.Id
                select new Candidate(c.Id, c.Code, c.Name, c.Type, c.Phone, SearchMatch.ContactPhoneLastFour, x.Phone, x.Name))
                .Take(limit).ToListAsync(ct));
        }
        var owners = await customers
            .Where(c => string.Compare(c.PhoneDigits, digits) >= 0 && string.Compare(c.PhoneDigits, upper) < 0)
            .OrderBy(c => c.PhoneDigits).Take(limit)
            .Select(c => new { c.Id, c.Code, c.Name, c.Type, c.Phone, c.PhoneDigits })
            .ToListAsync(ct);
        found.AddRange(owners.Select(c => new Candidate(c.Id, c.Code, c.Name, c.Type, c.Phone,
            c.PhoneDigits == digits ? SearchMatch.Phone : SearchMatch.PhonePrefix, c.Phone, null)));
        var contacts = await (
            from x in db.Contacts.AsNoTracking()
            where string.Compare(x.PhoneDigits, digits) >= 0 && string.Compare(x.PhoneDigits, upper) < 0
            join c in customers on x.CustomerId equals c.Id
            orderby x.PhoneDigits
            select new { c.Id, c.Code, c.Name, c.Type, c.Phone, x.PhoneDigits, ContactPhone = x.Phone, ContactName = x.Name })
            .Take(limit).ToListAsync(ct);
        found.AddRange(contacts.Select(c => new Candidate(c.Id, c.Code, c.Name, c.Type, c.Phone,
            c.PhoneDigits == digits ? SearchMatch.ContactPhone : SearchMatch.ContactPhonePrefix, c.ContactPhone, c.ContactName)));
        return found;
    }

    private SearchHit ToHit(Candidate c, SearchQuery query, bool mask)
    {
        // The digits the viewer typed are theirs already: a masked phone would hide the very part they gave.
        var typed = query.PhoneDigits ?? "";
        var phone = mask ? PersonalDataMask.Phone(c.Value) : c.Value;
        var contact = mask ? PersonalDataMask.PersonName(c.ContactName) : c.ContactName;
        var (matched, reason) = c.Match switch
        {
            SearchMatch.Waybill or SearchMatch.MonthlyAccount or SearchMatch.Code =>
                (c.Value ?? "", texts[$"Match.{c.Match}", c.Value ?? ""].Value),
            SearchMatch.Phone => (phone ?? "", texts[$"Match.{c.Match}", phone ?? ""].Value),
            SearchMatch.PhoneLastFour or SearchMatch.PhonePrefix => (phone ?? "", texts[$"Match.{c.Match}", typed].Value),
            SearchMatch.ContactPhone => (phone ?? "", texts[$"Match.{c.Match}", contact ?? "", phone ?? ""].Value),
            SearchMatch.ContactPhoneLastFour or SearchMatch.ContactPhonePrefix =>
                (phone ?? "", texts[$"Match.{c.Match}", contact ?? "", typed].Value),
            SearchMatch.ContactNamePrefix or SearchMatch.ContactName =>
                (contact ?? "", texts[$"Match.{c.Match}", contact ?? ""].Value),
            _ => (c.Value ?? "", texts[$"Match.{c.Match}", c.Value ?? ""].Value),
        };
        return new SearchHit(c.Id, c.Code, CustomerMasking.Name(c.Name, c.Type, mask),
            mask ? PersonalDataMask.Phone(c.Phone) : c.Phone, c.Match, matched, reason);
    }
}
