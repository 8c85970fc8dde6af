using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Incidents;
using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.ComplaintReports;

/// <summary>
/// A small known world for the report figures, made once per database: a region of its own with two outlets
/// (North, South), customers A and B at North (A owned by a sales rep of the region) and C at South, five
/// complaints in the first quarter of 2019 (and one the day before, outside it), 501 waybills, an incident with
/// a paid and partly recovered claim. Far from the demo data in time and place, so the report filtered by this
/// region and period sees only these rows. The expected figures are written out in <see cref="ComplaintReportTests"/>.
/// </summary>
public sealed record ReportData(int RegionId, int NorthId, int SouthId, int CustomerA, int CustomerB, int CustomerC,
    string RepUserName, string RepPassword, int[] ComplaintIds)
{
    public const string Period = "from=2019-01-01&to=2019-03-31";

    public string Query => $"{Period}&regionId={RegionId}";

    /// <summary>A China wall-clock time in 2019 as the instant stored.</summary>
    public static DateTimeOffset China(int month, int day, int hour) => new DateTimeOffset(2019, month, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    public static Task<ReportData> SharedAsync(CrmWebFactory factory) => factory.SharedAsync("complaint-report-data", () => CreateAsync(factory));

    private static async Task<ReportData> CreateAsync(CrmWebFactory factory)
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var rep = await Arrange.StaffAsync(factory, StaffRole.SalesRep, "SZ-NS");
        var customerA = await Arrange.CustomerAsync(factory, "admin", new CustomerInputBuilder());
        var customerB = await Arrange.CustomerAsync(factory, "admin", new CustomerInputBuilder());
        var customerC = await Arrange.CustomerAsync(factory, "admin", new CustomerInputBuilder());
        var handler = factory.Demo.UserId("ch.sz");
        var manager = factory.Demo.UserId("mgr.south");
        var desk = factory.Demo.UserId("cs.sz");

        await using var db = factory.NewDb();
        var company = await db.Companies.FirstAsync();
        var region = new Region { CompanyId = company.Id, Code = "RPT" + tag, Name = "报表大区" + tag };
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        var north = new Outlet { RegionId = region.Id, Code = "RPN" + tag, Name = "报表北网点" + tag };
        var south = new Outlet { RegionId = region.Id, Code = "RPS" + tag, Name = "报表南网点" + tag };
        db.Outlets.AddRange(north, south);
        await db.SaveChangesAsync();

        var me = await db.Users.SingleAsync(u => u.Id == rep.Id);
        me.OutletId = north.Id;
        foreach (var (id, outlet, owner) in new[] { (customerA, north.Id, (int?)rep.Id), (customerB, north.Id, null), (customerC, south.Id, null) })
        {
            var c = await db.Customers.SingleAsync(x => x.Id == id);
            (c.OutletId, c.RegionId, c.OwnerId) = (outlet, region.Id, owner);
        }

        var numbered = 0;
        Complaint New(int customer, int outlet, ComplaintCategory category, DateTimeOffset recorded) => new()
        {
            Number = $"TS-2019{tag}-{++numbered:0000}", CustomerId = customer, Channel = ComplaintChannel.Hotline,
            Category = category, Priority = ComplaintPriority.Normal, Description = "报表测试 / report test", FirstContactOwnerId = desk,
            RecordedAt = recorded, UpdatedAt = recorded, OutletId = outlet, RegionId = region.Id, OwnerId = customer == customerA ? rep.Id : null,
            Stage = ComplaintStage.AwaitingJudgement, Version = 1,
        };
        // 1: A, Delay, 2 business hours, first response in 1 h (met), lesson.
        var one = New(customerA, north.Id, ComplaintCategory.Delay, China(1, 10, 9));
        (one.FirstRespondedAt, one.ClosedAt, one.Stage, one.HandlerId, one.Cause, one.Responsibility) = (China(1, 10, 10), China(1, 10, 11), ComplaintStage.Closed, handler, "分拣积压", ResponsibleParty.Internal);
        (one.Lesson, one.CorrectiveAction) = ("L-one 中转衔接", "加班次");
        // 2: A, Delay, Tue 09:00 to the next Monday 13:00 = 40 business hours (resolution missed), first response in 5 h (missed).
        var two = New(customerA, north.Id, ComplaintCategory.Delay, China(1, 15, 9));
        (two.FirstRespondedAt, two.ClosedAt, two.Stage, two.HandlerId, two.Cause, two.Responsibility) = (China(1, 15, 14), China(1, 21, 13), ComplaintStage.Closed, handler, "分拣积压", ResponsibleParty.Internal);
        // 3: C, Damage, 10 business hours over two days, remedy ¥120 carried out, lesson.
        var three = New(customerC, south.Id, ComplaintCategory.Damage, China(2, 12, 9));
        (three.FirstRespondedAt, three.ClosedAt, three.Stage, three.HandlerId, three.Cause, three.Responsibility) = (China(2, 12, 10), China(2, 13, 10), ComplaintStage.Closed, manager, "装车堆压", ResponsibleParty.ThirdParty);
        (three.RemedyAmountFen, three.CarriedOutAt, three.Lesson) = (12_000, China(2, 13, 9), "L-three 易碎品");
        // 4: C, Loss, analysed, open; first response after 3 h against Loss's 2 h (missed).
        var four = New(customerC, south.Id, ComplaintCategory.Loss, China(3, 5, 9));
        (four.FirstRespondedAt, four.Stage, four.Cause, four.Responsibility) = (China(3, 5, 12), ComplaintStage.AwaitingRemedy, "航空丢失", ResponsibleParty.ThirdParty);
        // 5: B, Delay, just recorded.
        var five = New(customerB, north.Id, ComplaintCategory.Delay, China(2, 20, 9));
        // Outside the period by a day.
        var before = New(customerA, north.Id, ComplaintCategory.Attitude, China(1, 1, 9).AddDays(-1));
        db.Complaints.AddRange(one, two, three, four, five, before);

        // Waybills: January A 200 and C 200, February C 100, March one unmatched sender at South's counter.
        var n = 0;
        Waybill Bill(int? customer, DateTimeOffset at, int? pickup = null) => new()
        {
            Number = $"RPT{tag}{++n:00000}", CustomerId = customer, OriginCity = "深圳市", DestinationCity = "上海市", OrderedAt = at, UpdatedAt = at,
            FreightFen = 1_000, PickupOutletId = pickup,
        };
        db.Waybills.AddRange(Enumerable.Range(0, 200).Select(i => Bill(customerA, China(1, 3, 9).AddMinutes(i))));
        db.Waybills.AddRange(Enumerable.Range(0, 200).Select(i => Bill(customerC, China(1, 4, 9).AddMinutes(i))));
        db.Waybills.AddRange(Enumerable.Range(0, 100).Select(i => Bill(customerC, China(2, 4, 9).AddMinutes(i))));
        db.Waybills.Add(Bill(null, China(3, 4, 9), south.Id));
        await db.SaveChangesAsync();

        var incident = new ServiceIncident
        {
            Number = $"SG-2019{tag}-0001", WaybillNumber = $"RPT{tag}00201", CustomerId = customerC, ComplaintId = three.Id, Kind = IncidentKind.Damage,
            Status = IncidentStatus.Closed, Description = "报表测试", OccurredAt = China(2, 11, 9), RecordedAt = China(2, 12, 9), UpdatedAt = China(2, 12, 9),
            OutletId = south.Id, RegionId = region.Id, Version = 1,
        };
        db.ServiceIncidents.Add(incident);
        await db.SaveChangesAsync();
        db.Claims.AddRange(
            new Claim
            {
                IncidentId = incident.Id, Status = ClaimStatus.Paid, ClaimedFen = 60_000, ActualLossFen = 60_000, RuleAmountFen = 50_000,
                PaidFen = 50_000, PaidOn = new DateOnly(2019, 2, 20), RecoveredFen = 20_000, RecoveredOn = new DateOnly(2019, 3, 10),
                FiledOn = new DateOnly(2019, 2, 12), CustomerClaimBy = new DateOnly(2020, 2, 12), UpdatedAt = China(2, 20, 9), Version = 1,
            },
            new Claim
            {
                IncidentId = incident.Id, Status = ClaimStatus.Paid, ClaimedFen = 9_900, ActualLossFen = 9_900, RuleAmountFen = 9_900,
                PaidFen = 9_900, PaidOn = new DateOnly(2018, 12, 20), FiledOn = new DateOnly(2018, 12, 1), CustomerClaimBy = new DateOnly(2019, 12, 1),
                UpdatedAt = China(2, 20, 9), Version = 1,
            });
        await db.SaveChangesAsync();
        return new ReportData(region.Id, north.Id, south.Id, customerA, customerB, customerC, rep.UserName, rep.Password,
            [one.Id, two.Id, three.Id, four.Id, five.Id]);
    }
}
