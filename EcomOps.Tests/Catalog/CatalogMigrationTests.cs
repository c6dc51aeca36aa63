using EcomOps.Domain.Data;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EcomOps.Tests.Catalog;

/// <summary>A database made before the catalogue upgrades in place: every SKU keeps its id, its references and its labels, and gets a product.</summary>
public sealed class CatalogMigrationTests
{
    private const string BeforeCatalogue = "20261205200356_CustomerMessages";

    [Fact]
    public async Task Migrating_a_database_with_skus_gives_each_sku_a_product_in_a_category_and_brand_made_from_its_labels()
    {
        using var folder = new TempFolder();
        var options = new DbContextOptionsBuilder<OpsDb>().UseSqlite($"Data Source={folder.File("old.db")}").Options;
        await using (var db = new OpsDb(options))
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeCatalogue);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Warehouses" ("Id", "Code", "Name", "Active") VALUES (1, 'SH-01', '上海仓', 1);
                INSERT INTO "Skus" ("Id", "Code", "Name", "Category", "Brand", "ListPriceCents", "UnitCostCents", "PackSize", "Active", "Version") VALUES
                    (7, 'SKU-7', '云朵纯棉T恤 黑色 M · cotton T-shirt, black M', '服装 Apparel', '云朵', 9990, 4000, 1, 1, 3),
                    (8, 'SKU-8', '云朵纯棉T恤 白色 L · cotton T-shirt, white L', '服装 Apparel', ' 云朵 ', 9990, 4000, 1, 1, 0),
                    (9, 'SKU-9', 'Teapot', 'Home Goods', NULL, 5000, 2000, 6, 0, 0),
                    (10, 'SKU-10', 'Loose item', NULL, 'Acme', 100, 50, 1, 1, 0);
                INSERT INTO "StockBalances" ("SkuId", "WarehouseId", "OnHand", "Reserved", "Version") VALUES (7, 1, 12, 2, 0), (9, 1, 5, 0, 0);
                """);
        }

        await using (var db = new OpsDb(options))
        {
            await db.Database.MigrateAsync();

            var skus = await db.Skus.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
            Assert.Equal([7, 8, 9, 10], skus.Select(s => s.Id));
            Assert.All(skus, s => Assert.Equal(s.Id, s.ProductId));
            Assert.Equal(["服装 Apparel", "服装 Apparel", "Home Goods", null], skus.Select(s => s.Category));
            Assert.Equal(3, skus[0].Version);
            var products = await db.Products.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
            Assert.Equal(skus.Select(s => s.Name), products.Select(p => p.Name));
            Assert.Equal(skus.Select(s => s.Active), products.Select(p => p.Active));
            var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id);
            Assert.Equal(2, categories.Count);
            Assert.Equal(("服装", "Apparel"), (categories[products[0].CategoryId!.Value].NameZh, categories[products[0].CategoryId!.Value].NameEn));
            Assert.Equal(products[0].CategoryId, products[1].CategoryId);
            Assert.Equal(("Home Goods", "Home Goods"), (categories[products[2].CategoryId!.Value].NameZh, categories[products[2].CategoryId!.Value].NameEn));
            Assert.Null(products[3].CategoryId);
            var brands = await db.Brands.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name);
            Assert.Equal(["Acme", "云朵"], brands.Values.Order(StringComparer.Ordinal));
            Assert.Equal("云朵", brands[products[1].BrandId!.Value]);
            Assert.Null(products[2].BrandId);
            Assert.Equal([(7, 12), (9, 5)], await db.StockBalances.OrderBy(b => b.SkuId).Select(b => new ValueTuple<int, int>(b.SkuId, b.OnHand)).ToListAsync());
            Assert.Empty(await db.Database.SqlQueryRaw<string>("""SELECT "table" AS "Value" FROM pragma_foreign_key_check""").ToListAsync());

            // New products and SKUs number on from the migrated ones.
            db.Products.Add(new Domain.Catalog.Product { Name = "Next" });
            await db.SaveChangesAsync();
            Assert.True(await db.Products.MaxAsync(p => p.Id) > 10);
        }
    }
}
