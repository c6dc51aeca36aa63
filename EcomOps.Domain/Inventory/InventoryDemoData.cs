using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EcomOps.Domain.Inventory;

/// <summary>
/// The catalogue and its stock as a Chinese online shop keeps them: two warehouses (Shanghai, Guangzhou), SKUs in
/// eight departments with bilingual names, grouped into products (<see cref="CatalogDemoData"/>), suppliers with their lead times, a stock policy per SKU and warehouse,
/// an opening receipt about 90 days ago and purchase orders since (received, closed, sent, partly received, draft).
/// Some SKUs are deliberately received short, not at all, or far over their maximum, so that the evaluation after
/// the orders' data (<see cref="InventoryEvaluationDemoData"/>) finds low, out, over and slow stock from the data.
/// </summary>
public sealed class InventoryDemoData(StockLedger ledger, TimeProvider clock) : IDemoDataArea
{
    public int Order => 20;

    public string Name => "Inventory";

    public static int SkuCount(DemoSize size) => size switch
    {
        DemoSize.Minimal => 40,
        DemoSize.Standard => 1_500,
        _ => 6_000,
    };

    private static readonly (string Code, string Name, string Contact, string Phone, int Lead, int Moq)[] SupplierSeeds =
    [
        ("SUP-01", "杭州织美服饰有限公司 Hangzhou Zhimei Apparel", "陈静 Chen Jing", "0571-8801 2201", 10, 20),
        ("SUP-02", "佛山宜家居用品厂 Foshan Yijia Homeware", "黄伟 Huang Wei", "0757-8630 1102", 7, 12),
        ("SUP-03", "广州植研化妆品公司 Guangzhou Zhiyan Cosmetics", "林晓 Lin Xiao", "020-3822 6610", 5, 24),
        ("SUP-04", "深圳极客电子科技 Shenzhen Geek Electronics", "张磊 Zhang Lei", "0755-2661 7788", 4, 50),
        ("SUP-05", "安徽山野食品有限公司 Anhui Shanye Foods", "吴芳 Wu Fang", "0551-6512 3300", 6, 30),
        ("SUP-06", "上海暖宝母婴用品 Shanghai Nuanbao Baby", "周敏 Zhou Min", "021-6488 2210", 8, 20),
        ("SUP-07", "泉州跃动体育用品 Quanzhou Yuedong Sports", "郑强 Zheng Qiang", "0595-2233 4410", 12, 10),
        ("SUP-08", "温州行者箱包厂 Wenzhou Xingzhe Bags", "王浩 Wang Hao", "0577-8866 1200", 14, 10),
    ];

    public async Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = now.Date;
        var count = SkuCount(size);

        var warehouses = new[] { new Warehouse { Code = "SH-01", Name = "上海仓 Shanghai", Address = "上海市嘉定区兴贤路1188号 · 1188 Xingxian Rd, Jiading, Shanghai" },
            new Warehouse { Code = "GZ-01", Name = "广州仓 Guangzhou", Address = "广州市白云区太和镇大源北路88号 · 88 Dayuan North Rd, Baiyun, Guangzhou" }, };
        var suppliers = SupplierSeeds.Select(s => new Supplier
        {
            Code = s.Code, Name = s.Name, ContactName = s.Contact, Phone = s.Phone, LeadTimeDays = s.Lead, MinOrderQuantity = s.Moq,
            Email = $"{s.Code.ToLowerInvariant()}@supplier.example.cn",
        }).ToList();
        db.Warehouses.AddRange(warehouses);
        db.Suppliers.AddRange(suppliers);
        await db.SaveChangesAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Catalogue rows, stock and orders go in through a context without the change capture on the same connection
        // and transaction: demo rows are not business events, so they are neither audited nor published live.
        await using var bulk = OpsDbSetup.Unwatched(db);
        await bulk.Database.UseTransactionAsync(transaction.GetDbTransaction(), ct);
        bulk.ChangeTracker.AutoDetectChangesEnabled = false;

