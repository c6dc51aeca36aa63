using EcomOps.Domain.DemoData;
using EcomOps.Domain.Inventory;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Inventory;

public sealed class InventoryDemoDataTests
{
    [Fact]
    public async Task Minimal_demo_stock_is_consistent_with_its_ledger_and_evaluated_from_the_data()
    {
        await using var harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);

        await using var db = harness.NewDb();
        Assert.Equal(["GZ-01", "SH-01"], await db.Warehouses.OrderBy(w => w.Code).Select(w => w.Code).ToListAsync());
        Assert.Equal(InventoryDemoData.SkuCount(DemoSize.Minimal), await db.Skus.CountAsync());
        var sums = await db.StockMovements.GroupBy(m => new { m.SkuId, m.WarehouseId })
            .Select(g => new { g.Key.SkuId, g.Key.WarehouseId, OnHand = g.Sum(m => m.OnHandDelta), Reserved = g.Sum(m => m.ReservedDelta) }).ToListAsync();
        var balances = await db.StockBalances.ToDictionaryAsync(b => (b.SkuId, b.WarehouseId));
        Assert.All(sums, s => Assert.Equal((s.OnHand, s.Reserved), (balances[(s.SkuId, s.WarehouseId)].OnHand, balances[(s.SkuId, s.WarehouseId)].Reserved)));
        var kinds = await db.InventoryAlerts.Where(a => a.ResolvedAtUtc == null).Select(a => a.Kind).Distinct().ToListAsync();
        Assert.Contains(InventoryAlertKind.OutOfStock, kinds);
        Assert.Contains(InventoryAlertKind.LowStock, kinds);
        Assert.Contains(InventoryAlertKind.Overstock, kinds);
        Assert.True(await db.ReorderSuggestions.CountAsync(s => s.Status == SuggestionStatus.Open) > 0);
        var statuses = await db.PurchaseOrders.Select(p => p.Status).Distinct().ToListAsync();
        Assert.Contains(PurchaseOrderStatus.Draft, statuses);
        Assert.Contains(PurchaseOrderStatus.Sent, statuses);
        Assert.Contains(PurchaseOrderStatus.Closed, statuses);
    }
}
