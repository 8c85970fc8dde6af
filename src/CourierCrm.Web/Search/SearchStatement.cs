using System.Globalization;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Platform.Auth;

namespace CourierCrm.Web.Search;

/// <summary>
/// The whole search as ONE SQL statement: every lookup a query needs (waybill, monthly account, code,
/// phones by their last four digits or their start, names) is a bounded part of a UNION ALL, each
/// part driven by its own index and filtered by the viewer's data scope. One statement on one
/// connection per search: a request used to run up to seven EF queries, each opening the pooled
/// connection again, and that per-query work cost more than the lookups themselves.
/// </summary>
/// <remarks>
/// Each part answers the same columns: the customer (Id, Code, Name, Type, Phone), why it matched
/// (a <see cref="SearchMatch"/> number; names are refined to prefix or substring in memory), the
/// matching value and a contact's name. Values are parameters (<c>@p0</c>…), never SQL text.
/// </remarks>
internal sealed class SearchStatement
{
    /// <summary>Exact lookups (waybill, account, code) take at most this many rows each: they name one customer.</summary>
    private const int ExactRows = 5;

    private const string CustomerColumns = """c."Id", c."Code", c."Name", c."Type", c."Phone" """;
    private readonly List<string> _parts = [];
    private readonly List<object> _values = [];
    private readonly string _scope;

    public SearchStatement(Viewer viewer)
    {
        var scope = DataScopeSql.For(viewer, "c");
        _scope = scope.Value is int value ? scope.With(Value(value)) : scope.Sql;
    }

    public string Sql => string.Join("\nUNION ALL\n", _parts);

    /// <summary>Waybill number, monthly account and customer code: exact, by their unique or plain indexes, as typed or in capitals.</summary>
    public void ExactTokens(SearchQuery query)
    {
        // Numbers are printed in capitals ("SF1234…") but often typed in lower case. Typed in capitals
        // (or digits only) there is one value: "= @p0 OR = @p0" would still cost SQLite a second probe.
        var text = Value(query.Text);
        var upper = query.Text.ToUpperInvariant();
        string Is(string column) => upper == query.Text ? $"{column} = {text}" : $"({column} = {text} OR {column} = {Value(upper)})";
        if (query.MayBeWaybill)
            // Joined to customers in scope: a waybill is visible through its sending customer (WaybillScope), and
            // one not matched to a customer yet has no customer to find.
            Part($"""
                SELECT {CustomerColumns}, {(int)SearchMatch.Waybill} AS "Match", w."Number" AS "Value", CAST(NULL AS TEXT) AS "Contact"
                FROM "Waybills" AS w JOIN "Customers" AS c ON c."Id" = w."CustomerId"
                WHERE {Is("w.\"Number\"")} AND {_scope} LIMIT {ExactRows}
                """);
        Part($"""
            SELECT {CustomerColumns}, {(int)SearchMatch.MonthlyAccount} AS "Match", c."MonthlyAccountNo" AS "Value", CAST(NULL AS TEXT) AS "Contact"
            FROM "Customers" AS c WHERE {Is("c.\"MonthlyAccountNo\"")} AND {_scope} LIMIT {ExactRows}
            """);
        Part($"""
            SELECT {CustomerColumns}, {(int)SearchMatch.Code} AS "Match", c."Code" AS "Value", CAST(NULL AS TEXT) AS "Contact"
            FROM "Customers" AS c WHERE {Is("c.\"Code\"")} AND {_scope} LIMIT {ExactRows}
            """);
    }

    /// <summary>
    /// Phones of customers and their contacts: the last four digits by their own index, and the start
    /// of a number (a whole number is its own start) by an index range — SQLite would scan for LIKE
    /// (DESIGN.md "Scale").
    /// </summary>
    public void Phones(SearchQuery query, int limit)
    {
        var digits = Value(query.PhoneDigits!);
        var end = Value(query.PhoneDigits + "~");
        var take = Value(limit);
        if (query.IsLastFour)
        {
            // No ORDER BY here: sorting by name would tempt the planner onto a (scope, Name) index
            // instead of the PhoneLast4 one; hits are ranked in memory afterwards.
            Part($"""
                SELECT {CustomerColumns}, {(int)SearchMatch.PhoneLastFour} AS "Match", c."Phone" AS "Value", CAST(NULL AS TEXT) AS "Contact"
                FROM "Customers" AS c WHERE c."PhoneLast4" = {digits} AND {_scope} LIMIT {take}
                """);
            Part($"""
                SELECT {CustomerColumns}, {(int)SearchMatch.ContactPhoneLastFour} AS "Match", x."Phone" AS "Value", x."Name" AS "Contact"
                FROM "Contacts" AS x JOIN "Customers" AS c ON c."Id" = x."CustomerId"
                WHERE x."PhoneLast4" = {digits} AND {_scope} LIMIT {take}
                """);
        }
        Part($"""
            SELECT {CustomerColumns},
                CASE WHEN c."PhoneDigits" = {digits} THEN {(int)SearchMatch.Phone} ELSE {(int)SearchMatch.PhonePrefix} END AS "Match",
                c."Phone" AS "Value", CAST(NULL AS TEXT) AS "Contact"
            FROM "Customers" AS c WHERE c."PhoneDigits" >= {digits} AND c."PhoneDigits" < {end} AND {_scope}
            ORDER BY c."PhoneDigits" LIMIT {take}
            """);
        Part($"""
            SELECT {CustomerColumns},
                CASE WHEN x."PhoneDigits" = {digits} THEN {(int)SearchMatch.ContactPhone} ELSE {(int)SearchMatch.ContactPhonePrefix} END AS "Match",
                x."Phone" AS "Value", x."Name" AS "Contact"
            FROM "Contacts" AS x JOIN "Customers" AS c ON c."Id" = x."CustomerId"
            WHERE x."PhoneDigits" >= {digits} AND x."PhoneDigits" < {end} AND {_scope}
            ORDER BY x."PhoneDigits" LIMIT {take}
            """);
    }

