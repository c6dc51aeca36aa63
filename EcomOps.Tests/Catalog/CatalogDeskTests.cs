using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Catalog;

[Trait("Engines", "Both")]
public sealed class CatalogDeskTests : IAsyncLifetime
{
    private CatalogWorld _world = default!;

    public async Task InitializeAsync() => _world = await CatalogWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_category_cannot_be_put_under_itself_or_one_of_its_own_subcategories()
    {
        var apparel = await _world.CategoryAsync("服装", "Apparel");
        var tops = await _world.CategoryAsync("上装", "Tops", apparel);
        var tees = await _world.CategoryAsync("T恤", "T-shirts", tops);
        var version = (await _world.Queries.CategoriesAsync()).Single(c => c.Id == apparel).Version;

        var underGrandchild = await _world.MasterData.SaveCategoryAsync(_world.Manager, apparel, version, new CategoryForm { NameZh = "服装", NameEn = "Apparel", ParentId = tees });
        var underItself = await _world.MasterData.SaveCategoryAsync(_world.Manager, apparel, version, new CategoryForm { NameZh = "服装", NameEn = "Apparel", ParentId = apparel });

        Assert.Equal([new FieldError(nameof(CategoryForm.ParentId), CatalogErrors.CategoryCycle)], underGrandchild.Errors);
        Assert.Equal([new FieldError(nameof(CategoryForm.ParentId), CatalogErrors.CategoryCycle)], underItself.Errors);
        Assert.Null((await _world.Queries.CategoriesAsync()).Single(c => c.Id == apparel).ParentId);
        Assert.Equal([0, 1, 2], (await _world.Queries.CategoriesAsync()).Select(c => c.Depth));
    }

    [Fact]
    public async Task A_sku_code_or_barcode_another_sku_has_is_refused_naming_the_field()
    {
        var category = await _world.CategoryAsync("服装", "Apparel");
        var product = await _world.ProductAsync("纯棉T恤", category);
        await _world.SkuAsync(product, "TS-001", "6901234567892");

        var sameCode = await _world.Desk.SaveSkuAsync(_world.Manager, product, null, 0, new SkuForm { Code = " ts-001 ", ListPriceCents = 100 });
        var sameBarcode = await _world.Desk.SaveSkuAsync(_world.Manager, product, null, 0, new SkuForm { Code = "TS-002", Barcode = "6901234567892", ListPriceCents = 100 });
        var badBarcode = await _world.Desk.SaveSkuAsync(_world.Manager, product, null, 0, new SkuForm { Code = "TS-003", Barcode = "69-0123", ListPriceCents = 100 });

        Assert.Equal([new FieldError(nameof(SkuForm.Code), CatalogErrors.SkuCodeTaken)], sameCode.Errors);
        Assert.Equal([new FieldError(nameof(SkuForm.Barcode), CatalogErrors.BarcodeTaken)], sameBarcode.Errors);
        Assert.Equal([new FieldError(nameof(SkuForm.Barcode), CatalogErrors.BarcodeFormat)], badBarcode.Errors);
        await using var db = _world.Harness.NewDb();
        Assert.Equal(1, await db.Skus.CountAsync());
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(100_000_000_000, true)]
    [InlineData(100_000_000_001, false)]
    public async Task A_price_below_zero_or_above_a_billion_yuan_is_refused(long cents, bool accepted)
    {
        var product = await _world.ProductAsync("纯棉T恤", await _world.CategoryAsync("服装", "Apparel"));

        var sku = await _world.Desk.SaveSkuAsync(_world.Manager, product, null, 0, new SkuForm { Code = "TS-1", ListPriceCents = cents, UnitCostCents = cents });
        var band = await _world.MasterData.SavePriceBandAsync(_world.Manager, null, 0, new PriceBandForm { Name = "band", FromCents = cents });

        Assert.Equal(accepted, sku.Succeeded);
        Assert.Equal(accepted, band.Succeeded);
        if (!accepted)
        {
            Assert.Equal([new FieldError(nameof(SkuForm.ListPriceCents), CatalogErrors.PriceOutOfRange), new FieldError(nameof(SkuForm.UnitCostCents), CatalogErrors.PriceOutOfRange)], sku.Errors);
        }
    }

