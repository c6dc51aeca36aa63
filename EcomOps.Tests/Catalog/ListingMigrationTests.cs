using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EcomOps.Tests.Catalog;

/// <summary>A database with products and channels from before listings upgrades in place and takes listings at once.</summary>
public sealed class ListingMigrationTests
{
    private const string BeforeListings = "20261206014830_MovementLastOfKindIndex";

    [Fact]
    public async Task Migrating_a_database_with_products_and_channels_keeps_them_and_a_listing_can_point_at_both()
    {
        using var folder = new TempFolder();
        var options = new DbContextOptionsBuilder<OpsDb>().UseSqlite($"Data Source={folder.File("old.db")}").Options;
        await using (var db = new OpsDb(options))
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeListings);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Categories" ("Id", "NameZh", "NameEn", "Active", "Version") VALUES (1, '服装', 'Apparel', 1, 0);
                INSERT INTO "Products" ("Id", "Name", "CategoryId", "Active", "Version") VALUES (5, '纯棉T恤', 1, 1, 2);
                INSERT INTO "Skus" ("Id", "Code", "Name", "ProductId", "ListPriceCents", "UnitCostCents", "PackSize", "Active", "Version") VALUES (7, 'SKU-7', '纯棉T恤 黑色 M', 5, 9990, 4000, 1, 1, 0);
                INSERT INTO "SalesChannels" ("Id", "Code", "Name", "Platform", "Active", "Version") VALUES (3, 'TMALL', '天猫旗舰店', 'Tmall', 1, 0);
                """);
        }

        await using (var db = new OpsDb(options))
        {
            await db.Database.MigrateAsync();

            Assert.Equal((5, 2L), await db.Products.Select(p => new ValueTuple<int, long>(p.Id, p.Version)).SingleAsync());
            Assert.Equal("TMALL", await db.SalesChannels.Select(c => c.Code).SingleAsync());
            Assert.Empty(await db.Listings.ToListAsync());
            db.Listings.Add(new Listing { ProductId = 5, ChannelId = 3, Title = "纯棉T恤", Prices = { new ListingPrice { SkuId = 7, PriceCents = 8_990 } } });
            await db.SaveChangesAsync();
            Assert.Equal(8_990, await db.ListingPrices.Select(p => p.PriceCents).SingleAsync());
            Assert.Empty(await db.Database.SqlQueryRaw<string>("""SELECT "table" AS "Value" FROM pragma_foreign_key_check""").ToListAsync());
        }
    }
}
