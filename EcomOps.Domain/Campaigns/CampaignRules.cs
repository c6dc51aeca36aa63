using EcomOps.Domain.Analytics.Customers;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;

namespace EcomOps.Domain.Campaigns;

/// <summary>The <c>Campaigns</c> section of the configuration.</summary>
public sealed class CampaignSettings
{
    /// <summary>Who approves campaigns: the operations director (default) or, configured so, an operations manager as well.</summary>
    public string ApproverRole { get; set; } = Roles.OperationsDirector;

    /// <summary>The least margin (percent of the campaign price) a campaign SKU may keep after discount and gifts.</summary>
    public int MarginFloorPercent { get; set; } = 10;

    /// <summary>Days before the start an open task is escalated once its deadline has passed.</summary>
    public int EscalateWithinDays { get; set; } = 14;

    public bool MayApprove(Actor actor) =>
        actor.May(Permissions.ApproveCampaigns)
        && (actor.Roles is null || actor.Roles.Contains(Roles.OperationsDirector) || actor.Roles.Contains(ApproverRole));
}

public static class CampaignErrors
{
    public const string EndsBeforeStart = "CampaignEndsBeforeStart";
    public const string NoChannel = "CampaignNoChannel";
    public const string NoSku = "CampaignNoSku";
    public const string DiscountOutOfRange = "CampaignDiscountOutOfRange";
    public const string NegativePrice = "CampaignNegativePrice";
    public const string PriceRequired = "CampaignPriceRequired";
    public const string WindowOutside = "CampaignWindowOutside";
    public const string NoTier = "CampaignNoTier";
    public const string TiersOutOfOrder = "CampaignTiersOutOfOrder";
    public const string TierSavesTooMuch = "CampaignTierSavesTooMuch";
    public const string GiftRequired = "CampaignGiftRequired";
    public const string GiftOutOfStock = "CampaignGiftOutOfStock";
    public const string MemberTierRequired = "CampaignMemberTierRequired";
    public const string BudgetNegative = "CampaignBudgetNegative";
    public const string GoalNegative = "CampaignGoalNegative";
    public const string UpliftOutOfRange = "CampaignUpliftOutOfRange";
    public const string CodeTaken = "CampaignCodeTaken";
    public const string ExclusiveOverlap = "CampaignExclusiveOverlap";
    public const string UnknownSku = "CampaignUnknownSku";
    public const string UnknownChannel = "CampaignUnknownChannel";
    public const string UnknownOwner = "CampaignUnknownOwner";
    public const string WrongState = "CampaignWrongState";
    public const string DuplicateSku = "CampaignDuplicateSku";
    public const string AudienceNotMembers = "CampaignAudienceNotMembers";
}

/// <summary>A SKU's line on the campaign form: percent off or a fixed price, and an optional window in company time.</summary>
public sealed class CampaignSkuForm
{
    public int SkuId { get; set; }
    public decimal? DiscountPercent { get; set; }
    public long? FixedPriceCents { get; set; }
    public DateTime? WindowFromLocal { get; set; }
    public DateTime? WindowToLocal { get; set; }
}

/// <summary>The campaign editor's values. Dates are company-local days, both included.</summary>
public sealed class CampaignForm
{
    public string Name { get; set; } = "";
    public string? Code { get; set; }
    public CampaignType Type { get; set; }
    public List<int> ChannelIds { get; set; } = [];
    public string? Audience { get; set; }
    public CustomerSegment? AudienceSegment { get; set; }
    public MemberTier? MemberTier { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public bool Exclusive { get; set; }
    public int UpliftPercent { get; set; } = 150;
    public List<CampaignSkuForm> Skus { get; set; } = [];
    public List<SpendTier> Tiers { get; set; } = [];
    public bool StackTiers { get; set; }
    public int? GiftSkuId { get; set; }
    public int GiftQuantity { get; set; } = 1;
    public long GiftThresholdCents { get; set; }
    public long AdsBudgetCents { get; set; }
    public long GiftBudgetCents { get; set; }
    public long DiscountBudgetCents { get; set; }
    public long GoalRevenueCents { get; set; }
    public int GoalUnits { get; set; }
    public int GoalParticipants { get; set; }
    public double GoalConversionPercent { get; set; }
    public int? OwnerEmployeeId { get; set; }

    public static CampaignForm From(Campaign c, Func<DateTime, DateTime> toLocal) => new()
    {
        Name = c.Name, Code = c.Code, Type = c.Type, ChannelIds = [.. c.ChannelIds], Audience = c.Audience, AudienceSegment = c.AudienceSegment, MemberTier = c.MemberTier,
        StartDate = DateOnly.FromDateTime(toLocal(c.StartsAtUtc)), EndDate = DateOnly.FromDateTime(toLocal(c.EndsAtUtc).AddDays(-1)),
        Exclusive = c.Exclusive, UpliftPercent = c.UpliftPercent,
        Skus = [.. c.Skus.Select(s => new CampaignSkuForm
        {
            SkuId = s.SkuId, DiscountPercent = s.DiscountPercent, FixedPriceCents = s.FixedPriceCents,
            WindowFromLocal = s.WindowFromUtc is { } f ? toLocal(f) : null, WindowToLocal = s.WindowToUtc is { } t ? toLocal(t) : null,
        })],
        Tiers = [.. c.Tiers.Select(t => new SpendTier { ThresholdCents = t.ThresholdCents, SaveCents = t.SaveCents })],
        StackTiers = c.StackTiers, GiftSkuId = c.GiftSkuId, GiftQuantity = c.GiftQuantity, GiftThresholdCents = c.GiftThresholdCents,
        AdsBudgetCents = c.AdsBudgetCents, GiftBudgetCents = c.GiftBudgetCents, DiscountBudgetCents = c.DiscountBudgetCents,
        GoalRevenueCents = c.GoalRevenueCents, GoalUnits = c.GoalUnits, GoalParticipants = c.GoalParticipants, GoalConversionPercent = c.GoalConversionPercent,
        OwnerEmployeeId = c.OwnerEmployeeId,
    };
}

/// <summary>What a campaign form must say, needing no database: every refusal of bad input that is not about other records.</summary>
public static class CampaignRules
{
    public const int MaxUpliftPercent = 1000;

