using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Inventory;

public sealed record WarehouseRow(int Id, string Code, string Name);

/// <summary>One SKU in one warehouse as the stock list shows it.</summary>
public sealed record StockRow(int SkuId, string Code, string Name, string? Category, string? Brand, int WarehouseId, string WarehouseCode,
    int OnHand, int Reserved, int OnOrder, int ReorderPoint, bool ManualReorderPoint, int MaxStock)
{
    public int Available => OnHand - Reserved;
}

public sealed record MovementRow(long Id, StockMovementKind Kind, int OnHandDelta, int ReservedDelta, string Reference, string? Reason, string? ActorName, DateTime AtUtc);

/// <summary>Everything about one SKU in one warehouse: stock, policy, recent movements.</summary>
public sealed record StockDetail(StockRow Stock, long ListPriceCents, long UnitCostCents, int PackSize, int? SupplierId, string? SupplierName, int LeadTimeDays,
    int? ManualReorderPoint, int ComputedReorderPoint, double AverageDailyDemand, int SafetyStock, long PolicyVersion, bool HasPolicy,
    IReadOnlyList<MovementRow> Movements);

/// <summary>Daily shipments of the recent weeks and the forecast after them, with the back-tested error.</summary>
public sealed record DemandView(DateTime FirstDay, IReadOnlyList<double> History, IReadOnlyList<double> Forecast, double? Mape);

public sealed record SuggestionRow(long Id, int SkuId, string SkuCode, string SkuName, int WarehouseId, string WarehouseCode, int? SupplierId, string? SupplierName,
    int Quantity, int ProjectedStock, int ReorderPoint, int PackSize, DateTime UpdatedAtUtc);

public sealed record PurchaseOrderRow(int Id, string Number, PurchaseOrderStatus Status, string SupplierName, string WarehouseCode, int Lines, int Ordered, int Received,
    DateTime CreatedAtUtc, DateTime? ExpectedAtUtc);

public sealed record PurchaseOrderLineRow(int Id, int SkuId, string SkuCode, string SkuName, int Ordered, int Received, long UnitCostCents);

public sealed record PurchaseOrderDetail(int Id, string Number, PurchaseOrderStatus Status, int SupplierId, string SupplierName, int LeadTimeDays, string WarehouseCode,
    DateTime CreatedAtUtc, string? CreatedBy, DateTime? SentAtUtc, DateTime? ExpectedAtUtc, DateTime? ReceivedAtUtc, DateTime? ClosedAtUtc,
    IReadOnlyList<PurchaseOrderLineRow> Lines, IReadOnlyList<PurchaseReceipt> Receipts, long Version);

