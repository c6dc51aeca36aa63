using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Orders;

/// <summary>
/// 90 days of orders from five channels as a Chinese online shop receives them: late-evening peaks, busier weekends,
/// the Double 11 rush. Each order went the way the desk takes orders (review, reservation, assignment, picking,
/// packing, shipment, delivery, sometimes a return, about 2% through the exception queue), and its stock moved
/// through the ledger the same way: the area writes the orders' Reservation, Shipment, Release and Return movements
/// and rebuilds the balances from the ledger once at the end. Orders take the stock the inventory area received;
/// when a SKU is gone from both warehouses an order goes out of stock like it would in the shop.
/// Besides the shoppers who come and go at random, a cast of customers (<see cref="CastSize"/> of each kind) gives the
/// customer analysis every segment: regulars who buy their favourite category every one to two weeks (VIP or
/// active), steady ones every month, faded ones who bought three times and stopped a month and a half ago (at risk),
/// recent first-timers (new), single buyers of a month or two ago (hibernating), and lost customers whose orders are
/// over two years old — older than the two years of history the business forecast reads, so its series keep starting
/// with the 90 days.
/// </summary>
public sealed class OrderDemoData(CompanyTime time, ShipByPolicy shipBy, StockLedger ledger) : IDemoDataArea
{
    public static readonly TimeSpan Span = TimeSpan.FromDays(90);

    /// <summary>How many customers of each scripted kind the demo has (see the class summary).</summary>
    public static int CastSize(DemoSize size) => size switch
    {
        DemoSize.Minimal => 2,
        DemoSize.Standard => 60,
        _ => 600,
    };

    /// <summary>Days before now that the lost customers' orders were placed, at the most and at the least.</summary>
    public static readonly (int Most, int Least) LostDaysAgo = (1000, 760);

    public int Order => 30;

    public string Name => "Orders";

    public static int OrderCount(DemoSize size) => size switch
    {
        DemoSize.Minimal => 60,
        DemoSize.Standard => 60_000,
        _ => 1_000_000,
    };

    /// <summary>The demo channels: code, name, platform, share of orders.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, SalesPlatform Platform, double Share)> Channels =
    [
        ("TMALL", "天猫旗舰店", SalesPlatform.Tmall, 0.34),
        ("JD", "京东旗舰店", SalesPlatform.JD, 0.24),
        ("DOUYIN", "抖音小店", SalesPlatform.Douyin, 0.2),
        ("PDD", "拼多多店", SalesPlatform.Pinduoduo, 0.13),
        ("WEB", "官网商城", SalesPlatform.WebShop, 0.09),
    ];

