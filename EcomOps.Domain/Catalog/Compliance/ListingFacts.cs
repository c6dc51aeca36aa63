using EcomOps.Domain.Orders;

namespace EcomOps.Domain.Catalog.Compliance;

/// <summary>
/// What the compliance audit reads of one listing, as plain values: the listing entity, the stock ledger and the image
/// store fill it, so every rule runs without a database.
/// </summary>
public sealed record ListingFacts
{
    /// <summary>The platform of the listing's channel (image size minimums differ per platform).</summary>
    public SalesPlatform Platform { get; init; } = SalesPlatform.Other;

    /// <summary>Only a live listing is checked for zero stock.</summary>
    public bool IsLive { get; init; } = true;

    public string Title { get; init; } = "";

    public IReadOnlyList<string> SellingPoints { get; init; } = [];

    public string Description { get; init; } = "";

    /// <summary>The category from the root to the leaf, as names or keys (e.g. 食品 › 茶叶 › 绿茶, or their codes).</summary>
    public IReadOnlyList<string> CategoryPath { get; init; } = [];

    public IReadOnlyList<SkuFacts> Skus { get; init; } = [];

    public int ImageCount { get; init; }

    /// <summary>The smallest main image (by its shorter side); null when there is none.</summary>
    public ImageSize? SmallestImage { get; init; }

    /// <summary>The required fields the listing's channel asks for that are empty (the completeness computation's output).</summary>
    public IReadOnlyList<string> MissingRequiredFields { get; init; } = [];
}

/// <summary>One SKU of the listing, in fen. Cost and list price are null when unknown (their rule then passes).</summary>
public sealed record SkuFacts(string Code, long PriceCents, long? CostCents, long? ListPriceCents, int AvailableStock);

public readonly record struct ImageSize(int Width, int Height)
{
    public int ShorterSide => Math.Min(Width, Height);
}