    [Fact]
    public async Task A_sku_with_stock_and_the_category_brand_and_warehouse_it_uses_can_only_be_retired_while_an_unused_draft_is_deleted()
    {
        var category = await _world.CategoryAsync("服装", "Apparel");
        var brand = await _world.BrandAsync("云朵");
        var product = await _world.ProductAsync("纯棉T恤", category, brand);
        var stocked = await _world.SkuAsync(product, "TS-001");
        var warehouse = CatalogWorld.Done(await _world.MasterData.SaveWarehouseAsync(_world.Manager, null, 0, new WarehouseForm { Code = "sh-01", Name = "上海仓", Address = "上海市嘉定区" }));
        await using (var db = _world.Harness.NewDb())
        {
            Assert.True((await _world.Harness.Get<StockLedger>().ReceiveAsync(db, warehouse, [new StockLine(stocked, 5)], "opening", null, default)).Succeeded);
        }
        var draft = await _world.ProductAsync("草稿 draft", category);
        await _world.SkuAsync(draft, "DRAFT-1");
        var refused = new FieldError(CatalogRules.RecordField, CatalogErrors.StillReferenced);

        Assert.Equal([refused], (await _world.Desk.DeleteAsync<Sku>(_world.Manager, stocked, 0)).Errors);
        Assert.Equal([refused], (await _world.Desk.DeleteAsync<Product>(_world.Manager, product, 0)).Errors);
        Assert.Equal([refused], (await _world.Desk.DeleteAsync<Category>(_world.Manager, category, 0)).Errors);
        Assert.Equal([refused], (await _world.Desk.DeleteAsync<Brand>(_world.Manager, brand, 0)).Errors);
        Assert.Equal([refused], (await _world.Desk.DeleteAsync<Warehouse>(_world.Manager, warehouse, 0)).Errors);
        Assert.True((await _world.Desk.SetActiveAsync<Product>(_world.Manager, product, 0, active: false)).Succeeded);
        Assert.True((await _world.Desk.DeleteAsync<Product>(_world.Manager, draft, 0)).Succeeded);

        await using var read = _world.Harness.NewDb();
        Assert.False((await read.Products.SingleAsync(p => p.Id == product)).Active);
        Assert.False((await read.Skus.SingleAsync(s => s.Id == stocked)).Active);
        Assert.False(await read.Products.AnyAsync(p => p.Id == draft));
        Assert.False(await read.Skus.AnyAsync(s => s.Code == "DRAFT-1"));
        Assert.Equal(5, await read.StockBalances.Where(b => b.SkuId == stocked).Select(b => b.OnHand).SingleAsync());
    }

    [Fact]
    public async Task The_second_of_two_managers_editing_the_same_product_is_told_it_changed_and_nothing_of_theirs_is_saved()
    {
        var category = await _world.CategoryAsync("服装", "Apparel");
        var product = await _world.ProductAsync("纯棉T恤", category);
        var seen = (await _world.Queries.ProductAsync(product))!;

        var first = await _world.Desk.SaveProductAsync(_world.Manager, product, seen.Version, new ProductForm { Name = "纯棉T恤 经典款", CategoryId = category, Origin = "杭州" });
        var second = await _world.Desk.SaveProductAsync(_world.Director, product, seen.Version, new ProductForm { Name = "纯棉T恤 新款", CategoryId = category, Material = "棉" });

        Assert.True(first.Succeeded);
        Assert.Equal(OutcomeKind.Conflict, second.Kind);
        var now = (await _world.Queries.ProductAsync(product))!;
        Assert.Equal(("纯棉T恤 经典款", "杭州", null), (now.Form.Name, now.Form.Origin, now.Form.Material));
        Assert.Equal(seen.Version + 1, now.Version);
    }

