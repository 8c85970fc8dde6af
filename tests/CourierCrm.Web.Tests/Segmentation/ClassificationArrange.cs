using System.Globalization;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Data;
using CourierCrm.Web.Data.Bulk;
using CourierCrm.Web.Segmentation;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CourierCrm.Web.Tests.Segmentation;

/// <summary>
/// Customers and waybills for classification tests. Each test classifies up to its own day years
/// ahead, where no demo or other test waybill falls into the period: the revenue ranking then holds
/// only the test's customers, whatever else the shared database contains.
/// </summary>
internal static class ClassificationArrange
{
    /// <summary>An instant given in China time ("2041-04-01 01:00" China is 2041-03-31 17:00 UTC).</summary>
    public static DateTimeOffset China(string localTime) =>
        new(DateTime.ParseExact(localTime, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    public static Task<int> CustomerOfAsync(CrmWebFactory factory, string userName) =>
        Arrange.CustomerAsync(factory, userName, new CustomerInputBuilder());

    /// <summary>Waybills of the customer: (when, China time; freight in fen).</summary>
    public static async Task WaybillsAsync(CrmWebFactory factory, int customerId, params (string At, long FreightFen)[] waybills)
    {
        var prefix = "CL" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var batch = waybills.Select((w, i) => new Waybill
        {
            Number = prefix + i.ToString("D3", CultureInfo.InvariantCulture), CustomerId = customerId,
            OriginCity = "深圳市", DestinationCity = "上海市", FreightFen = w.FreightFen, WeightGrams = 1_000,
            OrderedAt = China(w.At), UpdatedAt = China(w.At),
        }).ToList();
        await new WaybillBulkWriter(factory.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>()).UpsertAsync(batch, CancellationToken.None);
    }

    public static Task<ClassificationRunSummary> RunAsync(CrmWebFactory factory, DateOnly asOf) =>
        factory.Services.GetRequiredService<ClassificationRunner>().RunAsync(asOf, "test", null, CancellationToken.None);

    /// <summary>The customer's current classes.</summary>
    public static async Task<CustomerClassificationRow> ClassesAsync(CrmWebFactory factory, int customerId)
    {
        await using var db = factory.NewDb();
        return await db.CustomerClassifications.AsNoTracking().SingleAsync(c => c.CustomerId == customerId);
    }

    /// <summary>
    /// A runner of its own, as a new process would have (no classes kept from an earlier run), with
    /// the given follow-ups instead of the application's.
    /// </summary>
    public static ClassificationRunner NewRunner(CrmWebFactory factory, IEnumerable<IClassificationFollowUp>? followUps = null,
        ILogger<ClassificationRunner>? logger = null)
    {
        var services = new ServiceCollection();
        foreach (var followUp in followUps ?? [])
            services.AddSingleton(followUp);
        return new ClassificationRunner(factory.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>(), TimeProvider.System,
            factory.Services.GetRequiredService<ClassificationOptions>(), services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
            logger ?? NullLogger<ClassificationRunner>.Instance);
    }
}
