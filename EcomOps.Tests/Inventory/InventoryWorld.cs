using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Inventory;

/// <summary>A warehouse, a supplier (lead time 5 days, minimum order 10) and SKUs with stock policies, on the Domain harness.</summary>
public sealed class InventoryWorld(DomainHarness harness)
{
    public DomainHarness Harness { get; } = harness;
    public int Warehouse { get; private set; }
    public int Supplier { get; private set; }
    public Actor Manager { get; } = new(null, "opsmanager@ecomops.local");

    public StockLedger Ledger => Harness.Get<StockLedger>();

    public static async Task<InventoryWorld> StartAsync()
    {
        var world = new InventoryWorld(await DomainHarness.StartAsync());
        await using var db = world.Harness.NewDb();
        var warehouse = new Warehouse { Code = "SH-01", Name = "上海仓 Shanghai" };
        var supplier = new Supplier { Code = "SUP-01", Name = "杭州织美 Zhimei", LeadTimeDays = 5, MinOrderQuantity = 10 };
        db.AddRange(warehouse, supplier);
        await db.SaveChangesAsync();
        world.Warehouse = warehouse.Id;
        world.Supplier = supplier.Id;
        return world;
    }

    /// <summary>A SKU with a manual reorder point and maximum, stocked with <paramref name="onHand"/> units.</summary>
    public async Task<int> SkuAsync(string code, int onHand, int reorderPoint = 20, int maxStock = 100, int packSize = 1)
    {
        await using var db = Harness.NewDb();
        var sku = new Sku { Code = code, Name = $"Article {code}", ListPriceCents = 9990, UnitCostCents = 4500, PackSize = packSize };
        db.Add(sku);
        await db.SaveChangesAsync();
        db.Add(new StockPolicy { SkuId = sku.Id, WarehouseId = Warehouse, SupplierId = Supplier, ManualReorderPoint = reorderPoint, MaxStock = maxStock });
        await db.SaveChangesAsync();
        if (onHand > 0)
        {
            Assert.True((await Ledger.ReceiveAsync(db, Warehouse, [new StockLine(sku.Id, onHand)], "opening", null, default)).Succeeded);
        }
        return sku.Id;
    }

    public async Task<StockResult> ShipAsync(int sku, int quantity, string order = "order:1")
    {
        await using var db = Harness.NewDb();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var reserved = await Ledger.ReserveAsync(db, Warehouse, [new StockLine(sku, quantity)], order, null, default);
        var shipped = reserved.Succeeded ? await Ledger.ShipAsync(db, Warehouse, [new StockLine(sku, quantity)], order, null, default) : reserved;
        await transaction.CommitAsync();
        return shipped;
    }

    public async Task<List<InventoryAlert>> OpenAlertsAsync(int sku)
    {
        await using var db = Harness.NewDb();
        return await db.InventoryAlerts.AsNoTracking().Where(a => a.SkuId == sku && a.ResolvedAtUtc == null).ToListAsync();
    }

    public async Task<List<ReorderSuggestion>> SuggestionsAsync(int sku)
    {
        await using var db = Harness.NewDb();
        return await db.ReorderSuggestions.AsNoTracking().Where(s => s.SkuId == sku).OrderBy(s => s.Id).ToListAsync();
    }
}
