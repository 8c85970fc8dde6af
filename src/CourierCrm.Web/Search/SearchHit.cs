namespace CourierCrm.Web.Search;

/// <summary>Why a customer was found, best first: the order is the ranking.</summary>
public enum SearchMatch
{
    Waybill,
    MonthlyAccount,
    Code,
    Phone,
    ContactPhone,
    PhoneLastFour,
    ContactPhoneLastFour,
    PhonePrefix,
    ContactPhonePrefix,
    NamePrefix,
    ContactNamePrefix,
    Name,
    ContactName,
}

/// <summary>One customer found by the search box, masked for the viewer.</summary>
/// <param name="CustomerId">Opens /customers/{id}.</param>
/// <param name="Match">Why it was found; the best reason when there are several.</param>
/// <param name="Matched">The matching value as the viewer may see it (a waybill number, a masked phone, a contact's name).</param>
/// <param name="Reason">Why it was found, in the caller's language, e.g. "电话尾号 1234".</param>
public sealed record SearchHit(
    int CustomerId,
    string Code,
    string Name,
    string? Phone,
    SearchMatch Match,
    string Matched,
    string Reason)
{
    /// <summary>Found by a number that names one customer (waybill, account, code, whole phone).</summary>
    public bool IsExact => Match <= SearchMatch.ContactPhone;
}

/// <summary>The answer of the search box.</summary>
/// <param name="Query">The query as read (trimmed).</param>
/// <param name="Hits">Ranked best first.</param>
/// <param name="OpenCustomerId">
/// Set when exactly one customer matched a waybill, monthly account, customer code or a whole phone
/// number: the box opens that customer in one step.
/// </param>
public sealed record SearchResult(string Query, IReadOnlyList<SearchHit> Hits, int? OpenCustomerId);