        var skus = new List<(Sku Sku, int Category)>(count);
        var drawn = new List<CatalogDemoData.DrawnSku>(count);
        for (var i = 0; i < count; i++)
        {
            var c = i % CatalogDemoData.Departments.Length;
            var department = CatalogDemoData.Departments[c];
            var t = random.Next(department.Types.Length);
            var type = department.Types[t];
            var b = random.Next(department.Brands.Length);
            var brand = department.Brands[b];
            var variant = random.Next(type.VariantsCn.Length);
            var price = (type.MinPriceCents + (long)(random.NextDouble() * (type.MaxPriceCents - type.MinPriceCents))) / 100 * 100 + 90;
            var sku = new Sku
            {
                Code = $"SKU-{10001 + i}",
                Name = $"{brand}{type.Cn} {type.VariantsCn[variant]} · {type.En}, {type.VariantsEn[variant]}",
                Category = Catalog.Category.Label(department.Cn, department.En),
                Brand = brand,
                ListPriceCents = price,
                UnitCostCents = price * (40 + random.Next(26)) / 100,
                PackSize = price > 30000 ? 1 : new[] { 1, 6, 10, 12 }[random.Next(4)],
            };
            skus.Add((sku, c));
            drawn.Add(new CatalogDemoData.DrawnSku(sku, c, t, b, variant));
        }
        await CatalogDemoData.LinkAsync(bulk, drawn, ct);
        bulk.Skus.AddRange(skus.Select(s => s.Sku));
        await bulk.SaveChangesAsync(ct);

        var nextOrderId = (await bulk.PurchaseOrders.MaxAsync(p => (int?)p.Id, ct) ?? 0) + 1;
        var nextLineId = (await bulk.PurchaseOrderLines.MaxAsync(l => (int?)l.Id, ct) ?? 0) + 1;
        var movements = new List<StockMovement>();
        var policies = new List<StockPolicy>();
        var restocks = new List<(int Supplier, int Warehouse, DateTime At, Sku Sku, int Quantity)>();
        foreach (var warehouse in warehouses)
        {
            foreach (var (sku, c) in skus)
            {
                var supplier = suppliers[c];
                // Expected daily sales by price: cheap everyday articles sell by the dozen, a suitcase now and then.
                var demand = Math.Max(0.2, 900_00.0 / sku.ListPriceCents * (0.5 + random.NextDouble())) * (warehouse.Code == "SH-01" ? 1.0 : 0.7);
                var safety = (int)Math.Ceiling(demand * 3);
                var max = RoundUp((int)Math.Ceiling(demand * 45) + safety, sku.PackSize);
                policies.Add(new StockPolicy
                {
                    SkuId = sku.Id, WarehouseId = warehouse.Id, SupplierId = supplier.Id, SafetyStock = safety, MaxStock = max,
                    // A few SKUs have a reorder point set by hand (a launch, a seasonal peak); the rest use the computed one.
                    ManualReorderPoint = random.Next(25) == 0 ? safety * 2 : null,
                    ComputedReorderPoint = ReorderRules.ComputedReorderPoint(0, supplier.LeadTimeDays, safety),
                });
                var state = random.Next(100);
                var opening = state switch
                {
                    < 4 => 0,                               // never arrived: out of stock as soon as it is asked for
                    < 10 => Math.Max(1, safety / 2),        // received short: low
                    < 15 => max * 2 + sku.PackSize * 10,    // bought far too much: over
                    _ => RoundUp((int)(max * (0.45 + random.NextDouble() * 0.3)), sku.PackSize),
                };
                if (opening > 0)
                {
                    movements.Add(Receipt(sku.Id, warehouse.Id, opening, "opening-stock", today.AddDays(-90 + random.Next(6)).AddHours(2 + random.Next(8))));
                }
                // Most SKUs were restocked since through a purchase order; those left alone are the ones that go slow.
                if (state >= 15 && random.Next(100) < 80)
                {
                    restocks.Add((supplier.Id, warehouse.Id, today.AddDays(-60 + random.Next(56)), sku, RoundUp(Math.Max(supplier.MinOrderQuantity, (int)(max * 0.25)), sku.PackSize)));
                }
            }
        }

