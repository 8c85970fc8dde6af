using Bogus;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Demo;

/// <summary>
/// On the first start of an empty database, a demo courier company with Chinese names:
/// 1 company, 3 regions, 8 outlets, staff in every role and 2,000 customers with contacts.
/// Deterministic (fixed seed), so the demo and the tests see the same company every time.
/// </summary>
public sealed class DemoCompanySeeder(IDbContextFactory<CrmDbContext> dbFactory, UserManager<CrmUser> users, IConfiguration configuration, TimeProvider clock, ILogger<DemoCompanySeeder> log)
{
    public const string AdminPassword = "Admin#2026";
    public const string StaffPassword = "Demo#2026";

    /// <summary>Demo logins (user name, name, role, outlet code); README lists them.</summary>
    public static readonly IReadOnlyList<(string UserName, string Name, StaffRole Role, string Outlet)> Staff =
    [
        ("admin", "系统管理员", StaffRole.Administrator, "SZ-NS"),
        ("mgr.south", "王志强", StaffRole.Manager, "SZ-NS"),
        ("mgr.east", "李秀英", StaffRole.Manager, "SH-PD"),
        ("mgr.north", "张伟", StaffRole.Manager, "BJ-CY"),
        ("cs.sz", "刘芳", StaffRole.CustomerServiceAgent, "SZ-NS"),
        ("cs.sh", "陈静", StaffRole.CustomerServiceAgent, "SH-PD"),
        ("cs.bj", "杨丽", StaffRole.CustomerServiceAgent, "BJ-CY"),
        ("ch.sz", "赵磊", StaffRole.ComplaintHandler, "SZ-NS"),
        ("ch.sh", "黄敏", StaffRole.ComplaintHandler, "SH-PD"),
        ("rep.sz1", "周杰", StaffRole.SalesRep, "SZ-NS"),
        ("rep.sz2", "吴涛", StaffRole.SalesRep, "SZ-FT"),
        ("rep.gz", "徐明", StaffRole.SalesRep, "GZ-TH"),
        ("rep.sh1", "孙洋", StaffRole.SalesRep, "SH-PD"),
        ("rep.sh2", "马超", StaffRole.SalesRep, "SH-JA"),
        ("rep.hz", "朱琳", StaffRole.SalesRep, "HZ-XH"),
        ("rep.bj1", "胡军", StaffRole.SalesRep, "BJ-CY"),
        ("rep.bj2", "郭勇", StaffRole.SalesRep, "BJ-HD"),
        ("kam.south", "何丽娟", StaffRole.KeyAccountManager, "SZ-FT"),
        ("kam.east", "林建华", StaffRole.KeyAccountManager, "SH-JA"),
        ("front.sz", "高雅", StaffRole.Reception, "SZ-NS"),
        ("front.bj", "郑爽", StaffRole.Reception, "BJ-HD"),
        ("analyst", "罗晓明", StaffRole.Analyst, "SZ-NS"),
    ];

    private static readonly (string Code, string Name, (string Code, string Name, string Province, string City, string AreaCode, string[] Districts)[] Outlets)[] Regions =
    [
        ("SOUTH", "华南大区",
        [
            ("SZ-NS", "深圳南山网点", "广东省", "深圳市", "0755", ["南山区", "宝安区"]),
            ("SZ-FT", "深圳福田网点", "广东省", "深圳市", "0755", ["福田区", "罗湖区"]),
            ("GZ-TH", "广州天河网点", "广东省", "广州市", "020", ["天河区", "越秀区", "海珠区"]),
        ]),
        ("EAST", "华东大区",
        [
            ("SH-PD", "上海浦东网点", "上海市", "上海市", "021", ["浦东新区"]),
            ("SH-JA", "上海静安网点", "上海市", "上海市", "021", ["静安区", "黄浦区"]),
            ("HZ-XH", "杭州西湖网点", "浙江省", "杭州市", "0571", ["西湖区", "拱墅区", "滨江区"]),
        ]),
        ("NORTH", "华北大区",
        [
            ("BJ-CY", "北京朝阳网点", "北京市", "北京市", "010", ["朝阳区", "东城区"]),
            ("BJ-HD", "北京海淀网点", "北京市", "北京市", "010", ["海淀区", "西城区"]),
        ]),
    ];

