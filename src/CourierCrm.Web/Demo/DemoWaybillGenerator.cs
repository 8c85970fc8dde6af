using System.Globalization;
using CourierCrm.Domain.Shipments;

namespace CourierCrm.Web.Demo;

/// <summary>A sender the demo waybills are drawn for: an archived customer, or (CustomerId null) an unknown one.</summary>
public sealed record DemoShipper(int? CustomerId, string Code, string Name, string? Phone, string? MonthlyAccountNo, int? OutletId,
    string City, string Address, DateTimeOffset ActiveFrom, DateTimeOffset ActiveUntil, bool ECommerce, bool Ships = true);

/// <summary>An outlet as the generator needs it: where parcels are picked up and delivered.</summary>
public sealed record DemoOutlet(int Id, string Name, string City);

/// <summary>
/// Deterministic, streaming maker of realistic waybills over the last 24 months, oldest first:
/// a Zipf spread of volume over senders (a few key accounts ship most), a growing trend with
/// Double 11 (双十一) and 618 peaks and the Chinese New Year dip, freight from weight, distance
/// and product, some insured and cash-on-delivery parcels, statuses and tracking scans that fit
/// each parcel's age. Holds no waybill after yielding it, so it can make millions.
/// </summary>
public sealed class DemoWaybillGenerator
{
    /// <summary>Zipf exponent of the senders' volume: about 20 % of senders make 80 % of it.</summary>
    public const double ZipfExponent = 0.9;
    private const int Days = 730;
    /// <summary>Scans for every recent waybill (the ones people open); older ones get a sample, keeping the first start quick.</summary>
    public const int EventsForLastDays = 120;

    private static readonly (string City, string Area)[] Cities =
    [
        ("北京市", "N"), ("上海市", "E"), ("广州市", "S"), ("深圳市", "S"), ("杭州市", "E"), ("南京市", "E"), ("苏州市", "E"), ("成都市", "W"),
        ("重庆市", "W"), ("武汉市", "C"), ("西安市", "W"), ("天津市", "N"), ("长沙市", "C"), ("郑州市", "C"), ("青岛市", "N"), ("厦门市", "S"),
        ("福州市", "S"), ("合肥市", "E"), ("济南市", "N"), ("沈阳市", "N"), ("昆明市", "W"), ("南宁市", "S"), ("东莞市", "S"), ("佛山市", "S"),
        ("宁波市", "E"), ("温州市", "E"), ("石家庄市", "N"), ("哈尔滨市", "N"), ("乌鲁木齐市", "W"), ("海口市", "S"),
    ];
    private static readonly double[] CityWeights = [9, 10, 8, 8, 6, 4, 4, 5, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 1.5, 1.5, 3, 2.5, 2, 1.5, 1, 1, 0.5, 0.8];
    private static readonly string[] Streets = ["人民路", "中山路", "解放路", "建设路", "长江路", "和平街", "新华路", "迎宾大道", "工业大道", "学府路", "花园路", "滨江路"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "晓燕", "建华", "志强", "海燕"];
    private static readonly string[] MobilePrefixes = ["138", "139", "150", "186", "177", "135", "188", "158", "131", "199"];

    private readonly IReadOnlyList<DemoShipper> _shippers;
    private readonly IReadOnlyList<DemoOutlet> _outlets;
    private readonly DateTimeOffset _now;
    private readonly int _seed;
    private readonly double[] _shipperCumulative;
    private readonly double[] _cityCumulative;

    public DemoWaybillGenerator(IReadOnlyList<DemoShipper> shippers, IReadOnlyList<DemoOutlet> outlets, DateTimeOffset now, int seed = 2026)
    {
        if (outlets.Count == 0) throw new ArgumentException("The demo waybills need at least one outlet.", nameof(outlets));
        _shippers = shippers;
        _outlets = outlets;
        _now = now.ToUniversalTime();
        _seed = seed;
        // Ranks are dealt in a shuffled order, so the big shippers are spread over outlets and ages.
        var random = new Random(seed);
        var ranks = Enumerable.Range(1, shippers.Count).OrderBy(_ => random.Next()).ToArray();
        _shipperCumulative = Cumulative(shippers.Select((s, i) => s.Ships ? Math.Pow(ranks[i], -ZipfExponent) : 0).ToArray());
        _cityCumulative = Cumulative(CityWeights);
    }

