using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Catalog;

public enum BulkChangeKind
{
    Category,
    Brand,
    State,
    PriceSet,
    PricePercent,
}

/// <summary>
/// One change for many listings: their products' category or brand (null brand: none), their state, or their channel
/// prices — every active SKU set to one price (fen), or each changed by a percentage of what it sells at now.
/// </summary>
public sealed record BulkChange(BulkChangeKind Kind, int? CategoryId = null, int? BrandId = null, ListingState? State = null, long? PriceCents = null, decimal? Percent = null);

/// <summary>The listings a change is for: those ticked (<paramref name="Ids"/>), or all the filter gives, up to <see cref="ListingBulkEdit.MaxRows"/>.</summary>
public sealed record BulkTarget(IReadOnlyList<int>? Ids, ListingFilter? Filter);

/// <summary>A SKU's price on a listing's channel: its own channel price, or its list price.</summary>
public sealed record BulkPrice(string SkuCode, long Cents, bool ChannelPrice);

/// <summary>What one side of a row shows: the product's category and brand, the listing's state and prices.</summary>
public sealed record BulkSide(string? CategoryZh, string? CategoryEn, string? Brand, ListingState State, IReadOnlyList<BulkPrice> Prices);

/// <summary>
/// One listing in a bulk change: before and after, the version the change was checked against (the product's for a
/// category or brand, the listing's otherwise), and why it is refused, if it is. A row that would change nothing is not a change.
/// </summary>
public sealed record BulkRow(int ListingId, string Title, string Channel, long Version, BulkSide Before, BulkSide After, string? Refusal)
{
    public bool Changes => Refusal is null && !(Before.CategoryZh == After.CategoryZh && Before.CategoryEn == After.CategoryEn && Before.Brand == After.Brand
        && Before.State == After.State && Before.Prices.SequenceEqual(After.Prices));
}

/// <summary>
/// The preview (nothing written) or the result of a bulk change. <see cref="Stale"/>: rows that someone changed since
/// the preview — then nothing was written. <see cref="Capped"/>: the filter gave more listings than one change takes.
/// </summary>
public sealed record BulkOutcome(IReadOnlyList<BulkRow> Rows, bool Written, bool Capped, IReadOnlyList<BulkRow> Stale, string? Refusal = null)
{
    public int Changing => Rows.Count(r => r.Changes);
    public int Refused => Rows.Count(r => r.Refusal is not null);
}

/// <summary>
/// Changes many listings at once with the rules one change at a time has: a product's category or brand needs
/// <see cref="Permissions.ManageCatalog"/>; a state goes through <see cref="ListingDesk"/>'s move (going live still
/// needs 100% completeness and a second person); a price is a content edit (refused on a live listing, sends one in
/// review back to draft, makes the actor its last editor) within the catalogue's price range. The preview is the same
/// run rolled back, so it shows exactly what Apply does; Apply writes every change in one transaction, and writes nothing
/// if any row changed since the preview (those rows are named).
/// </summary>
public sealed class ListingBulkEdit(IDbContextFactory<OpsDb> dbFactory, TimeProvider clock)
{
    /// <summary>Most listings one change takes (the page says so when a filter gives more).</summary>
    public const int MaxRows = 500;

    public const decimal MinPercent = -99m;
    public const decimal MaxPercent = 1000m;

    public Task<BulkOutcome> PreviewAsync(Actor actor, BulkTarget target, BulkChange change, CancellationToken ct = default) =>
        RunAsync(actor, target, change, null, ct);

    /// <param name="versions">Each previewed listing's <see cref="BulkRow.Version"/>: a row whose record moved on since is stale.</param>
    public Task<BulkOutcome> ApplyAsync(Actor actor, BulkTarget target, BulkChange change, IReadOnlyDictionary<int, long> versions, CancellationToken ct = default) =>
        RunAsync(actor, target, change, versions, ct);