    public async Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct)
    {
        var channels = Channels.Select(c => new SalesChannel { Code = c.Code, Name = c.Name, Platform = c.Platform }).ToList();
        db.SalesChannels.AddRange(channels);
        await db.SaveChangesAsync(ct);

        var skus = await db.Set<Sku>().AsNoTracking().Where(s => s.Active).OrderBy(s => s.Id)
            .Select(s => new DemoSku(s.Id, s.Code, s.Name, s.ListPriceCents, s.Category)).ToListAsync(ct);
        var warehouses = await db.Set<Warehouse>().AsNoTracking().Where(w => w.Active).OrderBy(w => w.Id).Select(w => w.Id).ToListAsync(ct);
        if (skus.Count == 0 || warehouses.Count == 0)
        {
            return;
        }
        var staff = await db.Employees.AsNoTracking().Where(e => e.Active && e.Role == Roles.OperationsSpecialist).OrderBy(e => e.Id).Select(e => e.FullName).ToListAsync(ct);
        if (staff.Count == 0)
        {
            staff = ["operations"];
        }
        var stock = (await db.Set<StockMovement>().AsNoTracking().GroupBy(m => new { m.SkuId, m.WarehouseId })
                .Select(g => new { g.Key.SkuId, g.Key.WarehouseId, OnHand = g.Sum(m => m.OnHandDelta), Reserved = g.Sum(m => m.ReservedDelta) })
                .ToListAsync(ct))
            .ToDictionary(s => (s.SkuId, s.WarehouseId), s => s.OnHand - s.Reserved);

        var now = time.UtcNow;
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var count = OrderCount(size);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The whole seed is one transaction of some 600,000 rows: with SQLite's default 2 MB page cache the dirty pages
        // spill to the WAL again and again; a cache large enough to hold them writes each page once, at commit.
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144;", ct);
        }
        // At the large size the tables' indexes outgrow that cache: built after the load, each is sorted once.
        var indexes = await IndexesSetAside.DropAsync(db, [typeof(Order), typeof(OrderLine), typeof(OrderHold), typeof(OrderEvent),
            typeof(OrderShipment), typeof(OrderShipmentLine), typeof(OutboxMessage), typeof(StockMovement)], ct);
        await using var writer = new Writer(db, channels, skus, warehouses, staff, stock, shipBy, random, now,
            await db.Orders.MaxAsync(o => (int?)o.Id, ct) ?? 0,
            await db.Set<StockMovement>().MaxAsync(m => (long?)m.Id, ct) ?? 0);
        var cast = Cast(CastSize(size), now, random, writer, skus);
        foreach (var (placed, customer, category) in cast.Where(c => c.Placed < now - Span))
        {
            writer.Write(placed, customer, category);
        }
        var recent = new Queue<(DateTime Placed, Writer.DemoCustomer Customer, string? Category)>(cast.Where(c => c.Placed >= now - Span));
        foreach (var placed in Arrivals(count, now, random))
        {
            ct.ThrowIfCancellationRequested();
            while (recent.Count > 0 && recent.Peek().Placed <= placed)
            {
                var (at, customer, category) = recent.Dequeue();
                writer.Write(at, customer, category);
            }
            writer.Write(placed);
        }
        while (recent.Count > 0)
        {
            var (at, customer, category) = recent.Dequeue();
            writer.Write(at, customer, category);
        }
        await writer.FinishAsync();
        await indexes.RestoreAsync(ct);
        await ledger.RebuildBalancesAsync(db, ct);
        await transaction.CommitAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000;", ct);
        }
    }

    /// <summary>The cast's orders, oldest first: each a time, a customer of the cast (kept out of the random repeat buyers) and, for the regulars, their category.</summary>
    private static List<(DateTime Placed, Writer.DemoCustomer Customer, string? Category)> Cast(int size, DateTime now, Random random, Writer writer, List<DemoSku> skus)
    {
        // Dearest first, so the first regulars spend like VIPs.
        var categories = skus.Where(s => s.Category is not null).GroupBy(s => s.Category!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Average(s => s.ListPriceCents)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        var orders = new List<(DateTime Placed, Writer.DemoCustomer Customer, string? Category)>();
        DateTime DaysAgo(double days) => now.AddDays(-days).AddMinutes(-random.Next(600));
        for (var i = 0; i < size; i++)
        {
            var favourite = categories.Count == 0 ? null : categories[i % categories.Count];
            // A regular: every 7 to 16 days for the last 85 days, a day either way.
            var regular = writer.CastCustomer();
            var every = 7 + i % 4 * 3;
            for (var day = 85.0 - random.Next(every); day > 0.5; day -= every + random.Next(-1, 2))
            {
                orders.Add((DaysAgo(day), regular, favourite));
            }
            // Steady: about monthly, three times, the last within the fortnight.
            var steady = writer.CastCustomer();
            foreach (var day in new[] { 70, 40, 10 })
            {
                orders.Add((DaysAgo(day + random.Next(4)), steady, favourite));
            }
            var faded = writer.CastCustomer();
            foreach (var day in new[] { 85, 65, 45 })
            {
                orders.Add((DaysAgo(day + random.Next(4)), faded, null));
            }
            orders.Add((DaysAgo(1 + random.Next(10)), writer.CastCustomer(), null));
            orders.Add((DaysAgo(40 + random.Next(40)), writer.CastCustomer(), null));
            var lost = writer.CastCustomer();
            var first = LostDaysAgo.Least + random.Next(LostDaysAgo.Most - LostDaysAgo.Least - 60);
            for (var n = 0; n < 1 + i % 3; n++)
            {
                orders.Add((DaysAgo(first + 60 - 25 * n), lost, null));
            }
        }
        return [.. orders.Where(o => o.Placed < now).OrderBy(o => o.Placed)];
    }

    /// <summary>Order times in order: each hour of the 90 days weighted by hour of day, weekday, growth and the Double 11 rush.</summary>
    private IEnumerable<DateTime> Arrivals(int count, DateTime now, Random random)
    {
        var hours = (int)Span.TotalHours;
        var start = now - Span;
        var cumulative = new double[hours];
        var total = 0.0;
        for (var i = 0; i < hours; i++)
        {
            var local = time.ToLocal(start.AddHours(i).AddMinutes(30));
            var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.25 : 1.0;
            var growth = 0.9 + 0.2 * i / hours;
            var rush = local switch
            {
                { Month: 11, Day: 11 } => 4.0,
                { Month: 11, Day: >= 1 and <= 10 } => 1.5,
                { Month: 11, Day: >= 12 and <= 13 } => 1.4,
                _ => 1.0,
            };
            total += HourOfDay[local.Hour] * weekend * growth * rush;
            cumulative[i] = total;
        }
        var times = new DateTime[count];
        for (var n = 0; n < count; n++)
        {
            var slot = Array.BinarySearch(cumulative, random.NextDouble() * total);
            slot = Math.Min(slot < 0 ? ~slot : slot, hours - 1);
            times[n] = start.AddHours(slot).AddSeconds(random.Next(3600));
        }
        Array.Sort(times);
        return times.Where(t => t < now);
    }

    /// <summary>Orders per local hour: asleep at night, a mid-morning hump, the peak from 20:00 to midnight.</summary>
    private static readonly double[] HourOfDay =
    [
        0.6, 0.35, 0.18, 0.1, 0.07, 0.08, 0.15, 0.3, 0.55, 0.8, 1.0, 1.05,
        0.9, 0.95, 0.95, 0.9, 0.85, 0.85, 0.9, 1.1, 1.45, 1.7, 1.75, 1.2,
    ];

    internal sealed record DemoSku(int Id, string Code, string Name, long ListPriceCents, string? Category);

    private sealed class Writer : IAsyncDisposable
    {
        private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐"];
        private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "喆", "堃", "子涵", "浩然", "欣怡", "宇轩"];
        private static readonly string[] EnglishNames = ["Olivia Smith", "James Brown", "Sophia Taylor", "Daniel Wilson", "Grace Evans", "Lucas Walker", "Chloe Wright", "Ethan Hughes"];
        private static readonly (string Province, string City, string[] Districts)[] Places =
        [
            ("上海市", "上海市", ["浦东新区", "徐汇区", "静安区", "闵行区", "杨浦区"]),
            ("北京市", "北京市", ["朝阳区", "海淀区", "东城区", "丰台区"]),
            ("广东省", "广州市", ["天河区", "越秀区", "海珠区", "番禺区"]),
            ("广东省", "深圳市", ["南山区", "福田区", "宝安区", "龙岗区"]),
            ("浙江省", "杭州市", ["西湖区", "滨江区", "余杭区", "拱墅区"]),
            ("江苏省", "南京市", ["鼓楼区", "玄武区", "江宁区"]),
            ("四川省", "成都市", ["武侯区", "锦江区", "高新区"]),
            ("湖北省", "武汉市", ["洪山区", "江汉区", "武昌区"]),
        ];
        private static readonly string[] Streets = ["人民路", "建设路", "中山路", "解放路", "长江路", "科技园路", "文化路", "和平街", "花园路", "新华路"];
        private static readonly string[] Notes = ["请尽快发货", "工作日送货", "送到门卫即可", "不要放快递柜"];
        private static readonly string[] Carriers = ["SF", "ZTO", "YTO", "STO", "YUNDA", "JD Logistics"];
        private static readonly string[] ReturnReasons = ["尺码不合适", "颜色与图片不符", "七天无理由退货", "商品有瑕疵", "Changed my mind"];
        private static readonly string[] CancelReasons = ["客户要求取消", "重复下单，客户确认取消", "地址无法送达，客户取消", "Customer asked to cancel"];
        private static readonly (HoldReason Reason, int Weight)[] HoldWeights =
            [(HoldReason.AddressIncomplete, 30), (HoldReason.PhoneImplausible, 10), (HoldReason.PriceDeviation, 10), (HoldReason.PossibleDuplicate, 15), (HoldReason.HighValue, 20)];

        private readonly List<SalesChannel> _channels;
        private readonly double[] _channelCumulative;
        private readonly List<DemoSku> _skus;
        private readonly Dictionary<string, List<DemoSku>> _byCategory;
        private readonly List<int> _warehouses;
        private readonly List<string> _staff;
        private readonly Dictionary<(int, int), int> _available;
        private readonly ShipByPolicy _shipBy;
        private readonly Random _random;
        private readonly DateTime _now;
        private readonly Rows _rows;
        private int _orderId;
        private long _lineId;
        private long _holdId;
        private long _eventId;
        private int _shipmentId;
        private long _shipmentLineId;
        private long _messageId;
        private long _movementId;
        private int _sequence;
        private readonly List<OutboxMessage> _pendingMessages = [];
        private readonly List<DemoCustomer> _customers = [];

        public sealed record DemoCustomer(string Name, string Phone, string Address, bool English);

        private DemoCustomer NewCustomer(SalesChannel channel, bool pooled = true)
        {
            var english = channel.Platform == SalesPlatform.WebShop && _random.NextDouble() < 0.3;
            var customer = new DemoCustomer(
                english ? EnglishNames[_random.Next(EnglishNames.Length)] : Surnames[_random.Next(Surnames.Length)] + Given[_random.Next(Given.Length)],
                $"1{"3456789"[_random.Next(7)]}{_random.Next(100_000_000, 999_999_999)}",
                Address(),
                english);
            if (pooled)
            {
                _customers.Add(customer);
            }
            return customer;
        }

        public Writer(OpsDb db, List<SalesChannel> channels, List<DemoSku> skus, List<int> warehouses, List<string> staff,
            Dictionary<(int, int), int> available, ShipByPolicy shipBy, Random random, DateTime now, int lastOrderId, long lastMovementId)
        {
            (_channels, _skus, _warehouses, _staff, _available, _shipBy, _random, _now) = (channels, skus, warehouses, staff, available, shipBy, random, now);
            _channelCumulative = [.. Channels.Select((c, i) => Channels.Take(i + 1).Sum(x => x.Share))];
            _byCategory = skus.Where(s => s.Category is not null).GroupBy(s => s.Category!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            (_orderId, _movementId) = (lastOrderId, lastMovementId);
            _rows = new(db);
        }

        /// <summary>A customer of the cast: like any other, but never picked as a random repeat buyer.</summary>
        public DemoCustomer CastCustomer() => NewCustomer(_channels[0], pooled: false);

        /// <summary>
        /// Writes one order as the desk would have taken it: from <paramref name="castCustomer"/> when given (with SKUs of
        /// <paramref name="category"/> when given), else from a new or returning shopper.
        /// </summary>
        public void Write(DateTime placed, DemoCustomer? castCustomer = null, string? category = null)
        {
            _sequence++;
            var roll = _random.NextDouble() * _channelCumulative[^1];
            var c = Array.FindIndex(_channelCumulative, x => roll <= x);
            var channel = _channels[Math.Max(0, c)];
            // About a quarter of orders come from someone who bought before (same phone, name and address), so
            // repurchase and retention have something to measure.
            var customer = castCustomer ?? (_customers.Count > 0 && _random.NextDouble() < 0.25
                ? _customers[_random.Next(_customers.Count)]
                : NewCustomer(channel));
            var pick = category is not null && _byCategory.TryGetValue(category, out var ofCategory) ? ofCategory : _skus;
            var english = customer.English;
            var order = new Order
            {
                Id = ++_orderId,
                ChannelId = channel.Id,
                PlatformOrderId = PlatformId(channel.Platform, placed),
                CustomerName = customer.Name,
                CustomerPhone = customer.Phone,
                ShippingAddress = customer.Address,
                CustomerLanguage = english ? "en" : "zh-Hans",
                BuyerNote = _random.NextDouble() < 0.08 ? (english ? "Please deliver on weekdays." : Notes[_random.Next(Notes.Length)]) : null,
                ShippingFeeCents = _random.NextDouble() < 0.8 ? 0 : 600 + 200 * _random.Next(3),
                PlacedAtUtc = placed,
                ReceivedAtUtc = placed.AddSeconds(5 + _random.Next(120)),
                Status = OrderStatus.AwaitingReview,
                ShippingStatus = ShippingStatus.NotAssigned,
            };
            var lineCount = _random.NextDouble() switch { < 0.7 => 1, < 0.92 => 2, _ => 3 };
            var chosen = new HashSet<int>();
            for (var i = 0; i < lineCount; i++)
            {
                var quantity = _random.NextDouble() switch { < 0.76 => 1, < 0.94 => 2, _ => 3 };
                // The platforms stop selling a listing whose stock sync says zero, so a buyer mostly picks something in
                // stock; now and then the last units go to two buyers at once and the order goes out of stock.
                var sku = pick[(int)(pick.Count * Math.Pow(_random.NextDouble(), 1.8))];
                for (var attempt = 0; attempt < 12 && _random.NextDouble() > 0.01 && !InStock(sku.Id, quantity); attempt++)
                {
                    sku = pick[_random.Next(pick.Count)];
                }
                if (!chosen.Add(sku.Id))
                {
                    continue;
                }
                var gross = sku.ListPriceCents * quantity;
                order.Lines.Add(new OrderLine
                {
                    Id = ++_lineId,
                    OrderId = order.Id,
                    SkuId = sku.Id,
                    SkuCode = sku.Code,
                    Title = sku.Name.Length > 200 ? sku.Name[..200] : sku.Name,
                    Quantity = quantity,
                    UnitPriceCents = sku.ListPriceCents,
                    DiscountCents = _random.NextDouble() < 0.3 ? gross * (5 + _random.Next(11)) / 100 : 0,
                });
            }
            OrderRules.Totals(order);
            var age = _now - placed;
            var paid = _random.NextDouble() < 0.985 || age > TimeSpan.FromDays(2);
            var intake = "system";
            Event(order, OrderEventKind.Received, order.ReceivedAtUtc, intake);

            // Unpaid orders: the platform closes them when the buyer never pays.
            if (!paid)
            {
                Hold(order, [HoldReason.PaymentNotConfirmed], order.ReceivedAtUtc, open: true);
                Save(order);
                return;
            }
            order.PaidAtUtc = placed.AddSeconds(10 + _random.Next(600));
            order.PaymentStatus = PaymentStatus.Paid;
            order.ShipByUtc = _shipBy.ShipBy(order.PaidAtUtc);
            var reviewedAt = Max(order.ReceivedAtUtc, order.PaidAtUtc.Value).AddSeconds(1);
            var specialist = _staff[_random.Next(_staff.Count)];

            if (_random.NextDouble() < 0.02)
            {
                var reason = Weighted(HoldWeights);
                var stillOpen = age < TimeSpan.FromHours(40) && _random.NextDouble() < 0.75;
                Hold(order, [reason], reviewedAt, open: stillOpen);
                if (stillOpen)
                {
                    Save(order);
                    return;
                }
                var resolvedAt = reviewedAt.AddMinutes(20 + _random.Next(600));
                ResolveHolds(order, resolvedAt);
                Event(order, OrderEventKind.CustomerContacted, resolvedAt.AddMinutes(-10), specialist, ContactOutcome.Reached);
                if (_random.NextDouble() < 0.25)
                {
                    Cancel(order, resolvedAt, specialist, reserved: false);
                    Save(order);
                    return;
                }
                Event(order, OrderEventKind.Released, resolvedAt, specialist);
                reviewedAt = resolvedAt;
            }

            var warehouse = _warehouses.Where(w => order.Lines.All(l => _available.GetValueOrDefault((l.SkuId, w)) >= l.Quantity))
                .OrderBy(_ => _random.Next()).FirstOrDefault();
            if (warehouse == 0)
            {
                var open = age < TimeSpan.FromHours(40);
                Hold(order, [HoldReason.OutOfStock], reviewedAt, open);
                if (!open)
                {
                    ResolveHolds(order, reviewedAt.AddHours(2));
                    Cancel(order, reviewedAt.AddHours(2), specialist, reserved: false);
                }
                Save(order);
                return;
            }
            order.WarehouseId = warehouse;
            order.StockReserved = true;
            foreach (var line in order.Lines)
            {
                _available[(line.SkuId, warehouse)] -= line.Quantity;
                Move(line.SkuId, warehouse, StockMovementKind.Reservation, 0, line.Quantity, order.Id, null, intake, reviewedAt);
            }
            order.Status = OrderStatus.Accepted;
            Event(order, OrderEventKind.Accepted, reviewedAt, intake);
            Message(order, NotificationKind.Accepted, reviewedAt, null, null);

            if (_random.NextDouble() < 0.02 && age > TimeSpan.FromHours(3))
            {
                Cancel(order, reviewedAt.AddMinutes(30 + _random.Next(300)), specialist, reserved: true);
                Save(order);
                return;
            }
            Fulfil(order, warehouse, reviewedAt, specialist);
            Save(order);
        }

        private void Fulfil(Order order, int warehouse, DateTime acceptedAt, string specialist)
        {
            // Most orders leave within hours; about one in twenty-five misses its promise by up to a day and a half.
            var late = _random.NextDouble() < 0.04;
            var shipAt = late
                ? order.ShipByUtc!.Value.AddMinutes(30 + _random.Next(36 * 60))
                : acceptedAt.AddMinutes(60 + _random.Next((int)Math.Max(90, (order.ShipByUtc!.Value - acceptedAt).TotalMinutes * 0.8)));
            var assignAt = acceptedAt.AddMinutes((shipAt - acceptedAt).TotalMinutes * 0.3);
            var pickAt = acceptedAt.AddMinutes((shipAt - acceptedAt).TotalMinutes * 0.6);
            var packAt = acceptedAt.AddMinutes((shipAt - acceptedAt).TotalMinutes * 0.85);
            order.Carrier = Carriers[_random.Next(Carriers.Length)];
            if (assignAt > _now)
            {
                return;
            }
            order.ShippingStatus = ShippingStatus.Assigned;
            Event(order, OrderEventKind.Assigned, assignAt, specialist, detail: $"{warehouse} · {order.Carrier}");
            if (pickAt > _now)
            {
                return;
            }
            order.ShippingStatus = ShippingStatus.Picking;
            Event(order, OrderEventKind.Picked, pickAt, specialist);
            if (packAt > _now)
            {
                return;
            }
            order.ShippingStatus = ShippingStatus.Packed;
            Event(order, OrderEventKind.Packed, packAt, specialist);
            if (shipAt > _now)
            {
                return;
            }
            if (order.ShipByUtc < shipAt)
            {
                order.DelayNotified = true;
                Message(order, NotificationKind.Delayed, order.ShipByUtc.Value, null, null);
                Event(order, OrderEventKind.Notified, order.ShipByUtc.Value, "system", detail: nameof(NotificationKind.Delayed));
            }
            // A multi-line order sometimes leaves in two parcels: the first line ahead, the rest a day later.
            var split = order.Lines.Count > 1 && _random.NextDouble() < 0.1;
            List<List<OrderLine>> parcels = split ? [order.Lines.Take(1).ToList(), order.Lines.Skip(1).ToList()] : [order.Lines];
            var at = shipAt;
            foreach (var parcel in parcels)
            {
                if (at > _now)
                {
                    break;
                }
                var shipment = new OrderShipment
                {
                    Id = ++_shipmentId,
                    OrderId = order.Id,
                    WarehouseId = warehouse,
                    Carrier = order.Carrier,
                    TrackingNumber = $"{order.Carrier![..2].ToUpperInvariant()}{_random.NextInt64(1_000_000_000_000, 9_999_999_999_999)}",
                    ShippedAtUtc = at,
                };
                foreach (var line in parcel)
                {
                    line.ShippedQuantity = line.Quantity;
                    shipment.Lines.Add(new OrderShipmentLine { Id = ++_shipmentLineId, ShipmentId = shipment.Id, OrderLineId = line.Id, Quantity = line.Quantity });
                    Move(line.SkuId, warehouse, StockMovementKind.Shipment, -line.Quantity, -line.Quantity, order.Id, null, specialist, at);
                }
                order.Shipments.Add(shipment);
                order.ShippedAtUtc ??= at;
                Event(order, OrderEventKind.Shipped, at, specialist, detail: $"{order.Carrier} {shipment.TrackingNumber}: {string.Join(", ", parcel.Select(l => $"{l.SkuCode}×{l.Quantity}"))}");
                Message(order, NotificationKind.Shipped, at, order.Carrier, shipment.TrackingNumber);
                at = at.AddHours(20 + _random.Next(12));
            }
            var all = order.Lines.All(l => l.ShippedQuantity == l.Quantity);
            order.ShippingStatus = all ? ShippingStatus.Shipped : ShippingStatus.PartiallyShipped;
            order.StockReserved = !all;
            var deliveredAt = order.Shipments[^1].ShippedAtUtc.AddHours(18 + _random.Next(72));
            if (!all || deliveredAt > _now)
            {
                return;
            }
            foreach (var shipment in order.Shipments)
            {
                shipment.DeliveredAtUtc = deliveredAt;
            }
            order.ShippingStatus = ShippingStatus.Delivered;
            order.DeliveredAtUtc = deliveredAt;
            order.Status = OrderStatus.Completed;
            Event(order, OrderEventKind.Delivered, deliveredAt, "system");
            var returnAt = deliveredAt.AddDays(1 + _random.Next(6));
            if (_random.NextDouble() < 0.025 && returnAt <= _now)
            {
                var line = order.Lines[_random.Next(order.Lines.Count)];
                var reason = ReturnReasons[_random.Next(ReturnReasons.Length)];
                line.ReturnedQuantity = 1;
                Move(line.SkuId, warehouse, StockMovementKind.Return, 1, 0, order.Id, reason, specialist, returnAt);
                Event(order, OrderEventKind.Returned, returnAt, specialist, detail: $"{reason}: {line.SkuCode}×1");
            }
        }

        private bool InStock(int skuId, int quantity) => _warehouses.Any(w => _available.GetValueOrDefault((skuId, w)) >= quantity);

        private void Hold(Order order, IEnumerable<HoldReason> reasons, DateTime at, bool open)
        {
            var list = reasons.ToList();
            foreach (var reason in list)
            {
                order.Holds.Add(new OrderHold { Id = ++_holdId, OrderId = order.Id, Reason = reason, RaisedAtUtc = at });
            }
            Event(order, OrderEventKind.Held, at, "system", detail: string.Join(", ", list));
            if (open)
            {
                order.Status = OrderStatus.OnHold;
                order.HeldSinceUtc = at;
            }
        }

        private static void ResolveHolds(Order order, DateTime at)
        {
            foreach (var hold in order.Holds)
            {
                hold.ResolvedAtUtc ??= at;
            }
            order.HeldSinceUtc = null;
        }

        private void Cancel(Order order, DateTime at, string by, bool reserved)
        {
            if (reserved)
            {
                foreach (var line in order.Lines)
                {
                    _available[(line.SkuId, order.WarehouseId!.Value)] += line.Quantity;
                    Move(line.SkuId, order.WarehouseId!.Value, StockMovementKind.Release, 0, -line.Quantity, order.Id, "cancelled", by, at);
                }
                order.StockReserved = false;
            }
            order.Status = OrderStatus.Cancelled;
            order.CancelReason = CancelReasons[order.CustomerLanguage == "en" ? 3 : _random.Next(3)];
            Event(order, OrderEventKind.Cancelled, at, by, detail: order.CancelReason);
            Message(order, NotificationKind.Cancelled, at, null, null);
        }

        private void Save(Order order)
        {
            order.UpdatedAtUtc = order.Events.Max(e => e.AtUtc);
            order.Version = order.Events.Count;
            _rows.Add(order, _pendingMessages);
            _pendingMessages.Clear();
        }

        private void Event(Order order, OrderEventKind kind, DateTime at, string by, ContactOutcome? outcome = null, string? detail = null) =>
            order.Events.Add(new OrderEvent { Id = ++_eventId, OrderId = order.Id, Kind = kind, AtUtc = at, ByName = by, ContactOutcome = outcome, Detail = detail });

        private void Message(Order order, NotificationKind kind, DateTime at, string? carrier, string? tracking)
        {
            var message = OrderNotices.Compose(order, kind, at, carrier, tracking);
            message.Id = ++_messageId;
            var delivered = at.AddSeconds(30) <= _now;
            message.Status = delivered ? DeliveryStatus.Delivered : DeliveryStatus.Pending;
            message.Attempts = delivered ? 1 : 0;
            message.DeliveredAtUtc = delivered ? at.AddSeconds(30) : null;
            // Written after the order row (Save), which the message's foreign key needs.
            _pendingMessages.Add(message);
        }

        private void Move(int skuId, int warehouseId, StockMovementKind kind, int onHand, int reserved, int orderId, string? reason, string actor, DateTime at) =>
            _rows.Add(new StockMovement
            {
                Id = ++_movementId,
                SkuId = skuId,
                WarehouseId = warehouseId,
                Kind = kind,
                OnHandDelta = onHand,
                ReservedDelta = reserved,
                Reference = OrderStock.Reference(orderId),
                Reason = reason,
                ActorName = actor,
                AtUtc = at,
            });

        private string PlatformId(SalesPlatform platform, DateTime placed) => platform switch
        {
            SalesPlatform.Tmall or SalesPlatform.Taobao => $"20{_random.Next(10_000_000, 99_999_999)}{_sequence:D9}",
            SalesPlatform.JD => $"3{_sequence:D11}",
            SalesPlatform.Douyin => $"69{_random.Next(1_000_000, 9_999_999)}{_sequence:D10}",
            SalesPlatform.Pinduoduo => $"{placed:yyMMdd}-{_random.Next(100_000, 999_999)}{_sequence:D9}",
            _ => $"W{_sequence:D8}",
        };

        private string Address()
        {
            var (province, city, districts) = Places[_random.Next(Places.Length)];
            var district = districts[_random.Next(districts.Length)];
            var street = Streets[_random.Next(Streets.Length)];
            var building = _random.NextDouble() < 0.5 ? $" {1 + _random.Next(30)} 栋 {101 + _random.Next(30) * 100 + _random.Next(4)} 室" : "";
            return province == city ? $"{city}{district}{street} {1 + _random.Next(999)} 号{building}" : $"{province}{city}{district}{street} {1 + _random.Next(999)} 号{building}";
        }

        private T Weighted<T>((T Value, int Weight)[] weights)
        {
            var roll = _random.Next(weights.Sum(w => w.Weight));
            foreach (var (value, weight) in weights)
            {
                if ((roll -= weight) < 0)
                {
                    return value;
                }
            }
            return weights[^1].Value;
        }

        private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

        /// <summary>Writes the last orders made and waits for the database to have every row (the transaction is the caller's).</summary>
        public Task FinishAsync() => _rows.FinishAsync();

        public ValueTask DisposeAsync() => _rows.DisposeAsync();
    }

    /// <summary>
    /// The writing half of the generator: the orders made so far go to the database on a thread of their own while the
    /// next ones are made (on two cores each half has one). Orders are made in order on one thread, so the shared
    /// Random is drawn in the same sequence on every run; rows go in batch by batch in the order they were made, each
    /// order before its lines, events, shipments and messages.
    /// </summary>
    private sealed class Rows : IAsyncDisposable
    {
        private const int OrdersPerBatch = 1000;

        private readonly BulkInsert<Order> _orders;
        private readonly BulkInsert<OrderLine> _lines;
        private readonly BulkInsert<OrderHold> _holds;
        private readonly BulkInsert<OrderEvent> _events;
        private readonly BulkInsert<OrderShipment> _shipments;
        private readonly BulkInsert<OrderShipmentLine> _shipmentLines;
        private readonly BulkInsert<OutboxMessage> _messages;
        private readonly BulkInsert<StockMovement> _movements;
        private readonly System.Collections.Concurrent.BlockingCollection<Batch> _queue = new(boundedCapacity: 4);
        private readonly CancellationTokenSource _stopped = new();
        private readonly Task _writing;
        private Batch _batch = new();

        public Rows(OpsDb db)
        {
            _orders = new(db);
            _lines = new(db);
            _holds = new(db);
            _events = new(db);
            _shipments = new(db);
            _shipmentLines = new(db);
            _messages = new(db);
            _movements = new(db);
            _writing = Task.Factory.StartNew(Write, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        public void Add(Order order, List<OutboxMessage> messages)
        {
            _batch.Orders.Add(order);
            _batch.Messages.AddRange(messages);
            if (_batch.Orders.Count >= OrdersPerBatch)
            {
                Send();
            }
        }

        public void Add(StockMovement movement) => _batch.Movements.Add(movement);

        private void Send()
        {
            try
            {
                _queue.Add(_batch, _stopped.Token);
            }
            catch (OperationCanceledException)
            {
                // The writing thread failed: its error is the one to see, not the wait that ended because of it.
                _writing.GetAwaiter().GetResult();
                throw;
            }
            _batch = new();
        }

        private void Write()
        {
            try
            {
                foreach (var batch in _queue.GetConsumingEnumerable(_stopped.Token))
                {
                    batch.Orders.ForEach(_orders.Add);
                    foreach (var order in batch.Orders)
                    {
                        order.Lines.ForEach(_lines.Add);
                        order.Holds.ForEach(_holds.Add);
                        order.Events.ForEach(_events.Add);
                        foreach (var shipment in order.Shipments)
                        {
                            _shipments.Add(shipment);
                            shipment.Lines.ForEach(_shipmentLines.Add);
                        }
                    }
                    batch.Messages.ForEach(_messages.Add);
                    batch.Movements.ForEach(_movements.Add);
                }
            }
            catch (OperationCanceledException) when (_stopped.IsCancellationRequested)
            {
                // Stopped by DisposeAsync: the generation ended early (cancelled or failed) and its transaction rolls back.
            }
            catch
            {
                _stopped.Cancel();
                throw;
            }
        }

        public async Task FinishAsync()
        {
            Send();
            _queue.CompleteAdding();
            await _writing;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_writing.IsCompleted)
            {
                await _stopped.CancelAsync();
            }
            try
            {
                await _writing;
            }
            catch (Exception) when (_stopped.IsCancellationRequested)
            {
                // Already reported by Send or FinishAsync to the generation, which is unwinding.
            }
            _orders.Dispose();
            _lines.Dispose();
            _holds.Dispose();
            _events.Dispose();
            _shipments.Dispose();
            _shipmentLines.Dispose();
            _messages.Dispose();
            _movements.Dispose();
            _queue.Dispose();
            _stopped.Dispose();
        }

        private sealed class Batch
        {
            public List<Order> Orders { get; } = new(OrdersPerBatch);

            public List<OutboxMessage> Messages { get; } = [];

            public List<StockMovement> Movements { get; } = [];
        }
    }
}
