using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Orders;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Orders;

/// <summary>A migrated database with one warehouse, three SKUs with stock received, and one sales channel.</summary>
internal sealed class OrderWorld : IAsyncDisposable
{
    public static readonly Actor Specialist = new(null, "specialist");

    private OrderWorld(DomainHarness harness) => Harness = harness;

    public DomainHarness Harness { get; }
    public int ChannelId { get; private set; }
    public int WarehouseId { get; private set; }
    public int OtherWarehouseId { get; private set; }
    public Dictionary<string, int> SkuIds { get; } = [];

    public OrderIntake Intake => Harness.Get<OrderIntake>();
    public OrderDesk Desk => Harness.Get<OrderDesk>();

    public static async Task<OrderWorld> StartAsync(int stockPerSku = 100, Domain.Data.DatabaseProvider? provider = null)
    {
        var world = new OrderWorld(await DomainHarness.StartAsync(provider: provider));
        await using var db = world.Harness.NewDb();
        var channel = new SalesChannel { Code = "TEST", Name = "Test shop", Platform = SalesPlatform.WebShop };
        var warehouse = new Warehouse { Code = "SH-01", Name = "上海仓", Active = true };
        var other = new Warehouse { Code = "GZ-01", Name = "广州仓", Active = true };
        db.SalesChannels.Add(channel);
        db.Set<Warehouse>().AddRange(warehouse, other);
        var skus = new[] { ("SKU-1", 10_000L), ("SKU-2", 5_000L), ("SKU-3", 2_000L) }
            .Select(s => new Sku { Code = s.Item1, Name = "商品 " + s.Item1, ListPriceCents = s.Item2, UnitCostCents = s.Item2 / 2, PackSize = 1, Active = true }).ToList();
        db.Set<Sku>().AddRange(skus);
        await db.SaveChangesAsync();
        foreach (var sku in skus)
        {
            db.Set<StockMovement>().Add(new StockMovement
            {
                SkuId = sku.Id, WarehouseId = warehouse.Id, Kind = StockMovementKind.Receipt, OnHandDelta = stockPerSku, Reference = "po:test", AtUtc = world.Harness.Clock.GetUtcNow().UtcDateTime,
            });
        }
        await db.SaveChangesAsync();
        await world.Harness.Get<StockLedger>().RebuildBalancesAsync(db, default);
        world.ChannelId = channel.Id;
        world.WarehouseId = warehouse.Id;
        world.OtherWarehouseId = other.Id;
        foreach (var sku in skus)
        {
            world.SkuIds[sku.Code] = sku.Id;
        }
        return world;
    }

    public OrderDraft Draft(string id, params (string Sku, int Quantity)[] lines) => new()
    {
        PlatformOrderId = id,
        CustomerName = "王喆",
        CustomerPhone = "13812345678",
        ShippingAddress = "上海市浦东新区张江路 100 号",
        PlacedAtUtc = Harness.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5),
        PaidAtUtc = Harness.Clock.GetUtcNow().UtcDateTime.AddMinutes(-4),
        Lines = [.. (lines.Length == 0 ? [("SKU-1", 1)] : lines).Select(l => new OrderLineDraft(l.Sku, null, l.Quantity, l.Sku switch { "SKU-1" => 10_000, "SKU-2" => 5_000, _ => 2_000 }, 0))],
    };

    public async Task<IntakeResult> TakeInAsync(OrderDraft draft)
    {
        var outcome = await Intake.TakeInAsync(Specialist, ChannelId, [draft]);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Errors.Select(e => $"{e.Field}:{e.Code}")));
        return outcome.Value![0];
    }

    public async Task<Order> OrderAsync(int id)
    {
        await using var db = Harness.NewDb();
        return await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Holds).Include(o => o.Events).Include(o => o.Shipments)
            .AsSplitQuery().SingleAsync(o => o.Id == id);
    }

    public async Task<StockBalance> BalanceAsync(string sku, int? warehouseId = null)
    {
        await using var db = Harness.NewDb();
        var skuId = SkuIds[sku];
        var warehouse = warehouseId ?? WarehouseId;
        return await db.Set<StockBalance>().AsNoTracking().SingleAsync(b => b.SkuId == skuId && b.WarehouseId == warehouse);
    }

    public async Task<T> ReadAsync<T>(Func<OpsDb, Task<T>> read)
    {
        await using var db = Harness.NewDb();
        return await read(db);
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