    /// <summary>
    /// <paramref name="count"/> waybills, oldest first, numbered "XD" + 12 digits in time order.
    /// With <paramref name="events"/>, tracking scans go with every waybill of the last <see cref="EventsForLastDays"/> days and every twentieth older one.
    /// <paramref name="unmatchedShare"/> of them come from senders not in the archive.
    /// </summary>
    public IEnumerable<Waybill> Generate(int count, bool events = true, double unmatchedShare = 0.01)
    {
        var random = new Random(_seed + 1);
        var chinaDayZero = new DateTimeOffset(_now.ToOffset(TimeSpan.FromHours(8)).Date, TimeSpan.FromHours(8)).AddDays(-(Days - 1));
        var dayCumulative = Cumulative(DayWeights(chinaDayZero));
        var unknownCodes = Enumerable.Range(0, 60).Select(i => "U" + (900_001 + i * 37).ToString(CultureInfo.InvariantCulture)).ToArray();
        var eventsFrom = _now.AddDays(-EventsForLastDays);
        var produced = 0;
        for (var day = 0; day < Days && produced < count; day++)
        {
            var dayEnd = (int)Math.Round(count * dayCumulative[day] / dayCumulative[^1]);
            var dayStart = chinaDayZero.AddDays(day);
            for (; produced < dayEnd; produced++)
            {
                // Office hours, busiest in the afternoon when shippers hand over the day's parcels.
                var orderedAt = dayStart.AddHours(8 + 13 * Math.Sqrt(random.NextDouble())).AddSeconds(random.Next(3600)).ToUniversalTime();
                if (orderedAt > _now) orderedAt = _now.AddMinutes(-random.Next(1, 240));
                var shipper = random.NextDouble() < unmatchedShare || _shippers.Count == 0 ? null : PickShipper(random, orderedAt);
                shipper ??= Unknown(random, unknownCodes);
                var number = "XD" + (730_000_000_000L + produced * 7L + random.Next(7)).ToString(CultureInfo.InvariantCulture);
                var withEvents = events && (orderedAt >= eventsFrom || produced % 20 == 0);
                yield return NewWaybill(random, number, shipper, orderedAt, withEvents);
            }
        }
    }

