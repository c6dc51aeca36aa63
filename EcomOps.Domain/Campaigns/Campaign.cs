using EcomOps.Domain.Data;
using EcomOps.Domain.Live;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Campaigns;

/// <summary>The rulebook's campaign types (营销活动类型). The UI names each <c>Campaign.Type.{Name}</c>.</summary>
public enum CampaignType
{
    /// <summary>新品上市: a launch price for the new SKUs.</summary>
    Launch,

    /// <summary>限时折扣: percent off or a fixed price per SKU, each in its time window.</summary>
    LimitedTimeDiscount,

    /// <summary>满减: spend X save Y, in tiers.</summary>
    SpendSave,

    /// <summary>满赠: a gift SKU with a basket over a threshold, while the gift stock lasts.</summary>
    GiftWithPurchase,

    /// <summary>会员专享: the SKU prices for members of a tier and above.</summary>
    MemberExclusive,
}

/// <summary>
/// Where a campaign stands: draft → in review → approved → running → ended → reviewed, or cancelled before it ends. A
/// change of an approved (or running) campaign's plan sends it back to review.
/// </summary>
public enum CampaignState
{
    Draft,
    InReview,
    Approved,
    Running,
    Ended,
    Reviewed,
    Cancelled,
}

/// <summary>Member tiers, lowest first: a member-exclusive campaign is for its tier and those above.</summary>
public enum MemberTier
{
    Silver,
    Gold,
    Platinum,
}

public enum RiskLevel
{
    Low,
    Medium,
    High,
}

/// <summary>The rulebook's execution steps (活动页面搭建、促销规则设置、广告投放、客服培训) and the stock move.</summary>
public enum CampaignTaskKind
{
    PageAndPoster,
    PlatformRules,
    AdsBooked,
    CsBriefed,
    StockTransferred,
    Other,
}

/// <summary>
/// A marketing campaign: which SKUs on which channels, for whom, when, under which pricing rules, with what budget and
/// goals; its manual risks, its execution tasks, its approval and its review. Orders point to it when attributed.
/// </summary>
[LiveBoard(Boards.Campaigns)]
public sealed class Campaign : IVersioned, IAudited
{
    public const int MaxNameLength = 100;
    public const int MaxCodeLength = 40;
    public const int MaxTextLength = 2000;

    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The promotion code the platforms send with an order of this campaign (unique when set).</summary>
    public string? Code { get; set; }
    public CampaignType Type { get; set; }
    public CampaignState State { get; set; }
    public List<int> ChannelIds { get; set; } = [];
    public string? Audience { get; set; }

    /// <summary>The customer segment (from the nightly customer analysis) the campaign targets, if any.</summary>
    public Analytics.Customers.CustomerSegment? AudienceSegment { get; set; }

    /// <summary>Member exclusive: the lowest tier it is for.</summary>
    public MemberTier? MemberTier { get; set; }
    public DateTime StartsAtUtc { get; set; }

    /// <summary>The first moment after the campaign (exclusive).</summary>
    public DateTime EndsAtUtc { get; set; }

    /// <summary>No other campaign may run on its SKUs and channels while it runs.</summary>
    public bool Exclusive { get; set; }

    /// <summary>Planned sales over normal demand while it runs, in percent (150: one and a half times the forecast).</summary>
    public int UpliftPercent { get; set; } = 100;

    public List<CampaignSkuRule> Skus { get; set; } = [];
    public List<SpendTier> Tiers { get; set; } = [];

    /// <summary>Spend X save Y: the reached tier applies as many times as the basket holds its threshold (每满减), else once.</summary>
    public bool StackTiers { get; set; }
    public int? GiftSkuId { get; set; }
    public int GiftQuantity { get; set; }
    public long GiftThresholdCents { get; set; }

    public long AdsBudgetCents { get; set; }
    public long GiftBudgetCents { get; set; }
    public long DiscountBudgetCents { get; set; }

    /// <summary>Ads booked so far (the platforms' bills); gifts and discounts spent come from the attributed orders.</summary>
    public long AdsSpentCents { get; set; }

    public long GoalRevenueCents { get; set; }
    public int GoalUnits { get; set; }
    public int GoalParticipants { get; set; }

    /// <summary>Orders per hundred visitors of its channels, in percent.</summary>
    public double GoalConversionPercent { get; set; }

