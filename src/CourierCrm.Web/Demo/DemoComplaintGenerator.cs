using System.Globalization;
using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Incidents;
using CourierCrm.Web.Complaints;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Demo;

/// <summary>
/// Gives the demo company a year of complaints (one for every five customers, at most 400), with incidents and
/// claims on some of the parcels, so the complaint reports, the 360 service card and the lists are not empty on
/// a fresh start. Complaints are drawn on real demo waybills, spread over categories, stages and months; most
/// are closed with each step's data (handler, cause, responsibility, remedy, lesson). Deterministic (fixed
/// seed) and written in batches straight through the context: no notices, messages or tasks are raised for
/// this history. Complaints are dated from yesterday back, so today's numbering is left to live ones.
/// </summary>
public sealed class DemoComplaintGenerator(IDbContextFactory<CrmDbContext> dbFactory, ComplaintClocks clocks, DateTimeOffset now)
{
    public const int MaxComplaints = 400;

    private static readonly (ComplaintCategory Category, double Weight, string Description, string Cause, ResponsibleParty Party, string Lesson, string Action)[] Kinds =
    [
        (ComplaintCategory.Delay, 30, "快件比承诺时间晚到三天 / Parcel three days later than promised", "中转场分拣积压 / Backlog at the sorting hub", ResponsibleParty.Internal, "高峰期中转能力不足 / Hub capacity short at peak", "双十一前增加分拣班次 / Extra sorting shifts before Double 11"),
        (ComplaintCategory.Damage, 18, "外包装破损，内物损坏 / Box crushed, contents broken", "装车堆压 / Crushed under other parcels in the truck", ResponsibleParty.Internal, "易碎品未单独码放 / Fragile goods not stacked apart", "易碎品贴标并单独装车 / Label fragile goods and load them apart"),
        (ComplaintCategory.Loss, 8, "快件显示签收但客户未收到 / Shown as delivered but never received", "航空转运丢失 / Lost in air transfer", ResponsibleParty.ThirdParty, "航空交接无清点记录 / No count at the airline hand-over", "交接时双方扫描确认 / Both sides scan at hand-over"),
        (ComplaintCategory.Attitude, 12, "快递员态度恶劣 / Courier was rude", "快递员情绪失控 / Courier lost his temper", ResponsibleParty.Internal, "服务礼仪培训不足 / Too little service training", "每月服务礼仪培训 / Monthly service-manner training"),
        (ComplaintCategory.DoorToDoorDefect, 10, "未按约定时间上门取件 / Pick-up not at the agreed time", "排班冲突 / Rota clash", ResponsibleParty.Internal, "取件预约未同步到排班 / Pick-up bookings not in the rota", "预约直接进入排班系统 / Bookings feed the rota directly"),
        (ComplaintCategory.SignBeforeInspection, 5, "要求先签字后验货 / Asked to sign before inspecting", "网点操作不规范 / Outlet skipped the inspection rule", ResponsibleParty.Internal, "先验后签未落实 / Inspect-then-sign not enforced", "抽查签收流程 / Spot checks of deliveries"),
        (ComplaintCategory.HotlineUnreachable, 6, "客服电话打不通 / Could not reach the hotline", "话务高峰坐席不足 / Too few agents at peak", ResponsibleParty.Internal, "高峰排班未按话务量 / Rota not by call volume", "按话务预测排班 / Rota by call forecast"),
        (ComplaintCategory.InconsistentPrice, 6, "收费与报价不一致 / Charged more than quoted", "报价未含偏远附加费 / Quote left out the remote-area surcharge", ResponsibleParty.Internal, "报价口径不统一 / Quotes not made the same way", "统一报价工具 / One quoting tool"),
        (ComplaintCategory.UnmetRequest, 3, "要求夜间送达未满足 / Night delivery not possible", "超出服务范围 / Outside the service offered", ResponsibleParty.Customer, "服务范围说明不清 / Service scope not explained", "下单时提示服务范围 / Show the scope when ordering"),
        (ComplaintCategory.ContractBreach, 2, "月结协议价未执行 / Contract price not applied", "系统未录入协议价 / Contract price missing in billing", ResponsibleParty.Internal, "合同与计费未联动 / Contracts not linked to billing", "合同生效即同步计费 / Contracts sync to billing on signing"),
    ];

