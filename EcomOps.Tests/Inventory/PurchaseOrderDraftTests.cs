using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Inventory;

/// <summary>A purchase order started by hand, for a SKU no suggestion names yet (a new company's first stock).</summary>
public sealed class PurchaseOrderDraftTests : IAsyncLifetime
{
    private InventoryWorld _world = default!;
    private readonly Actor _manager = Actor.Person("u-manager", "opsmanager@ecomops.local", Roles.OperationsManager);

    private PurchasingDesk Purchasing => _world.Harness.Get<PurchasingDesk>();

    public async Task InitializeAsync() => _world = await InventoryWorld.StartAsync();

    public async Task DisposeAsync() => await _world.Harness.DisposeAsync();

    [Fact]
    public async Task A_manager_starts_an_empty_draft_adds_a_line_sends_it_and_receives_the_stock_into_the_ledger()
    {
        var sku = await _world.SkuAsync("NEW-1", onHand: 0);

        var id = (await Purchasing.CreateDraftAsync(_manager, _world.Supplier, _world.Warehouse)).Value;
        var version = await VersionAsync(id);
        version = (await Purchasing.AddLineAsync(_manager, id, version, "NEW-1", 40, 3_000)).Value;
        version = (await Purchasing.SendAsync(_manager, id, version)).Value;
        await using (var db = _world.Harness.NewDb())
        {
            var line = await db.Set<PurchaseOrderLine>().SingleAsync(l => l.PurchaseOrderId == id);
            Assert.True((await Purchasing.ReceiveAsync(_manager, id, version, [new ReceiptLine(line.Id, 40)], null)).Succeeded);
        }

        await using var check = _world.Harness.NewDb();
        var order = await check.Set<PurchaseOrder>().SingleAsync(p => p.Id == id);
        Assert.Equal((PurchaseOrderStatus.Received, "opsmanager@ecomops.local"), (order.Status, order.CreatedBy));
        Assert.Equal(40, (await check.StockBalances.SingleAsync(b => b.SkuId == sku)).OnHand);
    }

    [Fact]
    public async Task A_retired_supplier_or_warehouse_is_refused_beside_its_field_and_nothing_is_created()
    {
        await using (var db = _world.Harness.NewDb())
        {
            await db.Suppliers.ExecuteUpdateAsync(u => u.SetProperty(s => s.Active, false));
        }

        var outcome = await Purchasing.CreateDraftAsync(_manager, _world.Supplier, 999);

        Assert.Equal([new FieldError("Supplier", PurchasingDesk.SupplierNotChosen), new FieldError("Warehouse", PurchasingDesk.NoWarehouse)], outcome.Errors);
        await using var check = _world.Harness.NewDb();
        Assert.Equal(0, await check.Set<PurchaseOrder>().CountAsync());
    }

    [Fact]
    public async Task Someone_without_inventory_rights_cannot_start_a_purchase_order()
    {
        var specialist = Actor.Person("u-spec", "spec@ecomops.local", Roles.OperationsSpecialist);

        Assert.Equal([Actor.NotPermitted], (await Purchasing.CreateDraftAsync(specialist, _world.Supplier, _world.Warehouse)).Errors);
    }

    private async Task<long> VersionAsync(int id)
    {
        await using var db = _world.Harness.NewDb();
        return await db.Set<PurchaseOrder>().Where(p => p.Id == id).Select(p => p.Version).SingleAsync();
    }
}
