using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Privacy;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Customers;

/// <summary>Reads of the customer archive, always through the viewer's data scope and masking.</summary>
public sealed class CustomerQueries(IDbContextFactory<CrmDbContext> dbFactory)
{
    public static readonly string[] SortFields = ["name", "code", "createdAt", "updatedAt", PredictedValueSort];

    /// <summary>Sort by predicted lifetime value (CustomerClassifications.PredictedValueFen): highest first unless direction=Asc.</summary>
    public const string PredictedValueSort = "predictedValue";

    /// <summary>The list's direction: as asked, else ascending, except the predicted value which ranks highest first.</summary>
    public static bool Descending(CustomerListQuery q) =>
        q.Direction == SortDirection.Desc || (q.Direction is null && q.Sort == PredictedValueSort);

    /// <summary>
    /// One page of the filtered list. Counted only when the caller does not know the total yet, and
    /// read by the sort's index from whichever end of the list is nearer (PageWindow), so a deep page
    /// costs what the first does.
    /// </summary>
    public async Task<PagedResult<CustomerListItem>> ListAsync(Viewer viewer, CustomerListQuery q, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await MatchingAsync(db, viewer, q, ct);
        var size = PageLimits.Size(q.PageSize);
        var page = PageLimits.Number(q.Page);
        var known = q.KnownTotal is >= 0;
        var total = known ? q.KnownTotal!.Value : await query.CountAsync(ct);
        var window = PageWindow.Of(total, page, size);
        var items = await PageAsync(db, viewer, query, q, window, ct);
        if (known && items.Count != window.Take)
        {
            // The page came back short: the remembered total is out of date (customers deleted since) or wrong.
            total = await query.CountAsync(ct);
            window = PageWindow.Of(total, page, size);
            items = await PageAsync(db, viewer, query, q, window, ct);
        }
        return new PagedResult<CustomerListItem>(items, total, page, size);
    }

    private static async Task<List<CustomerListItem>> PageAsync(CrmDbContext db, Viewer viewer, IQueryable<Customer> query,
        CustomerListQuery q, PageWindow window, CancellationToken ct)
    {
        if (window.Take == 0) return [];
        var descending = Descending(q);
        var rows = await RowsAsync(db, viewer, Order(db, query, q.Sort, window.FromEnd ? !descending : descending), window.Skip, window.Take, ct);
        if (window.FromEnd) rows.Reverse();
        return rows;
    }

    /// <summary>
    /// The first <paramref name="max"/> rows of the filtered list in the list's order, masked like the list,
    /// and how many match in all: what an export writes.
    /// </summary>
    public async Task<(IReadOnlyList<CustomerListItem> Items, int Total)> ExportRowsAsync(Viewer viewer, CustomerListQuery q, int max, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await MatchingAsync(db, viewer, q, ct);
        var total = await query.CountAsync(ct);
        return (await RowsAsync(db, viewer, Order(db, query, q.Sort, Descending(q)), 0, max, ct), total);
    }