    private static readonly Dictionary<string, (string Desk, string Handler, string Manager)> People = new()
    {
        ["SOUTH"] = ("cs.sz", "ch.sz", "mgr.south"),
        ["EAST"] = ("cs.sh", "ch.sh", "mgr.east"),
        ["NORTH"] = ("cs.bj", "mgr.north", "mgr.north"),
    };

    public async Task SeedAsync(int customers, CancellationToken ct)
    {
        var count = Math.Min(MaxComplaints, customers / 5);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (count <= 0 || await db.Complaints.AnyAsync(ct)) return;
        var since = now.AddDays(-365);
        var total = await db.Waybills.CountAsync(w => w.CustomerId != null && w.OrderedAt >= since, ct);
        if (total == 0) return;
        var stride = Math.Max(1, total / (count * 2));
        var waybills = await db.Waybills.AsNoTracking()
            .Where(w => w.CustomerId != null && w.OrderedAt >= since && w.OrderedAt < now.AddDays(-1))
            .OrderBy(w => w.Id).Where(w => w.Id % stride == 0).Take(count * 2)
            .Select(w => new { w.Number, CustomerId = w.CustomerId!.Value, w.OrderedAt, w.FreightFen, w.Insured, w.DeclaredValueFen })
            .ToListAsync(ct);
        var customersById = await db.Customers.AsNoTracking().Select(c => new { c.Id, c.OwnerId, c.OutletId, c.RegionId }).ToDictionaryAsync(c => c.Id, ct);
        var regionCodes = await db.Regions.ToDictionaryAsync(r => r.Id, r => r.Code, ct);
        var users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.DisplayName), ct);

        var random = new Random(2028);
        var weights = Kinds.Select(k => k.Weight).ToArray();
        var perDay = new Dictionary<string, int>();
        var plans = new List<(Complaint Complaint, List<ComplaintStepEntry> Steps, string Waybill, long Freight, bool Insured, long Declared)>();
        foreach (var w in waybills.OrderBy(_ => random.Next()).Take(count).OrderBy(w => w.OrderedAt))
        {
            var customer = customersById[w.CustomerId];
            var people = People.GetValueOrDefault(regionCodes[customer.RegionId], People["SOUTH"]);
            var kind = Kinds[Pick(random, weights)];
            var recorded = w.OrderedAt.AddHours(random.Next(24, 24 * 6));
            if (recorded > now.AddDays(-1)) recorded = now.AddDays(-1).AddHours(-random.Next(1, 48));
            var day = CompanyTime.Local(recorded).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            perDay[day] = perDay.GetValueOrDefault(day) + 1;
            var complaint = new Complaint
            {
                Number = $"TS-{day}-{perDay[day]:0000}", CustomerId = w.CustomerId, Channel = (ComplaintChannel)random.Next(0, 8),
                Category = kind.Category, Priority = kind.Category is ComplaintCategory.Loss or ComplaintCategory.Damage ? ComplaintPriority.High : ComplaintPriority.Normal,
                Description = kind.Description, Demand = "尽快处理并补偿 / Sort it out and compensate", FirstContactOwnerId = users[people.Desk].Id,
                RecordedAt = recorded, OwnerId = customer.OwnerId, OutletId = customer.OutletId, RegionId = customer.RegionId, Version = 1,
            };
            var steps = Walk(random, complaint, kind, users[people.Desk], users[people.Handler], users[people.Manager]);
            // The overdue board and the escalation job find open complaints by their stored deadlines.
            clocks.UpdateDeadlines(complaint, [], now);
            plans.Add((complaint, steps, w.Number, w.FreightFen, w.Insured, w.DeclaredValueFen ?? 0));
        }

        var claims = new List<(ServiceIncident Incident, Claim Claim)>();
        foreach (var batch in plans.Chunk(100))
        {
            db.Complaints.AddRange(batch.Select(p => p.Complaint));
            await db.SaveChangesAsync(ct);
            foreach (var (complaint, steps, waybill, freight, insured, declared) in batch)
            {
                steps.ForEach(s => s.ComplaintId = complaint.Id);
                db.ComplaintSteps.AddRange(steps);
                db.ComplaintWaybills.Add(new ComplaintWaybill { ComplaintId = complaint.Id, WaybillNumber = waybill });
                db.CustomerEvents.Add(new CustomerEvent
                {
                    CustomerId = complaint.CustomerId!.Value, At = complaint.RecordedAt, Kind = "complaint", ActorId = complaint.FirstContactOwnerId, ActorName = steps[0].ActorName,
                    Title = $"投诉 {complaint.Number} 已登记 / Complaint {complaint.Number} recorded", Detail = "演示数据 / demo data",
                });
                if (ComplaintTaxonomy.IsAboutTheParcel(complaint.Category) && random.NextDouble() < 0.6)
                    claims.AddRange(AddIncident(db, random, complaint, waybill, freight, insured, declared));
            }
            await db.SaveChangesAsync(ct);
            // A claim names its incident by id only: it follows once the incidents have theirs.
            foreach (var (incident, claim) in claims) claim.IncidentId = incident.Id;
            db.Claims.AddRange(claims.Select(c => c.Claim));
            await db.SaveChangesAsync(ct);
            claims.Clear();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Takes a complaint as far as its draw says: most closed, some declined, the rest waiting at a step.</summary>
    private List<ComplaintStepEntry> Walk(Random random, Complaint c, (ComplaintCategory Category, double Weight, string Description, string Cause, ResponsibleParty Party, string Lesson, string Action) kind,
        (int Id, string Name) desk, (int Id, string Name) handler, (int Id, string Name) manager)
    {
        var age = now - c.RecordedAt;
        var steps = new List<ComplaintStepEntry>();
        var at = c.RecordedAt;
        var stage = ComplaintStage.AwaitingJudgement;
        void Step(int? step, ComplaintAction? action, ComplaintStage to, (int Id, string Name) actor, double hours, string? note = null)
        {
            at = at.AddHours(hours);
            steps.Add(new ComplaintStepEntry { At = at, Step = step, Action = action, FromStage = stage, ToStage = to, ActorId = actor.Id, ActorName = actor.Name, Note = note });
            stage = to;
        }
        Step(1, null, ComplaintStage.AwaitingJudgement, desk, 0, c.Demand);
        // Older complaints are done; those of the last weeks are still moving.
        var reach = age.TotalDays > 20 ? 8 : random.Next(2, 9);
        if (reach >= 2 && random.NextDouble() < 0.08)
        {
            c.DeclineReason = "不属于本公司责任范围 / Not within the company's responsibility";
            Step(2, ComplaintAction.Decline, ComplaintStage.Declined, desk, random.Next(1, 6), c.DeclineReason);
            (c.FirstRespondedAt, c.ClosedAt) = (steps[^1].At, steps[^1].At);
        }
        else
        {
            if (reach >= 3) { Step(2, ComplaintAction.JudgeValid, ComplaintStage.AwaitingAssignment, desk, random.Next(1, 10)); c.FirstRespondedAt = at; }
            if (reach >= 4) { Step(3, ComplaintAction.Assign, ComplaintStage.AwaitingAnalysis, manager, random.Next(1, 8)); (c.HandlerId, c.HandlingOutletId) = (handler.Id, c.OutletId); }
            if (reach >= 5) { Step(4, ComplaintAction.Analyse, ComplaintStage.AwaitingRemedy, handler, random.Next(4, 30)); (c.Cause, c.Responsibility) = (kind.Cause, random.NextDouble() < 0.8 ? kind.Party : ResponsibleParty.Nobody); }
            if (reach >= 6)
            {
                c.Remedy = kind.Category is ComplaintCategory.Damage or ComplaintCategory.Loss ? RemedyKind.DiscountCompensation
                    : kind.Category == ComplaintCategory.Delay ? RemedyKind.FreightRefund : RemedyKind.ApologyLetter;
                c.RemedyAmountFen = c.Remedy == RemedyKind.ApologyLetter ? 0 : random.Next(20, 800) * 100L;
                c.ApprovalRequired = ApprovalLevel.Supervisor;
                Step(5, ComplaintAction.ProposeRemedy, ComplaintStage.AwaitingApproval, handler, random.Next(2, 20));
            }
            if (reach >= 7) { Step(6, ComplaintAction.Approve, ComplaintStage.AwaitingExecution, manager, random.Next(1, 24)); (c.ApprovedById, c.ApprovedAt) = (manager.Id, at); }
            if (reach >= 8)
            {
                Step(7, ComplaintAction.CarryOut, ComplaintStage.AwaitingEvaluation, handler, random.Next(2, 40));
                (c.CarriedOutAt, c.FeedbackAtClose) = (at, (CustomerSatisfaction)random.Next(2, 6));
                c.Summary = "已按方案处理并回复客户 / Remedy carried out, customer told";
                if (random.NextDouble() < 0.5) (c.Lesson, c.CorrectiveAction) = (kind.Lesson, kind.Action);
                Step(8, ComplaintAction.Evaluate, ComplaintStage.Closed, handler, random.Next(1, 30), c.Summary);
                c.ClosedAt = at;
                if (random.NextDouble() < 0.7)
                    (c.CallbackSatisfaction, c.CallbackRecordedAt, c.CallbackRecordedById) = ((CustomerSatisfaction)random.Next(2, 6), at.AddDays(1), desk.Id);
            }
        }
        if (at > now) foreach (var s in steps) s.At = s.At > now ? now.AddMinutes(-1) : s.At;
        c.Stage = stage;
        c.UpdatedAt = steps[^1].At;
        return steps;
    }

    private static IEnumerable<(ServiceIncident, Claim)> AddIncident(CrmDbContext db, Random random, Complaint complaint, string waybill, long freight, bool insured, long declared)
    {
        var kind = complaint.Category switch { ComplaintCategory.Loss => IncidentKind.Loss, ComplaintCategory.Damage => IncidentKind.Damage, _ => IncidentKind.Delay };
        var loss = kind == IncidentKind.Delay ? freight : random.Next(100, kind == IncidentKind.Loss ? 20_000 : 3_000) * 100L;
        var closed = complaint.ClosedAt is not null;
        var incident = new ServiceIncident
        {
            Number = "SG-" + complaint.Number[3..], WaybillNumber = waybill, CustomerId = complaint.CustomerId, ComplaintId = complaint.Id,
            Source = IncidentSource.Complaint, Kind = kind, Status = closed ? IncidentStatus.Closed : IncidentStatus.Open,
            Insured = insured, DeclaredValueFen = declared, FreightFen = freight, ExpectedLossFen = loss,
            Grade = loss > 1_000_000 ? IncidentGrade.Extraordinary : loss > 100_000 ? IncidentGrade.Major : IncidentGrade.Ordinary,
            Responsibility = complaint.Responsibility == ResponsibleParty.ThirdParty ? IncidentResponsibility.ThirdParty : IncidentResponsibility.Internal,
            ThirdPartyName = complaint.Responsibility == ResponsibleParty.ThirdParty ? "南航货运 / China Southern Cargo" : null,
            Handling = kind == IncidentKind.Delay ? IncidentHandling.Apology : complaint.Responsibility == ResponsibleParty.ThirdParty ? IncidentHandling.ThirdPartyClaim : IncidentHandling.CompensationPerContract,
            Description = complaint.Description, OccurredAt = complaint.RecordedAt.AddHours(-random.Next(6, 72)), RecordedAt = complaint.RecordedAt,
            RecordedById = complaint.FirstContactOwnerId, ClosedAt = complaint.ClosedAt,
            OwnerId = complaint.OwnerId, OutletId = complaint.OutletId, RegionId = complaint.RegionId, UpdatedAt = complaint.UpdatedAt, Version = 1,
        };
        db.ServiceIncidents.Add(incident);
        if (kind == IncidentKind.Delay) return [];
        var filed = DateOnly.FromDateTime(CompanyTime.Local(complaint.RecordedAt).DateTime);
        var paid = closed && random.NextDouble() < 0.85;
        var amount = Math.Min(loss, insured && declared > 0 ? declared : freight * 3);
        var recovered = paid && incident.Responsibility == IncidentResponsibility.ThirdParty ? amount * random.Next(30, 90) / 100 : 0;
        return [(incident, new Claim
        {
            Status = paid ? ClaimStatus.Paid : ClaimStatus.Filed, ClaimedFen = loss, ActualLossFen = loss,
            RuleAmountFen = amount, RuleLimit = insured ? CompensationLimit.DeclaredValue : CompensationLimit.FreightMultiple,
            ApprovalRequired = ApprovalLevel.Supervisor, ApprovedFen = paid ? amount : null, ApprovedAt = paid ? complaint.CarriedOutAt : null,
            PaidFen = paid ? amount : null, PaidOn = paid ? DateOnly.FromDateTime(CompanyTime.Local(complaint.ClosedAt!.Value).DateTime) : null,
            RecoveredFen = recovered, RecoveredOn = recovered > 0 ? DateOnly.FromDateTime(CompanyTime.Local(complaint.ClosedAt!.Value).DateTime).AddDays(random.Next(10, 40)) : null,
            FiledOn = filed, CustomerClaimBy = filed.AddYears(1), UpdatedAt = complaint.UpdatedAt, Version = 1,
        })];
    }

    private static int Pick(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
            if ((roll -= weights[i]) < 0) return i;
        return weights.Length - 1;
    }
}
