using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Catalog;

public enum ListingColumn
{
    Title,
    Channel,
    State,
    Completeness,
    Edited,
}

/// <param name="Search">Part of the listing's title or its product's name, or of one of the product's SKU codes or barcodes.</param>
/// <param name="CategoryId">The product's category and everything under it.</param>
public sealed record ListingFilter(string? Search = null, int? ChannelId = null, ListingState? State = null, CompletenessBand? Band = null,
    int? CategoryId = null, int? BrandId = null);

public sealed record ListingRow(int Id, string Title, int ProductId, string ProductName, int ChannelId, string ChannelName, ListingState State,
    int Percent, IReadOnlyList<ListingField> Missing, string? CategoryZh, string? CategoryEn, string? Brand, string? LastEditorName, DateTime LastEditedAtUtc);

public sealed record ListingRows(IReadOnlyList<ListingRow> Rows, int Total);

/// <summary>One SKU in the listing editor: its variant fields, list price, this channel's price if it has one, and available stock.</summary>
public sealed record ListingSkuRow(int SkuId, string Code, string? Specification, string? Model, string? Barcode, int? WeightGrams, long ListPriceCents,
    long? ChannelPriceCents, int Available);

public sealed record ListingDetail(
    int Id, long Version, int ProductId, string ProductName, int ChannelId, string ChannelName, SalesPlatform Platform, ListingState State,
    ListingForm Form, string? ProductSellingPoints, string? ProductDescription, IReadOnlyList<ListingSkuRow> Skus,
    ListingCompleteness Completeness, IReadOnlyList<ListingField> Required,
    string? LastEditorUserId, string? LastEditorName, DateTime LastEditedAtUtc, string? ApprovedByName, DateTime? ApprovedAtUtc);

public sealed record ProductListingRow(int Id, int ChannelId, string ChannelName, ListingState State, int Percent, IReadOnlyList<ListingField> Missing);

public sealed record ChannelChoice(int Id, string Name, SalesPlatform Platform);

/// <summary>Listings as the screens show them.</summary>
public sealed class ListingQueries(IDbContextFactory<OpsDb> dbFactory)
{
    public static readonly ListSort<ListingColumn> ByTitle = new(ListingColumn.Title);

    public async Task<ListingRows> ListingsAsync(ListingFilter filter, ListSort<ListingColumn> sort, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var listings = await FilteredAsync(db, filter, ct);
        var total = await listings.CountAsync(ct);
        var d = sort.Descending;
        var ordered = sort.Column switch
        {
            ListingColumn.Channel => listings.By(l => l.ChannelId, d).Then(l => l.Title, false),
            ListingColumn.State => listings.By(l => l.State, d).Then(l => l.Title, false),
            ListingColumn.Completeness => listings.By(l => l.CompletenessPercent, d).Then(l => l.Title, false),
            ListingColumn.Edited => listings.By(l => l.LastEditedAtUtc, d).Then(l => l.Title, false),
            _ => listings.By(l => l.Title, d),
        };
        // The page first (one index walk), then its products, categories and brands for those rows only.
        var rows = from l in ordered.ThenBy(l => l.Id).Skip(skip).Take(take)
                   join p in db.Products on l.ProductId equals p.Id
                   join ch in db.SalesChannels on l.ChannelId equals ch.Id
                   join c in db.Categories on p.CategoryId equals c.Id into cs
                   from c in cs.DefaultIfEmpty()
                   join b in db.Brands on p.BrandId equals b.Id into bs
                   from b in bs.DefaultIfEmpty()
                   select new
                   {
                       l.Id, l.Title, l.ProductId, Product = p.Name, l.ChannelId, Channel = ch.Name, l.State, l.CompletenessPercent, l.MissingFields,
                       CategoryZh = c.NameZh, CategoryEn = c.NameEn, Brand = b.Name, l.LastEditorName, l.LastEditedAtUtc,
                   };
        // EF Core sorts the joined page again by the page's own order (ORDER BY over its 25 rows), so one query serves it.
        var page = await rows.ToListAsync(ct);
        return new ListingRows([.. page.Select(r => new ListingRow(r.Id, r.Title, r.ProductId, r.Product, r.ChannelId, r.Channel, r.State,
            r.CompletenessPercent, ListingFields.Parse(r.MissingFields), r.CategoryZh, r.CategoryEn, r.Brand, r.LastEditorName, r.LastEditedAtUtc))], total);
    }

