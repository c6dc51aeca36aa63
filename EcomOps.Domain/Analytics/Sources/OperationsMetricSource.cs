using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Sources;

/// <summary>
/// Order handling and stock: on-time shipping, the exception rate, the stock-out rate at the period's end, count
/// accuracy, and per operations specialist the orders they released from the exception queue and shipped (from the
/// orders' timelines).
/// </summary>
public sealed class OperationsMetricSource(IDbContextFactory<OpsDb> dbFactory) : IMetricSource
{
    public const string OnTimeShipping = "operations.on-time-shipping";
    public const string ExceptionRate = "operations.exception-rate";
    public const string StockOutRate = "operations.stock-out-rate";
    public const string OrdersReleased = "operations.orders-released";
    public const string OrdersShipped = "operations.orders-shipped";
    public const string CountAccuracy = "operations.count-accuracy";

    public MetricArea Area { get; } = new("operations", "Operations", "运营执行", 40);

    public IReadOnlyList<string> LiveBoards { get; } = [Live.Boards.Orders, Live.Boards.Inventory];

    public IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        Define(OnTimeShipping, "On-time shipping", "按时发货率",
            "Orders first shipped in the period no later than their ship-by time ÷ orders first shipped in the period that had a ship-by time",
            "统计期内首次发货且不晚于承诺发货时间的订单数 ÷ 统计期内首次发货且有承诺发货时间的订单数", MetricUnit.Percent, MetricDirection.HigherIsBetter, perEmployee: false),
        Define(ExceptionRate, "Exception rate", "异常订单率",
            "Orders received in the period that the first review (or a later check) put in the exception queue ÷ orders received in the period",
            "统计期内接收且进入过异常队列（首审或之后被挂起）的订单数 ÷ 统计期内接收的订单数", MetricUnit.Percent, MetricDirection.LowerIsBetter, perEmployee: false),
        Define(StockOutRate, "Stock-out rate", "缺货率",
            "SKU-warehouse pairs with nothing available (on hand less reserved is 0) at the end of the period ÷ pairs of active SKUs in active warehouses that had stock movements before the end, availability taken from the stock ledger",
            "期末可用库存（在库减预留）为 0 的 SKU-仓库组合数 ÷ 期末前有过库存变动的启用 SKU 与启用仓库组合数，可用量取自库存流水", MetricUnit.Percent, MetricDirection.LowerIsBetter, perEmployee: false),
        Define(CountAccuracy, "Count accuracy", "盘点准确率",
            "Stock counts finished in the period whose counted quantity matched the expected one (no variance, movements during the count reconciled) ÷ stock counts finished in the period",
            "统计期内完成且实盘数与账面数一致（无差异，盘点期间的出入库已核对）的盘点数 ÷ 统计期内完成的盘点数", MetricUnit.Percent, MetricDirection.HigherIsBetter, perEmployee: false),
        Define(OrdersReleased, "Orders released from holds", "异常订单放行数",
            "Orders released from the exception queue in the period, credited to the specialist who released them",
            "统计期内从异常队列放行的订单数，计入放行的运营专员", MetricUnit.Count, MetricDirection.HigherIsBetter, perEmployee: true),
        Define(OrdersShipped, "Orders shipped", "发货订单数",
            "Orders with a parcel shipped in the period, credited to the specialist who recorded the shipment (an order shipped by two people counts for each, once in the team total)",
            "统计期内有包裹发出的订单数，计入登记发货的运营专员（两人分别发货的订单各计一次，团队合计只计一次）", MetricUnit.Count, MetricDirection.HigherIsBetter, perEmployee: true),
    ];

    public async Task<MetricSnapshot> MeasureAsync(MetricPeriod period, MeasureOptions options, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var snapshot = new MetricSnapshot(period);
        if (options.Wants(OnTimeShipping))
        {
            await OnTimeAsync(db, period, options, snapshot, ct);
        }
        if (options.Wants(ExceptionRate))
        {
            await ExceptionsAsync(db, period, options, snapshot, ct);
        }
        if (options.Wants(StockOutRate))
        {
            await StockOutsAsync(db, period, options, snapshot, ct);
        }
        if (options.Wants(CountAccuracy))
        {
            await CountsAsync(db, period, options, snapshot, ct);
        }
        if (options.WantsAny(OrdersReleased, OrdersShipped))
        {
            var people = await StaffAsync(db, ct);
            foreach (var (metric, kind) in new[] { (OrdersReleased, OrderEventKind.Released), (OrdersShipped, OrderEventKind.Shipped) })
            {
                if (options.Wants(metric))
                {
                    await ByPersonAsync(db, period, options, snapshot, metric, kind, people, ct);
                }
            }
        }
        return snapshot;
    }

    /// <summary>
    /// The stock-out rate's trend reads the SKU-warehouse pairs and the movements after the first bucket's end once, and
    /// winds each pair's availability back to every bucket's end in memory (bucket by bucket it walked every pair once per
    /// day). Each figure is what measuring its bucket alone gives.
    /// </summary>
    public async Task<IReadOnlyList<double?>> MeasureSeriesAsync(string metric, IReadOnlyList<MetricPeriod> buckets, CancellationToken ct)
    {
        if (metric != StockOutRate || buckets.Count < 2)
        {
            return await MetricSeries.ByBucketAsync(this, metric, buckets, ct);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var firstEnd = buckets.Min(b => b.ToUtc);
        var pairs = await db.StockBalances.AsNoTracking()
            .Where(b => db.Skus.Any(s => s.Id == b.SkuId && s.Active) && db.Warehouses.Any(w => w.Id == b.WarehouseId && w.Active))
            .Select(b => new
            {
                b.SkuId,
                b.WarehouseId,
                Available = b.OnHand - b.Reserved,
                FirstMovedUtc = db.StockMovements.Where(m => m.SkuId == b.SkuId && m.WarehouseId == b.WarehouseId).Min(m => (DateTime?)m.AtUtc),
            })
            .ToListAsync(ct);
        // Every kind named, so the (kind, time) index serves the range.
        var kinds = Enum.GetValues<StockMovementKind>();
        var later = (await db.StockMovements.AsNoTracking()
                .Where(m => kinds.Contains(m.Kind) && m.AtUtc >= firstEnd && m.OnHandDelta != m.ReservedDelta)
                .Select(m => new { m.SkuId, m.WarehouseId, m.AtUtc, Delta = m.OnHandDelta - m.ReservedDelta })
                .ToListAsync(ct))
            .ToLookup(m => (m.SkuId, m.WarehouseId));
        return buckets.Select(bucket =>
        {
            var end = bucket.ToUtc;
            var counted = 0;
            var outOfStock = 0;
            foreach (var pair in pairs.Where(p => p.FirstMovedUtc < end))
            {
                counted++;
                var since = later[(pair.SkuId, pair.WarehouseId)].Where(m => m.AtUtc >= end).Sum(m => m.Delta);
                if (pair.Available - since <= 0)
                {
                    outOfStock++;
                }
            }
            return counted > 0 ? (double?)outOfStock / counted : null;
        }).ToList();
    }

    private static async Task OnTimeAsync(OpsDb db, MetricPeriod period, MeasureOptions options, MetricSnapshot snapshot, CancellationToken ct)
    {
        var shipped = db.Orders.AsNoTracking()
            .Where(o => o.ShippedAtUtc >= period.FromUtc && o.ShippedAtUtc < period.ToUtc && o.ShipByUtc != null);
        var counts = await shipped.GroupBy(o => 1)
            .Select(g => new { All = g.Count(), OnTime = g.Count(o => o.ShippedAtUtc <= o.ShipByUtc) }).FirstOrDefaultAsync(ct);
        var all = counts?.All ?? 0;
        snapshot.Values[new MetricCell(OnTimeShipping, null)] = all > 0 ? (double)counts!.OnTime / all : null;
        if (options.RecordCap > 0)
        {
            // Late ones first, newest first: they are what someone opening the figure wants to see (two index range scans).
            var late = await Shown(shipped.Where(o => o.ShippedAtUtc > o.ShipByUtc), options.RecordCap, ct);
            var rows = late.Count < options.RecordCap
                ? [.. late, .. await Shown(shipped.Where(o => o.ShippedAtUtc <= o.ShipByUtc), options.RecordCap - late.Count, ct)]
                : late;
            snapshot.Records[new MetricCell(OnTimeShipping, null)] = new MetricRecords(all, rows.Select(o => new MetricRecord(
                Order.NumberOf(o.Id), o.ShippedAtUtc!.Value,
                $"{o.CustomerName} · {(o.ShippedAtUtc <= o.ShipByUtc ? "✓" : "✗")} {o.ShipByUtc:yyyy-MM-dd HH:mm}Z", $"/orders/{o.Id}")).ToList());
        }
    }

    private sealed record ShippedRow(int Id, DateTime? ShippedAtUtc, DateTime? ShipByUtc, string CustomerName);

    private static Task<List<ShippedRow>> Shown(IQueryable<Order> shipped, int cap, CancellationToken ct) =>
        shipped.OrderByDescending(o => o.ShippedAtUtc).ThenByDescending(o => o.Id).Take(cap)
            .Select(o => new ShippedRow(o.Id, o.ShippedAtUtc, o.ShipByUtc, o.CustomerName)).ToListAsync(ct);

    private static async Task ExceptionsAsync(OpsDb db, MetricPeriod period, MeasureOptions options, MetricSnapshot snapshot, CancellationToken ct)
    {
        var received = db.Orders.AsNoTracking().Where(o => o.ReceivedAtUtc >= period.FromUtc && o.ReceivedAtUtc < period.ToUtc);
        var held = received.Where(o => db.OrderHolds.Any(h => h.OrderId == o.Id));
        var all = await received.CountAsync(ct);
        var exceptions = await held.CountAsync(ct);
        snapshot.Values[new MetricCell(ExceptionRate, null)] = all > 0 ? (double)exceptions / all : null;
        if (options.RecordCap > 0)
        {
            var rows = await held.OrderByDescending(o => o.ReceivedAtUtc).Take(options.RecordCap)
                .Select(o => new { o.Id, o.ReceivedAtUtc, o.CustomerName, Reasons = db.OrderHolds.Where(h => h.OrderId == o.Id).Select(h => h.Reason).ToList() })
                .ToListAsync(ct);
            snapshot.Records[new MetricCell(ExceptionRate, null)] = new MetricRecords(exceptions, rows.Select(o => new MetricRecord(
                Order.NumberOf(o.Id), o.ReceivedAtUtc, $"{o.CustomerName} · {string.Join(", ", o.Reasons.Distinct())}", $"/orders/{o.Id}")).ToList());
        }
    }

    /// <summary>
    /// Availability at the end of the period is today's balance less what moved since (balances are the ledger's sums),
    /// so a recent period reads only the few movements after it rather than the whole ledger.
    /// </summary>
    private static async Task StockOutsAsync(OpsDb db, MetricPeriod period, MeasureOptions options, MetricSnapshot snapshot, CancellationToken ct)
    {
        var end = period.ToUtc;
        var pairs = await db.StockBalances.AsNoTracking()
            .Where(b => db.Skus.Any(s => s.Id == b.SkuId && s.Active) && db.Warehouses.Any(w => w.Id == b.WarehouseId && w.Active))
            .Where(b => db.StockMovements.Any(m => m.SkuId == b.SkuId && m.WarehouseId == b.WarehouseId && m.AtUtc < end))
            .Select(b => new
            {
                b.SkuId,
                b.WarehouseId,
                Available = b.OnHand - b.Reserved - (db.StockMovements
                    .Where(m => m.SkuId == b.SkuId && m.WarehouseId == b.WarehouseId && m.AtUtc >= end)
                    .Sum(m => (int?)(m.OnHandDelta - m.ReservedDelta)) ?? 0),
            })
            .ToListAsync(ct);
        var outOfStock = pairs.Where(p => p.Available <= 0).ToList();
        snapshot.Values[new MetricCell(StockOutRate, null)] = pairs.Count > 0 ? (double)outOfStock.Count / pairs.Count : null;
        if (options.RecordCap > 0)
        {
            var shown = outOfStock.OrderBy(p => p.SkuId).ThenBy(p => p.WarehouseId).Take(options.RecordCap).ToList();
            var skuIds = shown.Select(p => p.SkuId).Distinct().ToList();
            var skus = await db.Skus.AsNoTracking().Where(s => skuIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (s.Code, s.Name), ct);
            var warehouses = await db.Warehouses.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Name, ct);
            snapshot.Records[new MetricCell(StockOutRate, null)] = new MetricRecords(outOfStock.Count, shown.Select(p => new MetricRecord(
                $"{skus[p.SkuId].Code} @ {warehouses[p.WarehouseId]}", end, skus[p.SkuId].Name,
                $"/inventory/stock/{p.SkuId}/{p.WarehouseId}")).ToList());
        }
    }

    private static async Task CountsAsync(OpsDb db, MetricPeriod period, MeasureOptions options, MetricSnapshot snapshot, CancellationToken ct)
    {
        var finished = db.Set<CountTask>().AsNoTracking()
            .Where(t => t.CountedAtUtc >= period.FromUtc && t.CountedAtUtc < period.ToUtc && t.Variance != null && CountTask.FinishedStatuses.Contains(t.Status));
        var counts = await finished.GroupBy(t => 1).Select(g => new { All = g.Count(), Exact = g.Count(t => t.Variance == 0) }).FirstOrDefaultAsync(ct);
        var all = counts?.All ?? 0;
        snapshot.Values[new MetricCell(CountAccuracy, null)] = all > 0 ? (double)counts!.Exact / all : null;
        if (options.RecordCap > 0)
        {
            // Variances first: they are what lowers the figure.
            var rows = await finished.OrderBy(t => t.Variance == 0).ThenByDescending(t => t.CountedAtUtc).Take(options.RecordCap)
                .Join(db.Skus, t => t.SkuId, s => s.Id, (t, s) => new { t.SkuId, t.WarehouseId, t.CountedAtUtc, t.Variance, s.Code, s.Name })
                .ToListAsync(ct);
            snapshot.Records[new MetricCell(CountAccuracy, null)] = new MetricRecords(all, rows.OrderBy(r => r.Variance == 0).ThenByDescending(r => r.CountedAtUtc).Select(r => new MetricRecord(
                r.Code, r.CountedAtUtc!.Value, $"{r.Name} · {r.Variance:+#;-#;0}", $"/inventory/stock/{r.SkuId}/{r.WarehouseId}")).ToList());
        }
    }

    /// <summary>
    /// Counts the orders with a step of <paramref name="kind"/> in the period, per person who took it. Timelines name
    /// people by sign-in (e-mail) or, in older and imported data, by full name; both resolve to the employee.
    /// </summary>
    private static async Task ByPersonAsync(OpsDb db, MetricPeriod period, MeasureOptions options, MetricSnapshot snapshot,
        string metric, OrderEventKind kind, IReadOnlyList<Person> people, CancellationToken ct)
    {
        var steps = db.OrderEvents.AsNoTracking().Where(e => e.Kind == kind && e.AtUtc >= period.FromUtc && e.AtUtc < period.ToUtc);
        var total = await steps.Select(e => e.OrderId).Distinct().CountAsync(ct);
        snapshot.Values[new MetricCell(metric, null)] = total;
        // The records' orders are found per person (an index walk each), their details in one query for everyone.
        var shown = new List<(int? PersonId, int Count, IReadOnlyList<(int OrderId, DateTime At)> Orders)>();
        if (options.RecordCap > 0)
        {
            shown.Add((null, total, await LatestOrdersAsync(steps, options.RecordCap, ct)));
        }
        if (options.PerEmployee)
        {
            // Each name's orders are counted down the (kind, name, time) index within the period; one grouped query over
            // every step of the kind would read all its years, the name standing between the kind and the time.
            var byName = await db.OrderEvents.AsNoTracking().Where(e => e.Kind == kind).Select(e => e.ByName).Distinct()
                .Select(name => new { Name = name, Orders = steps.Where(e => e.ByName == name).Select(e => e.OrderId).Distinct().Count() })
                .ToListAsync(ct);
            // Filtered here: EF Core would put the condition inside the DISTINCT and count once per step, not per name.
            byName.RemoveAll(n => n.Orders == 0);
            var breakdown = new List<BreakdownItem>();
            foreach (var person in people)
            {
                var names = byName.Where(n => person.Answers(n.Name)).ToList();
                if (names.Count == 0)
                {
                    continue;
                }
                var nameList = names.Select(n => n.Name).ToList();
                var mine = steps.Where(e => nameList.Contains(e.ByName));
                var count = names.Count == 1 ? names[0].Orders : await mine.Select(e => e.OrderId).Distinct().CountAsync(ct);
                snapshot.Values[new MetricCell(metric, person.Id)] = count;
                breakdown.Add(new BreakdownItem(person.FullName, count));
                if (options.RecordCap > 0)
                {
                    shown.Add((person.Id, count, await LatestOrdersAsync(mine, options.RecordCap, ct)));
                }
            }
            snapshot.Breakdowns[metric] = breakdown;
        }
        if (shown.Count == 0)
        {
            return;
        }
        var ids = shown.SelectMany(s => s.Orders.Select(o => o.OrderId)).Distinct().ToList();
        // One parameter holding the list (json_each on SQLite, an array on PostgreSQL): a month's records for 200 people
        // are some 15,000 ids, and as many parameters of their own (EF Core 10's default) cost SQLite 0.2–0.3 s to bind.
        var orders = await db.Orders.AsNoTracking().Where(o => EF.Parameter(ids).Contains(o.Id))
            .Select(o => new { o.Id, o.CustomerName, Channel = o.Channel!.Name }).ToDictionaryAsync(o => o.Id, ct);
        foreach (var (personId, count, latest) in shown)
        {
            snapshot.Records[new MetricCell(metric, personId)] = new MetricRecords(count, latest.Where(o => orders.ContainsKey(o.OrderId))
                .Select(o => new MetricRecord(Order.NumberOf(o.OrderId), o.At, $"{orders[o.OrderId].Channel} · {orders[o.OrderId].CustomerName}", $"/orders/{o.OrderId}")).ToList());
        }
    }

    /// <summary>
    /// The <paramref name="cap"/> orders with the newest steps, newest first (an order once, at its newest step). The
    /// newest steps are read down the (kind, person, time) index, twice the cap at a time; only an order with more steps
    /// than that in the period would need the grouped query, which then answers.
    /// </summary>
    private static async Task<IReadOnlyList<(int OrderId, DateTime At)>> LatestOrdersAsync(IQueryable<OrderEvent> steps, int cap, CancellationToken ct)
    {
        var newest = await steps.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.OrderId).Take(cap * 2)
            .Select(e => new { e.OrderId, e.AtUtc }).ToListAsync(ct);
        var orders = newest.DistinctBy(e => e.OrderId).Take(cap).Select(e => (e.OrderId, e.AtUtc)).ToList();
        if (orders.Count == cap || newest.Count < cap * 2)
        {
            return orders;
        }
        return (await steps.GroupBy(e => e.OrderId).Select(g => new { OrderId = g.Key, At = g.Max(e => e.AtUtc) })
            .OrderByDescending(x => x.At).ThenByDescending(x => x.OrderId).Take(cap).ToListAsync(ct)).Select(x => (x.OrderId, x.At)).ToList();
    }

    private static async Task<IReadOnlyList<Person>> StaffAsync(OpsDb db, CancellationToken ct)
    {
        var staff = await db.Employees.AsNoTracking().Where(e => e.Team == Team.Operations)
            .Select(e => new { e.Id, e.FullName, e.Email }).ToListAsync(ct);
        // A full name shared by two people cannot say which of them did it; their e-mails still can.
        var shared = staff.GroupBy(e => e.FullName).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return staff.Select(e => new Person(e.Id, e.FullName, e.Email, !shared.Contains(e.FullName))).ToList();
    }

    private sealed record Person(int Id, string FullName, string Email, bool NameIsUnique)
    {
        public bool Answers(string byName) =>
            string.Equals(byName, Email, StringComparison.OrdinalIgnoreCase) || (NameIsUnique && byName == FullName);
    }

    private static MetricDefinition Define(string key, string en, string zh, string formulaEn, string formulaZh, MetricUnit unit, MetricDirection direction, bool perEmployee) =>
        new(key, "operations", en, zh, formulaEn, formulaZh, unit, direction, Team.Operations, perEmployee);
}