    [Fact]
    public async Task An_agent_or_a_specialist_may_change_nothing_in_the_catalogue()
    {
        var category = await _world.CategoryAsync("服装", "Apparel");
        var product = await _world.ProductAsync("纯棉T恤", category);
        foreach (var role in new[] { Roles.CsAgent, Roles.OperationsSpecialist, Roles.Designer })
        {
            var actor = Actor.Person($"u-{role}", $"{role}@ecomops.local", role);

            Assert.Equal([Actor.NotPermitted], (await _world.Desk.SaveProductAsync(actor, null, 0, new ProductForm { Name = "x", CategoryId = category })).Errors);
            Assert.Equal([Actor.NotPermitted], (await _world.Desk.SaveSkuAsync(actor, product, null, 0, new SkuForm { Code = "X-1" })).Errors);
            Assert.Equal([Actor.NotPermitted], (await _world.MasterData.SaveCategoryAsync(actor, null, 0, new CategoryForm { NameZh = "x", NameEn = "x" })).Errors);
            Assert.Equal([Actor.NotPermitted], (await _world.MasterData.SaveBrandAsync(actor, null, 0, new BrandForm { Name = "x" })).Errors);
            Assert.Equal([Actor.NotPermitted], (await _world.MasterData.SavePriceBandAsync(actor, null, 0, new PriceBandForm { Name = "x" })).Errors);
            Assert.Equal([Actor.NotPermitted], (await _world.MasterData.SaveWarehouseAsync(actor, null, 0, new WarehouseForm { Code = "X", Name = "x" })).Errors);
            Assert.Equal([Actor.NotPermitted], (await _world.Desk.SetActiveAsync<Product>(actor, product, 0, false)).Errors);
            Assert.Equal([Actor.NotPermitted], (await _world.Desk.DeleteAsync<Product>(actor, product, 0)).Errors);
        }
        Assert.True(Permissions.Allows(Roles.Admin, Permissions.ManageCatalog));
        await using var db = _world.Harness.NewDb();
        Assert.Equal(1, await db.Products.CountAsync());
        Assert.Equal(0, await db.Skus.CountAsync());
    }

    [Fact]
    public async Task A_sku_carries_its_department_and_brand_labels_and_follows_a_rename_of_the_department()
    {
        var apparel = await _world.CategoryAsync("服装", "Apparel");
        var tees = await _world.CategoryAsync("T恤", "T-shirts", await _world.CategoryAsync("上装", "Tops", apparel));
        var brand = await _world.BrandAsync("云朵");
        var product = await _world.ProductAsync("纯棉T恤", tees, brand);
        var sku = await _world.SkuAsync(product, "TS-001");
        var version = (await _world.Queries.CategoriesAsync()).Single(c => c.Id == apparel).Version;

        CatalogWorld.Done(await _world.MasterData.SaveCategoryAsync(_world.Manager, apparel, version, new CategoryForm { NameZh = "服饰", NameEn = "Clothing" }));

        await using var db = _world.Harness.NewDb();
        var saved = await db.Skus.SingleAsync(s => s.Id == sku);
        Assert.Equal(("服饰 Clothing", "云朵", "纯棉T恤 黑色 M"), (saved.Category, saved.Brand, saved.Name));
    }

    [Fact]
    public async Task A_price_band_is_derived_from_the_price_and_bands_may_not_overlap()
    {
        CatalogWorld.Done(await _world.MasterData.SavePriceBandAsync(_world.Manager, null, 0, new PriceBandForm { Name = "¥0–50", FromCents = 0, ToCents = 5_000 }));
        CatalogWorld.Done(await _world.MasterData.SavePriceBandAsync(_world.Manager, null, 0, new PriceBandForm { Name = "¥50+", FromCents = 5_000 }));

        var overlapping = await _world.MasterData.SavePriceBandAsync(_world.Manager, null, 0, new PriceBandForm { Name = "¥40–60", FromCents = 4_000, ToCents = 6_000 });
        var empty = await _world.MasterData.SavePriceBandAsync(_world.Manager, null, 0, new PriceBandForm { Name = "none", FromCents = 6_000, ToCents = 6_000 });

        Assert.Equal([new FieldError(nameof(PriceBandForm.FromCents), CatalogErrors.PriceBandOverlap)], overlapping.Errors);
        Assert.Equal([new FieldError(nameof(PriceBandForm.ToCents), CatalogErrors.PriceBandEmpty)], empty.Errors);
        await using var db = _world.Harness.NewDb();
        var bands = await db.PriceBands.ToListAsync();
        Assert.Equal("¥0–50", PriceBands.For(bands, 4_999)!.Name);
        Assert.Equal("¥50+", PriceBands.For(bands, 5_000)!.Name);
        Assert.Null(PriceBands.For([bands[0]], 5_000));
    }

