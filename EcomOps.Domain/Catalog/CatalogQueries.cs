using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Catalog;

public enum ProductColumn
{
    Name,
    Category,
    Brand,
    Skus,
    Price,
}

/// <param name="Search">Part of a product's name, or of one of its SKUs' code or barcode.</param>
/// <param name="CategoryId">The category and everything under it.</param>
public sealed record ProductFilter(string? Search = null, int? CategoryId = null, int? BrandId = null, bool? Active = null);

public sealed record ProductRow(int Id, string Name, string? CategoryZh, string? CategoryEn, string? Brand, int Skus, long? MinPriceCents, long? MaxPriceCents, bool Active);

public sealed record ProductRows(IReadOnlyList<ProductRow> Rows, int Total);

public sealed record SkuRow(int Id, string Code, string Name, string? Specification, string? Model, string? Barcode, long ListPriceCents, long UnitCostCents,
    int? WeightGrams, int PackSize, bool Active, long Version)
{
    public SkuForm ToForm() => new()
    {
        Code = Code, Name = Name, Specification = Specification, Model = Model, Barcode = Barcode, ListPriceCents = ListPriceCents,
        UnitCostCents = UnitCostCents, WeightGrams = WeightGrams, PackSize = PackSize, Active = Active,
    };
}

public sealed record ProductDetail(int Id, long Version, ProductForm Form, IReadOnlyList<SkuRow> Skus);

/// <summary>A category with its depth in the tree (0 for a top category), listed in tree order.</summary>
public sealed record CategoryRow(int Id, int? ParentId, string NameZh, string NameEn, bool Active, int Depth, int Products, long Version)
{
    public string Label => Category.Label(NameZh, NameEn);
}

public sealed record BrandRow(int Id, string Name, bool Active, int Products, long Version);

public sealed record PriceBandRow(int Id, string Name, long FromCents, long? ToCents, int Skus, long Version);

public sealed record WarehouseRow(int Id, string Code, string Name, string? Address, bool Active, long Version);

/// <param name="ExtraFields">What the channel requires of a listing beyond the rulebook: its stored list, else its platform's defaults.</param>
/// <param name="Listings">Its listings that are not retired.</param>
public sealed record ChannelRow(int Id, string Code, string Name, SalesPlatform Platform, bool Active, long Version, string? ApiKeyHint,
    IReadOnlyList<ListingField> ExtraFields, int Listings)
{
    public ChannelForm ToForm() => new() { Code = Code, Name = Name, Platform = Platform, Active = Active, ExtraFields = ExtraFields };
}

/// <summary>The catalogue as the screens list it.</summary>
public sealed class CatalogQueries(IDbContextFactory<OpsDb> dbFactory)
{
    public static readonly ListSort<ProductColumn> ByName = new(ProductColumn.Name);

    public async Task<ProductRows> ProductsAsync(ProductFilter filter, ListSort<ProductColumn> sort, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var products = await FilteredAsync(db, filter, ct);
        var total = await products.CountAsync(ct);
        var rows = from p in products
                   join c in db.Categories on p.CategoryId equals c.Id into cs
                   from c in cs.DefaultIfEmpty()
                   join b in db.Brands on p.BrandId equals b.Id into bs
                   from b in bs.DefaultIfEmpty()
                   select new
                   {
                       p.Id, p.Name, CategoryZh = c.NameZh, CategoryEn = c.NameEn, Brand = b.Name, p.Active,
                       Skus = db.Skus.Count(s => s.ProductId == p.Id),
                       MinPrice = db.Skus.Where(s => s.ProductId == p.Id).Min(s => (long?)s.ListPriceCents),
                       MaxPrice = db.Skus.Where(s => s.ProductId == p.Id).Max(s => (long?)s.ListPriceCents),
                   };
        var d = sort.Descending;
        var ordered = sort.Column switch
        {
            ProductColumn.Category => rows.By(r => r.CategoryEn, d).Then(r => r.Name, false),
            ProductColumn.Brand => rows.By(r => r.Brand, d).Then(r => r.Name, false),
            ProductColumn.Skus => rows.By(r => r.Skus, d).Then(r => r.Name, false),
            ProductColumn.Price => rows.By(r => r.MinPrice, d).Then(r => r.Name, false),
            _ => rows.By(r => r.Name, d),
        };
        var page = await ordered.ThenBy(r => r.Id).Skip(skip).Take(take).ToListAsync(ct);
        return new ProductRows([.. page.Select(r => new ProductRow(r.Id, r.Name, r.CategoryZh, r.CategoryEn, r.Brand, r.Skus, r.MinPrice, r.MaxPrice, r.Active))], total);
    }