    private static readonly string[] Streets = ["科技园路", "深南大道", "建设路", "人民路", "中山路", "解放路", "学院路", "工业大道", "滨海大道", "文化路", "长江路", "和平街"];
    private static readonly string[] Brand = ["华美", "鼎盛", "宏达", "恒信", "新锐", "嘉禾", "金桥", "瑞丰", "汇通", "博远", "天成", "锦程", "优品", "星辰", "万家", "永兴", "佳音", "云帆"];
    private static readonly (string Word, SpecialisedMarket Market, string Industry)[] Trades =
    [
        ("电子", SpecialisedMarket.Electronics, "电子产品"), ("服饰", SpecialisedMarket.Clothing, "服装"), ("皮具", SpecialisedMarket.Leather, "皮革制品"),
        ("陶瓷", SpecialisedMarket.FragileGoods, "陶瓷玻璃"), ("机械", SpecialisedMarket.Industrial, "工业设备"), ("食品", SpecialisedMarket.None, "食品"),
        ("文化传媒", SpecialisedMarket.None, "文化传媒"), ("电商", SpecialisedMarket.None, "电子商务"), ("医疗器械", SpecialisedMarket.FragileGoods, "医疗器械"),
    ];
    private static readonly string[] Forms = ["有限公司", "贸易有限公司", "科技有限公司", "实业有限公司", "网店"];

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Companies.AnyAsync(ct)) return;
        var customerCount = configuration.GetValue("Demo:Customers", 2000);
        log.LogInformation("Seeding the demo company with {Count} customers", customerCount);

        var company = new Company { Name = "迅达速运有限公司", HotlinePhone = "400-820-8888" };
        foreach (var (code, name, outlets) in Regions)
            company.Regions.Add(new Region
            {
                Code = code, Name = name,
                Outlets = outlets.Select(o => new Outlet { Code = o.Code, Name = o.Name, Address = (o.Province == o.City ? o.City : o.Province + o.City) + o.Districts[0], Phone = $"{o.AreaCode}-8{o.Code.Sum(ch => ch) * 7919 % 10_000_000:D7}", HeadName = null }).ToList(),
            });
        db.Companies.Add(company);
        await db.SaveChangesAsync(ct);
        var outletsByCode = await db.Outlets.ToDictionaryAsync(o => o.Code, ct);

        var now = clock.GetUtcNow();
        var userIds = new Dictionary<string, int>();
        foreach (var (userName, name, role, outlet) in Staff)
        {
            var user = new CrmUser
            {
                UserName = userName, DisplayName = name, Role = role, OutletId = outletsByCode[outlet].Id, CreatedAt = now,
                Email = userName + "@xunda.example.cn",
            };
            var result = await users.CreateAsync(user, role == StaffRole.Administrator ? AdminPassword : StaffPassword);
            if (!result.Succeeded) throw new InvalidOperationException($"Demo user {userName}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            userIds[userName] = user.Id;
        }
        foreach (var outlet in outletsByCode.Values)
            outlet.HeadName = Staff.Where(s => s.Outlet == outlet.Code && s.Role == StaffRole.Manager).Select(s => s.Name).FirstOrDefault()
                              ?? Staff.First(s => s.Outlet == outlet.Code).Name;

        var owners = Staff.Where(s => s.Role is StaffRole.SalesRep or StaffRole.KeyAccountManager)
            .GroupBy(s => s.Outlet).ToDictionary(g => g.Key, g => g.Select(s => userIds[s.UserName]).ToArray());
        var places = Regions.SelectMany(r => r.Outlets).ToArray();
        var faker = new Faker("zh_CN") { Random = new Randomizer(2026) };
        var batch = new List<Customer>();
        for (var i = 1; i <= customerCount; i++)
        {
            var place = faker.PickRandom(places);
            batch.Add(NewCustomer(faker, i, place, outletsByCode[place.Code], owners.GetValueOrDefault(place.Code), now));
            if (batch.Count == 500 || i == customerCount)
            {
                db.Customers.AddRange(batch);
                await db.SaveChangesAsync(ct);
                // Every archive starts its 360 timeline with its creation, as one entered by hand would.
                db.CustomerEvents.AddRange(batch.Select(c => new CustomerEvent
                {
                    CustomerId = c.Id, At = c.CreatedAt, Kind = "created", Title = "建档 / Archive created", Detail = "演示数据 / demo data",
                }));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                batch.Clear();
            }
        }
    }

    private static Customer NewCustomer(Faker f, int n, (string Code, string Name, string Province, string City, string AreaCode, string[] Districts) place, Outlet outlet, int[]? owners, DateTimeOffset now)
    {
        var individual = f.Random.Double() < 0.25;
        var trade = f.PickRandom(Trades);
        var cityShort = place.City.TrimEnd('市');
        var name = individual ? Person(f) : $"{cityShort}{f.PickRandom(Brand)}{trade.Word}{f.PickRandom(Forms)}";
        var created = now.AddDays(-f.Random.Int(1, 900)).AddMinutes(-f.Random.Int(0, 24 * 60 - 1));
        var phone = Mobile(f);
        var market = individual ? MarketType.Scattered : trade.Word == "电商" || name.EndsWith("网店") ? MarketType.ECommerce : f.Random.WeightedRandom([MarketType.Enterprise, MarketType.ECommerce, MarketType.Government], [0.7f, 0.2f, 0.1f]);
        var c = new Customer
        {
            Code = "C" + n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
            Name = name,
            Type = individual ? CustomerType.Individual : CustomerType.Organisation,
            Nature = individual ? CustomerNature.Individual : market == MarketType.Government ? CustomerNature.GovernmentNonProfit : f.Random.Double() < 0.1 ? CustomerNature.EnterpriseGroup : CustomerNature.Enterprise,
            MarketType = market,
            SpecialisedMarket = individual ? SpecialisedMarket.None : trade.Market,
            AreaType = f.PickRandom<AreaType>(),
            BusinessRelation = f.Random.WeightedRandom([BusinessRelation.Transactional, BusinessRelation.Contract, BusinessRelation.Alliance], [0.6f, 0.32f, 0.08f]),
            Reach = individual ? BusinessReach.Regional : f.PickRandom<BusinessReach>(),
            Source = market == MarketType.ECommerce ? CustomerSource.ECommerce : CustomerSource.Traditional,
            Lifecycle = f.Random.WeightedRandom([LifecycleState.Potential, LifecycleState.New, LifecycleState.Loyal, LifecycleState.Churned], [0.15f, 0.3f, 0.45f, 0.1f]),
            Phone = phone,
            PhoneDigits = phone,
            PhoneLast4 = phone[^4..],
            Email = individual ? null : $"service{n}@example.cn",
            PostalCode = f.Random.Replace("5180##"),
            LegalRepresentative = individual ? null : Person(f),
            Industry = individual ? null : trade.Industry,
            OrganisationForm = individual ? null : "有限责任公司",
            RegisteredCapital = individual ? null : f.Random.Int(10, 5000) * 10_000m,
            BusinessSince = DateOnly.FromDateTime(created.UtcDateTime),
            YearsInBusiness = individual ? null : f.Random.Int(1, 25),
            Birthday = individual ? DateOnly.FromDateTime(f.Date.Past(40, new DateTime(2004, 1, 1))) : null,
            CreditLimit = individual ? null : f.Random.Int(1, 50) * 1000m,
            BillingDay = individual ? null : f.PickRandom(5, 10, 15, 25),
            MonthlyAccountNo = individual || f.Random.Double() < 0.4 ? null : f.Random.Replace("7551######"),
            PaymentTerms = individual ? "现结" : f.PickRandom("月结", "月结30天", "现结", "周结"),
            ServiceRegion = individual ? null : f.PickRandom("同城", "省内", "全国", "华南", "华东"),
            GrowthPotential = individual ? null : f.PickRandom("高", "中", "低"),
            RequiredServices = f.PickRandom("标准快递", "次晨达", "当日达", "经济快递", "保价 + 代收货款"),
            CompetitorsUsed = f.Random.Double() < 0.5 ? f.PickRandom("顺丰", "中通", "圆通", "韵达", "京东物流") : null,
            OwnerId = owners is { Length: > 0 } && f.Random.Double() < 0.9 ? f.PickRandom(owners) : null,
            OutletId = outlet.Id,
            RegionId = outlet.RegionId,
            CreatedAt = created,
            UpdatedAt = created.AddDays(f.Random.Int(0, 30)) is var u && u < now ? u : now,
        };
        var district = f.PickRandom(place.Districts);
        c.Addresses.Add(new CustomerAddress
        {
            Label = individual ? "住址" : "办公地址", Province = place.Province, City = place.City, District = district,
            Street = $"{f.PickRandom(Streets)}{f.Random.Int(1, 399)}号", Room = $"{f.PickRandom("A", "B", "C")}座{f.Random.Int(1, 30)}{f.Random.Int(1, 20):D2}室", IsDefault = true,
        });
        if (!individual && f.Random.Double() < 0.4)
            c.Addresses.Add(new CustomerAddress { Label = "仓库", Province = place.Province, City = place.City, District = f.PickRandom(place.Districts), Street = $"{f.PickRandom(Streets)}{f.Random.Int(1, 399)}号", Room = $"{f.Random.Int(1, 9)}号仓" });
        if (!individual)
        {
            c.Contacts.Add(NewContact(f, ContactRole.DecisionMaker, f.PickRandom("总经理", "老板", "董事长")));
            if (f.Random.Double() < 0.7) c.Contacts.Add(NewContact(f, ContactRole.ShippingClerk, "发货员"));
            if (f.Random.Double() < 0.4) c.Contacts.Add(NewContact(f, ContactRole.Finance, "财务"));
            if (f.Random.Double() < 0.3) c.Contacts.Add(NewContact(f, ContactRole.Assistant, "助理"));
        }
        foreach (var tag in f.Make(f.Random.Int(0, 2), () => f.PickRandom("月结大户", "易碎品", "节日高峰", "电商大促", "需上门取件", "投诉敏感", "新开发")).Distinct())
            c.Tags.Add(new CustomerTag { Tag = tag });
        return c;
    }

    private static Contact NewContact(Faker f, ContactRole role, string title)
    {
        var phone = Mobile(f);
        return new Contact
        {
            Name = Person(f), Role = role, Title = title, Phone = phone, PhoneDigits = phone, PhoneLast4 = phone[^4..],
            Birthday = f.Random.Double() < 0.6 ? DateOnly.FromDateTime(f.Date.Past(35, new DateTime(2002, 1, 1))) : null,
            Hobbies = f.Random.Double() < 0.3 ? f.PickRandom("喝茶", "钓鱼", "羽毛球", "登山", "摄影") : null,
        };
    }

    private static string Person(Faker f) => f.Name.LastName() + f.Name.FirstName();

    private static string Mobile(Faker f) => f.PickRandom("138", "139", "150", "186", "177", "135", "188", "158") + f.Random.Replace("########");
}
