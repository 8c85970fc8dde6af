using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Demo;
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Bench;

/// <summary>
/// The rows an import benchmark writes: the demo generator's waybills as an
/// operations system exports them (customer codes, no archive ids: the file's customers are
/// matched later) from 20,000 senders, made afresh for every run from the same seed so each side sees the same rows,
/// and handed out one batch at a time so a million rows never sit in memory together.
/// </summary>
internal static class BenchRows
{
    public const int Senders = 20_000;

    public static async Task<DemoWaybillGenerator> GeneratorAsync(IDbContextFactory<CrmDbContext> dbFactory, DateTimeOffset now)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var outlets = await db.Outlets.OrderBy(o => o.Id).Select(o => new DemoOutlet(o.Id, o.Name, "深圳市")).ToListAsync();
        var random = new Random(7);
        var cities = new[] { "深圳市", "广州市", "上海市", "杭州市", "北京市", "成都市", "武汉市" };
        var shippers = Enumerable.Range(1, Senders).Select(i =>
        {
            var city = cities[random.Next(cities.Length)];
            var code = "C" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            return new DemoShipper(null, code, "发件客户" + code, "138" + random.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture),
                random.NextDouble() < 0.3 ? "755" + random.Next(1_000_000, 9_999_999) : null, outlets[random.Next(outlets.Count)].Id, city,
                city + "人民路" + random.Next(1, 500) + "号", DateTimeOffset.MinValue, DateTimeOffset.MaxValue, random.NextDouble() < 0.2);
        }).ToList();
        return new DemoWaybillGenerator(shippers, outlets, now);
    }

    public static IEnumerable<List<Waybill>> Batches(DemoWaybillGenerator generator, int rows, int batchSize)
    {
        var batch = new List<Waybill>(batchSize);
        foreach (var w in generator.Generate(rows, events: false, unmatchedShare: 0))
        {
            batch.Add(w);
            if (batch.Count < batchSize) continue;
            yield return batch;
            batch = new List<Waybill>(batchSize);
        }
        if (batch.Count > 0) yield return batch;
    }
}
