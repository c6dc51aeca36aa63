using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Catalog;

public sealed class ProductForm
{
    public string Name { get; set; } = "";
    public int? CategoryId { get; set; }
    public int? BrandId { get; set; }
    public string? Origin { get; set; }
    public string? Material { get; set; }
    public string? Instructions { get; set; }
    public string? AfterSales { get; set; }
    public string? SellingPoints { get; set; }
    public string? Description { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>One variant of a product. Money in fen; the name defaults to the product's name and the specification.</summary>
public sealed class SkuForm
{
    public string Code { get; set; } = "";
    public string? Name { get; set; }
    public string? Specification { get; set; }
    public string? Model { get; set; }
    public string? Barcode { get; set; }
    public long ListPriceCents { get; set; }
    public long UnitCostCents { get; set; }
    public int? WeightGrams { get; set; }
    public int PackSize { get; set; } = 1;
    public bool Active { get; set; } = true;
}

/// <summary>
/// Products and their SKUs, and the retiring and deleting of every catalogue record: what the operations manager, the
/// director and the administrator own (<see cref="Permissions.ManageCatalog"/>). Nothing that anything points at is
/// deleted, only retired; a save from a stale copy is refused (<see cref="OutcomeKind.Conflict"/>).
/// </summary>
public sealed class CatalogDesk(IDbContextFactory<OpsDb> dbFactory)
{
    /// <summary>Creates (id null) or updates a product; its SKUs take its category and brand labels. Returns its id.</summary>
    public async Task<Outcome<int>> SaveProductAsync(Actor actor, int? id, long version, ProductForm form, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageCatalog))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        var errors = new List<FieldError>();
        CheckProduct(errors, form);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        Category? category = null;
        Brand? brand = null;
        if (form.CategoryId is null)
        {
            errors.Add(new FieldError(nameof(form.CategoryId), CatalogErrors.Required));
        }
        else if ((category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == form.CategoryId, ct)) is null)
        {
            errors.Add(new FieldError(nameof(form.CategoryId), CatalogErrors.CategoryUnknown));
        }
        if (form.BrandId is { } brandId && (brand = await db.Brands.AsNoTracking().FirstOrDefaultAsync(b => b.Id == brandId, ct)) is null)
        {
            errors.Add(new FieldError(nameof(form.BrandId), CatalogErrors.BrandUnknown));
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        Product product;
        if (id is { } existing)
        {
            var found = await db.Products.Include(p => p.Skus).FirstOrDefaultAsync(p => p.Id == existing, ct);
            if (found is null)
            {
                return Outcome<int>.NotFound();
            }
            if (found.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            product = found;
        }
        else
        {
            product = new Product { Name = form.Name.Trim() };
            db.Add(product);
        }
        Apply(product, form, category!.Id, brand?.Id);
        var categoryLabel = await DepartmentLabels.ForAsync(db, category.Id, ct);
        foreach (var sku in product.Skus)
        {
            sku.Category = categoryLabel;
            sku.Brand = brand?.Name;
        }
        return await RefreshListingsAsync(db, await SaveAsync(db, () => product.Id, ct), () => product.Id, ct);
    }

    /// <summary>Creates (id null) or updates a SKU of a product. Returns its id.</summary>
    public async Task<Outcome<int>> SaveSkuAsync(Actor actor, int productId, int? id, long version, SkuForm form, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageCatalog))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        var errors = new List<FieldError>();
        CheckSku(errors, form);
        var barcode = CatalogRules.Blank(form.Barcode);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null)
        {
            return Outcome<int>.NotFound();
        }
        var code = CatalogRules.NormaliseCode(form.Code);
        var self = id ?? 0;
        if (!errors.Any(e => e.Field == nameof(form.Code)) && await db.Skus.AnyAsync(s => s.Code == code && s.Id != self, ct))
        {
            errors.Add(new FieldError(nameof(form.Code), CatalogErrors.SkuCodeTaken));
        }
        if (barcode is not null && !errors.Any(e => e.Field == nameof(form.Barcode)) && await db.Skus.AnyAsync(s => s.Barcode == barcode && s.Id != self, ct))
        {
            errors.Add(new FieldError(nameof(form.Barcode), CatalogErrors.BarcodeTaken));
        }
        var name = SkuName(errors, product.Name, form);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        Sku sku;
        if (id is { } existing)
        {
            var found = await db.Skus.FirstOrDefaultAsync(s => s.Id == existing && s.ProductId == productId, ct);
            if (found is null)
            {
                return Outcome<int>.NotFound();
            }
            if (found.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            sku = found;
        }
        else
        {
            sku = new Sku { Code = code, Name = name, ProductId = productId };
            db.Add(sku);
        }
        Apply(sku, form, name);
        sku.Category = await DepartmentLabels.ForAsync(db, product.CategoryId, ct);
        sku.Brand = product.BrandId is { } brandId ? await db.Brands.Where(b => b.Id == brandId).Select(b => b.Name).FirstOrDefaultAsync(ct) : null;
        return await RefreshListingsAsync(db, await SaveAsync(db, () => sku.Id, ct), () => productId, ct);
    }

    /// <summary>What a product's values must be, needing no database: the product form and the catalogue import ask the same.</summary>
    internal static void CheckProduct(List<FieldError> errors, ProductForm form)
    {
        CatalogRules.Required(errors, nameof(form.Name), form.Name, Product.MaxNameLength);
        CatalogRules.Optional(errors, nameof(form.Origin), form.Origin, Product.MaxShortTextLength);
        CatalogRules.Optional(errors, nameof(form.Material), form.Material, Product.MaxShortTextLength);
        CatalogRules.Optional(errors, nameof(form.Instructions), form.Instructions, Product.MaxLongTextLength);
        CatalogRules.Optional(errors, nameof(form.AfterSales), form.AfterSales, Product.MaxLongTextLength);
        CatalogRules.Optional(errors, nameof(form.SellingPoints), form.SellingPoints, Product.MaxLongTextLength);
        CatalogRules.Optional(errors, nameof(form.Description), form.Description, Product.MaxLongTextLength);
    }

    /// <summary>Writes a checked product form onto the product. Retiring a product retires its SKUs.</summary>
    internal static void Apply(Product product, ProductForm form, int categoryId, int? brandId)
    {
        product.Name = form.Name.Trim();
        product.CategoryId = categoryId;
        product.BrandId = brandId;
        product.Origin = CatalogRules.Blank(form.Origin);
        product.Material = CatalogRules.Blank(form.Material);
        product.Instructions = CatalogRules.Blank(form.Instructions);
        product.AfterSales = CatalogRules.Blank(form.AfterSales);
        product.SellingPoints = CatalogRules.Blank(form.SellingPoints);
        product.Description = CatalogRules.Blank(form.Description);
        if (product.Active && !form.Active)
        {
            // A retired product sells nothing: its SKUs go with it (each can be brought back on its own).
            product.Skus.ForEach(s => s.Active = false);
        }
        product.Active = form.Active;
    }

    /// <summary>What a SKU's values must be, needing no database (codes and barcodes taken elsewhere are the caller's to find).</summary>
    internal static void CheckSku(List<FieldError> errors, SkuForm form)
    {
        CatalogRules.Required(errors, nameof(form.Code), form.Code, Sku.MaxCodeLength);
        CatalogRules.Optional(errors, nameof(form.Name), form.Name, Sku.MaxNameLength);
        CatalogRules.Optional(errors, nameof(form.Specification), form.Specification, Sku.MaxLabelLength);
        CatalogRules.Optional(errors, nameof(form.Model), form.Model, Sku.MaxLabelLength);
        var barcode = CatalogRules.Blank(form.Barcode);
        if (barcode is not null && !CatalogRules.BarcodeWellFormed(barcode))
        {
            errors.Add(new FieldError(nameof(form.Barcode), CatalogErrors.BarcodeFormat));
        }
        CatalogRules.Price(errors, nameof(form.ListPriceCents), form.ListPriceCents);
        CatalogRules.Price(errors, nameof(form.UnitCostCents), form.UnitCostCents);
        if (form.WeightGrams is < 0 or > CatalogRules.MaxWeightGrams)
        {
            errors.Add(new FieldError(nameof(form.WeightGrams), CatalogErrors.WeightOutOfRange));
        }
        if (form.PackSize is < 1 or > CatalogRules.MaxPackSize)
        {
            errors.Add(new FieldError(nameof(form.PackSize), CatalogErrors.PackSizeOutOfRange));
        }
    }

    /// <summary>The SKU's name: as typed, or its product's name and its specification; refused when that comes out too long.</summary>
    internal static string SkuName(List<FieldError> errors, string productName, SkuForm form)
    {
        var name = CatalogRules.Blank(form.Name) ?? $"{productName} {CatalogRules.Blank(form.Specification)}".Trim();
        if (name.Length > Sku.MaxNameLength && !errors.Any(e => e.Field == nameof(form.Name)))
        {
            errors.Add(new FieldError(nameof(form.Name), CatalogErrors.TooLong));
        }
        return name;
    }

    /// <summary>Writes a checked SKU form onto the SKU (its code normalised).</summary>
    internal static void Apply(Sku sku, SkuForm form, string name)
    {
        sku.Code = CatalogRules.NormaliseCode(form.Code);
        sku.Name = name;
        sku.Specification = CatalogRules.Blank(form.Specification);
        sku.Model = CatalogRules.Blank(form.Model);
        sku.Barcode = CatalogRules.Blank(form.Barcode);
        sku.ListPriceCents = form.ListPriceCents;
        sku.UnitCostCents = form.UnitCostCents;
        sku.WeightGrams = form.WeightGrams;
        sku.PackSize = form.PackSize;
        sku.Active = form.Active;
    }

    /// <summary>A saved product or SKU changes what its listings show: their stored completeness follows.</summary>
    private static async Task<Outcome<int>> RefreshListingsAsync(OpsDb db, Outcome<int> saved, Func<int> productId, CancellationToken ct)
    {
        if (saved.Succeeded)
        {
            await ListingFactsReader.RefreshAsync(db, [productId()], ct);
        }
        return saved;
    }

    /// <summary>Retires (active false) or brings back a catalogue record. Retiring a product retires its SKUs.</summary>
    public async Task<Outcome<int>> SetActiveAsync<T>(Actor actor, int id, long version, bool active, CancellationToken ct = default) where T : class, IRetirable
    {
        if (!actor.May(PermissionFor<T>()))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var record = await db.Set<T>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return Outcome<int>.NotFound();
        }
        if (record.Version != version)
        {
            return Outcome<int>.Conflict();
        }
        if (record is Product && !active)
        {
            await db.Skus.Where(s => s.ProductId == id && s.Active).ForEachAsync(s => s.Active = false, ct);
        }
        record.Active = active;
        var saved = await SaveAsync(db, () => id, ct);
        return record switch
        {
            Product => await RefreshListingsAsync(db, saved, () => id, ct),
            Sku { ProductId: { } productId } => await RefreshListingsAsync(db, saved, () => productId, ct),
            _ => saved,
        };
    }

    /// <summary>
    /// Deletes a record nothing points at (a draft entered by mistake). A product goes with its SKUs, if none of them is
    /// used; a category with subcategories or products, a brand with products, a SKU or warehouse with stock, orders,
    /// purchase orders or stock policies is refused (<see cref="CatalogErrors.StillReferenced"/>): retire it instead.
    /// </summary>
    public async Task<Outcome<int>> DeleteAsync<T>(Actor actor, int id, long version, CancellationToken ct = default) where T : class, IVersioned
    {
        if (!actor.May(PermissionFor<T>()))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var record = await db.Set<T>().FirstOrDefaultAsync(r => EF.Property<int>(r, "Id") == id, ct);
        if (record is null)
        {
            return Outcome<int>.NotFound();
        }
        if (record.Version != version)
        {
            return Outcome<int>.Conflict();
        }
        if (record is Product)
        {
            var skus = await db.Skus.Where(s => s.ProductId == id).ToListAsync(ct);
            foreach (var sku in skus)
            {
                if (await References.AnyAsync<Sku>(db, sku.Id, ct))
                {
                    return Refused();
                }
            }
            db.Skus.RemoveRange(skus);
        }
        else if (await References.AnyAsync<T>(db, id, ct))
        {
            return Refused();
        }
        // A product's main images go with it (cascade); their pictures too, unless another product shows them.
        var pictures = record is Product ? await db.ProductImages.Where(i => i.ProductId == id).Select(i => i.BlobHash).Distinct().ToListAsync(ct) : [];
        db.Remove(record);
        var saved = await SaveAsync(db, () => id, ct);
        if (saved.Succeeded)
        {
            await Images.ImageStore.DropUnusedAsync(db, pictures, ct);
            await transaction.CommitAsync(ct);
        }
        return saved;

        static Outcome<int> Refused() => Outcome<int>.Invalid([new FieldError(CatalogRules.RecordField, CatalogErrors.StillReferenced)]);
    }

    /// <summary>Sales channels belong to those who run the stores; the rest of the catalogue to its managers.</summary>
    private static string PermissionFor<T>() => typeof(T) == typeof(SalesChannel) ? Permissions.ManageChannels : Permissions.ManageCatalog;

    /// <summary>The unique keys a save can still hit when two people enter the same code at the same moment (each checked it first).</summary>
    private static readonly (string Index, FieldError Error)[] UniqueKeys =
    [
        ("IX_Skus_Code", new(nameof(SkuForm.Code), CatalogErrors.SkuCodeTaken)),
        ("IX_Skus_Barcode", new(nameof(SkuForm.Barcode), CatalogErrors.BarcodeTaken)),
        ("IX_Brands_Name", new(nameof(BrandForm.Name), CatalogErrors.BrandNameTaken)),
        ("IX_PriceBands_Name", new(nameof(PriceBandForm.Name), CatalogErrors.PriceBandNameTaken)),
        ("IX_Warehouses_Code", new(nameof(WarehouseForm.Code), CatalogErrors.WarehouseCodeTaken)),
        ("IX_SalesChannels_Code", new(nameof(ChannelForm.Code), CatalogErrors.ChannelCodeTaken)),
        // Two people listing the same product on the same channel at the same instant: the second is told it is listed.
        ("IX_Listings_ProductId_ChannelId", new("ChannelId", ListingErrors.ListingExists)),
    ];

    internal static async Task<Outcome<int>> SaveAsync(OpsDb db, Func<int> id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<int>.Conflict();
        }
        catch (DbUpdateException e) when (TakenKey(e) is { } taken)
        {
            return Outcome<int>.Invalid([taken]);
        }
        return Outcome<int>.Done(id());
    }

    /// <summary>
    /// SQLite names the columns ("UNIQUE constraint failed: Skus.Code", "… Listings.ProductId, Listings.ChannelId"),
    /// PostgreSQL the index ("IX_Skus_Code").
    /// </summary>
    private static FieldError? TakenKey(DbUpdateException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        return UniqueKeys.Where(k => message.Contains(k.Index, StringComparison.Ordinal) || message.Contains(SqliteColumns(k.Index), StringComparison.Ordinal))
            .Select(k => k.Error).FirstOrDefault();
    }

    private static string SqliteColumns(string index)
    {
        var parts = index.Split('_');
        return string.Join(", ", parts[2..].Select(column => $"{parts[1]}.{column}"));
    }
}
