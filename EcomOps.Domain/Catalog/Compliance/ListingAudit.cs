namespace EcomOps.Domain.Catalog.Compliance;

/// <summary>The configuration of every audit rule; the defaults are the seeded company settings.</summary>
public sealed record AuditConfig
{
    public RequiredFieldsRule RequiredFields { get; init; } = new();

    public ImagesRule Images { get; init; } = new();

    public PriceNotBelowCostRule PriceNotBelowCost { get; init; } = new();

    public PriceNearListPriceRule PriceNearListPrice { get; init; } = new();

    public StockRule Stock { get; init; } = new();

    public BannedWordsRule BannedWords { get; init; } = new();

    public HealthClaimsRule HealthClaims { get; init; } = new();

    public IEnumerable<ListingRule> Rules =>
        [RequiredFields, Images, PriceNotBelowCost, PriceNearListPrice, Stock, BannedWords, HealthClaims];
}

/// <summary>The periodic compliance audit of one listing (定期审核), without a database: the job feeds it facts.</summary>
public static class ListingAudit
{
    /// <summary>Every finding of every switched-on rule, in the order of <see cref="AuditConfig.Rules"/>.</summary>
    public static IReadOnlyList<ComplianceFinding> Check(ListingFacts facts, AuditConfig config) =>
        [.. config.Rules.SelectMany(rule => rule.Check(facts))];
}
