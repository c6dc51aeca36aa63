using System.Text.Json;
using System.Text.Json.Serialization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Catalog.Compliance;

/// <summary>How one rule runs: switched on, how severe, whether an overdue finding pauses the listing, and the days to fix it.</summary>
public sealed class AuditRuleSettings
{
    public ListingRuleKind Kind { get; set; }
    public bool Enabled { get; set; } = true;
    public FindingSeverity Severity { get; set; } = FindingSeverity.Error;
    public bool PausesListingWhenOverdue { get; set; }

    /// <summary>Days from the finding's opening to its deadline.</summary>
    public int DeadlineDays { get; set; } = 7;
}

/// <summary>
/// The audit's settings as the company edits them (<c>Catalog → Compliance audit → Settings</c>): each rule's switch and
/// deadline, the rules' parameters, the banned terms and their allow-list. <see cref="ToConfig"/> turns them into the
/// pure rules. Until someone saves, <see cref="Default"/> applies.
/// </summary>
public sealed class AuditSettings
{
    public const int MaxTermLength = 50;
    public const int MaxTerms = 2_000;
    public const int MaxDeadlineDays = 365;
    public const decimal MaxDeviationPercent = 1_000m;
    public const int MaxImageSidePx = 10_000;
    public const int MaxImageCount = 20;

    public List<AuditRuleSettings> Rules { get; set; } = [];

    public int MinImageCount { get; set; } = 1;
    public Dictionary<SalesPlatform, int> MinImageSidePx { get; set; } = [];
    public int FallbackMinImageSidePx { get; set; } = 800;
    public decimal MaxPriceDeviationPercent { get; set; } = 30m;
    public bool FlagEachSoldOutSku { get; set; }
    public List<BannedTerm> Terms { get; set; } = [];
    public List<string> Allowed { get; set; } = [];

    /// <summary>Categories (names or codes, at any level) where health claims are allowed.</summary>
    public List<string> HealthCategories { get; set; } = [];

    /// <summary>
    /// The seeded settings: the rules' own defaults, with deadlines by how much harm waiting does (a banned term or a
    /// health claim is an advertising-law risk: 3 days, and overdue it pauses the listing; a price under cost: 2 days).
    /// </summary>
    public static AuditSettings Default()
    {
        var config = new AuditConfig();
        var deadlines = new Dictionary<ListingRuleKind, int>
        {
            [ListingRuleKind.RequiredFields] = 7,
            [ListingRuleKind.Images] = 7,
            [ListingRuleKind.PriceNotBelowCost] = 2,
            [ListingRuleKind.PriceNearListPrice] = 7,
            [ListingRuleKind.Stock] = 3,
            [ListingRuleKind.BannedWords] = 3,
            [ListingRuleKind.HealthClaims] = 3,
        };
        return new AuditSettings
        {
            Rules = [.. config.Rules.Select(r => new AuditRuleSettings
            {
                Kind = r.Kind,
                Enabled = true,
                Severity = r.Severity,
                PausesListingWhenOverdue = r.PausesListingWhenOverdue,
                DeadlineDays = deadlines[r.Kind],
            })],
            MinImageCount = config.Images.MinCount,
            MinImageSidePx = config.Images.MinSidePx.ToDictionary(),
            FallbackMinImageSidePx = config.Images.FallbackMinSidePx,
            MaxPriceDeviationPercent = config.PriceNearListPrice.MaxDeviationPercent,
            FlagEachSoldOutSku = config.Stock.FlagEachSoldOutSku,
            Terms = [.. BannedTerms.Default.Terms],
            Allowed = [.. BannedTerms.Default.Allowed],
            HealthCategories = [.. config.HealthClaims.AllowedInCategories],
        };
    }

    public AuditRuleSettings Rule(ListingRuleKind kind) =>
        Rules.FirstOrDefault(r => r.Kind == kind) ?? Default().Rules.First(r => r.Kind == kind);

