using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Catalog;

public sealed class CategoryForm
{
    public int? ParentId { get; set; }
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public bool Active { get; set; } = true;
}

public sealed class BrandForm
{
    public string Name { get; set; } = "";
    public bool Active { get; set; } = true;
}

/// <summary>A price band in fen: from (included) to (excluded; none for the top band).</summary>
public sealed class PriceBandForm
{
    public string Name { get; set; } = "";
    public long FromCents { get; set; }
    public long? ToCents { get; set; }
}

public sealed class WarehouseForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Address { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>A sales channel: a shop on a platform. <see cref="ExtraFields"/> are what the channel requires of a listing beyond the rulebook.</summary>
public sealed class ChannelForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public SalesPlatform Platform { get; set; } = SalesPlatform.Other;
    public bool Active { get; set; } = true;
    public IReadOnlyCollection<ListingField> ExtraFields { get; set; } = [];
}

/// <summary>
/// The master data a company enters before its first product: the category tree, brands, price bands and warehouses.
/// Retiring and deleting are <see cref="CatalogDesk.SetActiveAsync{T}"/> and <see cref="CatalogDesk.DeleteAsync{T}"/>.
/// </summary>
public sealed class MasterDataDesk(IDbContextFactory<OpsDb> dbFactory)
{
    /// <summary>
    /// Creates (id null) or updates a category. A parent that is the category itself or one of its subcategories is
    /// refused (<see cref="CatalogErrors.CategoryCycle"/>); two subcategories of one parent may not share a name.
    /// Renaming or moving relabels the SKUs of the products under it.
    /// </summary>
    public async Task<Outcome<int>> SaveCategoryAsync(Actor actor, int? id, long version, CategoryForm form, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageCatalog))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        var errors = new List<FieldError>();
        CatalogRules.Required(errors, nameof(form.NameZh), form.NameZh, Category.MaxNameLength);
        CatalogRules.Required(errors, nameof(form.NameEn), form.NameEn, Category.MaxNameLength);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var parents = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, ct);
        if (form.ParentId is { } parent && !parents.ContainsKey(parent))
        {
            errors.Add(new FieldError(nameof(form.ParentId), CatalogErrors.CategoryUnknown));
        }
        else if (id is { } self && CategoryTree.WouldCycle(parents, self, form.ParentId))
        {
            errors.Add(new FieldError(nameof(form.ParentId), CatalogErrors.CategoryCycle));
        }
        var zh = form.NameZh.Trim();
        var en = form.NameEn.Trim();
        if (errors.Count == 0 && await db.Categories.AnyAsync(c => c.ParentId == form.ParentId && c.Id != (id ?? 0) && (c.NameZh == zh || c.NameEn == en), ct))
        {
            errors.Add(new FieldError(nameof(form.NameZh), CatalogErrors.CategoryNameTaken));
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        Category category;
        if (id is { } existing)
        {
            var found = await db.Categories.FirstOrDefaultAsync(c => c.Id == existing, ct);
            if (found is null)
            {
                return Outcome<int>.NotFound();
            }
            if (found.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            category = found;
        }
        else
        {
            category = new Category { NameZh = zh, NameEn = en };
            db.Add(category);
        }
        var relabel = category.NameZh != zh || category.NameEn != en || category.ParentId != form.ParentId;
        category.ParentId = form.ParentId;
        category.NameZh = zh;
        category.NameEn = en;
        category.Active = form.Active;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var saved = await CatalogDesk.SaveAsync(db, () => category.Id, ct);
        if (saved.Succeeded && relabel && id is not null)
        {
            // The SKUs carry their department's label: a rename or a move changes it for the whole subtree.
            parents[category.Id] = category.ParentId;
            await DepartmentLabels.RelabelAsync(db, parents.Keys.Where(c => CategoryTree.PathTo(parents, c).Contains(category.Id)), ct);
        }
        if (saved.Succeeded)
        {
            await transaction.CommitAsync(ct);
        }
        return saved;
    }

    /// <summary>Creates (id null) or updates a brand; names are unique. Renaming relabels the SKUs of its products.</summary>
    public async Task<Outcome<int>> SaveBrandAsync(Actor actor, int? id, long version, BrandForm form, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageCatalog))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        var errors = new List<FieldError>();
        CatalogRules.Required(errors, nameof(form.Name), form.Name, Brand.MaxNameLength);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var name = form.Name.Trim();
        if (errors.Count == 0 && await db.Brands.AnyAsync(b => b.Name == name && b.Id != (id ?? 0), ct))
        {
            errors.Add(new FieldError(nameof(form.Name), CatalogErrors.BrandNameTaken));
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        Brand brand;
        if (id is { } existing)
        {
            var found = await db.Brands.FirstOrDefaultAsync(b => b.Id == existing, ct);
            if (found is null)
            {
                return Outcome<int>.NotFound();
            }
            if (found.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            brand = found;
        }
        else
        {
            brand = new Brand { Name = name };
            db.Add(brand);
        }
        var renamed = brand.Name != name;
        brand.Name = name;
        brand.Active = form.Active;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var saved = await CatalogDesk.SaveAsync(db, () => brand.Id, ct);
        if (saved.Succeeded && renamed && id is not null)
        {
            await db.Skus.Where(s => db.Products.Any(p => p.Id == s.ProductId && p.BrandId == brand.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Brand, name), ct);
        }
        if (saved.Succeeded)
        {
            await transaction.CommitAsync(ct);
        }
        return saved;
    }

    /// <summary>Creates (id null) or updates a price band. Bands may not overlap, so every price has at most one.</summary>
    public async Task<Outcome<int>> SavePriceBandAsync(Actor actor, int? id, long version, PriceBandForm form, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageCatalog))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        var errors = new List<FieldError>();
        CatalogRules.Required(errors, nameof(form.Name), form.Name, PriceBand.MaxNameLength);
        CatalogRules.Price(errors, nameof(form.FromCents), form.FromCents);
        if (form.ToCents is { } to)
        {
            CatalogRules.Price(errors, nameof(form.ToCents), to);
            if (to <= form.FromCents && errors.Count == 0)
            {
                errors.Add(new FieldError(nameof(form.ToCents), CatalogErrors.PriceBandEmpty));
            }
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var name = form.Name.Trim();
        var others = await db.PriceBands.AsNoTracking().Where(b => b.Id != (id ?? 0)).ToListAsync(ct);
        if (errors.Count == 0 && others.Any(b => b.Name == name))
        {
            errors.Add(new FieldError(nameof(form.Name), CatalogErrors.PriceBandNameTaken));
        }
        if (errors.Count == 0 && others.Any(b => PriceBands.Overlap(form.FromCents, form.ToCents, b.FromCents, b.ToCents)))
        {
            errors.Add(new FieldError(nameof(form.FromCents), CatalogErrors.PriceBandOverlap));
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        PriceBand band;
        if (id is { } existing)
        {
            var found = await db.PriceBands.FirstOrDefaultAsync(b => b.Id == existing, ct);
            if (found is null)
            {
                return Outcome<int>.NotFound();
            }
            if (found.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            band = found;
        }
        else
        {
            band = new PriceBand { Name = name };
            db.Add(band);
        }
        band.Name = name;
        band.FromCents = form.FromCents;
        band.ToCents = form.ToCents;
        return await CatalogDesk.SaveAsync(db, () => band.Id, ct);
    }

    /// <summary>Creates (id null) or updates a warehouse; codes are unique (stored upper case).</summary>
    public async Task<Outcome<int>> SaveWarehouseAsync(Actor actor, int? id, long version, WarehouseForm form, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageCatalog))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        var errors = new List<FieldError>();
        CatalogRules.Required(errors, nameof(form.Code), form.Code, Warehouse.MaxCodeLength);
        CatalogRules.Required(errors, nameof(form.Name), form.Name, Warehouse.MaxNameLength);
        CatalogRules.Optional(errors, nameof(form.Address), form.Address, Warehouse.MaxAddressLength);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var code = CatalogRules.NormaliseCode(form.Code);
        if (errors.Count == 0 && await db.Warehouses.AnyAsync(w => w.Code == code && w.Id != (id ?? 0), ct))
        {
            errors.Add(new FieldError(nameof(form.Code), CatalogErrors.WarehouseCodeTaken));
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        Warehouse warehouse;
        if (id is { } existing)
        {
            var found = await db.Warehouses.FirstOrDefaultAsync(w => w.Id == existing, ct);
            if (found is null)
            {
                return Outcome<int>.NotFound();
            }
            if (found.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            warehouse = found;
        }
        else
        {
            warehouse = new Warehouse { Code = code, Name = form.Name.Trim() };
            db.Add(warehouse);
        }
        warehouse.Code = code;
        warehouse.Name = form.Name.Trim();
        warehouse.Address = CatalogRules.Blank(form.Address);
        warehouse.Active = form.Active;
        return await CatalogDesk.SaveAsync(db, () => warehouse.Id, ct);
    }

    /// <summary>
    /// Creates (id null) or updates a sales channel (its shop on a platform); codes are unique (stored upper case). The
    /// channel's required listing fields are stored with it, and its listings' completeness follows at once. Its API key
    /// is issued on the channels page (<see cref="ChannelDesk.IssueKeyAsync"/>), never typed.
    /// </summary>
    public async Task<Outcome<int>> SaveChannelAsync(Actor actor, int? id, long version, ChannelForm form, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageChannels))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        var errors = new List<FieldError>();
        CatalogRules.Required(errors, nameof(form.Code), form.Code, SalesChannel.MaxCodeLength);
        CatalogRules.Required(errors, nameof(form.Name), form.Name, SalesChannel.MaxNameLength);
        if (!Enum.IsDefined(form.Platform))
        {
            errors.Add(new FieldError(nameof(form.Platform), CatalogErrors.Required));
        }
        if (form.ExtraFields.Any(f => !ListingFields.Extras.Contains(f)))
        {
            errors.Add(new FieldError(nameof(form.ExtraFields), CatalogErrors.ChannelFieldUnknown));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var code = CatalogRules.NormaliseCode(form.Code);
        if (errors.Count == 0 && await db.SalesChannels.AnyAsync(c => c.Code == code && c.Id != (id ?? 0), ct))
        {
            errors.Add(new FieldError(nameof(form.Code), CatalogErrors.ChannelCodeTaken));
        }
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        SalesChannel channel;
        if (id is { } existing)
        {
            var found = await db.SalesChannels.FirstOrDefaultAsync(c => c.Id == existing, ct);
            if (found is null)
            {
                return Outcome<int>.NotFound();
            }
            if (found.Version != version)
            {
                return Outcome<int>.Conflict();
            }
            channel = found;
        }
        else
        {
            channel = new SalesChannel { Code = code, Name = form.Name.Trim() };
            db.Add(channel);
        }
        channel.Code = code;
        channel.Name = form.Name.Trim();
        channel.Platform = form.Platform;
        channel.Active = form.Active;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var saved = await CatalogDesk.SaveAsync(db, () => channel.Id, ct);
        if (!saved.Succeeded)
        {
            return saved;
        }
        // In the rulebook's order, so the stored list reads the same however the boxes were ticked.
        var extras = ListingFields.Format(ListingFields.Extras.Where(form.ExtraFields.Contains));
        var rule = await db.ChannelListingRules.FirstOrDefaultAsync(r => r.ChannelId == channel.Id, ct);
        if (rule is null)
        {
            db.ChannelListingRules.Add(new ChannelListingRule { ChannelId = channel.Id, ExtraFields = extras });
        }
        else
        {
            rule.ExtraFields = extras;
        }
        saved = await CatalogDesk.SaveAsync(db, () => channel.Id, ct);
        if (saved.Succeeded)
        {
            await ListingFactsReader.RefreshChannelAsync(db, channel.Id, ct);
            await transaction.CommitAsync(ct);
        }
        return saved;
    }
}
