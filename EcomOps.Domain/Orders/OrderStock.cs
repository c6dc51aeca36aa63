using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Orders;

/// <summary>Where an order would be reserved (null when it lacks stock or has nothing to reserve), and what it lacks.</summary>
public sealed record StockPlan(int? WarehouseId, IReadOnlyList<(string SkuCode, int Requested, int Available)> Shortages);

/// <summary>
/// An order's stock moves through the contract's <see cref="StockLedger"/>, always inside the order operation's own
/// transaction, so the order's state and its reservation or shipment are committed (or dropped) together.
/// </summary>
public sealed class OrderStock(StockLedger ledger)
{
    public static string Reference(int orderId) => $"order:{orderId}";

    /// <summary>
    /// Reserves the order's open units in the first active warehouse that has them all available, else in the first
    /// active warehouse (whose shortage is then reported). Returns the shortages, empty when reserved.
    /// </summary>
    public async Task<IReadOnlyList<(string SkuCode, int Requested, int Available)>> ReserveAsync(OpsDb db, Order order, int? warehouseId, string byName, CancellationToken ct)
    {
        var lines = OpenLines(order);
        if (lines.Count == 0)
        {
            return [];
        }
        var warehouse = warehouseId ?? await ChooseWarehouseAsync(db, lines, ct);
        if (warehouse is null)
        {
            return [.. order.Lines.Select(l => (l.SkuCode, l.Quantity - l.ShippedQuantity, 0))];
        }
        var result = await ledger.ReserveAsync(db, warehouse.Value, lines, Reference(order.Id), null, ct);
        if (!result.Succeeded && result.Shortages.Count == 0)
        {
            // Order lines are checked positive before they reach the ledger; a refusal here is a bug, not bad input.
            throw new InvalidOperationException($"The ledger refused the reservation of order {order.Id}: {string.Join(", ", result.Errors.Select(e => e.Code))}");
        }
        if (!result.Succeeded)
        {
            return [.. result.Shortages.Select(s => (order.Lines.First(l => l.SkuId == s.SkuId).SkuCode, s.Requested, s.Available))];
        }
        order.WarehouseId = warehouse;
        order.StockReserved = true;
        return [];
    }

    /// <summary>Gives back what the order still holds reserved (cancel, or moving it to another warehouse).</summary>
    public async Task ReleaseAsync(OpsDb db, Order order, string reason, CancellationToken ct)
    {
        if (order is { StockReserved: true, WarehouseId: { } warehouse } && OpenLines(order) is { Count: > 0 } lines)
        {
            await ledger.ReleaseAsync(db, warehouse, lines, Reference(order.Id), reason, ct);
        }
        order.StockReserved = false;
    }

    public Task<StockResult> ShipAsync(OpsDb db, Order order, IReadOnlyList<StockLine> lines, CancellationToken ct) =>
        ledger.ShipAsync(db, order.WarehouseId!.Value, lines, Reference(order.Id), null, ct);

    public Task<StockResult> ReturnAsync(OpsDb db, Order order, IReadOnlyList<StockLine> lines, string reason, CancellationToken ct) =>
        ledger.ReturnAsync(db, order.WarehouseId!.Value, lines, Reference(order.Id), reason, ct);

    /// <summary>Units still to ship, per SKU.</summary>
    public static List<StockLine> OpenLines(Order order) =>
        [.. order.Lines.Where(l => l.Quantity > l.ShippedQuantity).Select(l => new StockLine(l.SkuId, l.Quantity - l.ShippedQuantity))];

    private static async Task<int?> ChooseWarehouseAsync(OpsDb db, List<StockLine> lines, CancellationToken ct)
    {
        var warehouses = await ActiveWarehousesAsync(db, ct);
        if (warehouses.Count <= 1)
        {
            return warehouses.Count == 0 ? null : warehouses[0];
        }
        var available = await AvailableAsync(db, lines.Select(l => l.SkuId), ct);
        return ChooseWarehouse(warehouses, lines, available);
    }

    /// <summary>The first warehouse that has every line available, else the first (whose shortage is then reported).</summary>
    private static int? ChooseWarehouse(List<int> warehouses, List<StockLine> lines, Dictionary<(int WarehouseId, int SkuId), int> available) =>
        warehouses.Count == 0 ? null
            : warehouses.Count == 1 ? warehouses[0]
            : warehouses.Cast<int?>().FirstOrDefault(w => lines.All(l => available.TryGetValue((w!.Value, l.SkuId), out var a) && a >= l.Quantity))
                ?? warehouses[0];

    private static Task<List<int>> ActiveWarehousesAsync(OpsDb db, CancellationToken ct) =>
        db.Set<Warehouse>().Where(w => w.Active).OrderBy(w => w.Id).Select(w => w.Id).ToListAsync(ct);