        var orders = new List<PurchaseOrder>();
        var receipts = new List<PurchaseReceipt>();
        var leadTimes = suppliers.ToDictionary(s => s.Id, s => s.LeadTimeDays);
        // Restocks of one supplier into one warehouse in the same week make one purchase order.
        foreach (var group in restocks.GroupBy(r => (r.Supplier, r.Warehouse, Week: (int)((today - r.At).TotalDays / 7))).OrderBy(g => g.Key.Week))
        {
            var arrived = group.Min(r => r.At);
            // Each supplier has its own habit of delivering late (from 1 in 20 orders to 1 in 4): on-time rates differ.
            var late = random.NextDouble() < 0.05 + 0.03 * (group.Key.Supplier % 8);
            var sent = arrived.AddDays(-leadTimes[group.Key.Supplier] - (late ? 1 + random.Next(3) : -random.Next(2)));
            var order = new PurchaseOrder
            {
                Id = nextOrderId++, SupplierId = group.Key.Supplier, WarehouseId = group.Key.Warehouse, Status = PurchaseOrderStatus.Closed,
                CreatedAtUtc = sent.AddHours(-3), CreatedBy = "opsmanager@ecomops.local", SentAtUtc = sent, ExpectedAtUtc = sent.AddDays(leadTimes[group.Key.Supplier]),
                ReceivedAtUtc = arrived, ClosedAtUtc = arrived.AddHours(1),
            };
            foreach (var restock in group)
            {
                var line = new PurchaseOrderLine { Id = nextLineId++, PurchaseOrderId = order.Id, SkuId = restock.Sku.Id, OrderedQuantity = restock.Quantity, ReceivedQuantity = restock.Quantity, UnitCostCents = restock.Sku.UnitCostCents };
                order.Lines.Add(line);
                movements.Add(Receipt(restock.Sku.Id, restock.Warehouse, restock.Quantity, $"po:{order.Id}", arrived));
                receipts.Add(new PurchaseReceipt
                {
                    PurchaseOrderId = order.Id, PurchaseOrderLineId = line.Id, SupplierId = order.SupplierId, SkuId = line.SkuId, Quantity = line.OrderedQuantity,
                    ReceivedAtUtc = arrived, OnTime = arrived <= order.ExpectedAtUtc, ReceivedBy = "specialist@ecomops.local",
                });
            }
            orders.Add(order);
        }
        // The open end of purchasing: orders on their way, one partly received, drafts waiting to be sent.
        foreach (var order in orders.Where(o => (today - o.ReceivedAtUtc!.Value).TotalDays < 10).Take(Math.Max(3, orders.Count / 12)).ToList())
        {
            order.Status = PurchaseOrderStatus.Sent;
            order.ExpectedAtUtc = today.AddDays(1 + random.Next(5));
            order.ReceivedAtUtc = null;
            order.ClosedAtUtc = null;
            var arrivedRef = $"po:{order.Id}";
            movements.RemoveAll(m => m.Reference == arrivedRef);
            receipts.RemoveAll(r => r.PurchaseOrderId == order.Id);
            foreach (var line in order.Lines)
            {
                line.ReceivedQuantity = 0;
            }
        }
        if (orders.FirstOrDefault(o => o.Status == PurchaseOrderStatus.Sent && o.Lines.Count >= 2) is { } partly)
        {
            partly.Status = PurchaseOrderStatus.PartlyReceived;
            var first = partly.Lines[0];
            first.ReceivedQuantity = first.OrderedQuantity;
            movements.Add(Receipt(first.SkuId, partly.WarehouseId, first.OrderedQuantity, $"po:{partly.Id}", today.AddHours(-20)));
            receipts.Add(new PurchaseReceipt
            {
                PurchaseOrderId = partly.Id, PurchaseOrderLineId = first.Id, SupplierId = partly.SupplierId, SkuId = first.SkuId, Quantity = first.OrderedQuantity,
                ReceivedAtUtc = today.AddHours(-20), OnTime = true, ReceivedBy = "specialist@ecomops.local",
            });
        }
        foreach (var supplier in suppliers.Take(2))
        {
            var draftSkus = skus.Where(s => suppliers[s.Category].Id == supplier.Id).Take(3).Select(s => s.Sku).ToList();
            var draft = new PurchaseOrder { Id = nextOrderId++, SupplierId = supplier.Id, WarehouseId = warehouses[0].Id, Status = PurchaseOrderStatus.Draft, CreatedAtUtc = now.AddHours(-2), CreatedBy = "opsmanager@ecomops.local" };
            draft.Lines.AddRange(draftSkus.Select(s => new PurchaseOrderLine { Id = nextLineId++, PurchaseOrderId = draft.Id, SkuId = s.Id, OrderedQuantity = RoundUp(supplier.MinOrderQuantity, s.PackSize), UnitCostCents = s.UnitCostCents }));
            orders.Add(draft);
        }