    /// <summary>The products a filter lets through, as the list and its export read them.</summary>
    internal static async Task<IQueryable<Product>> FilteredAsync(OpsDb db, ProductFilter filter, CancellationToken ct)
    {
        var products = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            var code = term.ToUpperInvariant();
            products = products.Where(p => p.Name.Contains(term)
                || db.Skus.Any(s => s.ProductId == p.Id && (s.Code.Contains(code) || (s.Barcode != null && s.Barcode.Contains(term)))));
        }
        if (filter.CategoryId is { } categoryId)
        {
            var parents = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, ct);
            var within = parents.Keys.Where(id => CategoryTree.PathTo(parents, id).Contains(categoryId)).ToList();
            products = products.Where(p => p.CategoryId != null && within.Contains(p.CategoryId.Value));
        }
        if (filter.BrandId is { } brandId)
        {
            products = products.Where(p => p.BrandId == brandId);
        }
        if (filter.Active is { } active)
        {
            products = products.Where(p => p.Active == active);
        }
        return products;
    }

    /// <summary>The ids of the products a filter lets through, by name, at most <paramref name="cap"/> + 1 (to know whether the cap cut them).</summary>
    internal static async Task<List<int>> IdsAsync(OpsDb db, ProductFilter filter, int cap, CancellationToken ct) =>
        await (await FilteredAsync(db, filter, ct)).OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => p.Id).Take(cap + 1).ToListAsync(ct);

    public async Task<ProductDetail?> ProductAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (p is null)
        {
            return null;
        }
        var skus = await db.Skus.AsNoTracking().Where(s => s.ProductId == id).OrderBy(s => s.Code)
            .Select(s => new SkuRow(s.Id, s.Code, s.Name, s.Specification, s.Model, s.Barcode, s.ListPriceCents, s.UnitCostCents, s.WeightGrams, s.PackSize, s.Active, s.Version))
            .ToListAsync(ct);
        var form = new ProductForm
        {
            Name = p.Name, CategoryId = p.CategoryId, BrandId = p.BrandId, Origin = p.Origin, Material = p.Material, Instructions = p.Instructions,
            AfterSales = p.AfterSales, SellingPoints = p.SellingPoints, Description = p.Description, Active = p.Active,
        };
        return new ProductDetail(p.Id, p.Version, form, skus);
    }

    /// <summary>Every category in tree order (each parent before its children, siblings by Chinese name).</summary>
    public async Task<IReadOnlyList<CategoryRow>> CategoriesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Products.Where(p => p.CategoryId != null).GroupBy(p => p.CategoryId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var all = await db.Categories.AsNoTracking().ToListAsync(ct);
        var children = all.ToLookup(c => c.ParentId);
        var known = all.Select(c => c.Id).ToHashSet();
        var rows = new List<CategoryRow>(all.Count);
        void Walk(int? parent, int depth)
        {
            foreach (var c in children[parent].OrderBy(c => c.NameZh, StringComparer.Ordinal))
            {
                rows.Add(new CategoryRow(c.Id, c.ParentId, c.NameZh, c.NameEn, c.Active, depth, counts.GetValueOrDefault(c.Id), c.Version));
                Walk(c.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return rows;
    }

    public async Task<IReadOnlyList<BrandRow>> BrandsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Brands.AsNoTracking().OrderBy(b => b.Name)
            .Select(b => new BrandRow(b.Id, b.Name, b.Active, db.Products.Count(p => p.BrandId == b.Id), b.Version)).ToListAsync(ct);
    }

    /// <summary>The bands from the lowest, each with how many active SKUs its list prices put in it.</summary>
    public async Task<IReadOnlyList<PriceBandRow>> PriceBandsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PriceBands.AsNoTracking().OrderBy(b => b.FromCents)
            .Select(b => new PriceBandRow(b.Id, b.Name, b.FromCents, b.ToCents,
                db.Skus.Count(s => s.Active && s.ListPriceCents >= b.FromCents && (b.ToCents == null || s.ListPriceCents < b.ToCents)), b.Version))
            .ToListAsync(ct);
    }

    /// <summary>Every sales channel, active ones first, with the listing fields it requires and how many listings it has.</summary>
    public async Task<IReadOnlyList<ChannelRow>> ChannelsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.ChannelListingRules.AsNoTracking().ToDictionaryAsync(r => r.ChannelId, r => r.ExtraFields, ct);
        var listings = await db.Listings.AsNoTracking().Where(l => l.State != ListingState.Retired).GroupBy(l => l.ChannelId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var channels = await db.SalesChannels.AsNoTracking().OrderByDescending(c => c.Active).ThenBy(c => c.Id).ToListAsync(ct);
        return channels.Select(c => new ChannelRow(c.Id, c.Code, c.Name, c.Platform, c.Active, c.Version, c.ApiKeyHint,
            stored.TryGetValue(c.Id, out var extras) ? ListingFields.Parse(extras) : ListingFields.DefaultExtras(c.Platform),
            listings.GetValueOrDefault(c.Id))).ToList();
    }

    public async Task<IReadOnlyList<WarehouseRow>> WarehousesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Warehouses.AsNoTracking().OrderBy(w => w.Code)
            .Select(w => new WarehouseRow(w.Id, w.Code, w.Name, w.Address, w.Active, w.Version)).ToListAsync(ct);
    }
}