    [Fact]
    public async Task The_product_list_finds_a_product_by_a_sku_code_or_barcode_and_filters_a_category_with_its_subcategories()
    {
        var apparel = await _world.CategoryAsync("服装", "Apparel");
        var tees = await _world.CategoryAsync("T恤", "T-shirts", apparel);
        var home = await _world.CategoryAsync("家居", "Home");
        var tee = await _world.ProductAsync("纯棉T恤", tees);
        var candle = await _world.ProductAsync("香薰蜡烛", home);
        await _world.SkuAsync(tee, "TS-001", "6901234567892", price: 5_900);
        await _world.SkuAsync(tee, "TS-002", price: 7_900);
        await _world.SkuAsync(candle, "CD-001");

        var byBarcode = await _world.Queries.ProductsAsync(new ProductFilter(Search: "4567892"), CatalogQueries.ByName, 0, 25);
        var byCode = await _world.Queries.ProductsAsync(new ProductFilter(Search: "cd-00"), CatalogQueries.ByName, 0, 25);
        var inApparel = await _world.Queries.ProductsAsync(new ProductFilter(CategoryId: apparel), CatalogQueries.ByName, 0, 25);
        var byPrice = await _world.Queries.ProductsAsync(new ProductFilter(), new ListSort<ProductColumn>(ProductColumn.Price, Descending: true), 0, 25);

        Assert.Equal([tee], byBarcode.Rows.Select(r => r.Id));
        Assert.Equal([candle], byCode.Rows.Select(r => r.Id));
        Assert.Equal(1, inApparel.Total);
        Assert.Equal((2, 5_900L, 7_900L), (inApparel.Rows[0].Skus, inApparel.Rows[0].MinPriceCents!.Value, inApparel.Rows[0].MaxPriceCents!.Value));
        Assert.Equal([candle, tee], byPrice.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task A_warehouse_code_another_warehouse_has_is_refused()
    {
        CatalogWorld.Done(await _world.MasterData.SaveWarehouseAsync(_world.Manager, null, 0, new WarehouseForm { Code = "SH-01", Name = "上海仓" }));

        var again = await _world.MasterData.SaveWarehouseAsync(_world.Manager, null, 0, new WarehouseForm { Code = "sh-01", Name = "上海二仓" });

        Assert.Equal([new FieldError(nameof(WarehouseForm.Code), CatalogErrors.WarehouseCodeTaken)], again.Errors);
    }

    [Fact]
    public async Task Two_people_entering_the_same_sku_code_at_the_same_moment_leave_one_sku_and_the_second_is_told_the_code_is_taken()
    {
        await using var world = new CatalogWorld(await DomainHarness.StartAsync(s => s.AddSingleton<IInterceptor>(new SameCodeMeanwhile("RACE-1"))));
        var product = await world.ProductAsync("纯棉T恤", await world.CategoryAsync("服装", "Apparel"));

        var second = await world.Desk.SaveSkuAsync(world.Manager, product, null, 0, new SkuForm { Code = "RACE-1", ListPriceCents = 100 });

        Assert.Equal([new FieldError(nameof(SkuForm.Code), CatalogErrors.SkuCodeTaken)], second.Errors);
    }

    /// <summary>Writes a SKU with the same code just before the desk's save reaches the database (after its own check passed).</summary>
    private sealed class SameCodeMeanwhile(string code) : SaveChangesInterceptor
    {
        private bool _done;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!_done && eventData.Context!.ChangeTracker.Entries<Sku>().Any(e => e.State == EntityState.Added && e.Entity.Code == code))
            {
                _done = true;
                await eventData.Context.Database.ExecuteSqlAsync(
                    $"INSERT INTO \"Skus\" (\"Code\", \"Name\", \"ListPriceCents\", \"UnitCostCents\", \"PackSize\", \"Active\", \"Version\") VALUES ({code}, 'meanwhile', 0, 0, 1, TRUE, 0)", cancellationToken);
            }
            return result;
        }
    }
}
