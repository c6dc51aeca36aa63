using EcomOps.Domain.Data;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Inventory;

public sealed record WarehouseRow(int Id, string Code, string Name);

/// <summary>One SKU in one warehouse as the stock list shows it.</summary>
public sealed record StockRow(int SkuId, string Code, string Name, string? Category, string? Brand, int WarehouseId, string WarehouseCode,
    int OnHand, int Reserved, int OnOrder, int ReorderPoint, bool ManualReorderPoint, int MaxStock)
{
    public int Available => OnHand - Reserved;
}

public enum StockColumn
{
    Sku,
    Category,
    OnHand,
    Reserved,
    Available,
    OnOrder,
    ReorderPoint,
    MaxStock,
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
    long TotalCents, DateTime CreatedAtUtc, DateTime? ExpectedAtUtc);

/// <summary>What the purchase-order list shows: searched by number, supplier or SKU; closed and cancelled orders only when asked.</summary>
public sealed record PurchaseOrderFilter(string? Search = null, bool IncludeFinished = false);

public enum PurchaseOrderColumn
{
    Number,
    Supplier,
    Warehouse,
    Status,
    Received,
    Total,
    Expected,
}

/// <summary>A page of purchase orders, how many match, and what all of them (not just this page) are worth.</summary>
public sealed record PurchaseOrderListPage(IReadOnlyList<PurchaseOrderRow> Rows, int Total, long GrandTotalCents);

/// <summary>A SKU offered when a line is added by hand: code, name and its usual cost.</summary>
public sealed record SkuChoice(int Id, string Code, string Name, long UnitCostCents);

public sealed record PurchaseOrderLineRow(int Id, int SkuId, string SkuCode, string SkuName, int Ordered, int Received, long UnitCostCents)
{
    /// <summary>What the line costs: ordered quantity × unit cost.</summary>
    public long TotalCents => Ordered * UnitCostCents;
}

public sealed record PurchaseOrderDetail(int Id, string Number, PurchaseOrderStatus Status, int SupplierId, string SupplierName, int LeadTimeDays, string WarehouseCode,
    DateTime CreatedAtUtc, string? CreatedBy, DateTime? SentAtUtc, DateTime? ExpectedAtUtc, DateTime? ReceivedAtUtc, DateTime? ClosedAtUtc,
    IReadOnlyList<PurchaseOrderLineRow> Lines, IReadOnlyList<PurchaseReceipt> Receipts, long Version)
{
    public long TotalCents => Lines.Sum(l => l.TotalCents);
}

