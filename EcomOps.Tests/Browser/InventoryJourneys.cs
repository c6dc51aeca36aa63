using System.Diagnostics;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>Operations watch stock fall under its reorder point live, and the manager replenishes it.</summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class InventoryJourneys(BrowserHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<BrowserHost>
{
    [SkippableFact]
    public async Task A_shipment_under_the_reorder_point_raises_the_alert_live_and_a_received_purchase_order_clears_it()
    {
        var manager = await NewPageAsync();
        var specialist = await NewPageAsync();
        var (skuId, warehouseId) = await ArrangeSkuAsync("SKU-JOURNEY-1", onHand: 25);
        await SignInAsync(manager, "opsmanager@ecomops.local");
        await SignInAsync(specialist, "specialist@ecomops.local");
        foreach (var board in new[] { manager, specialist })
        {
            await board.GotoAsync("inventory/alerts");
            await WaitForCircuitAsync(board);
            await Expect(board.Locator("[data-testid=alerts-table]")).ToBeVisibleAsync();
        }
        var alertOnManager = manager.Locator("[data-testid=alert-SKU-JOURNEY-1-SH-01-LowStock]");
        var alertOnSpecialist = specialist.Locator("[data-testid=alert-SKU-JOURNEY-1-SH-01-LowStock]");
        await Expect(alertOnSpecialist).ToHaveCountAsync(0);

        // An order ships 10 of the 25: available 15 is under the reorder point of 20.
        await ShipAsync(skuId, warehouseId, 10);
        var clock = Stopwatch.StartNew();
        // WaitFor watches the page itself (Expect polls at widening intervals, which would blur the measurement).
        await Task.WhenAll(
            alertOnManager.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Visible, Timeout = 1000 + 500 }),
            alertOnSpecialist.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Visible, Timeout = 1000 + 500 }));
        Output.WriteLine($"alert on both open boards {clock.ElapsedMilliseconds} ms after the shipment committed");
        Assert.True(clock.ElapsedMilliseconds < 1500, $"took {clock.ElapsedMilliseconds} ms");
        await Expect(alertOnSpecialist).ToContainTextAsync("15 available, reorder point 20");

        // The manager turns the suggestion into a purchase order: max(minimum order 20, 100 − 15) = 85.
        await manager.GotoAsync("inventory/replenishment");
        await WaitForCircuitAsync(manager);
        var suggestion = manager.Locator("tr", new() { Has = manager.Locator("[data-testid=suggestion-SKU-JOURNEY-1-SH-01]") });
        await Expect(suggestion).ToContainTextAsync("85");
        await suggestion.Locator("[data-testid=suggestion-order]").ClickAsync();
        await manager.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/inventory/purchase-orders/\d+$"), BrowserJourney.Committed);
        await WaitForCircuitAsync(manager);
        var status = manager.Locator("[data-testid=po-status]");
        await Expect(status).ToHaveAttributeAsync("data-status", "Draft");
        await manager.Locator("[data-testid=po-send]").ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-status", "Sent");

        var line = manager.Locator("[data-testid=po-line-SKU-JOURNEY-1]");
        await Expect(line.Locator("input")).ToHaveValueAsync("85");
        await manager.Locator("[data-testid=po-receive]").ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-status", "Received");

        // The specialist's board, open all along, drops the alert.
        await Expect(alertOnSpecialist).ToHaveCountAsync(0);
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var balance = await db.StockBalances.SingleAsync(b => b.SkuId == skuId && b.WarehouseId == warehouseId);
        Assert.Equal(100, balance.OnHand);
        Assert.Empty(BrowserErrors);
    }

    private async Task<(int Sku, int Warehouse)> ArrangeSkuAsync(string code, int onHand)
    {
        var ledger = Host.Services.GetRequiredService<StockLedger>();
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var warehouse = await db.Warehouses.SingleAsync(w => w.Code == "SH-01");
        var supplier = await db.Suppliers.SingleAsync(s => s.Code == "SUP-01");
        supplier.MinOrderQuantity = 20;
        var sku = new Sku { Code = code, Name = "旅程测试T恤 · journey T-shirt", ListPriceCents = 9990, UnitCostCents = 4200 };
        db.Skus.Add(sku);
        await db.SaveChangesAsync();
        db.StockPolicies.Add(new StockPolicy { SkuId = sku.Id, WarehouseId = warehouse.Id, SupplierId = supplier.Id, ManualReorderPoint = 20, MaxStock = 100 });
        await db.SaveChangesAsync();
        Assert.True((await ledger.ReceiveAsync(db, warehouse.Id, [new StockLine(sku.Id, onHand)], "opening", null, default)).Succeeded);
        return (sku.Id, warehouse.Id);
    }

    private async Task ShipAsync(int skuId, int warehouseId, int quantity)
    {
        var ledger = Host.Services.GetRequiredService<StockLedger>();
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.True((await ledger.ReserveAsync(db, warehouseId, [new StockLine(skuId, quantity)], "order:journey", null, default)).Succeeded);
        Assert.True((await ledger.ShipAsync(db, warehouseId, [new StockLine(skuId, quantity)], "order:journey", null, default)).Succeeded);
        await transaction.CommitAsync();
    }
}