    /// <summary>The listings a filter lets through, as the list, its export and the bulk change read them.</summary>
    internal static async Task<IQueryable<Listing>> FilteredAsync(OpsDb db, ListingFilter filter, CancellationToken ct)
    {
        var listings = db.Listings.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            if (db.Database.IsSqlite() && ListingSearch.LookupFor(term) != ListingSearch.Lookup.Scan)
            {
                var found = ListingSearch.Matching(db, term);
                listings = listings.Where(l => found.Contains(l.Id));
            }
            else
            {
                listings = listings.Where(l => l.Title.Contains(term) || ProductsMatching(db, term).Contains(l.ProductId));
            }
        }
        if (filter.ChannelId is { } channelId)
        {
            listings = listings.Where(l => l.ChannelId == channelId);
        }
        if (filter.State is { } state)
        {
            listings = listings.Where(l => l.State == state);
        }
        if (filter.Band is { } band)
        {
            var (from, to) = ListingCompleteness.Band(band);
            listings = listings.Where(l => l.CompletenessPercent >= from && l.CompletenessPercent <= to);
        }
        if (filter.CategoryId is { } categoryId)
        {
            var parents = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, ct);
            var within = parents.Keys.Where(id => CategoryTree.PathTo(parents, id).Contains(categoryId)).ToList();
            var products = db.Products.Where(p => p.CategoryId != null && within.Contains(p.CategoryId.Value)).Select(p => p.Id);
            listings = listings.Where(l => products.Contains(l.ProductId));
        }
        if (filter.BrandId is { } brandId)
        {
            var products = db.Products.Where(p => p.BrandId == brandId).Select(p => p.Id);
            listings = listings.Where(l => products.Contains(l.ProductId));
        }
        return listings;
    }

    /// <summary>
    /// The products whose name, SKU code or barcode holds the term, found once (an uncorrelated IN list), not per listing:
    /// a one-character search, and any search where there is no trigram index (not SQLite).
    /// </summary>
    private static IQueryable<int> ProductsMatching(OpsDb db, string term)
    {
        var code = term.ToUpperInvariant();
        return db.Products.Where(p => p.Name.Contains(term)).Select(p => p.Id)
            .Union(db.Skus.Where(s => s.ProductId != null && (s.Code.Contains(code) || (s.Barcode != null && s.Barcode.Contains(term)))).Select(s => s.ProductId!.Value));
    }

    /// <summary>The ids of the listings a filter lets through, by title, at most <paramref name="cap"/> + 1 (to know whether the cap cut them).</summary>
    internal static async Task<List<int>> IdsAsync(OpsDb db, ListingFilter filter, int cap, CancellationToken ct) =>
        await (await FilteredAsync(db, filter, ct)).OrderBy(l => l.Title).ThenBy(l => l.Id).Select(l => l.Id).Take(cap + 1).ToListAsync(ct);

    /// <summary>A listing with its completeness computed now (stock included), as the editor shows it.</summary>
    public async Task<ListingDetail?> ListingAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var listing = await db.Listings.AsNoTracking().Include(l => l.Prices).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (listing is null)
        {
            return null;
        }
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == listing.ProductId, ct);
        var channel = await db.SalesChannels.AsNoTracking().FirstAsync(c => c.Id == listing.ChannelId, ct);
        var prices = listing.Prices.ToDictionary(p => p.SkuId, p => p.PriceCents);
        var skus = await db.Skus.AsNoTracking().Where(s => s.ProductId == listing.ProductId && s.Active).OrderBy(s => s.Code)
            .Select(s => new
            {
                s.Id, s.Code, s.Specification, s.Model, s.Barcode, s.WeightGrams, s.ListPriceCents,
                Available = db.StockBalances.Where(b => b.SkuId == s.Id).Sum(b => (int?)(b.OnHand - b.Reserved)) ?? 0,
            }).ToListAsync(ct);
        var required = (await ListingFactsReader.RequiredByChannelAsync(db, ct)).GetValueOrDefault(listing.ChannelId) ?? ListingFields.Rulebook;
        var completeness = await ListingFactsReader.CompletenessAsync(db, listing, ct);
        var form = new ListingForm
        {
            Title = listing.Title, SellingPoints = listing.SellingPoints, Description = listing.Description,
            Prices = skus.ToDictionary(s => s.Id, s => prices.TryGetValue(s.Id, out var p) ? (long?)p : null),
        };
        return new ListingDetail(listing.Id, listing.Version, product.Id, product.Name, channel.Id, channel.Name, channel.Platform, listing.State, form,
            product.SellingPoints, product.Description,
            [.. skus.Select(s => new ListingSkuRow(s.Id, s.Code, s.Specification, s.Model, s.Barcode, s.WeightGrams, s.ListPriceCents,
                prices.TryGetValue(s.Id, out var p) ? p : null, s.Available))],
            completeness, required, listing.LastEditorUserId, listing.LastEditorName, listing.LastEditedAtUtc, listing.ApprovedByName, listing.ApprovedAtUtc);
    }

    public async Task<IReadOnlyList<ProductListingRow>> ProductListingsAsync(int productId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from l in db.Listings.AsNoTracking()
                          join ch in db.SalesChannels on l.ChannelId equals ch.Id
                          where l.ProductId == productId
                          orderby ch.Name
                          select new { l.Id, l.ChannelId, ch.Name, l.State, l.CompletenessPercent, l.MissingFields }).ToListAsync(ct);
        return [.. rows.Select(r => new ProductListingRow(r.Id, r.ChannelId, r.Name, r.State, r.CompletenessPercent, ListingFields.Parse(r.MissingFields)))];
    }

    public async Task<IReadOnlyList<ChannelChoice>> ChannelsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SalesChannels.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Name).Select(c => new ChannelChoice(c.Id, c.Name, c.Platform)).ToListAsync(ct);
    }
}
