using EcomOps.Domain.Orders;

namespace EcomOps.Domain.Catalog;

/// <summary>A field the rulebook (or a channel) requires before a listing may go live. The UI names it <c>Listing.Field.{Name}</c>.</summary>
public enum ListingField
{
    Title,
    Specification,
    Model,
    Price,
    Stock,
    Origin,
    Material,
    Instructions,
    AfterSales,
    SellingPoints,
    Category,
    Brand,
    Description,
    Barcode,
    Weight,

    /// <summary>At least one main image (主图) of the product.</summary>
    Images,
}

/// <summary>Which fields a listing needs: the rulebook's for every channel, and the extras each platform asks for.</summary>
public static class ListingFields
{
    /// <summary>The rulebook's required listing fields (商品上架), main images included.</summary>
    public static readonly IReadOnlyList<ListingField> Rulebook =
    [
        ListingField.Title, ListingField.Specification, ListingField.Model, ListingField.Price, ListingField.Stock, ListingField.Origin,
        ListingField.Material, ListingField.Instructions, ListingField.AfterSales, ListingField.SellingPoints, ListingField.Category, ListingField.Brand,
        ListingField.Images,
    ];

    /// <summary>The fields a channel may require on top of the rulebook's.</summary>
    public static readonly IReadOnlyList<ListingField> Extras = [ListingField.Description, ListingField.Barcode, ListingField.Weight];

    /// <summary>
    /// What a platform asks for beyond the rulebook, used for a channel until its own list is stored
    /// (<see cref="ChannelListingRule"/>): Tmall and JD check barcodes, JD and Pinduoduo compute freight from the weight,
    /// Tmall, Douyin and the own web shop show a detail description.
    /// </summary>
    public static IReadOnlyList<ListingField> DefaultExtras(SalesPlatform platform) => platform switch
    {
        SalesPlatform.Tmall => [ListingField.Barcode, ListingField.Description],
        SalesPlatform.JD => [ListingField.Barcode, ListingField.Weight],
        SalesPlatform.Douyin => [ListingField.Description],
        SalesPlatform.Pinduoduo => [ListingField.Weight],
        SalesPlatform.WebShop => [ListingField.Description],
        _ => [],
    };

    public static IReadOnlyList<ListingField> Required(IEnumerable<ListingField> extras) => [.. Rulebook, .. extras.Where(e => !Rulebook.Contains(e)).Distinct()];

    public static string Format(IEnumerable<ListingField> fields) => string.Join(",", fields);

    public static IReadOnlyList<ListingField> Parse(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => Enum.TryParse<ListingField>(t, out var f) ? f : (ListingField?)null).OfType<ListingField>()];
}

/// <summary>One SKU as the listing shows it: its variant fields, the price this channel sells it at, and what the warehouses can still promise.</summary>
public sealed record ListingSkuFacts(string? Specification, string? Model, string? Barcode, int? WeightGrams, long PriceCents, int Available);

/// <summary>Everything completeness looks at, with the listing's overrides already laid over the product's fields.</summary>
/// <param name="Images">How many main images the product has.</param>
public sealed record ListingFacts(
    string? Title, string? Origin, string? Material, string? Instructions, string? AfterSales, string? SellingPoints, string? Description,
    bool HasCategory, bool HasBrand, IReadOnlyList<ListingSkuFacts> Skus, int Images);

/// <summary>How complete a listing is for its channel: the share of required fields present, and which are missing (in the required order).</summary>
public sealed record ListingCompleteness(int Percent, IReadOnlyList<ListingField> Missing)
{
    public bool IsComplete => Missing.Count == 0;

    /// <summary>
    /// A per-SKU field (specification, model, price, barcode, weight) is present when every SKU the listing shows has
    /// it; price means a price above zero. Stock is read from the ledger's balances, never typed: it is present when at
    /// least one SKU has available stock (on hand less reserved) in some warehouse — a listing may go live with some
    /// variants sold out, not with nothing to sell. A listing with no SKU misses every per-SKU field and stock.
    /// </summary>
    public static ListingCompleteness Of(ListingFacts facts, IReadOnlyList<ListingField> required)
    {
        if (required.Count == 0)
        {
            return new ListingCompleteness(100, []);
        }
        var missing = required.Where(field => !Present(facts, field)).ToList();
        // Rounded down, so 100% always means nothing is missing.
        var percent = (required.Count - missing.Count) * 100 / required.Count;
        return new ListingCompleteness(percent, missing);
    }

    private static bool Present(ListingFacts f, ListingField field) => field switch
    {
        ListingField.Title => Filled(f.Title),
        ListingField.Origin => Filled(f.Origin),
        ListingField.Material => Filled(f.Material),
        ListingField.Instructions => Filled(f.Instructions),
        ListingField.AfterSales => Filled(f.AfterSales),
        ListingField.SellingPoints => Filled(f.SellingPoints),
        ListingField.Description => Filled(f.Description),
        ListingField.Category => f.HasCategory,
        ListingField.Brand => f.HasBrand,
        ListingField.Images => f.Images > 0,
        ListingField.Stock => f.Skus.Any(s => s.Available > 0),
        ListingField.Specification => EverySku(f, s => Filled(s.Specification)),
        ListingField.Model => EverySku(f, s => Filled(s.Model)),
        ListingField.Barcode => EverySku(f, s => Filled(s.Barcode)),
        ListingField.Weight => EverySku(f, s => s.WeightGrams > 0),
        ListingField.Price => EverySku(f, s => s.PriceCents > 0),
        _ => false,
    };

    private static bool EverySku(ListingFacts f, Func<ListingSkuFacts, bool> has) => f.Skus.Count > 0 && f.Skus.All(has);

    private static bool Filled(string? text) => !string.IsNullOrWhiteSpace(text);

    /// <summary>The bands the listings page filters by.</summary>
    public static (int From, int To) Band(CompletenessBand band) => band switch
    {
        CompletenessBand.Complete => (100, 100),
        CompletenessBand.Nearly => (80, 99),
        CompletenessBand.Half => (50, 79),
        _ => (0, 49),
    };
}

public enum CompletenessBand
{
    Complete,
    Nearly,
    Half,
    Low,
}

/// <summary>What a listing's state allows, answered without a database.</summary>
public static class ListingStates
{
    /// <summary>
    /// Draft → InReview → Live → Paused → Retired. In review goes back to draft (sent back, or edited again); paused goes
    /// back to live through the same approval as going live; anything but retired can be retired, and retired is final.
    /// </summary>
    public static bool CanMove(ListingState from, ListingState to) => (from, to) switch
    {
        (ListingState.Draft, ListingState.InReview) => true,
        (ListingState.InReview, ListingState.Draft) => true,
        (ListingState.InReview, ListingState.Live) => true,
        (ListingState.Live, ListingState.Paused) => true,
        (ListingState.Paused, ListingState.Live) => true,
        (not ListingState.Retired, ListingState.Retired) => true,
        _ => false,
    };

    /// <summary>
    /// Whether the listing's fields may be edited: not while live (pause it first, so that what customers see was always
    /// approved by a second person) and not once retired. Editing a listing in review sends it back to draft.
    /// </summary>
    public static bool CanEdit(ListingState state) => state is ListingState.Draft or ListingState.InReview or ListingState.Paused;
}