    /// <summary>The list's filters checked, the segment included: it must be one the viewer may use and still readable.</summary>
    public async Task<Platform.Validation.ValidationErrors> ValidateAsync(Viewer viewer, CustomerListQuery q, CancellationToken ct)
    {
        var errors = CustomerListValidation.Check(q);
        if (q.Segment is > 0 and var id)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (_, _, problem) = await Segmentation.Segments.SegmentFilters.ReadAsync(db, viewer, id, ct);
            if (problem is not null) errors.Add("segment", problem);
        }
        return errors;
    }

    /// <summary>
    /// The viewer's customers the filters match, with the saved segment's filter (segment=id) applied
    /// as well. A segment the viewer may not see, or whose filter no longer reads, matches nobody: the
    /// API checks it first (<see cref="CustomerListValidation"/>) and says why.
    /// </summary>
    public static async Task<IQueryable<Customer>> MatchingAsync(CrmDbContext db, Viewer viewer, CustomerListQuery q, CancellationToken ct)
    {
        var query = Filter(db, db.Customers.AsNoTracking().VisibleTo(viewer), q);
        if (q.Segment is not { } id) return query;
        var segment = await Segmentation.Segments.SegmentFilters.ReadAsync(db, viewer, id, ct);
        return segment.Filter is { } filter ? Filter(db, query, filter) : query.Where(c => false);
    }

    /// <summary>The tags used on customers the viewer can see, most used first, for the list's tag filter.</summary>
    public async Task<IReadOnlyList<string>> TagsAsync(Viewer viewer, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Customers.VisibleTo(viewer).Select(c => c.Id);
        return await db.CustomerTags.Where(t => visible.Contains(t.CustomerId))
            .GroupBy(t => t.Tag).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key).Take(100).ToListAsync(ct);
    }

    /// <summary>
    /// The list's order. Every order ends in the unique Id (or is the unique Code), so it is total: a
    /// page read backwards from the end holds exactly the rows the forward read has there. Each
    /// order has an index: (Name, Id), Code, (CreatedAt, Id), (UpdatedAt, Id), and per scope
    /// (OwnerId | OutletId | RegionId, Name, Id).
    /// </summary>
    internal static IQueryable<Customer> Order(CrmDbContext db, IQueryable<Customer> query, string? sort, bool desc) =>
        sort == PredictedValueSort ? ByPredictedValue(db, query, desc, null) : Order(query, sort, desc);

    /// <summary>
    /// Ordered by predicted lifetime value, then Id. Customers without a value (never classified, or
    /// the run computed none) come after all valued ones when descending and before them ascending,
    /// on both databases (SQLite and PostgreSQL place NULLs differently), so a page read backwards
    /// is exactly the reverse. <paramref name="after"/> starts after that row (export batches).
    /// </summary>
    internal static IQueryable<Customer> ByPredictedValue(CrmDbContext db, IQueryable<Customer> query, bool desc, (long? Value, int Id)? after)
    {
        var joined = from c in query
                     join k in db.CustomerClassifications on c.Id equals k.CustomerId into ks
                     from k in ks.DefaultIfEmpty()
                     select new { c, Value = k == null ? null : k.PredictedValueFen };
        if (after is { } last)
        {
            var (value, id) = (last.Value, last.Id);
            joined = (desc, value is null) switch
            {
                (true, true) => joined.Where(x => x.Value == null && x.c.Id < id),
                (true, false) => joined.Where(x => x.Value == null || x.Value < value || (x.Value == value && x.c.Id < id)),
                (false, true) => joined.Where(x => x.Value != null || x.c.Id > id),
                (false, false) => joined.Where(x => x.Value != null && (x.Value > value || (x.Value == value && x.c.Id > id))),
            };
        }
        var ordered = desc
            ? joined.OrderByDescending(x => x.Value != null).ThenByDescending(x => x.Value).ThenByDescending(x => x.c.Id)
            : joined.OrderBy(x => x.Value != null).ThenBy(x => x.Value).ThenBy(x => x.c.Id);
        return ordered.Select(x => x.c);
    }

    internal static IQueryable<Customer> Order(IQueryable<Customer> query, string? sort, bool desc) =>
        (sort ?? "name") switch
        {
            "code" => desc ? query.OrderByDescending(c => c.Code) : query.OrderBy(c => c.Code),
            "createdAt" => desc ? query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id) : query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
            "updatedAt" => desc ? query.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id) : query.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id),
            _ => desc ? query.OrderByDescending(c => c.Name).ThenByDescending(c => c.Id) : query.OrderBy(c => c.Name).ThenBy(c => c.Id),
        };

    private static async Task<List<CustomerListItem>> RowsAsync(CrmDbContext db, Viewer viewer, IQueryable<Customer> ordered, int skip, int take, CancellationToken ct)
    {
        var rows = await ordered
            .Skip(skip).Take(take)
            .Select(c => new
            {
                c.Id, c.Code, c.Name, c.Type, c.MarketType, c.Lifecycle, c.Phone, c.CreatedAt, c.UpdatedAt,
                OwnerName = db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                OutletName = db.Outlets.Where(o => o.Id == c.OutletId).Select(o => o.Name).FirstOrDefault(),
                // The classes column: a primary-key lookup per row of the page, never a join over the list.
                Abc = db.CustomerClassifications.Where(k => k.CustomerId == c.Id).Select(k => k.Abc).FirstOrDefault(),
                Pyramid = db.CustomerClassifications.Where(k => k.CustomerId == c.Id).Select(k => k.Pyramid).FirstOrDefault(),
                PredictedValueFen = db.CustomerClassifications.Where(k => k.CustomerId == c.Id).Select(k => k.PredictedValueFen).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var mask = CustomerMasking.Masks(viewer);
        return rows.Select(r => new CustomerListItem(
            r.Id, r.Code, CustomerMasking.Name(r.Name, r.Type, mask), r.Type, r.MarketType, r.Lifecycle,
            mask ? PersonalDataMask.Phone(r.Phone) : r.Phone, r.OwnerName, r.OutletName ?? "", r.UpdatedAt, mask)
        { CreatedAt = r.CreatedAt, Abc = r.Abc, Pyramid = r.Pyramid, PredictedValueFen = r.PredictedValueFen }).ToList();
    }

    /// <summary>Applies the list filters; the search box matches name, contact name, code or phone digits.</summary>
    internal static IQueryable<Customer> Filter(CrmDbContext db, IQueryable<Customer> query, CustomerListQuery q)
    {
        if (q.Type is { } type) query = query.Where(c => c.Type == type);
        if (q.Nature is { } nature) query = query.Where(c => c.Nature == nature);
        if (q.MarketType is { } market) query = query.Where(c => c.MarketType == market);
        if (q.SpecialisedMarket is { } specialised) query = query.Where(c => c.SpecialisedMarket == specialised);
        if (q.BusinessRelation is { } relation) query = query.Where(c => c.BusinessRelation == relation);
        if (q.Lifecycle is { } lifecycle) query = query.Where(c => c.Lifecycle == lifecycle);
        if (q.OutletId is { } outlet) query = query.Where(c => c.OutletId == outlet);
        if (q.OwnerId is { } owner) query = query.Where(c => c.OwnerId == owner);
        if (q.Unassigned == true) query = query.Where(c => c.OwnerId == null);
        query = ByClass(db, query, q);
        if (!string.IsNullOrWhiteSpace(q.Tag))
        {
            var tag = q.Tag.Trim();
            query = query.Where(c => db.CustomerTags.Any(t => t.CustomerId == c.Id && t.Tag == tag));
        }
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var text = q.Search.Trim();
            var digits = PhoneNumber.Digits(text);
            if (digits is { Length: >= 3 } && LooksLikePhone(text))
            {
                // Prefix by index range: SQLite turns StartsWith into a scanning LIKE (DESIGN.md "Scale").
                var upper = digits + "~";
                query = query.Where(c =>
                    (string.Compare(c.PhoneDigits, digits) >= 0 && string.Compare(c.PhoneDigits, upper) < 0)
                    || db.Contacts.Any(x => x.CustomerId == c.Id && string.Compare(x.PhoneDigits, digits) >= 0 && string.Compare(x.PhoneDigits, upper) < 0)
                    || c.Code == text);
            }
            else
            {
                query = query.Where(c => c.Name.Contains(text) || c.Code == text
                    || db.Contacts.Any(x => x.CustomerId == c.Id && x.Name.Contains(text)));
            }
        }
        return query;
    }

    /// <summary>
    /// The class filters, all in one EXISTS on the customer's current classes row (its primary key is
    /// the customer id); unclassified = no row or no ABC class yet.
    /// </summary>
    private static IQueryable<Customer> ByClass(CrmDbContext db, IQueryable<Customer> query, CustomerListQuery q)
    {
        if (q.Unclassified == true)
            query = query.Where(c => !db.CustomerClassifications.Any(k => k.CustomerId == c.Id && k.Abc != null));
        if (q is { Abc: null, Pyramid: null, KeyAccount: null, RfmR: null, RfmF: null, RfmM: null, Quadrant: null }) return query;
        var classes = db.CustomerClassifications.AsQueryable();
        if (q.Abc is { } abc) classes = classes.Where(k => k.Abc == abc);
        if (q.Pyramid is { } pyramid) classes = classes.Where(k => k.Pyramid == pyramid);
        if (q.KeyAccount is { } key) classes = classes.Where(k => k.KeyAccount == key);
        if (q.RfmR is { } r) classes = classes.Where(k => k.RfmR == r);
        if (q.RfmF is { } f) classes = classes.Where(k => k.RfmF == f);
        if (q.RfmM is { } m) classes = classes.Where(k => k.RfmM == m);
        if (q.Quadrant is { } quadrant) classes = classes.Where(k => k.Quadrant == quadrant);
        return query.Where(c => classes.Any(k => k.CustomerId == c.Id));
    }

    private static bool LooksLikePhone(string text) => text.All(ch => char.IsDigit(ch) || ch is ' ' or '-' or '+' or '(' or ')');

    public async Task<CustomerDetail?> GetAsync(Viewer viewer, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Customers.AsNoTracking().VisibleTo(viewer)
            .Include(x => x.Contacts).Include(x => x.Addresses).Include(x => x.Tags)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var ownerName = c.OwnerId is int o ? await db.Users.Where(u => u.Id == o).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) : null;
        var outletName = await db.Outlets.Where(x => x.Id == c.OutletId).Select(x => x.Name).SingleAsync(ct);
        var mask = CustomerMasking.Masks(viewer);
        return new CustomerDetail
        {
            Id = c.Id, Code = c.Code, Name = CustomerMasking.Name(c.Name, c.Type, mask), IsMasked = mask,
            OwnerId = c.OwnerId, OwnerName = ownerName, OutletId = c.OutletId, OutletName = outletName,
            CreatedAt = c.CreatedAt, UpdatedAt = c.UpdatedAt,
            Completeness = ArchiveCompleteness.Of(c),
            Archive = CustomerMasking.Archive(c, mask),
        };
    }

    /// <summary>The 360 timeline: archive events and notes, newest first.</summary>
    public async Task<PagedResult<TimelineEntry>> TimelineAsync(Viewer viewer, int id, int? page, int? pageSize, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Customers.VisibleTo(viewer).AnyAsync(c => c.Id == id, ct))
            return new PagedResult<TimelineEntry>([], 0, 1, PageLimits.Size(pageSize));
        var size = PageLimits.Size(pageSize);
        var number = PageLimits.Number(page);
        var events = db.CustomerEvents.Where(e => e.CustomerId == id);
        var total = await events.CountAsync(ct);
        var items = await events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(e => new TimelineEntry(e.Id, e.At, e.Kind, e.Title, e.Detail, e.ActorName))
            .ToListAsync(ct);
        return new PagedResult<TimelineEntry>(items, total, number, size);
    }

    /// <summary>
    /// Customers that may be the same as the one being entered: same phone anywhere, or similar
    /// name and address. Matches outside the viewer's scope are reported without their details.
    /// </summary>
    public async Task<IReadOnlyList<DuplicateWarning>> FindDuplicatesAsync(Viewer viewer, CustomerInput input, int? excludeId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var phones = new[] { input.Phone }.Concat(input.Contacts.Select(c => c.Phone))
            .Select(PhoneNumber.Digits).Where(d => d is { Length: >= 7 }).Distinct().ToList();
        var core = DuplicateMatcher.NormaliseName(input.Name ?? "");
        var probe = core.Length >= 2 ? core[..Math.Min(4, core.Length)] : null;

        var ids = await db.Customers.AsNoTracking()
            .Where(c => (c.PhoneDigits != null && phones.Contains(c.PhoneDigits))
                        || db.Contacts.Any(x => x.CustomerId == c.Id && x.PhoneDigits != null && phones.Contains(x.PhoneDigits))
                        || (probe != null && c.Name.Contains(probe)))
            .OrderBy(c => c.Id).Select(c => c.Id).Take(200).ToListAsync(ct);
        if (ids.Count == 0) return [];

        var rows = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Include(c => c.Addresses).Include(c => c.Contacts).AsSplitQuery().ToListAsync(ct);
        var candidates = rows.SelectMany(c => Candidates(c)).ToList();
        var address = input.Addresses.FirstOrDefault(a => a.IsDefault) ?? input.Addresses.FirstOrDefault();
        var probeCandidate = new DuplicateCandidate(excludeId, input.Name ?? "", PhoneNumber.Digits(input.Phone),
            address is null ? null : PersonalDataMask.FullAddress(address.Province, address.City, address.District, address.Street, null));
        var matches = DuplicateMatcher.Find(probeCandidate, candidates).ToList();
        // Every phone of the new record (its own and its contacts') is checked against every stored phone.
        foreach (var phone in phones)
            matches.AddRange(DuplicateMatcher.Find(new DuplicateCandidate(excludeId, "", phone, null), candidates).Where(m => m.Reason == DuplicateReason.SamePhone));

        var visible = DataScopeRule.Visible<Customer>(viewer).Compile();
        var mask = CustomerMasking.Masks(viewer);
        var byId = rows.ToDictionary(r => r.Id);
        return matches
            .GroupBy(m => m.Id).Select(g => g.OrderByDescending(m => m.Score).First())
            .OrderByDescending(m => m.Score).Take(10)
            .Select(m =>
            {
                var c = byId[m.Id];
                var inScope = visible(c);
                return new DuplicateWarning(inScope ? c.Id : null, c.Code,
                    inScope ? CustomerMasking.Name(c.Name, c.Type, mask) : PersonalDataMask.PersonName(c.Name) ?? "",
                    m.Reason, m.Score, inScope);
            })
            .ToList();
    }

    private static IEnumerable<DuplicateCandidate> Candidates(Customer c)
    {
        var a = c.Addresses.FirstOrDefault(x => x.IsDefault) ?? c.Addresses.FirstOrDefault();
        var address = a is null ? null : PersonalDataMask.FullAddress(a.Province, a.City, a.District, a.Street, null);
        yield return new DuplicateCandidate(c.Id, c.Name, c.PhoneDigits, address);
        foreach (var contact in c.Contacts.Where(x => x.PhoneDigits is not null && x.PhoneDigits != c.PhoneDigits))
            yield return new DuplicateCandidate(c.Id, c.Name, contact.PhoneDigits, address);
    }
}

public sealed record TimelineEntry(long Id, DateTimeOffset At, string Kind, string Title, string? Detail, string? ActorName);

/// <summary>A possible duplicate. Id and details are given only when the customer is in the viewer's scope.</summary>
public sealed record DuplicateWarning(int? Id, string Code, string Name, DuplicateReason Reason, double Score, bool InScope);
