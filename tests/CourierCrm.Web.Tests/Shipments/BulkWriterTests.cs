using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Data;
using CourierCrm.Web.Data.Bulk;
using CourierCrm.Web.Demo;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CourierCrm.Web.Tests.Shipments;

/// <summary>
/// The bulk path every import, push and seed goes through: idempotent by number, whole batches
/// or nothing, every column round-tripping as the EF model reads it; and the demo waybills it seeds.
/// </summary>
public abstract class BulkWriterTests(CrmWebFactory factory)
{
    private WaybillBulkWriter Writer => new(factory.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>());

    [Fact]
    public async Task Upsert_writes_every_row_with_every_column()
    {
        var batch = Batch(50);

        var result = await Writer.UpsertAsync(batch, CancellationToken.None);

        Assert.Equal(new BulkResult(50, 50, 0), result);
        await using var db = factory.NewDb();
        var saved = await db.Waybills.Include(w => w.Events).Where(w => w.Number.StartsWith(Prefix(batch))).ToListAsync();
        Assert.Equal(50, saved.Count);
        foreach (var expected in batch)
            AssertSame(expected, saved.Single(w => w.Number == expected.Number));
    }

    [Fact]
    public async Task Upserting_the_same_batch_again_adds_nothing_and_updates_changed_fields()
    {
        var batch = Batch(30);
        await Writer.UpsertAsync(batch, CancellationToken.None);
        var again = Batch(30, Prefix(batch));
        again[3].FreightFen = 99_900;
        again[3].Status = WaybillStatus.Returned;
        again[3].DeliveredAt = null;
        again[4].ReceiverName = null;
        again[5].Events = [new TrackingEvent { At = again[5].OrderedAt.AddHours(1), Place = "深圳南山网点", Description = "改派", Status = WaybillStatus.Exception }];

        var result = await Writer.UpsertAsync(again, CancellationToken.None);

        Assert.Equal(new BulkResult(30, 0, 30), result);
        await using var db = factory.NewDb();
        var saved = await db.Waybills.Include(w => w.Events).Where(w => w.Number.StartsWith(Prefix(batch))).ToListAsync();
        Assert.Equal(30, saved.Count);
        foreach (var expected in again)
            AssertSame(expected, saved.Single(w => w.Number == expected.Number));
        var ids = saved.Select(w => w.Id).ToList();
        Assert.Equal(batch.Sum(w => w.Events.Count) - batch[5].Events.Count + 1, await db.TrackingEvents.CountAsync(e => ids.Contains(e.WaybillId)));
    }

    [Fact]
    public async Task A_number_repeated_in_one_batch_is_one_waybill_with_the_last_values()
    {
        var batch = Batch(3);
        var repeat = Batch(1, Prefix(batch))[0];
        repeat.FreightFen = 4_321;
        batch.Add(repeat);

        await Writer.UpsertAsync(batch, CancellationToken.None);

        await using var db = factory.NewDb();
        var saved = await db.Waybills.Where(w => w.Number == repeat.Number).ToListAsync();
        Assert.Equal(4_321, Assert.Single(saved).FreightFen);
    }

    [Fact]
    public async Task A_batch_with_a_failing_row_leaves_nothing_of_the_batch()
    {
        var batch = Batch(20);
        batch[12].OriginCity = null!; // NOT NULL in both databases

        await Assert.ThrowsAnyAsync<Exception>(() => Writer.UpsertAsync(batch, CancellationToken.None));

        await using var db = factory.NewDb();
        Assert.False(await db.Waybills.AnyAsync(w => w.Number.StartsWith(Prefix(batch))), "Rows of a failed batch were kept.");
    }

    [Fact]
    public async Task A_failing_checkpoint_leaves_nothing_of_the_batch_and_a_good_one_commits_with_it()
    {
        var failed = Batch(10);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Writer.UpsertAsync(failed,
            (_, _, _) => throw new InvalidOperationException("checkpoint store down"), CancellationToken.None));

        var committed = Batch(10);
        var saw = -1;
        await Writer.UpsertAsync(committed, async (db, transaction, ct) =>
        {
            // The checkpoint step sees the batch's rows inside its transaction.
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT count(*) FROM \"Waybills\" WHERE \"Number\" LIKE '{Prefix(committed)}%'";
            saw = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }, CancellationToken.None);

