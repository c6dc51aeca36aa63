using ClosedXML.Excel;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Inventory;

[Trait("Engines", "Both")]
public sealed class StockListTests : IAsyncLifetime
{
    private InventoryWorld _world = default!;

    private StockQueries Queries => _world.Harness.Get<StockQueries>();

    public async Task InitializeAsync()
    {
        _world = await InventoryWorld.StartAsync();
        // Values that differ per column, with ties, so each sort and the tie-breaker show.
        var a = await _world.SkuAsync("A-100", onHand: 50, reorderPoint: 20, maxStock: 100);
        var b = await _world.SkuAsync("B-200", onHand: 10, reorderPoint: 30, maxStock: 80);
        var c = await _world.SkuAsync("C-300", onHand: 50, reorderPoint: 5, maxStock: 300);
        await _world.SkuAsync("D-400", onHand: 0, reorderPoint: 20, maxStock: 60);
        await using var db = _world.Harness.NewDb();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.True((await _world.Ledger.ReserveAsync(db, _world.Warehouse, [new StockLine(a, 15)], "order:1", null, default)).Succeeded);
            Assert.True((await _world.Ledger.ReserveAsync(db, _world.Warehouse, [new StockLine(c, 2)], "order:2", null, default)).Succeeded);
            await transaction.CommitAsync();
        }
        db.Add(new PurchaseOrder
        {
            SupplierId = _world.Supplier, WarehouseId = _world.Warehouse, Status = PurchaseOrderStatus.Sent, CreatedAtUtc = _world.Harness.Clock.GetUtcNow().UtcDateTime,
            Lines = [new PurchaseOrderLine { SkuId = b, OrderedQuantity = 40, UnitCostCents = 100 }],
        });
        foreach (var (id, category, brand) in new[] { (a, "服装", "Zhimei"), (b, "家居", "Acme"), (c, "服装", "Acme") })
        {
            var sku = await db.Skus.SingleAsync(s => s.Id == id);
            sku.Category = category;
            sku.Brand = brand;
        }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _world.Harness.DisposeAsync();

    private static readonly Dictionary<StockColumn, Func<StockRow, IComparable?>> Keys = new()
    {
        [StockColumn.Sku] = r => r.Code,
        [StockColumn.Category] = r => r.Category is null ? null : $"{r.Category}\u0001{r.Brand}",
        [StockColumn.OnHand] = r => r.OnHand,
        [StockColumn.Reserved] = r => r.Reserved,
        [StockColumn.Available] = r => r.Available,
        [StockColumn.OnOrder] = r => r.OnOrder,
        [StockColumn.ReorderPoint] = r => r.ReorderPoint,
        [StockColumn.MaxStock] = r => r.MaxStock,
    };

    public static TheoryData<StockColumn, bool> EveryColumnBothWays()
    {
        var data = new TheoryData<StockColumn, bool>();
        foreach (var column in Enum.GetValues<StockColumn>())
        {
            data.Add(column, false);
            data.Add(column, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryColumnBothWays))]
    public async Task Stock_levels_sort_by_each_column_both_ways_with_the_sku_breaking_ties(StockColumn column, bool descending)
    {
        var (rows, total) = await Queries.StockAsync(_world.Warehouse, null, new(column, descending), 0, 100);

        Assert.Equal(4, total);
        var key = Keys[column];
        var comparer = Comparer<IComparable?>.Create((x, y) => x is string s && y is string t ? string.CompareOrdinal(s, t) : Comparer<IComparable?>.Default.Compare(x, y));
        var expected = descending
            ? rows.OrderByDescending(key, comparer).ThenByDescending(r => r.SkuId)
            : rows.OrderBy(key, comparer).ThenBy(r => r.SkuId);
        Assert.Equal(expected.Select(r => r.Code), rows.Select(r => r.Code));
        Assert.NotEqual(1, rows.Select(key).Distinct().Count());
    }

    [Fact]
    public async Task Stock_levels_show_on_order_and_available_from_the_ledger_and_open_purchase_orders()
    {
        var (rows, _) = await Queries.StockAsync(_world.Warehouse, null, StockQueries.BySkuCode, 0, 100);

        Assert.Equal([35, 10, 48, 0], rows.Select(r => r.Available));
        Assert.Equal([0, 40, 0, 0], rows.Select(r => r.OnOrder));
        Assert.All(rows, r => Assert.True(r.ManualReorderPoint));
    }

    [Fact]
    public async Task The_stock_export_holds_the_searched_skus_in_the_lists_order_with_quantities_as_numbers()
    {
        var sort = new ListSort<StockColumn>(StockColumn.Available, Descending: true);
        var (rows, _) = await Queries.StockAsync(_world.Warehouse, "Acme", sort, 0, 100);

        using var list = new ExportedList(await Queries.ExportStockAsync(_world.Warehouse, "Acme", sort, ExportedList.Text("zh-Hans")));

        Assert.Equal(["C-300", "B-200"], rows.Select(r => r.Code));
        Assert.Equal(rows.Select(r => r.Code), list.Texts("SKU"));
        var available = list.Cells("可用");
        Assert.All(available, c => Assert.Equal(XLDataType.Number, c.DataType));
        Assert.Equal([48.0, 10.0], available.Select(c => c.GetDouble()));
        Assert.Equal(["服装", "家居"], list.Texts("类目"));
    }
}