        bulk.StockPolicies.AddRange(policies);
        bulk.PurchaseOrders.AddRange(orders);
        bulk.PurchaseOrderLines.AddRange(orders.SelectMany(o => o.Lines));
        bulk.PurchaseReceipts.AddRange(receipts);
        bulk.StockMovements.AddRange(movements.OrderBy(m => m.AtUtc));
        await bulk.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
        await ledger.RebuildBalancesAsync(bulk, ct);
        await transaction.CommitAsync(ct);
    }

    private static StockMovement Receipt(int skuId, int warehouseId, int quantity, string reference, DateTime at) => new()
    {
        SkuId = skuId, WarehouseId = warehouseId, Kind = StockMovementKind.Receipt, OnHandDelta = quantity, Reference = reference,
        ActorName = "specialist@ecomops.local", AtUtc = at,
    };

    private static int RoundUp(int quantity, int pack) => (quantity + pack - 1) / pack * pack;
}

/// <summary>
/// Runs after every area that moves stock (the orders' data, Order 30): recomputes reorder points from the demand the
/// data shows, then evaluates every SKU the way the live system does, so alerts and suggestions come from the data.
/// </summary>
public sealed class InventoryEvaluationDemoData(InventoryWatch watch, CountDesk counts) : IDemoDataArea
{
    public int Order => 40;

    public string Name => "Inventory evaluation";

    public async Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct)
    {
        await watch.RecomputeReorderPointsAsync(ct);
        await counts.ClassifyAsync(ct);
        await counts.PlanAsync(ct);
        // Today's first counts, worked the way the desk works them: some exact, some off by a unit or two (adjusted
        // at once), some far off (awaiting approval), one approved and one rejected.
        var counter = new Actor(null, "specialist@ecomops.local");
        var manager = new Actor(null, "opsmanager@ecomops.local");
        var today = (await counts.TasksAsync(openOnly: true, ct: ct)).Take(size == DemoSize.Minimal ? 8 : 24).ToList();
        for (var i = 0; i < today.Count; i++)
        {
            var task = today[i];
            var started = await counts.StartAsync(counter, task.Id, task.Version, ct);
            if (i % 8 == 7 || !started.Succeeded)
            {
                continue;
            }
            var onHand = await db.StockBalances.Where(b => b.SkuId == task.SkuId && b.WarehouseId == task.WarehouseId).Select(b => b.OnHand).FirstAsync(ct);
            var found = (i % 8) switch { 0 or 1 or 2 => onHand, 3 => onHand - 1, 4 => onHand + 1, _ => Math.Max(0, onHand - 5 - random.Next(10)) };
            var recorded = await counts.RecordAsync(counter, task.Id, started.Value, found, ct);
            if (recorded.Succeeded && i % 8 == 5)
            {
                await counts.ApproveAsync(manager, task.Id, recorded.Value, ct);
            }
            else if (recorded.Succeeded && i % 16 == 6)
            {
                await counts.RejectAsync(manager, task.Id, recorded.Value, ct);
            }
        }
        await watch.EvaluateAllAsync(ct);
    }
}
