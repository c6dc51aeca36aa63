using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EcomOps.Domain.Inventory;

/// <summary>
/// The catalogue and its stock as a Chinese online shop keeps them: two warehouses (Shanghai, Guangzhou), SKUs in
/// eight categories with bilingual names, suppliers with their lead times, a stock policy per SKU and warehouse,
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

    private sealed record Product(string Cn, string En, long MinPriceCents, long MaxPriceCents);

    private sealed record Category(string Cn, string En, string[] Brands, Product[] Products, string[] VariantsCn, string[] VariantsEn);

    private static readonly Category[] Categories =
    [
        new("服装", "Apparel", ["云朵", "北极绒", "素白"],
            [new("纯棉T恤", "cotton T-shirt", 5900, 12900), new("连帽卫衣", "hoodie", 12900, 29900), new("牛仔裤", "jeans", 15900, 39900), new("羽绒服", "down jacket", 39900, 129900), new("针织衫", "knit sweater", 9900, 25900)],
            ["黑色 M", "白色 L", "灰色 S", "藏青 XL", "米色 M"], ["black M", "white L", "grey S", "navy XL", "beige M"]),
        new("家居", "Home", ["木语", "宜居", "暖屋"],
            [new("四件套床品", "bedding set", 19900, 59900), new("记忆棉枕", "memory-foam pillow", 8900, 19900), new("收纳箱", "storage box", 2900, 8900), new("香薰蜡烛", "scented candle", 3900, 12900), new("保温杯", "vacuum flask", 4900, 15900)],
            ["1.5米", "1.8米", "小号", "大号", "雾蓝"], ["1.5 m", "1.8 m", "small", "large", "mist blue"]),
        new("美妆", "Beauty", ["花西子", "植研", "水光"],
            [new("保湿面霜", "moisturising cream", 9900, 35900), new("洁面乳", "facial cleanser", 4900, 12900), new("口红", "lipstick", 12900, 32900), new("防晒霜", "sunscreen", 7900, 19900), new("面膜", "sheet masks", 5900, 15900)],
            ["50ml", "100ml", "#01", "#03", "10片装"], ["50 ml", "100 ml", "#01", "#03", "pack of 10"]),
        new("数码配件", "Electronics accessories", ["绿联", "倍思", "极客"],
            [new("快充充电器", "fast charger", 5900, 16900), new("数据线", "USB-C cable", 1900, 5900), new("蓝牙耳机", "Bluetooth earbuds", 9900, 49900), new("移动电源", "power bank", 8900, 25900), new("手机壳", "phone case", 2900, 7900)],
            ["20W", "65W", "1米", "2米", "白色"], ["20 W", "65 W", "1 m", "2 m", "white"]),
        new("食品", "Food", ["三只松鼠", "良品", "山野"],
            [new("每日坚果", "daily nuts", 6900, 15900), new("龙井茶", "Longjing tea", 12900, 59900), new("挂耳咖啡", "drip coffee", 4900, 12900), new("牛肉干", "beef jerky", 3900, 9900), new("蜂蜜", "honey", 5900, 18900)],
            ["250g", "500g", "礼盒装", "30包", "罐装"], ["250 g", "500 g", "gift box", "30 sachets", "tin"]),
        new("母婴", "Baby", ["贝亲", "小浣熊", "暖宝"],
            [new("纸尿裤", "nappies", 8900, 19900), new("奶瓶", "baby bottle", 5900, 15900), new("湿巾", "baby wipes", 1900, 5900), new("婴儿连体衣", "baby romper", 6900, 15900)],
            ["S码", "M码", "L码", "240ml", "80抽×6"], ["size S", "size M", "size L", "240 ml", "80 × 6"]),
        new("运动", "Sports", ["李宁", "跃动", "山峰"],
            [new("瑜伽垫", "yoga mat", 6900, 19900), new("跑步鞋", "running shoes", 29900, 69900), new("运动水壶", "sports bottle", 3900, 9900), new("速干T恤", "quick-dry T-shirt", 6900, 15900)],
            ["6mm", "8mm", "42码", "750ml", "黑色 L"], ["6 mm", "8 mm", "EU 42", "750 ml", "black L"]),
        new("箱包", "Bags", ["行者", "城市客"],
            [new("双肩包", "backpack", 15900, 45900), new("拉杆箱", "suitcase", 39900, 129900), new("帆布包", "canvas tote", 4900, 12900), new("钱包", "wallet", 8900, 29900)],
            ["20寸", "24寸", "黑色", "卡其", "小号"], ["20 in", "24 in", "black", "khaki", "small"]),
    ];

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

        var warehouses = new[] { new Warehouse { Code = "SH-01", Name = "上海仓 Shanghai" }, new Warehouse { Code = "GZ-01", Name = "广州仓 Guangzhou" } };
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
        await using var bulk = new OpsDb(new DbContextOptionsBuilder<OpsDb>().UseSqlite(db.Database.GetDbConnection()).Options);
        await bulk.Database.UseTransactionAsync(transaction.GetDbTransaction(), ct);
        bulk.ChangeTracker.AutoDetectChangesEnabled = false;

        var skus = new List<(Sku Sku, int Category)>(count);
        for (var i = 0; i < count; i++)
        {
            var c = i % Categories.Length;
            var category = Categories[c];
            var product = category.Products[random.Next(category.Products.Length)];
            var brand = category.Brands[random.Next(category.Brands.Length)];
            var variant = random.Next(category.VariantsCn.Length);
            var price = (product.MinPriceCents + (long)(random.NextDouble() * (product.MaxPriceCents - product.MinPriceCents))) / 100 * 100 + 90;
            skus.Add((new Sku
            {
                Code = $"SKU-{10001 + i}",
                Name = $"{brand}{product.Cn} {category.VariantsCn[variant]} · {product.En}, {category.VariantsEn[variant]}",
                Category = $"{category.Cn} {category.En}",
                Brand = brand,
                ListPriceCents = price,
                UnitCostCents = price * (40 + random.Next(26)) / 100,
                PackSize = price > 30000 ? 1 : new[] { 1, 6, 10, 12 }[random.Next(4)],
            }, c));
        }
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
                    _ => RoundUp((int)(max * (0.55 + random.NextDouble() * 0.4)), sku.PackSize),
                };
                if (opening > 0)
                {
                    movements.Add(Receipt(sku.Id, warehouse.Id, opening, "opening-stock", today.AddDays(-90 + random.Next(6)).AddHours(2 + random.Next(8))));
                }
                // Most SKUs were restocked since through a purchase order; those left alone are the ones that go slow.
                if (state >= 15 && random.Next(100) < 80)
                {
                    restocks.Add((supplier.Id, warehouse.Id, today.AddDays(-60 + random.Next(56)), sku, RoundUp(Math.Max(supplier.MinOrderQuantity, (int)(max * 0.4)), sku.PackSize)));
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
public sealed class InventoryEvaluationDemoData(InventoryWatch watch) : IDemoDataArea
{
    public int Order => 40;

    public string Name => "Inventory evaluation";

    public async Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct)
    {
        await watch.RecomputeReorderPointsAsync(ct);
        await watch.EvaluateAllAsync(ct);
    }
}
