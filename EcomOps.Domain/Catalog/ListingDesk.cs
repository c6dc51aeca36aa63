using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Catalog;

public static class ListingErrors
{
    public const string ListingExists = "ListingExists";
    public const string ProductRetired = "ProductRetired";
    public const string ChannelUnknown = "ChannelUnknown";
    public const string NotEditable = "ListingNotEditable";
    public const string StateRefused = "ListingStateRefused";
    public const string Incomplete = "ListingIncomplete";
    public const string FourEyes = "ListingFourEyes";
    public const string SkuNotInProduct = "ListingSkuNotInProduct";
    public const string PausedForFindings = "ListingPausedForFindings";

    /// <summary>The field a refused state change is reported under.</summary>
    public const string StateField = "State";
}

/// <summary>A listing's content: its title, overrides of the product's texts, and the prices that differ from a SKU's list price (fen; null sells at the list price).</summary>
public sealed class ListingForm
{
    public string Title { get; set; } = "";
    public string? SellingPoints { get; set; }
    public string? Description { get; set; }
    public Dictionary<int, long?> Prices { get; set; } = [];
}

/// <summary>
/// Listings and their states, with the rules in one place: operations specialists, managers and directors create and
/// edit listings and submit them for review (<see cref="Permissions.EditListings"/>); a manager or director approves
/// (<see cref="Permissions.ApproveListings"/>) — never the person who edited the listing last, and only at 100%
/// completeness for its channel — and pauses or retires. A save from a stale copy is refused (<see cref="OutcomeKind.Conflict"/>).
/// </summary>
public sealed class ListingDesk(IDbContextFactory<OpsDb> dbFactory, TimeProvider clock)
{
    /// <summary>Puts a product on a channel as a draft titled with the product's name. Returns the listing's id.</summary>
    public async Task<Outcome<int>> CreateAsync(Actor actor, int productId, int channelId, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.EditListings))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null)
        {
            return Outcome<int>.NotFound();
        }
        if (!product.Active)
        {
            return Refused(ListingErrors.ProductRetired);
        }
        if (!await db.SalesChannels.AnyAsync(c => c.Id == channelId && c.Active, ct))
        {
            return Outcome<int>.Invalid([new FieldError("ChannelId", ListingErrors.ChannelUnknown)]);
        }
        if (await db.Listings.AnyAsync(l => l.ProductId == productId && l.ChannelId == channelId, ct))
        {
            return Outcome<int>.Invalid([new FieldError("ChannelId", ListingErrors.ListingExists)]);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var listing = new Listing
        {
            ProductId = productId, ChannelId = channelId, Title = product.Name, State = ListingState.Draft, StateChangedAtUtc = now,
        };
        await MarkEditedAsync(db, listing, actor, now, ct);
        db.Listings.Add(listing);
        await ApplyCompletenessAsync(db, listing, ct);
        return await SaveAsync(db, () => listing.Id, ct);
    }

    /// <summary>Saves a listing's content. A listing in review goes back to draft (the review starts again); a live or retired one is refused.</summary>
    public async Task<Outcome<int>> SaveAsync(Actor actor, int id, long version, ListingForm form, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.EditListings))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        var errors = new List<FieldError>();
        CheckContent(errors, form);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var listing = await db.Listings.Include(l => l.Prices).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (listing is null)
        {
            return Outcome<int>.NotFound();
        }
        if (listing.Version != version)
        {
            return Outcome<int>.Conflict();
        }
        if (!ListingStates.CanEdit(listing.State))
        {
            return Refused(ListingErrors.NotEditable);
        }
        var skus = await db.Skus.Where(s => s.ProductId == listing.ProductId).Select(s => s.Id).ToListAsync(ct);
        errors.AddRange(form.Prices.Keys.Where(k => !skus.Contains(k)).Select(k => new FieldError($"Price.{k}", ListingErrors.SkuNotInProduct)));
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        listing.Title = form.Title.Trim();
        listing.SellingPoints = CatalogRules.Blank(form.SellingPoints);
        listing.Description = CatalogRules.Blank(form.Description);
        await EditedAsync(db, listing, form.Prices, actor, clock.GetUtcNow().UtcDateTime, ct);
        await ApplyCompletenessAsync(db, listing, ct);
        return await SaveAsync(db, () => listing.Id, ct);
    }

    public Task<Outcome<int>> SubmitAsync(Actor actor, int id, long version, CancellationToken ct = default) =>
        MoveAsync(actor, id, version, ListingState.InReview, ct);

    /// <summary>Back to draft from review: the reviewer sends it back, or its author withdraws it.</summary>
    public Task<Outcome<int>> SendBackAsync(Actor actor, int id, long version, CancellationToken ct = default) =>
        MoveAsync(actor, id, version, ListingState.Draft, ct);

    /// <summary>Goes live from review, or back live from paused: 100% complete for the channel, approved by someone other than the last editor.</summary>
    public Task<Outcome<int>> ApproveAsync(Actor actor, int id, long version, CancellationToken ct = default) =>
        MoveAsync(actor, id, version, ListingState.Live, ct);

    public Task<Outcome<int>> PauseAsync(Actor actor, int id, long version, CancellationToken ct = default) =>
        MoveAsync(actor, id, version, ListingState.Paused, ct);

    /// <summary>Takes the listing off the channel for good: a retired listing is kept for the record and cannot come back.</summary>
    public Task<Outcome<int>> RetireAsync(Actor actor, int id, long version, CancellationToken ct = default) =>
        MoveAsync(actor, id, version, ListingState.Retired, ct);

    /// <summary>
    /// Why the actor may not approve this listing now, or null when they may: the four-eyes rule is asked here so that a
    /// page can say so before anyone clicks.
    /// </summary>
    public static string? ApprovalRefusal(Actor actor, ListingState state, string? lastEditorUserId, string? lastEditorName, ListingCompleteness completeness)
    {
        if (!actor.May(Permissions.ApproveListings))
        {
            return Actor.NotPermitted.Code;
        }
        if (!ListingStates.CanMove(state, ListingState.Live))
        {
            return ListingErrors.StateRefused;
        }
        if (!completeness.IsComplete)
        {
            return ListingErrors.Incomplete;
        }
        return IsSamePerson(actor, lastEditorUserId, lastEditorName) ? ListingErrors.FourEyes : null;
    }

    private static bool IsSamePerson(Actor actor, string? userId, string? name) =>
        actor.UserId is not null ? actor.UserId == userId : userId is null && actor.Name == name;

    private async Task<Outcome<int>> MoveAsync(Actor actor, int id, long version, ListingState to, CancellationToken ct)
    {
        if (!actor.May(PermissionToMove(to)))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var listing = await db.Listings.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (listing is null)
        {
            return Outcome<int>.NotFound();
        }
        if (listing.Version != version)
        {
            return Outcome<int>.Conflict();
        }
        if (!ListingStates.CanMove(listing.State, to))
        {
            return Refused(ListingErrors.StateRefused);
        }
        var completeness = await ApplyCompletenessAsync(db, listing, ct);
        if (await MoveCheckedAsync(db, listing, to, actor, completeness, clock.GetUtcNow().UtcDateTime, ct) is { } refusal)
        {
            return refusal == Actor.NotPermitted.Code ? Outcome<int>.Invalid([Actor.NotPermitted]) : Refused(refusal);
        }
        return await SaveAsync(db, () => listing.Id, ct);
    }

    /// <summary>The permission a move to <paramref name="to"/> takes: approving, pausing and retiring are a reviewer's; the rest an editor's.</summary>
    internal static string PermissionToMove(ListingState to) =>
        to is ListingState.Live or ListingState.Paused or ListingState.Retired ? Permissions.ApproveListings : Permissions.EditListings;

    /// <summary>
    /// Moves a tracked listing to <paramref name="to"/> if the state rules allow it (going live: complete, and approved by
    /// someone other than its last editor, who is recorded), or answers why not. One listing's button and the bulk change
    /// both come here.
    /// </summary>
    internal static async Task<string?> MoveCheckedAsync(OpsDb db, Listing listing, ListingState to, Actor actor, ListingCompleteness completeness, DateTime now, CancellationToken ct)
    {
        if (!actor.May(PermissionToMove(to)))
        {
            return Actor.NotPermitted.Code;
        }
        if (!ListingStates.CanMove(listing.State, to))
        {
            return ListingErrors.StateRefused;
        }
        if (to == ListingState.Live)
        {
            if (ApprovalRefusal(actor, listing.State, listing.LastEditorUserId, listing.LastEditorName, completeness) is { } refusal)
            {
                return refusal;
            }
            // The compliance audit paused it for a finding left past its deadline: back live only once a check closed it.
            if (await db.Set<Compliance.ListingFinding>().AnyAsync(f => f.ListingId == listing.Id && f.ClosedAtUtc == null && f.PausedListingAtUtc != null, ct))
            {
                return ListingErrors.PausedForFindings;
            }
            (listing.ApprovedByEmployeeId, listing.ApprovedByName) = await PersonAsync(db, actor, ct);
            listing.ApprovedByUserId = actor.UserId;
            listing.ApprovedAtUtc = now;
        }
        Move(listing, to, now);
        return null;
    }

    /// <summary>What a listing's content must be, needing no database: the editor, the import and the bulk change ask the same.</summary>
    internal static void CheckContent(List<FieldError> errors, ListingForm form)
    {
        CatalogRules.Required(errors, nameof(form.Title), form.Title, Listing.MaxTitleLength);
        CatalogRules.Optional(errors, nameof(form.SellingPoints), form.SellingPoints, Product.MaxLongTextLength);
        CatalogRules.Optional(errors, nameof(form.Description), form.Description, Product.MaxLongTextLength);
        foreach (var (skuId, cents) in form.Prices)
        {
            if (cents is { } c)
            {
                CatalogRules.Price(errors, $"Price.{skuId}", c);
            }
        }
    }

    /// <summary>
    /// A content change to a tracked listing (its texts set by the caller): the prices given are written (null: back to
    /// the list price), a listing in review goes back to draft, and the actor becomes its last editor.
    /// </summary>
    internal static async Task EditedAsync(OpsDb db, Listing listing, IReadOnlyDictionary<int, long?> prices, Actor actor, DateTime now, CancellationToken ct)
    {
        foreach (var (skuId, cents) in prices)
        {
            var price = listing.Prices.FirstOrDefault(p => p.SkuId == skuId);
            if (cents is null && price is not null)
            {
                listing.Prices.Remove(price);
            }
            else if (cents is { } c && price is null)
            {
                listing.Prices.Add(new ListingPrice { ListingId = listing.Id, SkuId = skuId, PriceCents = c });
            }
            else if (cents is { } changed && price is not null && price.PriceCents != changed)
            {
                price.PriceCents = changed;
            }
        }
        if (listing.State == ListingState.InReview)
        {
            Move(listing, ListingState.Draft, now);
        }
        await MarkEditedAsync(db, listing, actor, now, ct);
        // The content changed even if only a price did: the version goes up, so a second editor's stale copy is refused.
        if (db.Entry(listing).State != EntityState.Added)
        {
            db.Entry(listing).Property(l => l.LastEditedAtUtc).IsModified = true;
        }
    }

    private static void Move(Listing listing, ListingState to, DateTime now)
    {
        listing.State = to;
        listing.StateChangedAtUtc = now;
    }

    internal static async Task MarkEditedAsync(OpsDb db, Listing listing, Actor actor, DateTime now, CancellationToken ct)
    {
        var (employeeId, name) = await PersonAsync(db, actor, ct);
        listing.LastEditorUserId = actor.UserId;
        listing.LastEditorName = name;
        listing.LastEditorEmployeeId = employeeId;
        listing.LastEditedAtUtc = now;
    }

    /// <summary>The actor's employee record (id and full name) when they have one, else their sign-in name.</summary>
    private static async Task<(int? EmployeeId, string Name)> PersonAsync(OpsDb db, Actor actor, CancellationToken ct)
    {
        var employee = actor.UserId is null ? null
            : await db.Employees.Where(e => e.UserId == actor.UserId).Select(e => new { e.Id, e.FullName }).FirstOrDefaultAsync(ct);
        return (employee?.Id, employee?.FullName ?? actor.Name);
    }

    /// <summary>Completeness from the listing as it is about to be saved (its tracked prices and texts) and the product, SKUs and stock as stored.</summary>
    internal static async Task<ListingCompleteness> ApplyCompletenessAsync(OpsDb db, Listing listing, CancellationToken ct)
    {
        var completeness = await ListingFactsReader.CompletenessAsync(db, listing, ct);
        ListingFactsReader.Apply(listing, completeness);
        return completeness;
    }

    private static Outcome<int> Refused(string code) => Outcome<int>.Invalid([new FieldError(ListingErrors.StateField, code)]);

    private static Task<Outcome<int>> SaveAsync(OpsDb db, Func<int> id, CancellationToken ct) => CatalogDesk.SaveAsync(db, id, ct);
}