    /// <summary>Why the change itself cannot be made (whatever the rows), or null.</summary>
    public static string? ChangeRefusal(Actor actor, BulkChange change) => change.Kind switch
    {
        _ when !actor.May(Permissions.EditListings) && !actor.May(Permissions.ManageCatalog) => Actor.NotPermitted.Code,
        BulkChangeKind.Category when change.CategoryId is null => CatalogErrors.Required,
        BulkChangeKind.State when change.State is null => CatalogErrors.Required,
        BulkChangeKind.PriceSet when change.PriceCents is not { } cents || !CatalogRules.PriceInRange(cents) => CatalogErrors.PriceOutOfRange,
        BulkChangeKind.PricePercent when change.Percent is not (>= MinPercent and <= MaxPercent) => "PercentOutOfRange",
        _ => null,
    };

    private async Task<BulkOutcome> RunAsync(Actor actor, BulkTarget target, BulkChange change, IReadOnlyDictionary<int, long>? versions, CancellationToken ct)
    {
        if (ChangeRefusal(actor, change) is { } refusal)
        {
            return new BulkOutcome([], false, false, [], refusal);
        }
        var outcome = await WriteRetry.RunAsync(async () => Outcome<BulkOutcome>.Done(await AttemptAsync(actor, target, change, versions, ct)), ct);
        return outcome.Value ?? new BulkOutcome([], false, false, [], WriteRetry.BusyCode);
    }

    private async Task<BulkOutcome> AttemptAsync(Actor actor, BulkTarget target, BulkChange change, IReadOnlyDictionary<int, long>? versions, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (ids, capped) = Transfer.CatalogWorkbook.Cap(target.Ids is { } chosen ? [.. chosen.Distinct().Take(MaxRows + 1)]
            : await ListingQueries.IdsAsync(db, target.Filter ?? new ListingFilter(), MaxRows, ct), MaxRows);
        var listings = (await db.Listings.Include(l => l.Prices).Where(l => ids.Contains(l.Id)).ToListAsync(ct))
            .OrderBy(l => ids.IndexOf(l.Id)).ToList();
        var productIds = listings.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.Include(p => p.Skus).Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var channels = await db.SalesChannels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var brands = await db.Brands.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        BulkSide Side(Listing l)
        {
            var product = products[l.ProductId];
            var category = product.CategoryId is { } c ? categories.GetValueOrDefault(c) : null;
            var channelPrices = l.Prices.ToDictionary(p => p.SkuId, p => p.PriceCents);
            return new BulkSide(category?.NameZh, category?.NameEn, product.BrandId is { } b ? brands.GetValueOrDefault(b) : null, l.State,
                [.. product.Skus.Where(s => s.Active).OrderBy(s => s.Code, StringComparer.Ordinal)
                    .Select(s => channelPrices.TryGetValue(s.Id, out var p) ? new BulkPrice(s.Code, p, true) : new BulkPrice(s.Code, s.ListPriceCents, false))]);
        }
        var before = listings.ToDictionary(l => l.Id, Side);
        var recordVersions = listings.ToDictionary(l => l.Id, l => change.Kind is BulkChangeKind.Category or BulkChangeKind.Brand ? products[l.ProductId].Version : l.Version);
        var now = clock.GetUtcNow().UtcDateTime;
        var refusals = new Dictionary<int, string>();
        var completeness = change.Kind == BulkChangeKind.State ? await ListingFactsReader.CompletenessAsync(db, listings, ct) : null;
        foreach (var listing in listings)
        {
            var product = products[listing.ProductId];
            if (await ChangeAsync(db, actor, change, listing, product, completeness?[listing], now, ct) is { } refused)
            {
                refusals[listing.Id] = refused;
            }
        }
        var changedProducts = products.Values.Where(p => db.Entry(p).State == EntityState.Modified).ToList();
        if (changedProducts.Count > 0)
        {
            var labels = await DepartmentLabels.AllAsync(db, ct);
            foreach (var product in changedProducts)
            {
                var label = product.CategoryId is { } c ? labels.GetValueOrDefault(c) : null;
                var brand = product.BrandId is { } b ? brands.GetValueOrDefault(b) : null;
                product.Skus.ForEach(s => (s.Category, s.Brand) = (label, brand));
            }
        }
        var rows = listings.Select(l => new BulkRow(l.Id, l.Title, channels.GetValueOrDefault(l.ChannelId) ?? "", recordVersions[l.Id], before[l.Id],
            refusals.ContainsKey(l.Id) ? before[l.Id] : Side(l), refusals.GetValueOrDefault(l.Id))).ToList();
        if (versions is null)
        {
            return new BulkOutcome(rows, false, capped, []);
        }
        var stale = rows.Where(r => r.Changes && (!versions.TryGetValue(r.ListingId, out var seen) || seen != r.Version)).ToList();
        if (stale.Count > 0)
        {
            return new BulkOutcome(rows, false, capped, stale);
        }
        var saved = await CatalogDesk.SaveAsync(db, () => 0, ct);
        if (!saved.Succeeded)
        {
            return new BulkOutcome(rows, false, capped, saved.Kind == OutcomeKind.Conflict ? rows.Where(r => r.Changes).ToList() : [], saved.Errors.FirstOrDefault()?.Code);
        }
        await ListingFactsReader.RefreshAsync(db, productIds, ct);
        await transaction.CommitAsync(ct);
        return new BulkOutcome(rows, true, capped, []);
    }