/// <summary>Read side of inventory: stock levels, a SKU's detail, suggestions and purchase orders.</summary>
public sealed class StockQueries(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
{
    public static readonly ListSort<StockColumn> BySkuCode = new(StockColumn.Sku);

    public static readonly ListSort<PurchaseOrderColumn> NewestPurchaseOrdersFirst = new(PurchaseOrderColumn.Number, Descending: true);

    public async Task<IReadOnlyList<WarehouseRow>> WarehousesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Warehouses.AsNoTracking().Where(w => w.Active).OrderBy(w => w.Id).Select(w => new WarehouseRow(w.Id, w.Code, w.Name)).ToListAsync(ct);
    }

    /// <summary>A page of SKUs in a warehouse, searched by code, name, category or brand, sorted by any column.</summary>
    public async Task<(IReadOnlyList<StockRow> Rows, int Total)> StockAsync(int warehouseId, string? search, ListSort<StockColumn> sort, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var total = await SkusMatching(db, search).CountAsync(ct);
        var warehouse = await db.Warehouses.AsNoTracking().Where(w => w.Id == warehouseId).Select(w => w.Code).FirstOrDefaultAsync(ct) ?? "";
        var rows = await StockRows(db, warehouseId, search, sort).Skip(skip).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        return ([.. rows.Select(r => r.ToRow(warehouseId, warehouse))], total);
    }

    /// <summary>The columns of the stock list's workbook.</summary>
    public static readonly IReadOnlyList<ListColumn<StockRow>> StockExportColumns =
    [
        new("Inventory.Sku", (r, _) => ListCell.Of(r.Code)),
        new("Inventory.Stock.Name", (r, _) => ListCell.Of(r.Name)),
        new("Inventory.Stock.CategoryOnly", (r, _) => ListCell.Of(r.Category)),
        new("Inventory.Stock.Brand", (r, _) => ListCell.Of(r.Brand)),
        new("Inventory.Warehouse", (r, _) => ListCell.Of(r.WarehouseCode)),
        new("Inventory.OnHand", (r, _) => ListCell.Of(r.OnHand)),
        new("Inventory.Reserved", (r, _) => ListCell.Of(r.Reserved)),
        new("Inventory.Available", (r, _) => ListCell.Of(r.Available)),
        new("Inventory.OnOrder", (r, _) => ListCell.Of(r.OnOrder)),
        new("Inventory.ReorderPoint", (r, _) => ListCell.Of(r.ReorderPoint)),
        new("Inventory.MaxStock", (r, _) => ListCell.Of(r.MaxStock)),
    ];

    /// <summary>Every SKU the stock list shows for this warehouse and search, in its order, as a workbook.</summary>
    public async Task<ListWorkbookFile> ExportStockAsync(int warehouseId, string? search, ListSort<StockColumn> sort, Func<string, string> text, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var warehouse = await db.Warehouses.AsNoTracking().Where(w => w.Id == warehouseId).Select(w => w.Code).FirstOrDefaultAsync(ct) ?? "";
        var rows = await StockRows(db, warehouseId, search, sort).Take(ListWorkbook.MaxRows + 1).ToListAsync(ct);
        return ListWorkbook.Build($"{text("Inventory.Stock.Title")} {warehouse}", StockExportColumns, rows.Select(r => r.ToRow(warehouseId, warehouse)), text, time.Zone);
    }

    private static IQueryable<Catalog.Sku> SkusMatching(OpsDb db, string? search)
    {
        var skus = db.Skus.AsNoTracking().Where(s => s.Active);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            skus = skus.Where(s => s.Code.Contains(term) || s.Name.Contains(term) || (s.Category != null && s.Category.Contains(term)) || (s.Brand != null && s.Brand.Contains(term)));
        }
        return skus;
    }

    /// <summary>The stock list's one query: the page takes a page of it, the export all of it.</summary>
    private static IQueryable<StockShape> StockRows(OpsDb db, int warehouseId, string? search, ListSort<StockColumn> sort)
    {
        var onOrderLines = db.Set<PurchaseOrder>()
            .Where(p => p.WarehouseId == warehouseId && PurchaseOrder.OnOrderStatuses.Contains(p.Status))
            .SelectMany(p => p.Lines)
            .Where(l => l.OrderedQuantity > l.ReceivedQuantity);
        var rows =
            from s in SkusMatching(db, search)
            from b in db.StockBalances.Where(b => b.SkuId == s.Id && b.WarehouseId == warehouseId).DefaultIfEmpty()
            from p in db.Set<StockPolicy>().Where(p => p.SkuId == s.Id && p.WarehouseId == warehouseId).DefaultIfEmpty()
            select new StockShape
            {
                SkuId = s.Id, Code = s.Code, Name = s.Name, Category = s.Category, Brand = s.Brand,
                OnHand = b == null ? 0 : b.OnHand, Reserved = b == null ? 0 : b.Reserved,
                OnOrder = onOrderLines.Where(l => l.SkuId == s.Id).Sum(l => l.OrderedQuantity - l.ReceivedQuantity),
                ReorderPoint = p == null ? 0 : p.ManualReorderPoint ?? p.ComputedReorderPoint,
                ManualReorderPoint = p != null && p.ManualReorderPoint != null,
                MaxStock = p == null ? 0 : p.MaxStock,
            };
        var d = sort.Descending;
        var sorted = sort.Column switch
        {
            StockColumn.Category => rows.By(r => r.Category, d).Then(r => r.Brand, d),
            StockColumn.OnHand => rows.By(r => r.OnHand, d),
            StockColumn.Reserved => rows.By(r => r.Reserved, d),
            StockColumn.Available => rows.By(r => r.OnHand - r.Reserved, d),
            StockColumn.OnOrder => rows.By(r => r.OnOrder, d),
            StockColumn.ReorderPoint => rows.By(r => r.ReorderPoint, d),
            StockColumn.MaxStock => rows.By(r => r.MaxStock, d),
            _ => rows.By(r => r.Code, d),
        };
        return sorted.Then(r => r.SkuId, d);
    }

    private sealed class StockShape
    {
        public int SkuId { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Category { get; init; }
        public string? Brand { get; init; }
        public int OnHand { get; init; }
        public int Reserved { get; init; }
        public int OnOrder { get; init; }
        public int ReorderPoint { get; init; }
        public bool ManualReorderPoint { get; init; }
        public int MaxStock { get; init; }

        public StockRow ToRow(int warehouseId, string warehouseCode) =>
            new(SkuId, Code, Name, Category, Brand, warehouseId, warehouseCode, OnHand, Reserved, OnOrder, ReorderPoint, ManualReorderPoint, MaxStock);
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

    public async Task<PurchaseOrderListPage> PurchaseOrdersAsync(PurchaseOrderFilter filter, ListSort<PurchaseOrderColumn> sort, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orders = PurchaseOrdersMatching(db, filter);
        var total = await orders.CountAsync(ct);
        var worth = await orders.SelectMany(p => p.Lines).SumAsync(l => (long)l.OrderedQuantity * l.UnitCostCents, ct);
        var shapes = await PurchaseOrderRows(db, filter, sort).Skip(skip).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        return new PurchaseOrderListPage([.. shapes.Select(r => r.ToRow())], total, worth);
    }

    /// <summary>The columns of the purchase-order list's workbook.</summary>
    public static readonly IReadOnlyList<ListColumn<PurchaseOrderRow>> PurchaseOrderExportColumns =
    [
        new("Inventory.PurchaseOrders.Number", (p, _) => ListCell.Of(p.Number)),
        new("Inventory.Supplier", (p, _) => ListCell.Of(p.SupplierName)),
        new("Inventory.Warehouse", (p, _) => ListCell.Of(p.WarehouseCode)),
        new("Inventory.PurchaseOrders.Status", (p, text) => ListCell.Of(text($"Inventory.PoStatus.{p.Status}"))),
        new("Inventory.PurchaseOrders.Lines", (p, _) => ListCell.Of(p.Lines)),
        new("Inventory.PurchaseOrders.Ordered", (p, _) => ListCell.Of(p.Ordered)),
        new("Inventory.PurchaseOrders.Received", (p, _) => ListCell.Of(p.Received)),
        new("Inventory.PurchaseOrders.Total", (p, _) => ListCell.Money(p.TotalCents)),
        new("Inventory.PurchaseOrders.Created", (p, _) => ListCell.At(p.CreatedAtUtc)),
        new("Inventory.PurchaseOrders.Expected", (p, _) => ListCell.At(p.ExpectedAtUtc)),
    ];

    /// <summary>Every purchase order the list shows with this filter, in its order, as a workbook.</summary>
    public async Task<ListWorkbookFile> ExportPurchaseOrdersAsync(PurchaseOrderFilter filter, ListSort<PurchaseOrderColumn> sort, Func<string, string> text, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var shapes = await PurchaseOrderRows(db, filter, sort).Take(ListWorkbook.MaxRows + 1).ToListAsync(ct);
        return ListWorkbook.Build(text("Inventory.PurchaseOrders.Title"), PurchaseOrderExportColumns, shapes.Select(r => r.ToRow()), text, time.Zone);
    }

    /// <summary>Active SKUs whose code or name contains the term, codes first, for adding a line by hand.</summary>
    public async Task<IReadOnlyList<SkuChoice>> FindSkusAsync(string? term, int take = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var skus = db.Skus.AsNoTracking().Where(s => s.Active);
        if (!string.IsNullOrWhiteSpace(term))
        {
            var t = term.Trim().ToLower();
            skus = skus.Where(s => s.Code.ToLower().Contains(t) || s.Name.ToLower().Contains(t));
        }
        return await skus.OrderBy(s => s.Code).Take(Math.Clamp(take, 1, 100)).Select(s => new SkuChoice(s.Id, s.Code, s.Name, s.UnitCostCents)).ToListAsync(ct);
    }

    private static IQueryable<PurchaseOrder> PurchaseOrdersMatching(OpsDb db, PurchaseOrderFilter filter)
    {
        var orders = db.Set<PurchaseOrder>().AsNoTracking();
        if (!filter.IncludeFinished)
        {
            orders = orders.Where(p => p.Status != PurchaseOrderStatus.Closed && p.Status != PurchaseOrderStatus.Cancelled);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            var lower = term.ToLower();
            // "PO-000123", "000123" and "123" all name order 123.
            var digits = term.StartsWith("PO-", StringComparison.OrdinalIgnoreCase) ? term[3..] : term;
            var id = int.TryParse(digits, out var n) ? n : -1;
            var suppliers = db.Set<Supplier>().Where(s => s.Name.ToLower().Contains(lower) || s.Code.ToLower().Contains(lower)).Select(s => s.Id);
            var skus = db.Skus.Where(s => s.Code.ToLower().Contains(lower) || s.Name.ToLower().Contains(lower)).Select(s => s.Id);
            orders = orders.Where(p => p.Id == id || suppliers.Contains(p.SupplierId) || p.Lines.Any(l => skus.Contains(l.SkuId)));
        }
        return orders;
    }

    /// <summary>The purchase-order list's one query: the page takes a page of it, the export all of it.</summary>
    private static IQueryable<PurchaseOrderShape> PurchaseOrderRows(OpsDb db, PurchaseOrderFilter filter, ListSort<PurchaseOrderColumn> sort)
    {
        var rows =
            from p in PurchaseOrdersMatching(db, filter)
            join s in db.Set<Supplier>() on p.SupplierId equals s.Id
            join w in db.Warehouses on p.WarehouseId equals w.Id
            select new PurchaseOrderShape
            {
                Id = p.Id, Status = p.Status, Supplier = s.Name, Warehouse = w.Code, Lines = p.Lines.Count,
                // Statuses are stored as names: the list sorts them in their lifecycle order instead.
                StatusRank = p.Status == PurchaseOrderStatus.Draft ? 0 : p.Status == PurchaseOrderStatus.Sent ? 1 : p.Status == PurchaseOrderStatus.PartlyReceived ? 2
                    : p.Status == PurchaseOrderStatus.Received ? 3 : p.Status == PurchaseOrderStatus.Closed ? 4 : 5,
                Ordered = p.Lines.Sum(l => l.OrderedQuantity), Received = p.Lines.Sum(l => l.ReceivedQuantity),
                TotalCents = p.Lines.Sum(l => (long)l.OrderedQuantity * l.UnitCostCents), CreatedAtUtc = p.CreatedAtUtc, ExpectedAtUtc = p.ExpectedAtUtc,
            };
        var d = sort.Descending;
        var sorted = sort.Column switch
        {
            PurchaseOrderColumn.Supplier => rows.By(r => r.Supplier, d),
            PurchaseOrderColumn.Warehouse => rows.By(r => r.Warehouse, d),
            PurchaseOrderColumn.Status => rows.By(r => r.StatusRank, d),
            PurchaseOrderColumn.Received => rows.By(r => r.Received, d),
            PurchaseOrderColumn.Total => rows.By(r => r.TotalCents, d),
            PurchaseOrderColumn.Expected => rows.By(r => r.ExpectedAtUtc, d),
            _ => rows.By(r => r.Id, d),
        };
        return sorted.Then(r => r.Id, d);
    }

    private sealed class PurchaseOrderShape
    {
        public int Id { get; init; }
        public PurchaseOrderStatus Status { get; init; }
        public int StatusRank { get; init; }
        public string Supplier { get; init; } = "";
        public string Warehouse { get; init; } = "";
        public int Lines { get; init; }
        public int Ordered { get; init; }
        public int Received { get; init; }
        public long TotalCents { get; init; }
        public DateTime CreatedAtUtc { get; init; }
        public DateTime? ExpectedAtUtc { get; init; }

        public PurchaseOrderRow ToRow() =>
            new(Id, $"PO-{Id:D6}", Status, Supplier, Warehouse, Lines, Ordered, Received, TotalCents, CreatedAtUtc, ExpectedAtUtc);
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
