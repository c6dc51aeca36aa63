using EcomOps.Domain.Orders;

namespace EcomOps.Domain.Catalog.Compliance;

/// <summary>
/// One rule of the compliance audit together with its configuration: switched on or off, how severe its findings are,
/// whether an overdue finding pauses the listing, and the rule's own parameters. <see cref="Check"/> is a pure
/// function of the listing's facts.
/// </summary>
public abstract record ListingRule
{
    public abstract ListingRuleKind Kind { get; }

    public bool Enabled { get; init; } = true;

    public FindingSeverity Severity { get; init; } = FindingSeverity.Error;

    /// <summary>Whether a finding of this rule still open past its deadline pauses the listing.</summary>
    public bool PausesListingWhenOverdue { get; init; }

    /// <summary>The rule's findings on <paramref name="facts"/>; none when the rule is switched off.</summary>
    public IEnumerable<ComplianceFinding> Check(ListingFacts facts) => Enabled ? Evaluate(facts) : [];

    protected abstract IEnumerable<ComplianceFinding> Evaluate(ListingFacts facts);

    protected ComplianceFinding Finding(string field, string? item, string messageKey, object[] arguments, BannedTermHit? text = null) =>
        new(Kind, field, item, messageKey, arguments, Severity, text, PausesListingWhenOverdue);
}

/// <summary>Every required field of the listing's channel is filled (the completeness computation names the missing ones).</summary>
public sealed record RequiredFieldsRule : ListingRule
{
    public override ListingRuleKind Kind => ListingRuleKind.RequiredFields;

    protected override IEnumerable<ComplianceFinding> Evaluate(ListingFacts facts) =>
        facts.MissingRequiredFields.Select(field => Finding(field, null, FindingMessages.RequiredFieldMissing, [field]));
}

/// <summary>
/// At least <see cref="MinCount"/> main images, and the smallest at least N×N px, N per platform (defaults from the
/// platforms' publishing guides: Taobao/Tmall and JD 800, Pinduoduo 750, Douyin 600).
/// </summary>
public sealed record ImagesRule : ListingRule
{
    public static IReadOnlyDictionary<SalesPlatform, int> DefaultMinSidePx { get; } = new Dictionary<SalesPlatform, int>
    {
        [SalesPlatform.Tmall] = 800,
        [SalesPlatform.Taobao] = 800,
        [SalesPlatform.JD] = 800,
        [SalesPlatform.Pinduoduo] = 750,
        [SalesPlatform.Douyin] = 600,
    };

    public override ListingRuleKind Kind => ListingRuleKind.Images;

    public int MinCount { get; init; } = 1;

    public IReadOnlyDictionary<SalesPlatform, int> MinSidePx { get; init; } = DefaultMinSidePx;

    /// <summary>The minimum side for a platform not in <see cref="MinSidePx"/> (the own web shop, others).</summary>
    public int FallbackMinSidePx { get; init; } = 800;

    public int MinSideFor(SalesPlatform platform) => MinSidePx.TryGetValue(platform, out var px) ? px : FallbackMinSidePx;

    protected override IEnumerable<ComplianceFinding> Evaluate(ListingFacts facts)
    {
        if (facts.ImageCount < MinCount)
        {
            yield return Finding(FindingFields.Images, null, FindingMessages.TooFewImages, [facts.ImageCount, MinCount]);
        }

        var min = MinSideFor(facts.Platform);
        if (facts.ImageCount > 0 && facts.SmallestImage is { } smallest && smallest.ShorterSide < min)
        {
            yield return Finding(FindingFields.Images, null, FindingMessages.ImageTooSmall, [smallest.Width, smallest.Height, min]);
        }
    }
}

/// <summary>No SKU sells below its cost (a SKU without a known cost passes).</summary>
public sealed record PriceNotBelowCostRule : ListingRule
{
    public override ListingRuleKind Kind => ListingRuleKind.PriceNotBelowCost;

    protected override IEnumerable<ComplianceFinding> Evaluate(ListingFacts facts) =>
        from sku in facts.Skus
        where sku.CostCents is { } cost && sku.PriceCents < cost
        select Finding(FindingFields.Price, sku.Code, FindingMessages.PriceBelowCost, [sku.Code, sku.PriceCents, sku.CostCents!.Value]);
}

/// <summary>
/// Every SKU's price is within <see cref="MaxDeviationPercent"/> of its list price, either way (a typo such as
/// 19.9 for 199, or a forgotten campaign price). A SKU without a positive list price passes.
/// </summary>
public sealed record PriceNearListPriceRule : ListingRule
{
    public PriceNearListPriceRule() => Severity = FindingSeverity.Warning;

    public override ListingRuleKind Kind => ListingRuleKind.PriceNearListPrice;

    public decimal MaxDeviationPercent { get; init; } = 30m;

