using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Orders;

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
        var warehouses = await db.Set<Warehouse>().Where(w => w.Active).OrderBy(w => w.Id).Select(w => w.Id).ToListAsync(ct);
        if (warehouses.Count <= 1)
        {
            return warehouses.Count == 0 ? null : warehouses[0];
        }
        var skuIds = lines.Select(l => l.SkuId).ToList();
        var balances = await db.Set<StockBalance>().Where(b => skuIds.Contains(b.SkuId))
            .Select(b => new { b.WarehouseId, b.SkuId, Available = b.OnHand - b.Reserved }).ToListAsync(ct);
        foreach (var id in warehouses)
        {
            if (lines.All(l => balances.Any(b => b.WarehouseId == id && b.SkuId == l.SkuId && b.Available >= l.Quantity)))
            {
                return id;
            }
        }
        return warehouses[0];
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