    /// <summary>Makes the change to one tracked listing (or its product), or answers why not.</summary>
    private static async Task<string?> ChangeAsync(OpsDb db, Actor actor, BulkChange change, Listing listing, Product product, ListingCompleteness? completeness, DateTime now, CancellationToken ct)
    {
        switch (change.Kind)
        {
            case BulkChangeKind.Category or BulkChangeKind.Brand:
                if (!actor.May(Permissions.ManageCatalog))
                {
                    return Actor.NotPermitted.Code;
                }
                if (change.Kind == BulkChangeKind.Category)
                {
                    if (!await db.Categories.AnyAsync(c => c.Id == change.CategoryId, ct))
                    {
                        return CatalogErrors.CategoryUnknown;
                    }
                    product.CategoryId = change.CategoryId;
                }
                else
                {
                    if (change.BrandId is { } brandId && !await db.Brands.AnyAsync(b => b.Id == brandId, ct))
                    {
                        return CatalogErrors.BrandUnknown;
                    }
                    product.BrandId = change.BrandId;
                }
                return null;
            case BulkChangeKind.State:
                return listing.State == change.State ? null : await ListingDesk.MoveCheckedAsync(db, listing, change.State!.Value, actor, completeness!, now, ct);
            default:
                if (!actor.May(Permissions.EditListings))
                {
                    return Actor.NotPermitted.Code;
                }
                var current = listing.Prices.ToDictionary(p => p.SkuId, p => p.PriceCents);
                var prices = new Dictionary<int, long?>();
                foreach (var sku in product.Skus.Where(s => s.Active))
                {
                    var shown = current.TryGetValue(sku.Id, out var channel) ? channel : sku.ListPriceCents;
                    var next = change.Kind == BulkChangeKind.PriceSet ? change.PriceCents!.Value
                        : (long)Math.Round(shown * (100m + change.Percent!.Value) / 100m, MidpointRounding.AwayFromZero);
                    if (!CatalogRules.PriceInRange(next))
                    {
                        return CatalogErrors.PriceOutOfRange;
                    }
                    if (next != shown)
                    {
                        prices[sku.Id] = next;
                    }
                }
                if (prices.Count == 0)
                {
                    return null;
                }
                if (!ListingStates.CanEdit(listing.State))
                {
                    return ListingErrors.NotEditable;
                }
                await ListingDesk.EditedAsync(db, listing, prices, actor, now, ct);
                return null;
        }
    }
}
