using CourierCrm.Web.Data;
using CourierCrm.Web.Segmentation;
using CourierCrm.Web.Segmentation.Churn;
using CourierCrm.Web.Tests.Infrastructure;
using CourierCrm.Web.Tests.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CourierCrm.Web.Tests.Segmentation.Churn;

internal static class ChurnArrange
{
    /// <summary>Waybills of a customer: <paramref name="perMonth"/> on the 5th..of each month of the year, January first.</summary>
    public static (string At, long FreightFen)[] Monthly(int year, params int[] perMonth) =>
        perMonth.SelectMany((count, m) => Enumerable.Range(0, count).Select(i =>
            ($"{year:D4}-{m + 1:D2}-{5 + i % 20:D2} 10:00", 10_000L))).ToArray();

    /// <summary>Classifies as of the day, then raises the churn warnings on a clock standing on that day.</summary>
    public static async Task<int> ClassifyAndRaiseAsync(CrmWebFactory factory, DateOnly asOf)
    {
        var run = await ClassificationArrange.RunAsync(factory, asOf);
        return await RaiserOn(factory, asOf).RaiseAsync(run.Id, asOf, CancellationToken.None);
    }

    public static ChurnWarningRaiser RaiserOn(CrmWebFactory factory, DateOnly day) => new(
        factory.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>(), TestClock.China(day.Year, day.Month, day.Day),
        factory.Services.GetRequiredService<ChurnOptions>(), NullLogger<ChurnWarningRaiser>.Instance);

    public static async Task<List<ChurnWarningRow>> WarningsAsync(CrmWebFactory factory, int customerId)
    {
        await using var db = factory.NewDb();
        return await db.ChurnWarnings.AsNoTracking().Where(w => w.CustomerId == customerId).OrderBy(w => w.Id).ToListAsync();
    }
}
