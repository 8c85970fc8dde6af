using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Privacy;
using CourierCrm.Web.Customers;
using Microsoft.Extensions.Localization;

namespace CourierCrm.Web.Search;

/// <summary>
/// The one search box (issue 3 §5): every kind of number or name a caller gives, each looked up
/// by an index, only among customers in the viewer's data scope, masked as the archive is. The
/// lookups run as one statement (<see cref="SearchStatement"/>); ranking and masking happen here.
/// </summary>
public sealed class SearchService(SearchConnections connections, IStringLocalizer<SearchTexts> texts)
{
    /// <summary>A customer row as found by one lookup, before ranking and masking.</summary>
    internal sealed record Candidate(int Id, string Code, string Name, CustomerType Type, string? Phone,
        SearchMatch Match, string? Value, string? ContactName = null);

    public async Task<SearchResult> SearchAsync(Viewer viewer, string q, int limit, CancellationToken ct)
    {
        var query = SearchQuery.Parse(q);
        limit = Math.Clamp(limit, 1, SearchQuery.MaxLimit);
        if (query is null) return new SearchResult("", [], null);

        var statement = new SearchStatement(viewer);
        if (query.IsToken) statement.ExactTokens(query);
        if (query.IsPhonePrefix) statement.Phones(query, limit);
        // One or two digits are too few for a phone; they may still be part of a name.
        else if (!connections.IsSqlite) statement.NamesByILike(query.Text, limit);
        else
        {
            // Names that start with the query come from the name index (a range, not a scan) and rank first.
            statement.NamesStartingWith(query.Text, limit);
            if (query.Text.Length >= SearchQuery.MinIndexedNameLength) statement.NamesByTrigram(query.Text, limit);
            else statement.NamesByScan(query.Text, limit);
        }
        var found = await ReadAsync(statement, query.Text, ct);

        var mask = CustomerMasking.Masks(viewer);
        var hits = found
            .GroupBy(c => c.Id)
            .Select(g => g.OrderBy(c => c.Match).First())
            .OrderBy(c => c.Match)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(c => ToHit(c, query, mask))
            .ToList();
        // Hits are one per customer, so one exact hit means one customer answers the number.
        var exact = hits.Where(h => h.IsExact).ToList();
        return new SearchResult(query.Text, hits, exact.Count == 1 ? exact[0].CustomerId : null);
    }

    /// <summary>Runs the statement on a session of its own (compiled there before when its shape was) and reads the rows as they come.</summary>
    private async Task<List<Candidate>> ReadAsync(SearchStatement statement, string text, CancellationToken ct)
    {
        var session = await connections.RentAsync(ct);
        var found = new List<Candidate>();
        try
        {
            var command = session.Command(statement.Sql, statement.Values);
            await using (var rows = await command.ExecuteReaderAsync(ct))
                while (await rows.ReadAsync(ct))
                {
                    var match = (SearchMatch)rows.GetInt32(5);
                    var candidate = new Candidate(rows.GetInt32(0), rows.GetString(1), rows.GetString(2), Enum.Parse<CustomerType>(rows.GetString(3)),
                        rows.IsDBNull(4) ? null : rows.GetString(4), match, rows.IsDBNull(6) ? null : rows.GetString(6), rows.IsDBNull(7) ? null : rows.GetString(7));
                    found.Add(match is SearchMatch.Name or SearchMatch.ContactName ? ByName(candidate, text) : candidate);
                }
            if (SearchConnections.Diagnostics.IsEnabled(SearchConnections.CommandExecuted))
                SearchConnections.Diagnostics.Write(SearchConnections.CommandExecuted, command);
        }
        catch (Exception e) when (ct.IsCancellationRequested && e is not OperationCanceledException)
        {
            // SQLite answers a cancelled command with "interrupted" (a SqliteException): callers such as the search
            // box cancel the search a newer keystroke or Enter supersedes and expect a cancellation, not a failure.
            session.Dispose();
            throw new OperationCanceledException("The search was cancelled.", e, ct);
        }
        catch
        {
            // A failed or cancelled search may leave its connection in any state: it is closed, not reused.
            session.Dispose();
            throw;
        }
        connections.Return(session);
        return found;
    }

    /// <summary>A name match: a name that starts with the query ranks above one that only contains it.</summary>
    private static Candidate ByName(Candidate c, string text)
    {
        var matchedName = c.ContactName ?? c.Name;
        var prefix = matchedName.StartsWith(text, StringComparison.OrdinalIgnoreCase);
        var match = c.ContactName is null
            ? prefix ? SearchMatch.NamePrefix : SearchMatch.Name
            : prefix ? SearchMatch.ContactNamePrefix : SearchMatch.ContactName;
        // The value shown for a name match is what was searched; a contact's name is shown (masked) as the match.
        return c with { Match = match, Value = c.ContactName ?? text };
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