    public int? OwnerEmployeeId { get; set; }
    public List<CampaignRisk> Risks { get; set; } = [];
    public List<CampaignTask> Tasks { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedByName { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public DateTime? ApprovedAtUtc { get; set; }
    public string? ApprovedByName { get; set; }

    /// <summary>The risk state at approval, in words (each automatic finding and the manual risks' levels).</summary>
    public string? ApprovalRiskState { get; set; }
    public DateTime? CancelledAtUtc { get; set; }
    public string? CancelReason { get; set; }

    public string? WentWell { get; set; }
    public string? WentBadly { get; set; }
    public string? Lessons { get; set; }
    public DateTime? ReviewedAtUtc { get; set; }
    public string? ReviewedByName { get; set; }

    public long Version { get; set; }

    public string Number => $"C{Id:D4}";

    /// <summary>Rules, dates, channels and budget may change until it has ended; an approved plan that changes is reviewed again.</summary>
    public bool CanEdit => State is CampaignState.Draft or CampaignState.InReview or CampaignState.Approved or CampaignState.Running;

    public bool CanSubmit => State == CampaignState.Draft;

    public bool CanApprove => State == CampaignState.InReview;

    public bool CanCancel => State is CampaignState.Draft or CampaignState.InReview or CampaignState.Approved or CampaignState.Running;

    public bool CanReview => State is CampaignState.Ended or CampaignState.Reviewed;

    /// <summary>Its prices apply to orders: approved and within its dates (running), or just ended and still being attributed.</summary>
    public bool Prices => State is CampaignState.Approved or CampaignState.Running or CampaignState.Ended or CampaignState.Reviewed;
}

/// <summary>A SKU in the campaign and, for the types that price SKUs, its campaign price: percent off or a fixed price, in an optional window.</summary>
public sealed class CampaignSkuRule
{
    public int SkuId { get; set; }
    public decimal? DiscountPercent { get; set; }
    public long? FixedPriceCents { get; set; }

    /// <summary>Limited-time discount: the window within the campaign when this price holds (null: the whole campaign).</summary>
    public DateTime? WindowFromUtc { get; set; }
    public DateTime? WindowToUtc { get; set; }
}

/// <summary>Spend at least <see cref="ThresholdCents"/> on the campaign's SKUs, save <see cref="SaveCents"/>.</summary>
public sealed class SpendTier
{
    public long ThresholdCents { get; set; }
    public long SaveCents { get; set; }
}

/// <summary>One risk of the rulebook's assessment (风险评估): how likely, how bad, and what is done about it.</summary>
public sealed class CampaignRisk
{
    public required string Title { get; set; }
    public RiskLevel Likelihood { get; set; }
    public RiskLevel Impact { get; set; }
    public string? Mitigation { get; set; }
}

/// <summary>An execution task with its owner and deadline; escalated once when still open past its deadline before the start.</summary>
public sealed class CampaignTask
{
    public CampaignTaskKind Kind { get; set; }
    public string? Note { get; set; }
    public int? OwnerEmployeeId { get; set; }
    public DateOnly Deadline { get; set; }
    public DateTime? DoneAtUtc { get; set; }
    public string? DoneByName { get; set; }
    public DateTime? EscalatedAtUtc { get; set; }

    /// <summary>"Page and poster": the design request that makes them (the task is done when the design is delivered).</summary>
    public int? DesignRequestId { get; set; }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.Property(c => c.Name).HasMaxLength(Campaign.MaxNameLength);
        b.Property(c => c.Code).HasMaxLength(Campaign.MaxCodeLength);
        b.Property(c => c.Type).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(12);
        b.Property(c => c.MemberTier).HasConversion<string>().HasMaxLength(12);
        b.Property(c => c.Audience).HasMaxLength(200);
        b.Property(c => c.AudienceSegment).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.CreatedByName).HasMaxLength(256);
        b.Property(c => c.ApprovedByName).HasMaxLength(256);
        b.Property(c => c.ReviewedByName).HasMaxLength(256);
        b.Property(c => c.ApprovalRiskState).HasMaxLength(Campaign.MaxTextLength);
        b.Property(c => c.CancelReason).HasMaxLength(500);
        b.Property(c => c.WentWell).HasMaxLength(Campaign.MaxTextLength);
        b.Property(c => c.WentBadly).HasMaxLength(Campaign.MaxTextLength);
        b.Property(c => c.Lessons).HasMaxLength(Campaign.MaxTextLength);
        b.OwnsMany(c => c.Skus, o => o.ToJson());
        b.OwnsMany(c => c.Tiers, o => o.ToJson());
        b.OwnsMany(c => c.Risks, o => o.ToJson());
        b.OwnsMany(c => c.Tasks, o => o.ToJson());
        b.HasOne<Employee>().WithMany().HasForeignKey(c => c.OwnerEmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => new { c.State, c.StartsAtUtc });
        b.HasIndex(c => new { c.StartsAtUtc, c.EndsAtUtc });
    }
}