    protected override IEnumerable<ComplianceFinding> Evaluate(ListingFacts facts) =>
        from sku in facts.Skus
        where sku.ListPriceCents is > 0 && Math.Abs(sku.PriceCents - sku.ListPriceCents.Value) * 100m > sku.ListPriceCents.Value * MaxDeviationPercent
        select Finding(FindingFields.Price, sku.Code, FindingMessages.PriceFarFromListPrice,
            [sku.Code, sku.PriceCents, sku.ListPriceCents!.Value, MaxDeviationPercent]);
}

/// <summary>
/// No SKU's available stock is negative (a ledger error), and a live listing is not sold out. By default "sold out"
/// means every SKU at zero or below (a listing with one sold-out colour still sells the others); with
/// <see cref="FlagEachSoldOutSku"/> each SKU at zero is a finding of its own.
/// </summary>
public sealed record StockRule : ListingRule
{
    public StockRule() => Severity = FindingSeverity.Warning;

    public override ListingRuleKind Kind => ListingRuleKind.Stock;

    public bool FlagEachSoldOutSku { get; init; }

    protected override IEnumerable<ComplianceFinding> Evaluate(ListingFacts facts)
    {
        foreach (var sku in facts.Skus.Where(s => s.AvailableStock < 0))
        {
            yield return Finding(FindingFields.Stock, sku.Code, FindingMessages.StockNegative, [sku.Code, sku.AvailableStock]);
        }

        if (!facts.IsLive || facts.Skus.Count == 0)
        {
            yield break;
        }

        if (FlagEachSoldOutSku)
        {
            foreach (var sku in facts.Skus.Where(s => s.AvailableStock == 0))
            {
                yield return Finding(FindingFields.Stock, sku.Code, FindingMessages.OutOfStockWhileLive, [sku.Code]);
            }
        }
        else if (facts.Skus.All(s => s.AvailableStock <= 0))
        {
            yield return Finding(FindingFields.Stock, null, FindingMessages.OutOfStockWhileLive, []);
        }
    }
}

/// <summary>
/// No banned term (<see cref="BannedTerms"/>, every category but health claims) in the title, a selling point or the
/// description; one finding per hit, with its position for highlighting.
/// </summary>
public sealed record BannedWordsRule : ListingRule
{
    public BannedWordsRule() => PausesListingWhenOverdue = true;

    public override ListingRuleKind Kind => ListingRuleKind.BannedWords;

    public BannedTerms Terms { get; init; } = BannedTerms.Default;

    protected override IEnumerable<ComplianceFinding> Evaluate(ListingFacts facts) =>
        from text in ListingTexts.Of(facts)
        from hit in Terms.Find(text.Value)
        where hit.Category != BannedTermCategory.HealthClaim
        select Finding(text.Field, text.Item, FindingMessages.BannedTerm, [hit.Term, hit.Category], hit);
}

/// <summary>
/// No health claim (<see cref="BannedTermCategory.HealthClaim"/> terms) in the title, selling points or description,
/// unless the listing's category path contains one of <see cref="AllowedInCategories"/> (compared ignoring case, by
/// whole name or key, at any level: a leaf under 保健食品 is in it).
/// </summary>
public sealed record HealthClaimsRule : ListingRule
{
    public HealthClaimsRule() => PausesListingWhenOverdue = true;

    public override ListingRuleKind Kind => ListingRuleKind.HealthClaims;

    public BannedTerms Terms { get; init; } = BannedTerms.Default;

    public IReadOnlyList<string> AllowedInCategories { get; init; } = ["保健食品", "医疗器械", "药品", "Health"];

    public bool AllowsClaimsIn(IReadOnlyList<string> categoryPath) =>
        categoryPath.Any(c => AllowedInCategories.Any(a => string.Equals(a.Trim(), c.Trim(), StringComparison.OrdinalIgnoreCase)));

    protected override IEnumerable<ComplianceFinding> Evaluate(ListingFacts facts) =>
        AllowsClaimsIn(facts.CategoryPath)
            ? []
            : from text in ListingTexts.Of(facts)
              from hit in Terms.Find(text.Value)
              where hit.Category == BannedTermCategory.HealthClaim
              select Finding(text.Field, text.Item, FindingMessages.HealthClaimOutsideHealthCategory, [hit.Term], hit);
}

/// <summary>The texts of a listing that the word rules read, each with the field and item a finding names.</summary>
internal static class ListingTexts
{
    public static IEnumerable<(string Field, string? Item, string Value)> Of(ListingFacts facts)
    {
        yield return (FindingFields.Title, null, facts.Title);
        for (var i = 0; i < facts.SellingPoints.Count; i++)
        {
            yield return (FindingFields.SellingPoints, i.ToString(System.Globalization.CultureInfo.InvariantCulture), facts.SellingPoints[i]);
        }

        yield return (FindingFields.Description, null, facts.Description);
    }
}
