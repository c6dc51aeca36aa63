using EcomOps.Domain.Data;
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
        var productIds = listings.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var skus = (await db.Skus.AsNoTracking().Where(s => s.ProductId != null && productIds.Contains(s.ProductId.Value) && s.Active).ToListAsync(ct))
            .ToLookup(s => s.ProductId!.Value);
        var skuIds = skus.SelectMany(g => g).Select(s => s.Id).ToList();
        var available = await db.StockBalances.AsNoTracking().Where(b => skuIds.Contains(b.SkuId)).GroupBy(b => b.SkuId)
            .Select(g => new { g.Key, Available = g.Sum(b => b.OnHand - b.Reserved) }).ToDictionaryAsync(g => g.Key, g => g.Available, ct);
        var images = await db.ProductImages.AsNoTracking().Where(i => productIds.Contains(i.ProductId)).GroupBy(i => i.ProductId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var result = new Dictionary<Listing, ListingCompleteness>(listings.Count, ReferenceEqualityComparer.Instance);
        foreach (var listing in listings)
        {
            var product = products.GetValueOrDefault(listing.ProductId);
            var prices = listing.Prices.ToDictionary(p => p.SkuId, p => p.PriceCents);
            var facts = new ListingFacts(
                listing.Title, product?.Origin, product?.Material, product?.Instructions, product?.AfterSales,
                listing.SellingPoints ?? product?.SellingPoints, listing.Description ?? product?.Description,
                product?.CategoryId is not null, product?.BrandId is not null,
                [.. skus[listing.ProductId].Select(s => new ListingSkuFacts(s.Specification, s.Model, s.Barcode, s.WeightGrams,
                    prices.TryGetValue(s.Id, out var price) ? price : s.ListPriceCents, available.GetValueOrDefault(s.Id)))],
                images.GetValueOrDefault(listing.ProductId));
            result[listing] = ListingCompleteness.Of(facts, required.GetValueOrDefault(listing.ChannelId) ?? ListingFields.Rulebook);
        }
        return result;
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