        Assert.Equal(10, saw);
        await using var check = factory.NewDb();
        Assert.False(await check.Waybills.AnyAsync(w => w.Number.StartsWith(Prefix(failed))));
        Assert.Equal(10, await check.Waybills.CountAsync(w => w.Number.StartsWith(Prefix(committed))));
    }

    [Fact]
    public async Task The_demo_waybills_are_seeded_with_a_Pareto_spread_of_revenue()
    {
        await using var db = factory.NewDb();
        var demo = db.Waybills.Where(w => w.Number.StartsWith("XD"));

        Assert.Equal(CrmWebFactory.DemoCustomers * DemoWaybillSeeder.WaybillsPerCustomer, await demo.CountAsync());
        var revenue = await demo.Where(w => w.CustomerId != null).GroupBy(w => w.CustomerId).Select(g => g.Sum(w => w.FreightFen)).ToListAsync();
        Assert.True(DemoWaybillSeeder.TopFifthShare(revenue) >= 0.6, $"Top 20 % of customers make {DemoWaybillSeeder.TopFifthShare(revenue):P0} of revenue.");
        var unmatched = await demo.CountAsync(w => w.CustomerId == null);
        Assert.InRange(unmatched, 1, CrmWebFactory.DemoCustomers * DemoWaybillSeeder.WaybillsPerCustomer / 20);
        Assert.False(await db.Customers.AnyAsync(c => demo.Where(w => w.CustomerId == null).Select(w => w.CustomerCode).Contains(c.Code)),
            "An unmatched demo waybill names an archived customer's code.");
        Assert.True(await db.TrackingEvents.AnyAsync(e => demo.Select(w => w.Id).Contains(e.WaybillId)));
    }

    private static string Prefix(IReadOnlyList<Waybill> batch) => batch[0].Number[..14];

    /// <summary>Waybills with every column filled (nullable ones alternately empty), numbered under one fresh prefix.</summary>
    private List<Waybill> Batch(int count, string? prefix = null)
    {
        prefix ??= "BT" + Guid.NewGuid().ToString("N")[..12];
        var outlet = factory.Demo.OutletId("SZ-NS");
        var at = new DateTimeOffset(2026, 3, 1, 9, 30, 15, TimeSpan.Zero).AddTicks(1234567);
        return Enumerable.Range(0, count).Select(i =>
        {
            var full = i % 2 == 0;
            var w = new Waybill
            {
                Number = prefix + "-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
                CustomerCode = "C9" + i, MonthlyAccountNo = full ? "7550001" + i : null, Product = (Product)(i % 4),
                SenderName = "寄件人" + i, SenderPhone = full ? "1380013" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) : null,
                SenderAddress = "深圳市南山区科技园路" + i + "号", ReceiverName = "收件人" + i, ReceiverPhone = "1390000" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
                ReceiverAddress = full ? "上海市浦东新区" + i : null, OriginCity = "深圳市", DestinationCity = "上海市",
                Pieces = 1 + i % 3, WeightGrams = 500 + i, FreightFen = 1_200 + i, Insured = full,
                DeclaredValueFen = full ? 100_000 : null, InsuranceFeeFen = full ? 500 : null, CodAmountFen = full ? null : 3_000,
                Payer = (Payer)(i % 4), Status = (WaybillStatus)(i % 7),
                OrderedAt = at.AddMinutes(i), PickedUpAt = full ? at.AddHours(1) : null, PromisedAt = at.AddDays(2),
                DeliveredAt = full ? at.AddDays(2).AddHours(-3) : null, PickupOutletId = outlet, DeliveryOutletId = full ? null : outlet,
                UpdatedAt = at.AddDays(3),
            };
            if (i % 5 == 0)
                w.Events =
                [
                    new TrackingEvent { At = at.AddHours(1), Place = "深圳南山网点", Description = "快递员已揽收", Status = WaybillStatus.PickedUp },
                    new TrackingEvent { At = at.AddHours(5), Place = "深圳转运中心", Description = "已到达【深圳转运中心】", Status = null },
                ];
            return w;
        }).ToList();
    }

    private static void AssertSame(Waybill expected, Waybill actual)
    {
        Assert.Equal(
            (expected.CustomerId, expected.CustomerCode, expected.MonthlyAccountNo, expected.Product, expected.SenderName, expected.SenderPhone, expected.SenderAddress),
            (actual.CustomerId, actual.CustomerCode, actual.MonthlyAccountNo, actual.Product, actual.SenderName, actual.SenderPhone, actual.SenderAddress));
        Assert.Equal(
            (expected.ReceiverName, expected.ReceiverPhone, expected.ReceiverAddress, expected.OriginCity, expected.DestinationCity, expected.Pieces, expected.WeightGrams),
            (actual.ReceiverName, actual.ReceiverPhone, actual.ReceiverAddress, actual.OriginCity, actual.DestinationCity, actual.Pieces, actual.WeightGrams));
        Assert.Equal(
            (expected.FreightFen, expected.Insured, expected.DeclaredValueFen, expected.InsuranceFeeFen, expected.CodAmountFen, expected.Payer, expected.Status),
            (actual.FreightFen, actual.Insured, actual.DeclaredValueFen, actual.InsuranceFeeFen, actual.CodAmountFen, actual.Payer, actual.Status));
        // PostgreSQL keeps microseconds: compare instants at that precision.
        Assert.Equal(
            new[] { expected.OrderedAt, expected.PickedUpAt, expected.PromisedAt, expected.DeliveredAt, expected.UpdatedAt }.Select(Micro),
            new[] { actual.OrderedAt, actual.PickedUpAt, actual.PromisedAt, actual.DeliveredAt, actual.UpdatedAt }.Select(Micro));
        Assert.Equal((expected.PickupOutletId, expected.DeliveryOutletId), (actual.PickupOutletId, actual.DeliveryOutletId));
        Assert.Equal(
            expected.Events.Select(e => (Micro(e.At), e.Place, e.Description, e.Status)).OrderBy(e => e.Item1),
            actual.Events.Select(e => (Micro(e.At), e.Place, e.Description, e.Status)).OrderBy(e => e.Item1));
    }

    private static long? Micro(DateTimeOffset? at) => at?.UtcTicks / 10;
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteBulkWriterTests(SqliteCrmWebFactory factory) : BulkWriterTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresBulkWriterTests(PostgresCrmWebFactory factory) : BulkWriterTests(factory);
