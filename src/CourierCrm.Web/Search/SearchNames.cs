using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Candidate = CourierCrm.Web.Search.SearchService.Candidate;

namespace CourierCrm.Web.Search;

/// <summary>
/// Customer and contact names containing the query. SQLite: the "CustomerSearch" FTS5 trigram
/// table (created in the Foundation migration, kept in sync by triggers); PostgreSQL: ILIKE over pg_trgm
/// GIN indexes. One or two characters are too short for trigrams and fall back to a scan that
/// stops after <c>limit</c> rows.
/// </summary>
internal static class SearchNames
{
    /// <summary>A row of the FTS table: rowid is customer id × 2 for a customer's name, contact id × 2 + 1 for a contact's.</summary>
    internal sealed class NameRow
    {
        public long RowId { get; set; }
        public int CustomerId { get; set; }
        public string Name { get; set; } = "";
    }

    public static async Task<List<Candidate>> FindAsync(CrmDbContext db, Viewer viewer, string text, int limit, CancellationToken ct)
    {
        if (db.IsSqlite && text.Length >= SearchQuery.MinIndexedNameLength)
            return await TrigramAsync(db, viewer, text, limit, ct);
        return db.IsSqlite ? await ScanAsync(db, viewer, text, limit, ct) : await ILikeAsync(db, viewer, text, limit, ct);
    }

    private static async Task<List<Candidate>> TrigramAsync(CrmDbContext db, Viewer viewer, string text, int limit, CancellationToken ct)
    {
        // Names that start with the query come from the name index (a range, not a scan) and rank first.
        var prefixed = await StartingWithAsync(db, viewer, text, limit, ct);
        // A quoted FTS5 phrase matches the text as a substring with the trigram tokenizer; quotes inside are doubled.
        // No ORDER BY: a common piece ("有限公") matches tens of thousands of names, and sorting them all
        // before taking a page cost seconds; the first matches in scope are streamed and ranked in memory.
        var phrase = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var names = db.Database.SqlQuery<NameRow>(
            $"""SELECT rowid AS "RowId", "CustomerId", "Name" FROM "CustomerSearch" WHERE "CustomerSearch" MATCH {phrase}""");
        var rows = await (
            from n in names
            join c in db.Customers.AsNoTracking().VisibleTo(viewer) on n.CustomerId equals c.Id
            select new { c.Id, c.Code, c.Name, c.Type, c.Phone, IsContact = n.RowId % 2 == 1, Matched = n.Name })
            .Take(limit * 2).ToListAsync(ct);
        return prefixed
            .Concat(rows.Select(r => Candidate(r.Id, r.Code, r.Name, r.Type, r.Phone, r.IsContact ? r.Matched : null, text)))
            .ToList();
    }

    /// <summary>Customers whose name starts with the text, by an index range on Name (SQLite turns StartsWith into a scanning LIKE).</summary>
    private static async Task<List<Candidate>> StartingWithAsync(CrmDbContext db, Viewer viewer, string text, int limit, CancellationToken ct)
    {
        var upper = text + '\uffff';
        var rows = await db.Customers.AsNoTracking().VisibleTo(viewer)
            .Where(c => string.Compare(c.Name, text) >= 0 && string.Compare(c.Name, upper) < 0)
            .OrderBy(c => c.Name).Take(limit)
            .Select(c => new { c.Id, c.Code, c.Name, c.Type, c.Phone }).ToListAsync(ct);
        return rows.Select(r => Candidate(r.Id, r.Code, r.Name, r.Type, r.Phone, null, text)).ToList();
    }

    private static async Task<List<Candidate>> ScanAsync(CrmDbContext db, Viewer viewer, string text, int limit, CancellationToken ct)
    {
        var prefixed = await StartingWithAsync(db, viewer, text, limit, ct);
        var customers = db.Customers.AsNoTracking().VisibleTo(viewer);
        var own = await customers.Where(c => c.Name.Contains(text)).Take(limit)
            .Select(c => new { c.Id, c.Code, c.Name, c.Type, c.Phone }).ToListAsync(ct);
        var contacts = await (
            from x in db.Contacts.AsNoTracking()
            where x.Name.Contains(text)
            join c in customers on x.CustomerId equals c.Id
            select new { c.Id, c.Code, c.Name, c.Type, c.Phone, Contact = x.Name })
            .Take(limit).ToListAsync(ct);
        return prefixed
            .Concat(own.Select(r => Candidate(r.Id, r.Code, r.Name, r.Type, r.Phone, null, text)))
            .Concat(contacts.Select(r => Candidate(r.Id, r.Code, r.Name, r.Type, r.Phone, r.Contact, text)))
            .ToList();
    }

    private static async Task<List<Candidate>> ILikeAsync(CrmDbContext db, Viewer viewer, string text, int limit, CancellationToken ct)
    {
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        var contains = "%" + escaped + "%";
        var starts = escaped + "%";
        var customers = db.Customers.AsNoTracking().VisibleTo(viewer);
        var own = await customers.Where(c => EF.Functions.ILike(c.Name, contains))
            .OrderBy(c => EF.Functions.ILike(c.Name, starts) ? 0 : 1).ThenBy(c => c.Name).Take(limit)
            .Select(c => new { c.Id, c.Code, c.Name, c.Type, c.Phone }).ToListAsync(ct);
        var contacts = await (
            from x in db.Contacts.AsNoTracking()
            where EF.Functions.ILike(x.Name, contains)
            join c in customers on x.CustomerId equals c.Id
            orderby EF.Functions.ILike(x.Name, starts) ? 0 : 1, x.Name
            select new { c.Id, c.Code, c.Name, c.Type, c.Phone, Contact = x.Name })
            .Take(limit).ToListAsync(ct);
        return own.Select(r => Candidate(r.Id, r.Code, r.Name, r.Type, r.Phone, null, text))
            .Concat(contacts.Select(r => Candidate(r.Id, r.Code, r.Name, r.Type, r.Phone, r.Contact, text)))
            .ToList();
    }

    /// <summary>A name match: a name that starts with the query ranks above one that only contains it.</summary>
    private static Candidate Candidate(int id, string code, string name, Domain.Customers.CustomerType type, string? phone,
        string? contactName, string text)
    {
        var matchedName = contactName ?? name;
        var prefix = matchedName.StartsWith(text, StringComparison.OrdinalIgnoreCase);
        var match = contactName is null
            ? prefix ? SearchMatch.NamePrefix : SearchMatch.Name
            : prefix ? SearchMatch.ContactNamePrefix : SearchMatch.ContactName;
        // The value shown for a name match is what was searched; a contact's name is shown (masked) as the match.
        return new Candidate(id, code, name, type, phone, match, contactName ?? text, contactName);
    }
}
