using CourierCrm.Domain.Classification;

namespace CourierCrm.Domain.Tests.Classification;

/// <summary>Reads the compact tables the classification tests are written in.</summary>
internal static class Revenues
{
    /// <summary>"100,50,0" → customers 1, 2, 3 with those revenues (fen).</summary>
    public static List<CustomerRevenue> Of(string revenues) =>
        Split(revenues).Select((r, i) => new CustomerRevenue(i + 1, long.Parse(r))).ToList();

    /// <summary>Classes of customers 1..n as "A,B,-" ("-" = no class), for comparing with a table row.</summary>
    public static string Classes<T>(IReadOnlyDictionary<int, T> classes, int customers) where T : struct, Enum =>
        string.Join(",", Enumerable.Range(1, customers).Select(id => classes.TryGetValue(id, out var c) ? c.ToString() : "-"));

    /// <summary>n customers with revenue n, n − 1, … 1 (all different, best first).</summary>
    public static List<CustomerRevenue> Descending(int customers) =>
        Enumerable.Range(1, customers).Select(id => new CustomerRevenue(id, customers - id + 1)).ToList();

    public static string[] Split(string list) => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
