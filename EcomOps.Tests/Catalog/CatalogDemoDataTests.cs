using EcomOps.Domain.Catalog;
using EcomOps.Domain.DemoData;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Catalog;

public sealed class CatalogDemoDataTests
{
    [Fact]
    public async Task Demo_skus_are_variants_of_products_in_a_three_level_tree_with_forty_brands_and_price_bands()
    {
        await using var harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);

        await using var db = harness.NewDb();
        var skus = await db.Skus.AsNoTracking().ToListAsync();
        Assert.All(skus, s => Assert.NotNull(s.ProductId));
        Assert.All(skus, s => Assert.Equal(13, s.Barcode!.Length));
        // A product holds each variant once: sizes and colours of one article, never the same one twice.
        Assert.All(skus.GroupBy(s => s.ProductId), g => Assert.Equal(g.Count(), g.Select(s => s.Specification).Distinct().Count()));
        Assert.True(await db.Products.CountAsync() < skus.Count);
        var queries = harness.Get<CatalogQueries>();
        var tree = await queries.CategoriesAsync();
        Assert.Equal([0, 1, 2], tree.Select(c => c.Depth).Distinct().Order());
        Assert.Equal(8, tree.Count(c => c.Depth == 0));
        Assert.All(tree, c => Assert.NotEqual(c.NameZh, c.NameEn));
        Assert.Equal(40, await db.Brands.CountAsync());
        Assert.True(await db.PriceBands.CountAsync() >= 5);
        var products = await db.Products.AsNoTracking().ToListAsync();
        Assert.All(products, p => Assert.True(tree.Single(c => c.Id == p.CategoryId).Depth == 2));
        Assert.All(await db.Warehouses.ToListAsync(), w => Assert.False(string.IsNullOrEmpty(w.Address)));
    }

    [Fact]
    public async Task Demo_listings_cover_most_products_on_the_five_channels_with_mixed_states_and_only_complete_ones_live()
    {
        await using var harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);

        await using var db = harness.NewDb();
        var listings = await db.Listings.AsNoTracking().ToListAsync();
        var products = await db.Products.CountAsync(p => p.Active);
        Assert.Equal(5, listings.Select(l => l.ChannelId).Distinct().Count());
        Assert.True(listings.Select(l => l.ProductId).Distinct().Count() > products * 0.8);
        Assert.True(listings.Count(l => l.State == ListingState.Live) > listings.Count / 2,
            $"{listings.Count(l => l.State == ListingState.Live)} live of {listings.Count}: " + string.Join(", ", listings.GroupBy(l => l.State).Select(g => $"{g.Key} {g.Count()}")));
        Assert.All(Enum.GetValues<ListingState>().Where(s => s != ListingState.Retired), s => Assert.Contains(listings, l => l.State == s));
        Assert.All(listings.Where(l => l.State == ListingState.Live), l => Assert.Equal(100, l.CompletenessPercent));
        Assert.InRange(listings.Min(l => l.CompletenessPercent), 55, 80);
        Assert.Equal(5, await db.ChannelListingRules.CountAsync());
    }
}