    /// <summary>Available (on hand less reserved) per warehouse and SKU; a SKU never stocked in a warehouse has no entry.</summary>
    private static async Task<Dictionary<(int WarehouseId, int SkuId), int>> AvailableAsync(OpsDb db, IEnumerable<int> skuIds, CancellationToken ct)
    {
        var available = new Dictionary<(int, int), int>();
        foreach (var chunk in skuIds.Distinct().Chunk(500))
        {
            var balances = await db.Set<StockBalance>().AsNoTracking().Where(b => chunk.Contains(b.SkuId))
                .Select(b => new { b.WarehouseId, b.SkuId, Available = b.OnHand - b.Reserved }).ToListAsync(ct);
            foreach (var b in balances)
            {
                available[(b.WarehouseId, b.SkuId)] = b.Available;
            }
        }
        return available;
    }

    /// <summary>
    /// Where each of a batch's orders would be reserved by <see cref="ReserveAsync"/> called on them one after another,
    /// or what it would lack: the same warehouse choice and the same shortages, computed from the balances read once.
    /// Call it in the write transaction (the balances cannot move under it), then write the reservations with
    /// <see cref="ReserveAllAsync"/> once the orders have their ids.
    /// </summary>
    public async Task<IReadOnlyList<StockPlan>> PlanAsync(OpsDb db, IReadOnlyList<Order> orders, CancellationToken ct)
    {
        var plans = new List<StockPlan>(orders.Count);
        if (orders.Count == 0)
        {
            return plans;
        }
        var warehouses = await ActiveWarehousesAsync(db, ct);
        var available = await AvailableAsync(db, orders.SelectMany(o => o.Lines).Select(l => l.SkuId), ct);
        foreach (var order in orders)
        {
            // As the ledger takes them: the same SKU twice is one line of the sum, in SKU order.
            var lines = OpenLines(order).GroupBy(l => l.SkuId).Select(g => new StockLine(g.Key, g.Sum(l => l.Quantity))).OrderBy(l => l.SkuId).ToList();
            if (lines.Count == 0)
            {
                plans.Add(new StockPlan(null, []));
                continue;
            }
            if (ChooseWarehouse(warehouses, lines, available) is not { } warehouse)
            {
                plans.Add(new StockPlan(null, [.. order.Lines.Select(l => (l.SkuCode, l.Quantity - l.ShippedQuantity, 0))]));
                continue;
            }
            var shortages = lines.Where(l => available.GetValueOrDefault((warehouse, l.SkuId)) < l.Quantity)
                .Select(l => (order.Lines.First(o => o.SkuId == l.SkuId).SkuCode, l.Quantity, available.GetValueOrDefault((warehouse, l.SkuId))))
                .ToList();
            if (shortages.Count == 0)
            {
                foreach (var line in lines)
                {
                    available[(warehouse, line.SkuId)] -= line.Quantity;
                }
            }
            plans.Add(new StockPlan(shortages.Count == 0 ? warehouse : null, shortages));
        }
        return plans;
    }

    /// <summary>
    /// Reserves the open lines of saved orders whose <see cref="Order.WarehouseId"/> was planned by <see cref="PlanAsync"/>,
    /// through the ledger in one step (each SKU's balance moved once, by the sum). The ledger's conditional updates still
    /// guard the balances: a plan that no longer fits throws, and the caller's transaction is rolled back.
    /// </summary>
    public async Task ReserveAllAsync(OpsDb db, IReadOnlyList<Order> orders, CancellationToken ct)
    {
        if (orders.Count == 0)
        {
            return;
        }
        var result = await ledger.ReserveManyAsync(db, [.. orders.Select(o => new StockRequest(o.WarehouseId!.Value, OpenLines(o), Reference(o.Id)))], ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The ledger refused a planned reservation of {orders.Count} orders: "
                + string.Join(", ", result.Errors.Select(e => e.Code).Concat(result.Shortages.Select(s => $"SKU {s.SkuId} {s.Available}/{s.Requested}"))));
        }
    }

    /// <summary>The SKUs of the given codes: id, list price and name, by code.</summary>
    public static async Task<Dictionary<string, (int Id, long ListPriceCents, string Name, bool Active)>> SkusAsync(OpsDb db, IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, (int, long, string, bool)>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in wanted.Chunk(500))
        {
            var rows = await db.Set<Sku>().Where(s => chunk.Contains(s.Code)).Select(s => new { s.Id, s.Code, s.ListPriceCents, s.Name, s.Active }).ToListAsync(ct);
            foreach (var s in rows)
            {
                found[s.Code] = (s.Id, s.ListPriceCents, s.Name, s.Active);
            }
        }
        return found;
    }
}