/// <summary>Read side of inventory: stock levels, a SKU's detail, suggestions and purchase orders.</summary>
public sealed class StockQueries(IDbContextFactory<OpsDb> dbFactory)
{
    public async Task<IReadOnlyList<WarehouseRow>> WarehousesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Warehouses.AsNoTracking().Where(w => w.Active).OrderBy(w => w.Id).Select(w => new WarehouseRow(w.Id, w.Code, w.Name)).ToListAsync(ct);
    }

    /// <summary>A page of SKUs in a warehouse, searched by code, name, category or brand.</summary>
    public async Task<(IReadOnlyList<StockRow> Rows, int Total)> StockAsync(int warehouseId, string? search, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var skus = db.Skus.AsNoTracking().Where(s => s.Active);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            skus = skus.Where(s => s.Code.Contains(term) || s.Name.Contains(term) || (s.Category != null && s.Category.Contains(term)) || (s.Brand != null && s.Brand.Contains(term)));
        }
        var total = await skus.CountAsync(ct);
        var page = await skus.OrderBy(s => s.Code).Skip(skip).Take(take).ToListAsync(ct);
        var rows = await RowsAsync(db, warehouseId, page.Select(s => s.Id).ToList(), ct);
        return ([.. page.Select(s => rows[s.Id])], total);
    }

    public async Task<StockDetail?> DetailAsync(int skuId, int warehouseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sku = await db.Skus.AsNoTracking().FirstOrDefaultAsync(s => s.Id == skuId, ct);
        if (sku is null || !await db.Warehouses.AnyAsync(w => w.Id == warehouseId, ct))
        {
            return null;
        }
        var row = (await RowsAsync(db, warehouseId, [skuId], ct))[skuId];
        var policy = await db.Set<StockPolicy>().AsNoTracking().FirstOrDefaultAsync(p => p.SkuId == skuId && p.WarehouseId == warehouseId, ct);
        var supplier = policy?.SupplierId is { } sid ? await db.Set<Supplier>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, ct) : null;
        var movements = await db.StockMovements.AsNoTracking().Where(m => m.SkuId == skuId && m.WarehouseId == warehouseId)
            .OrderByDescending(m => m.AtUtc).ThenByDescending(m => m.Id).Take(100)
            .Select(m => new MovementRow(m.Id, m.Kind, m.OnHandDelta, m.ReservedDelta, m.Reference, m.Reason, m.ActorName, m.AtUtc)).ToListAsync(ct);
        return new StockDetail(row, sku.ListPriceCents, sku.UnitCostCents, sku.PackSize, supplier?.Id, supplier?.Name, supplier?.LeadTimeDays ?? 0,
            policy?.ManualReorderPoint, policy?.ComputedReorderPoint ?? 0, policy?.AverageDailyDemand ?? 0, policy?.SafetyStock ?? 0, policy?.Version ?? 0,
            policy is not null, movements);
    }

    /// <summary>The last eight weeks of daily shipments and the next two weeks' forecast for one SKU in one warehouse.</summary>
    public async Task<DemandView> DemandAsync(int skuId, int warehouseId, DateTime todayUtc, CancellationToken ct = default)
    {
        const int shown = 56;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lastDay = todayUtc.Date.AddDays(-1);
        var history = InventoryWatch.DailySeries(await InventoryWatch.DailyShipmentsAsync(db, skuId, warehouseId, lastDay, ct), lastDay);
        var forecast = DemandForecast.Predict(history, 14);
        return new DemandView(lastDay.AddDays(1 - shown), history.Skip(history.Count - shown).ToList(), forecast.Next, forecast.Mape);
    }

    public async Task<IReadOnlyList<SuggestionRow>> OpenSuggestionsAsync(int? warehouseId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = db.Set<ReorderSuggestion>().AsNoTracking().Where(s => s.Status == SuggestionStatus.Open);
        if (warehouseId is { } only)
        {
            open = open.Where(s => s.WarehouseId == only);
        }
        return await (
            from s in open
            join k in db.Skus on s.SkuId equals k.Id
            join w in db.Warehouses on s.WarehouseId equals w.Id
            from p in db.Set<Supplier>().Where(p => p.Id == s.SupplierId).DefaultIfEmpty()
            orderby s.ProjectedStock - s.ReorderPoint, k.Code
            select new SuggestionRow(s.Id, k.Id, k.Code, k.Name, w.Id, w.Code, s.SupplierId, p == null ? null : p.Name, s.Quantity, s.ProjectedStock, s.ReorderPoint,
                k.PackSize, s.UpdatedAtUtc))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<PurchaseOrderRow>> PurchaseOrdersAsync(bool includeFinished, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orders = db.Set<PurchaseOrder>().AsNoTracking();
        if (!includeFinished)
        {
            orders = orders.Where(p => p.Status != PurchaseOrderStatus.Closed && p.Status != PurchaseOrderStatus.Cancelled);
        }
        var rows = await (
            from p in orders
            join s in db.Set<Supplier>() on p.SupplierId equals s.Id
            join w in db.Warehouses on p.WarehouseId equals w.Id
            orderby p.Id descending
            select new { p.Id, p.Status, Supplier = s.Name, Warehouse = w.Code, Lines = p.Lines.Count, Ordered = p.Lines.Sum(l => l.OrderedQuantity),
                Received = p.Lines.Sum(l => l.ReceivedQuantity), p.CreatedAtUtc, p.ExpectedAtUtc })
            .Take(500).ToListAsync(ct);
        return [.. rows.Select(r => new PurchaseOrderRow(r.Id, $"PO-{r.Id:D6}", r.Status, r.Supplier, r.Warehouse, r.Lines, r.Ordered, r.Received, r.CreatedAtUtc, r.ExpectedAtUtc))];
    }

    public async Task<PurchaseOrderDetail?> PurchaseOrderAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Set<PurchaseOrder>().AsNoTracking().Include(p => p.Lines).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (order is null)
        {
            return null;
        }
        var supplier = await db.Set<Supplier>().AsNoTracking().FirstAsync(s => s.Id == order.SupplierId, ct);
        var warehouse = await db.Warehouses.AsNoTracking().Where(w => w.Id == order.WarehouseId).Select(w => w.Code).FirstAsync(ct);
        var skuIds = order.Lines.Select(l => l.SkuId).ToList();
        var skus = await db.Skus.AsNoTracking().Where(s => skuIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var receipts = await db.Set<PurchaseReceipt>().AsNoTracking().Where(r => r.PurchaseOrderId == id).OrderBy(r => r.Id).ToListAsync(ct);
        return new PurchaseOrderDetail(order.Id, order.Number, order.Status, supplier.Id, supplier.Name, supplier.LeadTimeDays, warehouse, order.CreatedAtUtc, order.CreatedBy,
            order.SentAtUtc, order.ExpectedAtUtc, order.ReceivedAtUtc, order.ClosedAtUtc,
            [.. order.Lines.OrderBy(l => l.Id).Select(l => new PurchaseOrderLineRow(l.Id, l.SkuId, skus[l.SkuId].Code, skus[l.SkuId].Name, l.OrderedQuantity, l.ReceivedQuantity, l.UnitCostCents))],
            receipts, order.Version);
    }

    private static async Task<Dictionary<int, StockRow>> RowsAsync(OpsDb db, int warehouseId, List<int> skuIds, CancellationToken ct)
    {
        var warehouse = await db.Warehouses.AsNoTracking().Where(w => w.Id == warehouseId).Select(w => w.Code).FirstAsync(ct);
        var skus = await db.Skus.AsNoTracking().Where(s => skuIds.Contains(s.Id)).ToListAsync(ct);
        var balances = await db.StockBalances.AsNoTracking().Where(b => b.WarehouseId == warehouseId && skuIds.Contains(b.SkuId)).ToDictionaryAsync(b => b.SkuId, ct);
        var policies = await db.Set<StockPolicy>().AsNoTracking().Where(p => p.WarehouseId == warehouseId && skuIds.Contains(p.SkuId)).ToDictionaryAsync(p => p.SkuId, ct);
        var onOrder = await InventoryWatch.OnOrderAsync(db, warehouseId, skuIds, ct);
        return skus.ToDictionary(s => s.Id, s =>
        {
            balances.TryGetValue(s.Id, out var b);
            policies.TryGetValue(s.Id, out var p);
            return new StockRow(s.Id, s.Code, s.Name, s.Category, s.Brand, warehouseId, warehouse, b?.OnHand ?? 0, b?.Reserved ?? 0, onOrder.GetValueOrDefault(s.Id),
                p?.ReorderPoint ?? 0, p?.ManualReorderPoint is not null, p?.MaxStock ?? 0);
        });
    }
}
