using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Imports;

/// <summary>
/// The customers a batch of imported waybills names, among those the importer may see: by customer
/// code, by monthly account number, by the sender's phone (the archive's or a contact's). Two
/// customers sharing an account or phone: the older one, as the push API decides. Each list goes to the
/// database as one parameter (JSON on SQLite, an array on PostgreSQL): thousands of values per batch
/// would otherwise make thousands of parameters and a new SQL text per batch size.
/// </summary>
public sealed class CustomerMatch
{
    private readonly Dictionary<string, int> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byPhone = new(StringComparer.Ordinal);

    public static async Task<CustomerMatch> LoadAsync(CrmDbContext db, Viewer owner, IReadOnlyList<Waybill> waybills, CancellationToken ct)
    {
        var match = new CustomerMatch();
        var visible = db.Customers.VisibleTo(owner);
        var codes = waybills.Select(w => w.CustomerCode).OfType<string>().Distinct().ToList();
        if (codes.Count > 0)
            foreach (var c in await visible.Where(c => EF.Parameter(codes).Contains(c.Code)).Select(c => new { c.Id, c.Code }).ToListAsync(ct))
                match._byCode[c.Code] = c.Id;
        var accounts = waybills.Where(w => w.CustomerCode is null || !match._byCode.ContainsKey(w.CustomerCode))
            .Select(w => w.MonthlyAccountNo).OfType<string>().Distinct().ToList();
        if (accounts.Count > 0)
            foreach (var c in await visible.Where(c => c.MonthlyAccountNo != null && EF.Parameter(accounts).Contains(c.MonthlyAccountNo))
                         .OrderBy(c => c.Id).Select(c => new { c.Id, c.MonthlyAccountNo }).ToListAsync(ct))
                match._byAccount.TryAdd(c.MonthlyAccountNo!, c.Id);
        var phones = waybills.Where(w => match.ByKeys(w) is null)
            .Select(w => PhoneNumber.Digits(w.SenderPhone)).OfType<string>().Where(d => d.Length >= 7).Distinct().ToList();
        if (phones.Count > 0)
        {
            var own = await visible.Where(c => c.PhoneDigits != null && EF.Parameter(phones).Contains(c.PhoneDigits))
                .Select(c => new { c.Id, Digits = c.PhoneDigits! }).ToListAsync(ct);
            var contacts = await db.Contacts.Where(x => x.PhoneDigits != null && EF.Parameter(phones).Contains(x.PhoneDigits))
                .Join(visible, x => x.CustomerId, c => c.Id, (x, c) => new { c.Id, Digits = x.PhoneDigits! }).ToListAsync(ct);
            foreach (var c in own.Concat(contacts).OrderBy(c => c.Id)) match._byPhone.TryAdd(c.Digits, c.Id);
        }
        return match;
    }

    public int? Find(Waybill w) =>
        ByKeys(w) ?? (PhoneNumber.Digits(w.SenderPhone) is { } digits && _byPhone.TryGetValue(digits, out var p) ? p : null);

    private int? ByKeys(Waybill w) =>
        w.CustomerCode is { } code && _byCode.TryGetValue(code, out var c) ? c
        : w.MonthlyAccountNo is { } account && _byAccount.TryGetValue(account, out var a) ? a
        : null;
}
