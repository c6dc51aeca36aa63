using EcomOps.Domain.Catalog;
using EcomOps.Domain.Catalog.Images;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;

namespace EcomOps.Tests.Catalog;

/// <summary>
/// The catalogue world with two channels (a Taobao store that asks for nothing beyond the rulebook, a Tmall store that
/// also wants barcodes and a description), a complete product with stock, and the people who edit and approve listings.
/// </summary>
public sealed class ListingWorld(CatalogWorld catalog) : IAsyncDisposable
{
    public CatalogWorld Catalog { get; } = catalog;
    public Actor Specialist { get; } = Actor.Person("u-specialist", "specialist@ecomops.local", Roles.OperationsSpecialist);
    public Actor Manager => Catalog.Manager;
    public Actor OtherManager { get; } = Actor.Person("u-manager-2", "opsmanager2@ecomops.local", Roles.OperationsManager);
    public ListingDesk Desk => Catalog.Harness.Get<ListingDesk>();
    public ListingQueries Queries => Catalog.Harness.Get<ListingQueries>();
    public int Taobao { get; private set; }
    public int Tmall { get; private set; }
    public int Tee { get; private set; }
    public int Category { get; private set; }
    public int Brand { get; private set; }

    public static async Task<ListingWorld> StartAsync()
    {
        var world = new ListingWorld(await CatalogWorld.StartAsync());
        await world.SeedAsync();
        return world;
    }

    private async Task SeedAsync()
    {
        await using (var db = Catalog.Harness.NewDb())
        {
            var taobao = new SalesChannel { Code = "TAOBAO", Name = "淘宝店", Platform = SalesPlatform.Taobao };
            var tmall = new SalesChannel { Code = "TMALL", Name = "天猫旗舰店", Platform = SalesPlatform.Tmall };
            db.SalesChannels.AddRange(taobao, tmall);
            db.Warehouses.Add(new Warehouse { Code = "SH-01", Name = "上海仓" });
            await db.SaveChangesAsync();
            (Taobao, Tmall) = (taobao.Id, tmall.Id);
        }
        Category = await Catalog.CategoryAsync("服装", "Apparel");
        Brand = await Catalog.BrandAsync("云朵");
        Tee = CatalogWorld.Done(await Catalog.Desk.SaveProductAsync(Manager, null, 0, new ProductForm
        {
            Name = "云朵纯棉T恤", CategoryId = Category, BrandId = Brand, Origin = "浙江杭州", Material = "100% 棉", Instructions = "冷水手洗",
            AfterSales = "7天无理由退货", SellingPoints = "柔软透气",
        }));
        var sku = CatalogWorld.Done(await Catalog.Desk.SaveSkuAsync(Manager, Tee, null, 0, new SkuForm
        {
            Code = "TS-001", Specification = "黑色 M", Model = "AP-0001", Barcode = "6901234567892", ListPriceCents = 9_900, UnitCostCents = 4_000, WeightGrams = 220,
        }));
        await StockAsync(sku, 10);
        CatalogWorld.Done(await Catalog.Harness.Get<ProductImageDesk>().AddAsync(Manager, Tee, "tee.jpg", DemoImages.Render(0, 800)));
    }

    public async Task StockAsync(int skuId, int onHand)
    {
        await using var db = Catalog.Harness.NewDb();
        var warehouse = db.Warehouses.Single().Id;
        var balance = db.StockBalances.SingleOrDefault(b => b.SkuId == skuId);
        if (balance is null)
        {
            db.StockBalances.Add(new StockBalance { SkuId = skuId, WarehouseId = warehouse, OnHand = onHand });
        }
        else
        {
            balance.OnHand = onHand;
        }
        await db.SaveChangesAsync();
    }

    public async Task<ListingDetail> DetailAsync(int id) => (await Queries.ListingAsync(id))!;

    /// <summary>A listing the specialist created and submitted: in review, waiting for a manager.</summary>
    public async Task<int> InReviewAsync(int channel)
    {
        var id = CatalogWorld.Done(await Desk.CreateAsync(Specialist, Tee, channel));
        CatalogWorld.Done(await Desk.SubmitAsync(Specialist, id, (await DetailAsync(id)).Version));
        return id;
    }

    public ValueTask DisposeAsync() => Catalog.DisposeAsync();
}
