using EcomOps.Domain.Campaigns;

namespace EcomOps.Tests.Campaigns;

public sealed class CampaignPricingTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = Start.AddDays(12);
    private static readonly DateTime During = Start.AddDays(3);

    private static CampaignTerms Terms(CampaignType type, IReadOnlyList<CampaignSkuRule>? skus = null, IReadOnlyList<SpendTier>? tiers = null, bool stack = false,
        int? gift = null, long giftThreshold = 0, MemberTier? tier = null) =>
        new(1, "test", type, "CODE", [1], Start, End, skus ?? [new CampaignSkuRule { SkuId = 10, DiscountPercent = 20 }, new CampaignSkuRule { SkuId = 11, FixedPriceCents = 3_000 }],
            tiers ?? [], stack, gift, gift is null ? 0 : 1, giftThreshold, tier);

    private static Basket Basket(DateTime at, MemberTier? tier = null, params (int Sku, int Quantity, long List)[] lines) =>
        new([.. lines.Select(l => new BasketLine(l.Sku, l.Quantity, l.List))], at, tier);

    [Fact]
    public void A_limited_time_discount_prices_each_covered_sku_by_percent_or_fixed_price_and_leaves_the_others_at_list()
    {
        var priced = CampaignPricing.Price(Terms(CampaignType.LimitedTimeDiscount), Basket(During, null, (10, 2, 10_000), (11, 1, 5_000), (12, 1, 2_000)));
        Assert.Equal([16_000L, 3_000L, 2_000L], priced.Lines.Select(l => l.NetCents));
        Assert.Equal(6_000, priced.DiscountCents);
        Assert.True(priced.Applies);
    }

    [Fact]
    public void A_discount_window_prices_only_inside_the_window_and_the_campaign_nothing_outside_its_dates()
    {
        var windowed = Terms(CampaignType.LimitedTimeDiscount, [new CampaignSkuRule { SkuId = 10, DiscountPercent = 50, WindowFromUtc = Start.AddDays(1), WindowToUtc = Start.AddDays(2) }]);
        Assert.Equal(5_000, CampaignPricing.Price(windowed, Basket(Start.AddDays(1), null, (10, 1, 10_000))).NetCents);
        Assert.Equal(10_000, CampaignPricing.Price(windowed, Basket(Start.AddDays(2), null, (10, 1, 10_000))).NetCents);
        Assert.Equal(10_000, CampaignPricing.Price(Terms(CampaignType.LimitedTimeDiscount), Basket(End, null, (10, 1, 10_000))).NetCents);
        Assert.Equal(8_000, CampaignPricing.Price(Terms(CampaignType.LimitedTimeDiscount), Basket(Start, null, (10, 1, 10_000))).NetCents);
    }

    [Fact]
    public void A_launch_price_applies_like_a_discount_and_never_raises_a_price()
    {
        var launch = Terms(CampaignType.Launch, [new CampaignSkuRule { SkuId = 10, FixedPriceCents = 12_000 }, new CampaignSkuRule { SkuId = 11, DiscountPercent = 0 }]);
        var priced = CampaignPricing.Price(launch, Basket(During, null, (10, 1, 10_000), (11, 1, 5_000)));
        Assert.Equal([10_000L, 5_000L], priced.Lines.Select(l => l.NetCents));
        Assert.False(priced.Applies);
    }

    [Fact]
    public void Spend_x_save_y_takes_the_highest_tier_reached_at_its_exact_threshold_and_not_a_cent_below()
    {
        var terms = Terms(CampaignType.SpendSave, [new CampaignSkuRule { SkuId = 10 }, new CampaignSkuRule { SkuId = 11 }],
            [new SpendTier { ThresholdCents = 20_000, SaveCents = 2_000 }, new SpendTier { ThresholdCents = 40_000, SaveCents = 5_000 }]);
        Assert.Equal(0, CampaignPricing.Price(terms, Basket(During, null, (10, 1, 19_999))).DiscountCents);
        Assert.Equal(2_000, CampaignPricing.Price(terms, Basket(During, null, (10, 1, 20_000))).DiscountCents);
        Assert.Equal(2_000, CampaignPricing.Price(terms, Basket(During, null, (10, 1, 39_999))).DiscountCents);
        Assert.Equal(5_000, CampaignPricing.Price(terms, Basket(During, null, (10, 2, 20_000), (12, 1, 99_000))).DiscountCents);
    }

    [Fact]
    public void Stacked_tiers_repeat_with_every_threshold_the_spend_holds_and_unstacked_apply_once()
    {
        SpendTier[] tiers = [new SpendTier { ThresholdCents = 10_000, SaveCents = 1_000 }];
        var skus = new[] { new CampaignSkuRule { SkuId = 10 } };
        var basket = Basket(During, null, (10, 3, 11_000));
        Assert.Equal(3_000, CampaignPricing.Price(Terms(CampaignType.SpendSave, skus, tiers, stack: true), basket).DiscountCents);
        Assert.Equal(1_000, CampaignPricing.Price(Terms(CampaignType.SpendSave, skus, tiers, stack: false), basket).DiscountCents);
    }

    [Fact]
    public void A_spend_saving_is_spread_over_the_covered_lines_in_proportion_to_the_cent()
    {
        var terms = Terms(CampaignType.SpendSave, [new CampaignSkuRule { SkuId = 10 }, new CampaignSkuRule { SkuId = 11 }], [new SpendTier { ThresholdCents = 10_000, SaveCents = 1_000 }]);
        var priced = CampaignPricing.Price(terms, Basket(During, null, (10, 1, 6_000), (11, 1, 3_000), (12, 1, 1_000), (11, 1, 1_000)));
        Assert.Equal([600L, 300L, 0L, 100L], priced.Lines.Select(l => l.DiscountCents));
    }

    [Fact]
    public void A_gift_comes_with_a_basket_at_the_threshold_and_not_when_the_gift_stock_is_exhausted()
    {
        var terms = Terms(CampaignType.GiftWithPurchase, [new CampaignSkuRule { SkuId = 10 }], gift: 99, giftThreshold: 30_000);
        var below = CampaignPricing.Price(terms, Basket(During, null, (10, 1, 29_999), (12, 1, 50_000)));
        Assert.Equal(0, below.GiftQuantity);
        var at = CampaignPricing.Price(terms, Basket(During, null, (10, 3, 10_000)), giftStockLeft: 1);
        Assert.Equal((99, 1), (at.GiftSkuId!.Value, at.GiftQuantity));
        Assert.Equal(0, at.DiscountCents);
        var exhausted = CampaignPricing.Price(terms, Basket(During, null, (10, 3, 10_000)), giftStockLeft: 0);
        Assert.Equal(0, exhausted.GiftQuantity);
        Assert.True(exhausted.GiftShort);
    }

    [Fact]
    public void A_member_exclusive_price_is_for_its_tier_and_above_only()
    {
        var terms = Terms(CampaignType.MemberExclusive, [new CampaignSkuRule { SkuId = 10, DiscountPercent = 30 }], tier: MemberTier.Gold);
        Assert.Equal(10_000, CampaignPricing.Price(terms, Basket(During, null, (10, 1, 10_000))).NetCents);
        Assert.Equal(10_000, CampaignPricing.Price(terms, Basket(During, MemberTier.Silver, (10, 1, 10_000))).NetCents);
        Assert.Equal(7_000, CampaignPricing.Price(terms, Basket(During, MemberTier.Gold, (10, 1, 10_000))).NetCents);
        Assert.Equal(7_000, CampaignPricing.Price(terms, Basket(During, MemberTier.Platinum, (10, 1, 10_000))).NetCents);
    }

    [Fact]
    public void An_order_is_attributed_by_its_code_first_then_by_its_skus_and_time_and_a_member_campaign_only_by_code()
    {
        var byWindow = Terms(CampaignType.LimitedTimeDiscount) with { Id = 1, Code = "A" };
        var member = Terms(CampaignType.MemberExclusive, [new CampaignSkuRule { SkuId = 12, DiscountPercent = 10 }], tier: MemberTier.Gold) with { Id = 2, Code = "VIP" };
        CampaignTerms[] all = [byWindow, member];
        Assert.Equal(2, CampaignAttribution.Attribute(all, 1, "vip", During, [10])!.Id);
        Assert.Equal(1, CampaignAttribution.Attribute(all, 1, null, During, [10, 12])!.Id);
        Assert.Null(CampaignAttribution.Attribute(all, 1, null, During, [12]));
        Assert.Null(CampaignAttribution.Attribute(all, 2, "A", During, [10]));
        Assert.Null(CampaignAttribution.Attribute(all, 1, "A", End, [10]));
    }

    [Fact]
    public void Tiers_out_of_order_or_saving_their_whole_threshold_are_refused()
    {
        var errors = new List<EcomOps.Domain.Data.FieldError>();
        CampaignRules.CheckTiers(errors, [new SpendTier { ThresholdCents = 40_000, SaveCents = 5_000 }, new SpendTier { ThresholdCents = 20_000, SaveCents = 2_000 }]);
        Assert.Equal([CampaignErrors.TiersOutOfOrder], errors.Select(e => e.Code));
        errors.Clear();
        CampaignRules.CheckTiers(errors, [new SpendTier { ThresholdCents = 10_000, SaveCents = 10_000 }]);
        Assert.Equal([CampaignErrors.TierSavesTooMuch], errors.Select(e => e.Code));
    }

    [Fact]
    public void Expected_demand_counts_the_forecast_before_the_start_and_the_uplift_while_it_runs()
    {
        Assert.Equal(2 * 10 + 3 * 15, CampaignRiskRules.ExpectedDemand([10, 10, 10, 10, 10, 10], daysToStart: 2, campaignDays: 3, upliftPercent: 150));
    }

    [Fact]
    public void Days_of_cover_follow_the_rate_sold_so_far_and_warn_when_stock_ends_before_the_campaign()
    {
        var (days, runsOut) = CampaignStockRules.Cover(sold: 40, available: 20, Start, End, Start.AddDays(2));
        Assert.Equal(1.0, days);
        Assert.True(runsOut);
        Assert.False(CampaignStockRules.Cover(sold: 2, available: 100, Start, End, Start.AddDays(2)).RunsOutBeforeEnd);
    }
}