    /// <summary>Customers whose name starts with the text, by an index range on Name (SQLite turns a prefix LIKE into a scan).</summary>
    public void NamesStartingWith(string text, int limit)
    {
        Part($"""
            SELECT {CustomerColumns}, {(int)SearchMatch.Name} AS "Match", CAST(NULL AS TEXT) AS "Value", CAST(NULL AS TEXT) AS "Contact"
            FROM "Customers" AS c WHERE c."Name" >= {Value(text)} AND c."Name" < {Value(text + '\uffff')} AND {_scope}
            ORDER BY c."Name" LIMIT {Value(limit)}
            """);
    }

    /// <summary>
    /// SQLite, three characters or more: the "CustomerSearch" FTS5 trigram table (rowid is customer id × 2
    /// for a customer's name, contact id × 2 + 1 for a contact's). A quoted phrase matches the text as a
    /// substring; quotes inside are doubled. No ORDER BY: a common piece ("有限公") matches tens of thousands
    /// of names, and sorting them all before taking a page cost seconds; the first matches in scope are
    /// streamed and ranked in memory.
    /// </summary>
    public void NamesByTrigram(string text, int limit)
    {
        var phrase = Value("\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
        Part($"""
            SELECT {CustomerColumns},
                CASE WHEN n."RowId" % 2 = 1 THEN {(int)SearchMatch.ContactName} ELSE {(int)SearchMatch.Name} END AS "Match",
                CAST(NULL AS TEXT) AS "Value", CASE WHEN n."RowId" % 2 = 1 THEN n."Name" END AS "Contact"
            FROM (SELECT rowid AS "RowId", "CustomerId", "Name" FROM "CustomerSearch" WHERE "CustomerSearch" MATCH {phrase}) AS n
            JOIN "Customers" AS c ON c."Id" = n."CustomerId"
            WHERE {_scope} LIMIT {Value(limit * 2)}
            """);
    }

    /// <summary>
    /// SQLite, one or two characters (too short for trigrams): a scan of names that stops after
    /// <paramref name="limit"/> rows. CROSS JOIN keeps SQLite on the contacts first (each then finds its
    /// customer by key) instead of walking every customer and looking up its contacts.
    /// </summary>
    public void NamesByScan(string text, int limit)
    {
        var piece = Value(text);
        var take = Value(limit);
        Part($"""
            SELECT {CustomerColumns}, {(int)SearchMatch.Name} AS "Match", CAST(NULL AS TEXT) AS "Value", CAST(NULL AS TEXT) AS "Contact"
            FROM "Customers" AS c WHERE instr(c."Name", {piece}) > 0 AND {_scope} LIMIT {take}
            """);
        Part($"""
            SELECT {CustomerColumns}, {(int)SearchMatch.ContactName} AS "Match", CAST(NULL AS TEXT) AS "Value", x."Name" AS "Contact"
            FROM "Contacts" AS x CROSS JOIN "Customers" AS c ON c."Id" = x."CustomerId"
            WHERE instr(x."Name", {piece}) > 0 AND {_scope} LIMIT {take}
            """);
    }

    /// <summary>PostgreSQL: ILIKE over the pg_trgm GIN indexes, names starting with the text first.</summary>
    public void NamesByILike(string text, int limit)
    {
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        var contains = Value("%" + escaped + "%");
        var starts = Value(escaped + "%");
        var take = Value(limit);
        Part($"""
            SELECT {CustomerColumns}, {(int)SearchMatch.Name} AS "Match", CAST(NULL AS TEXT) AS "Value", CAST(NULL AS TEXT) AS "Contact"
            FROM "Customers" AS c WHERE c."Name" ILIKE {contains} AND {_scope}
            ORDER BY CASE WHEN c."Name" ILIKE {starts} THEN 0 ELSE 1 END, c."Name" LIMIT {take}
            """);
        Part($"""
            SELECT {CustomerColumns}, {(int)SearchMatch.ContactName} AS "Match", CAST(NULL AS TEXT) AS "Value", x."Name" AS "Contact"
            FROM "Contacts" AS x JOIN "Customers" AS c ON c."Id" = x."CustomerId"
            WHERE x."Name" ILIKE {contains} AND {_scope}
            ORDER BY CASE WHEN x."Name" ILIKE {starts} THEN 0 ELSE 1 END, x."Name" LIMIT {take}
            """);
    }

    /// <summary>Each part keeps its own ORDER BY and LIMIT inside a subquery of the UNION ALL.</summary>
    private void Part(string select) =>
        _parts.Add($"SELECT * FROM ({select}) AS p{_parts.Count.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>A parameter for <paramref name="value"/>; the same value used twice is one parameter.</summary>
    private string Value(object value)
    {
        var index = _values.IndexOf(value);
        if (index < 0)
        {
            index = _values.Count;
            _values.Add(value);
        }
        return ParameterName(index);
    }

    public static string ParameterName(int index) => "@p" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The values of the parameters, in order: @p0 is the first.</summary>
    public IReadOnlyList<object> Values => _values;
}