    private DemoShipper? PickShipper(Random random, DateTimeOffset at)
    {
        // A customer ships only between its archive's creation and its churn; draw again otherwise.
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var s = _shippers[Pick(_shipperCumulative, random)];
            if (s.Ships && at >= s.ActiveFrom && at <= s.ActiveUntil) return s;
        }
        return null;
    }

    private DemoShipper Unknown(Random random, string[] codes)
    {
        var outlet = _outlets[random.Next(_outlets.Count)];
        return new DemoShipper(null, codes[random.Next(codes.Length)], Person(random), Mobile(random), null, outlet.Id, outlet.City,
            $"{outlet.City}{Streets[random.Next(Streets.Length)]}{random.Next(1, 400)}号", DateTimeOffset.MinValue, DateTimeOffset.MaxValue, false);
    }

    private Waybill NewWaybill(Random random, string number, DemoShipper s, DateTimeOffset orderedAt, bool withEvents)
    {
        var (destination, area) = Cities[Pick(_cityCumulative, random)];
        var originArea = Cities.FirstOrDefault(c => c.City == s.City).Area;
        var zone = destination == s.City ? 0 : area == originArea ? 1 : 2;
        var product = zone == 0 && random.NextDouble() < 0.15 ? Product.SameDay
            : random.NextDouble() switch { < 0.62 => Product.Standard, < 0.88 => Product.Economy, _ => Product.NextMorning };
        var grams = random.NextDouble() switch
        {
            < 0.35 => random.Next(100, 500), < 0.85 => random.Next(500, 5_000), < 0.97 => random.Next(5_000, 20_000), _ => random.Next(20_000, 60_000),
        };
        var pieces = grams > 20_000 ? random.Next(1, 6) : random.NextDouble() < 0.05 ? 2 : 1;
        var payer = s.MonthlyAccountNo is not null && random.NextDouble() < 0.9 ? Payer.MonthlyAccount
            : random.NextDouble() switch { < 0.75 => Payer.Sender, < 0.95 => Payer.Receiver, _ => Payer.ThirdParty };
        var insured = random.NextDouble() < 0.06;
        var declared = insured ? random.Next(5, 200) * 10_000L : (long?)null;
        var cod = random.NextDouble() < (s.ECommerce ? 0.25 : 0.02) ? random.Next(30, 1_500) * 100L : (long?)null;

        // Planned time on the way by product and distance; the real one scatters around it.
        var planned = product switch
        {
            Product.SameDay => TimeSpan.FromHours(8),
            Product.NextMorning => TimeSpan.FromHours(zone == 2 ? 30 : 20),
            Product.Economy => TimeSpan.FromDays(zone switch { 0 => 1.5, 1 => 3, _ => 5 }),
            _ => TimeSpan.FromDays(zone switch { 0 => 1, 1 => 2, _ => 3 }),
        };
        var pickedUpAt = orderedAt.AddMinutes(random.Next(20, 240));
        var promisedAt = orderedAt + planned;
        var arrivesAt = pickedUpAt + planned * (0.6 + 0.6 * random.NextDouble());
        var outcome = random.NextDouble();
        var status = _now < pickedUpAt ? WaybillStatus.Ordered
            : _now < arrivesAt ? (_now - pickedUpAt < TimeSpan.FromHours(2) ? WaybillStatus.PickedUp
                : _now < arrivesAt.AddHours(-4) ? WaybillStatus.InTransit : WaybillStatus.OutForDelivery)
            : outcome < 0.012 && _now - arrivesAt < TimeSpan.FromDays(14) ? WaybillStatus.Exception
            : outcome < 0.027 ? WaybillStatus.Returned : WaybillStatus.Delivered;
        var deliveryOutlet = _outlets.FirstOrDefault(o => o.City == destination);
        var w = new Waybill
        {
            Number = number, CustomerId = s.CustomerId, CustomerCode = s.Code, MonthlyAccountNo = payer == Payer.MonthlyAccount ? s.MonthlyAccountNo : null,
            Product = product, SenderName = s.Name, SenderPhone = s.Phone, SenderAddress = s.Address,
            ReceiverName = Person(random), ReceiverPhone = Mobile(random),
            ReceiverAddress = $"{destination}{Streets[random.Next(Streets.Length)]}{random.Next(1, 800)}号{random.Next(1, 30)}栋{random.Next(1, 30)}{random.Next(1, 9):D2}室",
            OriginCity = s.City, DestinationCity = destination, Pieces = pieces, WeightGrams = grams,
            FreightFen = Freight(grams, zone, product, payer), Insured = insured, DeclaredValueFen = declared,
            InsuranceFeeFen = declared is { } d ? Math.Max(100, d / 200) : null, CodAmountFen = cod, Payer = payer, Status = status,
            OrderedAt = orderedAt, PickedUpAt = status == WaybillStatus.Ordered ? null : pickedUpAt, PromisedAt = promisedAt,
            DeliveredAt = status == WaybillStatus.Delivered ? arrivesAt : null,
            PickupOutletId = s.OutletId, DeliveryOutletId = deliveryOutlet?.Id,
            UpdatedAt = status == WaybillStatus.Ordered ? orderedAt : Min(arrivesAt, _now),
        };
        if (withEvents && status != WaybillStatus.Ordered)
            AddEvents(w, random, _outlets.FirstOrDefault(o => o.Id == s.OutletId)?.Name ?? s.City + "网点", deliveryOutlet?.Name ?? destination + "营业部", zone, arrivesAt);
        return w;
    }

    private void AddEvents(Waybill w, Random random, string pickupPlace, string deliveryPlace, int zone, DateTimeOffset arrivesAt)
    {
        var picked = w.PickedUpAt!.Value;
        var origin = w.OriginCity.TrimEnd('市') + "转运中心";
        var hub = w.DestinationCity.TrimEnd('市') + "转运中心";
        var scans = new List<TrackingEvent> { new() { At = picked, Place = pickupPlace, Description = "快递员已揽收", Status = WaybillStatus.PickedUp } };
        if (zone > 0)
        {
            scans.Add(new() { At = picked.AddHours(2 + random.Next(4)), Place = origin, Description = $"已到达【{origin}】，发往【{hub}】", Status = WaybillStatus.InTransit });
            scans.Add(new() { At = picked + (arrivesAt - picked) * 0.7, Place = hub, Description = $"已到达【{hub}】", Status = WaybillStatus.InTransit });
        }
        scans.Add(new() { At = arrivesAt.AddHours(-3), Place = deliveryPlace, Description = "快递员正在派送，请保持电话畅通", Status = WaybillStatus.OutForDelivery });
        scans.Add(w.Status switch
        {
            WaybillStatus.Exception => new() { At = arrivesAt, Place = deliveryPlace, Description = "地址不详，联系收件人未果", Status = WaybillStatus.Exception },
            WaybillStatus.Returned => new() { At = arrivesAt, Place = deliveryPlace, Description = "收件人拒收，已退回寄件人", Status = WaybillStatus.Returned },
            _ => new() { At = arrivesAt, Place = deliveryPlace, Description = "已签收，签收人：本人", Status = WaybillStatus.Delivered },
        });
        // Only what has happened by now; a parcel still on its way has its first scans alone.
        w.Events.AddRange(scans.Where(e => e.At <= _now));
    }

    private static long Freight(long grams, int zone, Product product, Payer payer)
    {
        var kilos = Math.Max(1, (grams + 999) / 1000);
        var (first, extra) = zone switch { 0 => (1_000, 200), 1 => (1_300, 400), _ => (2_000, 1_000) };
        var factor = product switch { Product.Economy => 0.65, Product.NextMorning => 1.4, Product.SameDay => 2.5, _ => 1.0 };
        if (payer == Payer.MonthlyAccount) factor *= 0.85;
        return (long)Math.Round((first + extra * (kilos - 1)) * factor / 10) * 10;
    }

    /// <summary>Relative volume of each day: growth, weekends, 618, Double 11, Double 12 and the Spring Festival.</summary>
    private static double[] DayWeights(DateTimeOffset dayZero)
    {
        var lunar = new ChineseLunisolarCalendar();
        var newYears = Enumerable.Range(dayZero.Year, 4).Select(y => DateOnly.FromDateTime(lunar.ToDateTime(y, 1, 1, 0, 0, 0, 0))).ToArray();
        var weights = new double[Days];
        for (var i = 0; i < Days; i++)
        {
            var date = DateOnly.FromDateTime(dayZero.AddDays(i).DateTime);
            var w = 1.0 + 0.35 * i / Days;
            if (date.DayOfWeek == DayOfWeek.Sunday) w *= 0.7;
            if (date is { Month: 11, Day: >= 11 and <= 13 }) w *= 3.2;
            else if (date is { Month: 11, Day: >= 1 and <= 20 }) w *= 1.6;
            if (date is { Month: 6, Day: >= 16 and <= 19 }) w *= 1.8;
            if (date is { Month: 12, Day: >= 12 and <= 13 }) w *= 1.5;
            foreach (var ny in newYears)
            {
                var offset = date.DayNumber - ny.DayNumber;
                if (offset is >= -7 and <= 10) w *= 0.2;
                else if (offset is >= -25 and < -7) w *= 1.3;
            }
            weights[i] = w;
        }
        return weights;
    }

    private static double[] Cumulative(double[] weights)
    {
        var sum = 0.0;
        var cumulative = new double[weights.Length];
        for (var i = 0; i < weights.Length; i++) cumulative[i] = sum += weights[i];
        return cumulative;
    }

    private static int Pick(double[] cumulative, Random random)
    {
        var i = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Person(Random r) => Surnames[r.Next(Surnames.Length)] + Given[r.Next(Given.Length)];

    private static string Mobile(Random r) => MobilePrefixes[r.Next(MobilePrefixes.Length)] + r.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
}
