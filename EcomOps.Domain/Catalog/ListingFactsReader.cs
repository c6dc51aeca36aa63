using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Catalog;

/// <summary>
/// Reads what <see cref="ListingCompleteness"/> needs for listings: the product's fields under the listing's overrides,
/// the product's active SKUs with the channel's price, their available stock from the ledger's balances, and the
/// channel's required fields. The rule itself stays pure; this is its one reader.
/// </summary>
public static class ListingFactsReader
{
    /// <summary>The fields each channel requires: its stored list, or its platform's defaults.</summary>
    public static async Task<Dictionary<int, IReadOnlyList<ListingField>>> RequiredByChannelAsync(OpsDb db, CancellationToken ct)
    {
        var stored = await db.ChannelListingRules.AsNoTracking().ToDictionaryAsync(r => r.ChannelId, r => r.ExtraFields, ct);
        var channels = await db.SalesChannels.AsNoTracking().Select(c => new { c.Id, c.Platform }).ToListAsync(ct);
        return channels.ToDictionary(c => c.Id, c => ListingFields.Required(
            stored.TryGetValue(c.Id, out var extras) ? ListingFields.Parse(extras) : ListingFields.DefaultExtras(c.Platform)));
    }

    public static async Task<ListingCompleteness> CompletenessAsync(OpsDb db, Listing listing, CancellationToken ct) =>
        (await CompletenessAsync(db, [listing], ct))[listing];

    /// <summary>Each listing's completeness; the listings' own titles, texts and prices are taken as they are in memory.</summary>
    public static async Task<Dictionary<Listing, ListingCompleteness>> CompletenessAsync(OpsDb db, IReadOnlyList<Listing> listings, CancellationToken ct)
    {
        var required = await RequiredByChannelAsync(db, ct);
        var loaded = await LoadAsync(db, listings, ct);
        var result = new Dictionary<Listing, ListingCompleteness>(listings.Count, ReferenceEqualityComparer.Instance);
        foreach (var listing in listings)
        {
            result[listing] = ListingCompleteness.Of(loaded.Facts(listing), required.GetValueOrDefault(listing.ChannelId) ?? ListingFields.Rulebook);
        }
        return result;
    }

    /// <summary>What the compliance audit reads once per run: each channel's required fields and platform, each category's path.</summary>
    public sealed record AuditReference(
        Dictionary<int, IReadOnlyList<ListingField>> Required, Dictionary<int, SalesPlatform> Platforms, Dictionary<int, IReadOnlyList<string>> CategoryPaths);

