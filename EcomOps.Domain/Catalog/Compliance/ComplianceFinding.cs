namespace EcomOps.Domain.Catalog.Compliance;

public enum FindingSeverity
{
    Warning,
    Error,
}

/// <summary>The audit's rules; the stored name of a rule's configuration and findings.</summary>
public enum ListingRuleKind
{
    RequiredFields,
    Images,
    PriceNotBelowCost,
    PriceNearListPrice,
    Stock,
    BannedWords,
    HealthClaims,
}

/// <summary>The fields a finding is reported under (with <see cref="ComplianceFinding.Item"/> naming the SKU or selling point).</summary>
public static class FindingFields
{
    public const string Title = "Title";
    public const string SellingPoints = "SellingPoints";
    public const string Description = "Description";
    public const string Images = "Images";
    public const string Price = "Price";
    public const string Stock = "Stock";
}

/// <summary>The message keys of findings; the UI localises <c>Compliance.{Key}</c> with <see cref="ComplianceFinding.Arguments"/>.</summary>
public static class FindingMessages
{
    /// <summary>Arguments: the field.</summary>
    public const string RequiredFieldMissing = "RequiredFieldMissing";

    /// <summary>Arguments: images present, images required.</summary>
    public const string TooFewImages = "TooFewImages";

    /// <summary>Arguments: width, height, minimum side in px.</summary>
    public const string ImageTooSmall = "ImageTooSmall";

    /// <summary>Arguments: SKU code, price in fen, cost in fen.</summary>
    public const string PriceBelowCost = "PriceBelowCost";

    /// <summary>Arguments: SKU code, price in fen, list price in fen, allowed deviation in percent.</summary>
    public const string PriceFarFromListPrice = "PriceFarFromListPrice";

    /// <summary>Arguments: SKU code, stock.</summary>
    public const string StockNegative = "StockNegative";

    /// <summary>Arguments: SKU code, or none when the whole listing is sold out.</summary>
    public const string OutOfStockWhileLive = "OutOfStockWhileLive";

    /// <summary>Arguments: the term, its <see cref="BannedTermCategory"/>.</summary>
    public const string BannedTerm = "BannedTerm";

    /// <summary>Arguments: the term.</summary>
    public const string HealthClaimOutsideHealthCategory = "HealthClaimOutsideHealthCategory";
}

/// <summary>
/// One failed rule on one listing.
/// </summary>
/// <param name="Field">One of <see cref="FindingFields"/>, or the name of a missing required field.</param>
/// <param name="Item">Which SKU (its code) or selling point (its index, from 0) of the field; null for the listing.</param>
/// <param name="Text">For a banned term: the position of the offending text in the field's text, to highlight.</param>
/// <param name="PausesListingWhenOverdue">Copied from the rule's configuration when the check ran.</param>
public sealed record ComplianceFinding(
    ListingRuleKind Rule,
    string Field,
    string? Item,
    string MessageKey,
    IReadOnlyList<object> Arguments,
    FindingSeverity Severity,
    BannedTermHit? Text,
    bool PausesListingWhenOverdue)
{
    /// <summary>
    /// What stays the same while the problem stays: the next check closes a stored finding whose key it no longer
    /// reports. Positions are left out, so editing text elsewhere in the field does not reopen a finding.
    /// </summary>
    public string Key => $"{Rule}|{Field}|{Item}|{Text?.Term}";
}
