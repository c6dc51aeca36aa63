using System.Linq.Expressions;
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
        var v = await ValuesAsync(db, filter, ct);
        skip = Math.Max(0, skip);
        int total;
        var rows = new List<ListingRow>();
        if (string.IsNullOrWhiteSpace(filter.Search))
        {
            // The list as it opens and as its filters narrow it: compiled once per sort, so a page costs its two SQL
            // statements and little else (translating the query again on every page cost more than the statements).
            total = await CountPlain(db, v.ChannelId, v.State, v.From, v.To, v.Categories, v.BrandId, 0, 0);
            var page = PagesBySort.GetOrAdd((sort.Column, sort.Descending), key => CompilePage(key.Column, key.Descending));
            await foreach (var row in page(db, v.ChannelId, v.State, v.From, v.To, v.Categories, v.BrandId, skip, take).WithCancellation(ct))
            {
                rows.Add(row);
            }
        }
        else
        {
            var listings = Filtered(db, v, filter.Search);
            total = await listings.CountAsync(ct);
            rows = await listings.Provider.CreateQuery<ListingRow>(PageOf(Expression.Constant(db), listings.Expression, sort.Column, sort.Descending,
                Expression.Constant(skip), Expression.Constant(take))).ToListAsync(ct);
        }
        return new ListingRows(rows, total);
    }

    /// <summary>
    /// What a filter asks of the listings, its text search aside: the values the conditions below take (null: not asked),
    /// with the categories it covers (a category and everything under it). The compiled queries take each as a parameter
    /// of their own: EF Core translates a compiled query's parameters, not their members.
    /// </summary>
    private sealed record ListingValues(int? ChannelId, ListingState? State, int? From, int? To, List<int>? Categories, int? BrandId);

    private static async Task<ListingValues> ValuesAsync(OpsDb db, ListingFilter filter, CancellationToken ct)
    {
        List<int>? within = null;
        if (filter.CategoryId is { } categoryId)
        {
            var parents = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, ct);
            within = [.. parents.Keys.Where(id => CategoryTree.PathTo(parents, id).Contains(categoryId))];
        }
        (int From, int To)? band = filter.Band is { } chosen ? ListingCompleteness.Band(chosen) : null;
        return new ListingValues(filter.ChannelId, filter.State, band?.From, band?.To, within, filter.BrandId);
    }

    /// <summary>
    /// The filter's conditions, once: a condition whose value is absent drops out of the SQL (EF Core writes one statement for
    /// each combination of absent values), so each combination keeps its own index plan. Skip and take are the page's
    /// (<see cref="PageOf"/>); the count leaves them aside.
    /// </summary>
    private static readonly Expression<Func<OpsDb, int?, ListingState?, int?, int?, List<int>?, int?, int, int, IQueryable<Listing>>> Plain = (db, channelId, state, from, to, categories, brandId, skip, take) => db.Listings.AsNoTracking().Where(l =>
        (channelId == null || l.ChannelId == channelId)
        && (state == null || l.State == state)
        && (from == null || (l.CompletenessPercent >= from && l.CompletenessPercent <= to))
        && (categories == null || db.Products.Where(p => p.CategoryId != null && categories.Contains(p.CategoryId.Value)).Select(p => p.Id).Contains(l.ProductId))
        && (brandId == null || db.Products.Where(p => p.BrandId == brandId).Select(p => p.Id).Contains(l.ProductId)));

    private static readonly Func<OpsDb, int?, ListingState?, int?, int?, List<int>?, int?, int, int, Task<int>> CountPlain = EF.CompileAsyncQuery(
        Expression.Lambda<Func<OpsDb, int?, ListingState?, int?, int?, List<int>?, int?, int, int, int>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(Listing)], Plain.Body), Plain.Parameters));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(ListingColumn Column, bool Descending), Func<OpsDb, int?, ListingState?, int?, int?, List<int>?, int?, int, int, IAsyncEnumerable<ListingRow>>> PagesBySort = new();

    private static Func<OpsDb, int?, ListingState?, int?, int?, List<int>?, int?, int, int, IAsyncEnumerable<ListingRow>> CompilePage(ListingColumn column, bool descending) =>
        EF.CompileAsyncQuery(Expression.Lambda<Func<OpsDb, int?, ListingState?, int?, int?, List<int>?, int?, int, int, IQueryable<ListingRow>>>(
            PageOf(Plain.Parameters[0], Plain.Body, column, descending, Plain.Parameters[7], Plain.Parameters[8]), Plain.Parameters));

    /// <summary>
    /// A page of the listings in the list's order (by the column, then but for the title the title, then the id) with their
    /// products, categories and brands: the page is found first (one index walk), then joined for its rows only (EF Core
    /// sorts the joined page again by the page's own order, over its 25 rows).
    /// </summary>
    private static Expression PageOf(Expression db, Expression listings, ListingColumn column, bool descending, Expression skip, Expression take)
    {
        var key = column switch
        {
            ListingColumn.Channel => (LambdaExpression)(Expression<Func<Listing, int>>)(l => l.ChannelId),
            ListingColumn.State => (Expression<Func<Listing, ListingState>>)(l => l.State),
            ListingColumn.Completeness => (Expression<Func<Listing, int>>)(l => l.CompletenessPercent),
            ListingColumn.Edited => (Expression<Func<Listing, DateTime>>)(l => l.LastEditedAtUtc),
            _ => (Expression<Func<Listing, string>>)(l => l.Title),
        };
        var sorted = ListOrdering.By<Listing>(listings, key, descending);
        if (column != ListingColumn.Title)
        {
            sorted = ListOrdering.By<Listing>(sorted, (Expression<Func<Listing, string>>)(l => l.Title), descending: false, then: true);
        }
        sorted = ListOrdering.By<Listing>(sorted, (Expression<Func<Listing, int>>)(l => l.Id), descending: false, then: true);
        var page = ListOrdering.Page<Listing>(sorted, skip, take);
        return FilterParameters.Put(Rows, new Dictionary<ParameterExpression, Expression> { [Rows.Parameters[0]] = db, [Rows.Parameters[1]] = page });
    }

    /// <summary>A page's rows as the list shows them.</summary>
    private static readonly Expression<Func<OpsDb, IQueryable<Listing>, IQueryable<ListingRow>>> Rows = (db, page) =>
        from l in page
        join p in db.Products on l.ProductId equals p.Id
        join ch in db.SalesChannels on l.ChannelId equals ch.Id
        join c in db.Categories on p.CategoryId equals c.Id into cs
        from c in cs.DefaultIfEmpty()
        join b in db.Brands on p.BrandId equals b.Id into bs
        from b in bs.DefaultIfEmpty()
        select new ListingRow(l.Id, l.Title, l.ProductId, p.Name, l.ChannelId, ch.Name, l.State, l.CompletenessPercent, ListingFields.Parse(l.MissingFields),
            c.NameZh, c.NameEn, b.Name, l.LastEditorName, l.LastEditedAtUtc);

    /// <summary>The listings a filter lets through, as the list, its export and the bulk change read them.</summary>
    internal static async Task<IQueryable<Listing>> FilteredAsync(OpsDb db, ListingFilter filter, CancellationToken ct) =>
        Filtered(db, await ValuesAsync(db, filter, ct), filter.Search);

    private static IQueryable<Listing> Filtered(OpsDb db, ListingValues v, string? search)
    {
        // The same conditions as the compiled list, this context and these values put in for its parameters.
        var listings = FilterParameters.Bound<Listing>(db, Plain, v);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            if (db.Database.IsSqlite() && ListingSearch.LookupFor(term) != ListingSearch.Lookup.Scan)
            {
                var found = ListingSearch.Matching(db, term);
                listings = listings.Where(l => found.Contains(l.Id));
            }
            else if (db.Database.IsNpgsql())
            {
                // PostgreSQL: any case, as SQLite's trigram index finds it ("t恤" finds "T恤").
                var pattern = ContainsPattern(term);
                listings = listings.Where(l => EF.Functions.ILike(l.Title, pattern, "\\") || ProductsMatching(db, term).Contains(l.ProductId));
            }
            else
            {
                listings = listings.Where(l => l.Title.Contains(term) || ProductsMatching(db, term).Contains(l.ProductId));
            }
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
        var pattern = ContainsPattern(term);
        var named = db.Database.IsNpgsql()
            ? db.Products.Where(p => EF.Functions.ILike(p.Name, pattern, "\\"))
            : db.Products.Where(p => p.Name.Contains(term));
        return named.Select(p => p.Id)
            .Union(db.Skus.Where(s => s.ProductId != null && (s.Code.Contains(code) || (s.Barcode != null && s.Barcode.Contains(term)))).Select(s => s.ProductId!.Value));
    }

    /// <summary>A LIKE pattern that holds the term anywhere, its wildcards and escape character taken as text.</summary>
    private static string ContainsPattern(string term) =>
        "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

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