    /// <summary>The pure rules these settings configure. Call <see cref="Check"/> first: a bad term list throws here.</summary>
    public AuditConfig ToConfig()
    {
        var terms = new BannedTerms(Terms, Allowed);
        T Apply<T>(T rule) where T : ListingRule
        {
            var s = Rule(rule.Kind);
            return rule with { Enabled = s.Enabled, Severity = s.Severity, PausesListingWhenOverdue = s.PausesListingWhenOverdue };
        }
        return new AuditConfig
        {
            RequiredFields = Apply(new RequiredFieldsRule()),
            Images = Apply(new ImagesRule { MinCount = MinImageCount, MinSidePx = MinImageSidePx, FallbackMinSidePx = FallbackMinImageSidePx }),
            PriceNotBelowCost = Apply(new PriceNotBelowCostRule()),
            PriceNearListPrice = Apply(new PriceNearListPriceRule { MaxDeviationPercent = MaxPriceDeviationPercent }),
            Stock = Apply(new StockRule { FlagEachSoldOutSku = FlagEachSoldOutSku }),
            BannedWords = Apply(new BannedWordsRule { Terms = terms }),
            HealthClaims = Apply(new HealthClaimsRule { Terms = terms, AllowedInCategories = HealthCategories }),
        };
    }

    /// <summary>What is wrong with these settings, by field: numbers out of range, empty, unsafe, too long or repeated terms.</summary>
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        foreach (var rule in Rules.Where(r => r.DeadlineDays is < 1 or > MaxDeadlineDays))
        {
            errors.Add(new FieldError($"DeadlineDays.{rule.Kind}", AuditErrors.DeadlineOutOfRange));
        }
        if (MinImageCount is < 0 or > MaxImageCount)
        {
            errors.Add(new FieldError(nameof(MinImageCount), AuditErrors.NumberOutOfRange));
        }
        if (FallbackMinImageSidePx is < 0 or > MaxImageSidePx || MinImageSidePx.Values.Any(v => v is < 0 or > MaxImageSidePx))
        {
            errors.Add(new FieldError(nameof(MinImageSidePx), AuditErrors.NumberOutOfRange));
        }
        if (MaxPriceDeviationPercent is < 0 or > MaxDeviationPercent)
        {
            errors.Add(new FieldError(nameof(MaxPriceDeviationPercent), AuditErrors.NumberOutOfRange));
        }
        CheckList(errors, nameof(Terms), [.. Terms.Select(t => t.Text)]);
        CheckList(errors, nameof(Allowed), Allowed);
        CheckList(errors, nameof(HealthCategories), HealthCategories);
        if (!errors.Any(e => e.Field is nameof(Terms) or nameof(Allowed)))
        {
            try
            {
                _ = new BannedTerms(Terms, Allowed);
            }
            catch (ArgumentException)
            {
                errors.Add(new FieldError(nameof(Terms), AuditErrors.TermMalformed));
            }
        }
        return errors;
    }

    private static void CheckList(List<FieldError> errors, string field, IReadOnlyList<string> values)
    {
        if (values.Count > MaxTerms)
        {
            errors.Add(new FieldError(field, AuditErrors.TooManyTerms));
        }
        else if (values.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > MaxTermLength || !TextRules.IsSafe(v)))
        {
            errors.Add(new FieldError(field, AuditErrors.TermMalformed));
        }
        else if (values.GroupBy(v => v.Trim(), StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            errors.Add(new FieldError(field, AuditErrors.TermRepeated));
        }
    }

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static AuditSettings Read(string document) => JsonSerializer.Deserialize<AuditSettings>(document, Json) ?? Default();

    public string Write() => JsonSerializer.Serialize(this, Json);

    public AuditSettings Copy() => Read(Write());
}

public static class AuditErrors
{
    public const string DeadlineOutOfRange = "AuditDeadlineOutOfRange";
    public const string NumberOutOfRange = "AuditNumberOutOfRange";
    public const string TermMalformed = "AuditTermMalformed";
    public const string TermRepeated = "AuditTermRepeated";
    public const string TooManyTerms = "AuditTooManyTerms";
}

/// <summary>The stored audit settings: one row, a JSON document, versioned like every record two people can edit.</summary>
public sealed class AuditSettingsRecord : IVersioned, IAudited
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public required string Document { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedByName { get; set; }
    public long Version { get; set; }
}

/// <summary>The settings as last saved, with the version a save must quote. Version 0: never saved, the defaults.</summary>
public sealed record AuditSettingsSnapshot(AuditSettings Settings, long Version, DateTime? UpdatedAtUtc, string? UpdatedByName);

internal sealed class AuditSettingsRecordConfiguration : IEntityTypeConfiguration<AuditSettingsRecord>
{
    public void Configure(EntityTypeBuilder<AuditSettingsRecord> b)
    {
        b.ToTable("AuditSettings");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.UpdatedByName).HasMaxLength(256);
    }
}