    /// <summary>The types that price each SKU (a percent off or a fixed price per SKU).</summary>
    public static bool PricesSkus(CampaignType type) => type is CampaignType.Launch or CampaignType.LimitedTimeDiscount or CampaignType.MemberExclusive;

    public static List<FieldError> Check(CampaignForm form)
    {
        var errors = new List<FieldError>();
        CatalogRules.Required(errors, nameof(form.Name), form.Name, Campaign.MaxNameLength);
        CatalogRules.Optional(errors, nameof(form.Code), form.Code, Campaign.MaxCodeLength);
        CatalogRules.Optional(errors, nameof(form.Audience), form.Audience, 200);
        if (!Enum.IsDefined(form.Type))
        {
            errors.Add(new FieldError(nameof(form.Type), CatalogErrors.Required));
        }
        if (form.ChannelIds.Count == 0)
        {
            errors.Add(new FieldError(nameof(form.ChannelIds), CampaignErrors.NoChannel));
        }
        if (form.StartDate is null)
        {
            errors.Add(new FieldError(nameof(form.StartDate), CatalogErrors.Required));
        }
        if (form.EndDate is null)
        {
            errors.Add(new FieldError(nameof(form.EndDate), CatalogErrors.Required));
        }
        else if (form.StartDate is { } start && form.EndDate < start)
        {
            errors.Add(new FieldError(nameof(form.EndDate), CampaignErrors.EndsBeforeStart));
        }
        if (form.UpliftPercent is < 0 or > MaxUpliftPercent)
        {
            errors.Add(new FieldError(nameof(form.UpliftPercent), CampaignErrors.UpliftOutOfRange));
        }
        CheckSkus(errors, form);
        switch (form.Type)
        {
            case CampaignType.SpendSave:
                CheckTiers(errors, form.Tiers);
                break;
            case CampaignType.GiftWithPurchase:
                if (form.GiftSkuId is null || form.GiftQuantity < 1)
                {
                    errors.Add(new FieldError(nameof(form.GiftSkuId), CampaignErrors.GiftRequired));
                }
                if (form.GiftThresholdCents < 0)
                {
                    errors.Add(new FieldError(nameof(form.GiftThresholdCents), CampaignErrors.NegativePrice));
                }
                break;
            case CampaignType.MemberExclusive when form.MemberTier is null || !Enum.IsDefined(form.MemberTier.Value):
                errors.Add(new FieldError(nameof(form.MemberTier), CampaignErrors.MemberTierRequired));
                break;
        }
        if (form.AudienceSegment is { } segment)
        {
            if (!Enum.IsDefined(segment))
            {
                errors.Add(new FieldError(nameof(form.AudienceSegment), CatalogErrors.Required));
            }
            else if (form.Type == CampaignType.MemberExclusive && !CampaignAudience.MembersOnly(segment))
            {
                errors.Add(new FieldError(nameof(form.AudienceSegment), CampaignErrors.AudienceNotMembers));
            }
        }
        foreach (var (field, value) in new[] { (nameof(form.AdsBudgetCents), form.AdsBudgetCents), (nameof(form.GiftBudgetCents), form.GiftBudgetCents), (nameof(form.DiscountBudgetCents), form.DiscountBudgetCents) })
        {
            if (value < 0)
            {
                errors.Add(new FieldError(field, CampaignErrors.BudgetNegative));
            }
        }
        if (form.GoalRevenueCents < 0 || form.GoalUnits < 0 || form.GoalParticipants < 0 || form.GoalConversionPercent is < 0 or > 100 || double.IsNaN(form.GoalConversionPercent))
        {
            errors.Add(new FieldError("Goals", CampaignErrors.GoalNegative));
        }
        return errors;
    }