    public static async Task<AuditReference> AuditReferenceAsync(OpsDb db, CancellationToken ct)
    {
        var required = await RequiredByChannelAsync(db, ct);
        var platforms = await db.SalesChannels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Platform, ct);
        var categories = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.NameZh, c.NameEn }).ToDictionaryAsync(c => c.Id, ct);
        var paths = new Dictionary<int, IReadOnlyList<string>>(categories.Count);
        foreach (var id in categories.Keys)
        {
            var path = new List<string>();
            for (int? at = id; at is { } current && categories.TryGetValue(current, out var category) && path.Count < 2 * categories.Count; at = category.ParentId)
            {
                path.InsertRange(0, [category.NameZh, category.NameEn]);
            }
            paths[id] = path;
        }
        return new AuditReference(required, platforms, paths);
    }

    /// <summary>
    /// The facts the compliance audit checks of each listing (<see cref="Compliance.ListingFacts"/>): its texts under the
    /// product's, the selling points one per line, the SKUs' prices, costs, list prices and available stock, the
    /// category path, the missing required fields, and the product's main images (how many, the smallest).
    /// </summary>
    public static async Task<Dictionary<Listing, Compliance.ListingFacts>> AuditFactsAsync(
        OpsDb db, AuditReference reference, IReadOnlyList<Listing> listings, CancellationToken ct)
    {
        var loaded = await LoadAsync(db, listings, ct);
        var result = new Dictionary<Listing, Compliance.ListingFacts>(listings.Count, ReferenceEqualityComparer.Instance);
        foreach (var listing in listings)
        {
            var facts = loaded.Facts(listing);
            var product = loaded.Products.GetValueOrDefault(listing.ProductId);
            var prices = listing.Prices.ToDictionary(p => p.SkuId, p => p.PriceCents);
            var completeness = ListingCompleteness.Of(facts, reference.Required.GetValueOrDefault(listing.ChannelId) ?? ListingFields.Rulebook);
            result[listing] = new Compliance.ListingFacts
            {
                Platform = reference.Platforms.GetValueOrDefault(listing.ChannelId, SalesPlatform.Other),
                IsLive = listing.State == ListingState.Live,
                Title = listing.Title,
                SellingPoints = SellingPointLines(facts.SellingPoints),
                Description = facts.Description ?? "",
                CategoryPath = product?.CategoryId is { } category ? reference.CategoryPaths.GetValueOrDefault(category) ?? [] : [],
                Skus = [.. loaded.Skus[listing.ProductId].Select(s => new Compliance.SkuFacts(
                    s.Code, prices.TryGetValue(s.Id, out var price) ? price : s.ListPriceCents,
                    s.UnitCostCents > 0 ? s.UnitCostCents : null, s.ListPriceCents > 0 ? s.ListPriceCents : null,
                    loaded.Available.GetValueOrDefault(s.Id)))],
                MissingRequiredFields = [.. completeness.Missing.Select(f => f.ToString())],
                ImageCount = loaded.Images.TryGetValue(listing.ProductId, out var images) ? images.Count : 0,
                SmallestImage = loaded.Images.TryGetValue(listing.ProductId, out var smallest) ? smallest.Smallest : null,
            };
        }
        return result;
    }

    /// <summary>Selling points are one per line; a finding's item is the line's index, so blank lines keep their place.</summary>
    public static IReadOnlyList<string> SellingPointLines(string? sellingPoints) =>
        string.IsNullOrEmpty(sellingPoints) ? [] : sellingPoints.Split('\n');

    private sealed record Loaded(Dictionary<int, Product> Products, ILookup<int, Sku> Skus, Dictionary<int, int> Available,
        Dictionary<int, (int Count, Compliance.ImageSize Smallest)> Images)
    {
        public ListingFacts Facts(Listing listing)
        {
            var product = Products.GetValueOrDefault(listing.ProductId);
            var prices = listing.Prices.ToDictionary(p => p.SkuId, p => p.PriceCents);
            return new ListingFacts(
                listing.Title, product?.Origin, product?.Material, product?.Instructions, product?.AfterSales,
                listing.SellingPoints ?? product?.SellingPoints, listing.Description ?? product?.Description,
                product?.CategoryId is not null, product?.BrandId is not null,
                [.. Skus[listing.ProductId].Select(s => new ListingSkuFacts(s.Specification, s.Model, s.Barcode, s.WeightGrams,
                    prices.TryGetValue(s.Id, out var price) ? price : s.ListPriceCents, Available.GetValueOrDefault(s.Id)))],
                Images.TryGetValue(listing.ProductId, out var images) ? images.Count : 0);
        }
    }

    /// <summary>The listings' products, their active SKUs, the SKUs' available stock and the products' images: four queries for any number of listings.</summary>
    private static async Task<Loaded> LoadAsync(OpsDb db, IReadOnlyList<Listing> listings, CancellationToken ct)
    {
        var productIds = listings.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var skus = (await db.Skus.AsNoTracking().Where(s => s.ProductId != null && productIds.Contains(s.ProductId.Value) && s.Active).ToListAsync(ct))
            .ToLookup(s => s.ProductId!.Value);
        var skuIds = skus.SelectMany(g => g).Select(s => s.Id).ToList();
        var available = await db.StockBalances.AsNoTracking().Where(b => skuIds.Contains(b.SkuId)).GroupBy(b => b.SkuId)
            .Select(g => new { g.Key, Available = g.Sum(b => b.OnHand - b.Reserved) }).ToDictionaryAsync(g => g.Key, g => g.Available, ct);
        // Each product's main images: how many, and the smallest by its shorter side (the audit's size rule).
        var images = (await db.ProductImages.AsNoTracking().Where(i => productIds.Contains(i.ProductId))
                .Select(i => new { i.ProductId, i.Width, i.Height }).ToListAsync(ct))
            .GroupBy(i => i.ProductId)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Smallest: g.Select(i => new Compliance.ImageSize(i.Width, i.Height)).MinBy(i => i.ShorterSide)));
        return new Loaded(products, skus, available, images);
    }

    public static void Apply(Listing listing, ListingCompleteness completeness)
    {
        listing.CompletenessPercent = completeness.Percent;
        listing.MissingFields = ListingFields.Format(completeness.Missing);
    }

    /// <summary>
    /// Recomputes the stored completeness of the given products' listings (after a product or SKU is saved), or of
    /// every listing (productIds null: after stock moved). The stored figure is derived, not content: it is written
    /// without touching the listings' versions, so nobody's open edit becomes stale because stock arrived.
    /// </summary>
    public static Task RefreshAsync(OpsDb db, IReadOnlyCollection<int>? productIds, CancellationToken ct) =>
        RefreshAsync(db, productIds is null ? l => true : l => productIds.Contains(l.ProductId), ct);

    /// <summary>Recomputes the stored completeness of one channel's listings (after its required fields changed).</summary>
    public static Task RefreshChannelAsync(OpsDb db, int channelId, CancellationToken ct) =>
        RefreshAsync(db, l => l.ChannelId == channelId, ct);

    private static async Task RefreshAsync(OpsDb db, System.Linq.Expressions.Expression<Func<Listing, bool>> which, CancellationToken ct)
    {
        var listings = await db.Listings.AsNoTracking().Include(l => l.Prices).Where(l => l.State != ListingState.Retired).Where(which).ToListAsync(ct);
        foreach (var chunk in listings.Chunk(2_000))
        {
            var computed = await CompletenessAsync(db, chunk, ct);
            foreach (var (listing, completeness) in computed)
            {
                var missing = ListingFields.Format(completeness.Missing);
                if (listing.CompletenessPercent != completeness.Percent || listing.MissingFields != missing)
                {
                    await db.Listings.Where(l => l.Id == listing.Id)
                        .ExecuteUpdateAsync(u => u.SetProperty(l => l.CompletenessPercent, completeness.Percent).SetProperty(l => l.MissingFields, missing), ct);
                }
            }
        }
    }
}