    private static void CheckSkus(List<FieldError> errors, CampaignForm form)
    {
        if (form.Skus.Count == 0)
        {
            errors.Add(new FieldError(nameof(form.Skus), CampaignErrors.NoSku));
        }
        if (form.Skus.GroupBy(s => s.SkuId).Any(g => g.Count() > 1))
        {
            errors.Add(new FieldError(nameof(form.Skus), CampaignErrors.DuplicateSku));
        }
        for (var i = 0; i < form.Skus.Count; i++)
        {
            var sku = form.Skus[i];
            var field = $"Skus[{i}]";
            if (sku.DiscountPercent is < 0 or > 100)
            {
                errors.Add(new FieldError(field, CampaignErrors.DiscountOutOfRange));
            }
            if (sku.FixedPriceCents is < 0)
            {
                errors.Add(new FieldError(field, CampaignErrors.NegativePrice));
            }
            if (PricesSkus(form.Type) && sku.DiscountPercent is null && sku.FixedPriceCents is null)
            {
                errors.Add(new FieldError(field, CampaignErrors.PriceRequired));
            }
            if (sku.WindowFromLocal is { } from && sku.WindowToLocal is { } to && to <= from)
            {
                errors.Add(new FieldError(field, CampaignErrors.EndsBeforeStart));
            }
            else if (form.StartDate is { } start && form.EndDate is { } end
                && (sku.WindowFromLocal is { } f && (DateOnly.FromDateTime(f) < start || DateOnly.FromDateTime(f) > end)
                    || sku.WindowToLocal is { } t && (t <= start.ToDateTime(TimeOnly.MinValue) || t > end.AddDays(1).ToDateTime(TimeOnly.MinValue))))
            {
                errors.Add(new FieldError(field, CampaignErrors.WindowOutside));
            }
        }
    }

    /// <summary>Tiers must rise: each threshold and each saving above the one before, and no saving as large as its threshold.</summary>
    public static void CheckTiers(List<FieldError> errors, IReadOnlyList<SpendTier> tiers)
    {
        if (tiers.Count == 0)
        {
            errors.Add(new FieldError("Tiers", CampaignErrors.NoTier));
            return;
        }
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            if (tier.ThresholdCents <= 0 || tier.SaveCents <= 0 || tier.SaveCents >= tier.ThresholdCents)
            {
                errors.Add(new FieldError($"Tiers[{i}]", CampaignErrors.TierSavesTooMuch));
            }
            else if (i > 0 && (tier.ThresholdCents <= tiers[i - 1].ThresholdCents || tier.SaveCents <= tiers[i - 1].SaveCents))
            {
                errors.Add(new FieldError($"Tiers[{i}]", CampaignErrors.TiersOutOfOrder));
            }
        }
    }

    /// <summary>Two campaigns meet when their dates overlap and they share a channel and a SKU.</summary>
    public static bool Overlap(CampaignTerms a, CampaignTerms b) =>
        a.Id != b.Id && a.StartsAtUtc < b.EndsAtUtc && b.StartsAtUtc < a.EndsAtUtc
        && a.ChannelIds.Intersect(b.ChannelIds).Any() && a.Skus.Select(s => s.SkuId).Intersect(b.Skus.Select(s => s.SkuId)).Any();
}

/// <summary>
/// A customer segment as a campaign's audience. A member-exclusive campaign prices SKUs for members of a tier and up,
/// and a tier is earned by buying again: so its segment must be one whose every customer has ordered at least twice
/// and still buys — VIP, Active (recent, more than one order) or At risk (two orders or more, not lately, the
/// customers a members' offer wins back). New and Hibernating customers have a single order, and Lost ones may have
/// one and have not bought for over 90 days: they are the audience of a new-customer or win-back campaign (a discount,
/// spend-and-save or gift campaign), which any segment may be.
/// </summary>
public static class CampaignAudience
{
    public static bool MembersOnly(CustomerSegment segment) => segment is CustomerSegment.Vip or CustomerSegment.Active or CustomerSegment.AtRisk;

    /// <summary>
    /// A campaign form for a segment, as "Create campaign for this segment" opens it: members' segments get a
    /// member-exclusive campaign for the lowest tier; the others a limited-time discount (a welcome or win-back offer).
    /// The planner adds SKUs and saves it as a draft through <see cref="CampaignDesk"/>.
    /// </summary>
    public static CampaignForm DraftFor(CustomerSegment segment, string name, DateOnly today, IReadOnlyList<int> channelIds) => new()
    {
        Name = name.Length > Campaign.MaxNameLength ? name[..Campaign.MaxNameLength] : name,
        AudienceSegment = segment,
        Type = MembersOnly(segment) ? CampaignType.MemberExclusive : CampaignType.LimitedTimeDiscount,
        MemberTier = MembersOnly(segment) ? MemberTier.Silver : null,
        StartDate = today.AddDays(14),
        EndDate = today.AddDays(20),
        ChannelIds = [.. channelIds],
    };
}
