using EcomOps.Domain.Catalog.Compliance;
using EcomOps.Domain.Orders;

namespace EcomOps.Tests.Catalog.Compliance;

public sealed class ListingAuditTests
{
    private static readonly AuditConfig Config = new();

    /// <summary>A live tea listing on Tmall that passes every rule; each test breaks one thing.</summary>
    private static readonly ListingFacts Clean = new()
    {
        Platform = SalesPlatform.Tmall,
        IsLive = true,
        Title = "西湖龙井 明前特级 250g",
        SellingPoints = ["明前采摘", "最近发货，顺丰包邮"],
        Description = "产地杭州。售后服务：七天无理由退货，最后发货时间以订单为准。",
        CategoryPath = ["食品", "茶叶", "绿茶"],
        Skus = [new SkuFacts("LJ-250", 19_900, 8_000, 22_900, 40), new SkuFacts("LJ-500", 36_900, 15_000, 39_900, 12)],
        ImageCount = 5,
        SmallestImage = new ImageSize(800, 800),
    };

    private static IReadOnlyList<ComplianceFinding> Check(ListingFacts facts) => ListingAudit.Check(facts, Config);

    [Fact]
    public void A_clean_listing_has_no_findings()
    {
        Assert.Empty(Check(Clean));
    }

    [Fact]
    public void Each_missing_required_field_is_a_finding_of_its_own()
    {
        var findings = Check(Clean with { MissingRequiredFields = ["Origin", "Material"] });

        Assert.Equal(["Origin", "Material"], findings.Select(f => f.Field));
        Assert.All(findings, f =>
        {
            Assert.Equal(ListingRuleKind.RequiredFields, f.Rule);
            Assert.Equal(FindingMessages.RequiredFieldMissing, f.MessageKey);
            Assert.Equal(FindingSeverity.Error, f.Severity);
        });
    }

    [Fact]
    public void A_listing_without_images_is_flagged()
    {
        var finding = Assert.Single(Check(Clean with { ImageCount = 0, SmallestImage = null }));

        Assert.Equal(FindingMessages.TooFewImages, finding.MessageKey);
        Assert.Equal([0, 1], finding.Arguments);
    }

    [Fact]
    public void Fewer_images_than_configured_are_flagged()
    {
        var config = Config with { Images = new ImagesRule { MinCount = 3 } };

        Assert.Single(ListingAudit.Check(Clean with { ImageCount = 2 }, config));
        Assert.Empty(ListingAudit.Check(Clean with { ImageCount = 3 }, config));
    }

    [Fact]
    public void An_image_below_the_platform_minimum_is_flagged_with_its_size()
    {
        var finding = Assert.Single(Check(Clean with { SmallestImage = new ImageSize(1200, 700) }));

        Assert.Equal(FindingMessages.ImageTooSmall, finding.MessageKey);
        Assert.Equal([1200, 700, 800], finding.Arguments);
    }

    [Fact]
    public void The_same_image_passes_on_Douyin_whose_minimum_is_600()
    {
        Assert.Empty(Check(Clean with { Platform = SalesPlatform.Douyin, SmallestImage = new ImageSize(700, 700) }));
        Assert.Single(Check(Clean with { Platform = SalesPlatform.Pinduoduo, SmallestImage = new ImageSize(700, 700) }));
    }

    [Fact]
    public void A_platform_without_its_own_minimum_uses_the_fallback()
    {
        var rule = new ImagesRule { FallbackMinSidePx = 1000 };

        Assert.Equal(1000, rule.MinSideFor(SalesPlatform.WebShop));
        Assert.Equal(800, rule.MinSideFor(SalesPlatform.JD));
    }

    [Fact]
    public void A_price_below_cost_is_flagged_for_that_sku()
    {
        var facts = Clean with { Skus = [new SkuFacts("LJ-250", 7_900, 8_000, null, 40), new SkuFacts("LJ-500", 8_000, 8_000, null, 5)] };

        var finding = Assert.Single(Check(facts));

        Assert.Equal(ListingRuleKind.PriceNotBelowCost, finding.Rule);
        Assert.Equal((FindingFields.Price, "LJ-250"), (finding.Field, finding.Item));
        Assert.Equal(["LJ-250", 7_900L, 8_000L], finding.Arguments);
    }

    [Fact]
    public void A_sku_without_a_known_cost_passes_the_cost_rule()
    {
        Assert.Empty(Check(Clean with { Skus = [new SkuFacts("LJ-250", 100, null, null, 40)] }));
    }

    [Fact]
    public void A_price_far_from_the_list_price_is_a_warning()
    {
        var facts = Clean with { Skus = [new SkuFacts("LJ-250", 1_990, null, 19_900, 40)] };

        var finding = Assert.Single(Check(facts));

        Assert.Equal(ListingRuleKind.PriceNearListPrice, finding.Rule);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(FindingMessages.PriceFarFromListPrice, finding.MessageKey);
    }

    [Fact]
    public void A_price_exactly_at_the_allowed_deviation_passes_either_way()
    {
        var facts = Clean with { Skus = [new SkuFacts("A", 7_000, null, 10_000, 1), new SkuFacts("B", 13_000, null, 10_000, 1)] };

        Assert.Empty(Check(facts));
        Assert.Equal(2, Check(facts with { Skus = [new SkuFacts("A", 6_999, null, 10_000, 1), new SkuFacts("B", 13_001, null, 10_000, 1)] }).Count);
    }

    [Fact]
    public void The_allowed_deviation_is_configurable()
    {
        var config = Config with { PriceNearListPrice = new PriceNearListPriceRule { MaxDeviationPercent = 5m } };

        Assert.Single(ListingAudit.Check(Clean with { Skus = [new SkuFacts("A", 9_400, null, 10_000, 1)] }, config));
    }

    [Fact]
    public void Negative_stock_is_flagged_for_that_sku()
    {
        var finding = Assert.Single(Check(Clean with { Skus = [new SkuFacts("LJ-250", 19_900, null, null, -3), new SkuFacts("LJ-500", 36_900, null, null, 2)] }));

        Assert.Equal(FindingMessages.StockNegative, finding.MessageKey);
        Assert.Equal("LJ-250", finding.Item);
    }

    [Fact]
    public void A_live_listing_with_every_sku_sold_out_is_flagged_once()
    {
        var finding = Assert.Single(Check(Clean with { Skus = [new SkuFacts("A", 100, null, null, 0), new SkuFacts("B", 100, null, null, 0)] }));

        Assert.Equal(FindingMessages.OutOfStockWhileLive, finding.MessageKey);
        Assert.Null(finding.Item);
    }

    [Fact]
    public void One_sold_out_sku_passes_unless_each_sku_is_checked()
    {
        var facts = Clean with { Skus = [new SkuFacts("A", 100, null, null, 0), new SkuFacts("B", 100, null, null, 4)] };
        var strict = Config with { Stock = new StockRule { FlagEachSoldOutSku = true } };

        Assert.Empty(Check(facts));
        Assert.Equal("A", Assert.Single(ListingAudit.Check(facts, strict)).Item);
    }

    [Fact]
    public void A_paused_listing_with_no_stock_is_not_flagged()
    {
        Assert.Empty(Check(Clean with { IsLive = false, Skus = [new SkuFacts("A", 100, null, null, 0)] }));
    }

    [Fact]
    public void A_banned_word_in_the_title_is_a_finding_with_its_span()
    {
        var facts = Clean with { Title = "西湖龙井 全网最低价 250g" };

        var finding = Assert.Single(Check(facts));

        Assert.Equal(ListingRuleKind.BannedWords, finding.Rule);
        Assert.Equal(FindingFields.Title, finding.Field);
        Assert.Equal(FindingMessages.BannedTerm, finding.MessageKey);
        Assert.Equal(["全网最低价", BannedTermCategory.Absolute], finding.Arguments);
        Assert.True(finding.PausesListingWhenOverdue);
        var span = finding.Text!.Value;
        Assert.Equal("全网最低价", facts.Title.Substring(span.Start, span.Length));
    }

    [Fact]
    public void Banned_words_in_selling_points_and_description_name_where_they_stand()
    {
        var facts = Clean with { SellingPoints = ["明前采摘", "顶级口感"], Description = "最好的茶，100%有效" };

        var findings = Check(facts);

        Assert.Equal(
            [(FindingFields.SellingPoints, "1", "顶级"), (FindingFields.Description, null, "最好"), (FindingFields.Description, null, "100 %")],
            findings.Select(f => (f.Field, f.Item, f.Text!.Value.Term)));
    }

    [Fact]
    public void Innocent_words_in_after_sales_text_pass_the_banned_word_rule()
    {
        Assert.Empty(Check(Clean with { Description = "第一次购买请阅读使用说明。最后发货时间：付款后48小时内。面料100%纯棉。" }));
    }

    [Fact]
    public void Health_claims_in_food_are_flagged()
    {
        var facts = Clean with { Title = "荷叶茶 减肥 瘦身", Description = "可防癌" };

        var findings = Check(facts);

        Assert.Equal(["减肥", "防癌"], findings.Select(f => f.Text!.Value.Term));
        Assert.All(findings, f =>
        {
            Assert.Equal(ListingRuleKind.HealthClaims, f.Rule);
            Assert.Equal(FindingMessages.HealthClaimOutsideHealthCategory, f.MessageKey);
        });
    }

    [Fact]
    public void Health_claims_are_allowed_in_a_health_category()
    {
        var facts = Clean with { Title = "辅助治疗 减肥", CategoryPath = ["保健食品", "体重管理"] };

        Assert.Empty(Check(facts));
    }

    [Fact]
    public void Health_categories_are_configurable_and_compared_ignoring_case()
    {
        var config = Config with { HealthClaims = new HealthClaimsRule { AllowedInCategories = ["medical-devices"] } };
        var facts = Clean with { Title = "cure back pain", CategoryPath = ["Home", "Medical-Devices", "Massage"] };

        Assert.Empty(ListingAudit.Check(facts, config));
        Assert.Single(ListingAudit.Check(facts with { CategoryPath = ["Home", "Massage"] }, config));
    }

    [Fact]
    public void A_health_claim_is_not_also_reported_as_a_banned_word()
    {
        var finding = Assert.Single(Check(Clean with { Title = "祛斑茶" }));

        Assert.Equal(ListingRuleKind.HealthClaims, finding.Rule);
    }

    [Fact]
    public void A_switched_off_rule_reports_nothing()
    {
        var config = Config with { BannedWords = new BannedWordsRule { Enabled = false } };

        Assert.Empty(ListingAudit.Check(Clean with { Title = "最好的茶" }, config));
    }

    [Fact]
    public void A_rule_reports_with_its_configured_severity_and_pause_setting()
    {
        var config = Config with { Stock = new StockRule { Severity = FindingSeverity.Error, PausesListingWhenOverdue = true } };

        var finding = Assert.Single(ListingAudit.Check(Clean with { Skus = [new SkuFacts("A", 100, null, null, -1), new SkuFacts("B", 100, null, null, 3)] }, config));

        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.True(finding.PausesListingWhenOverdue);
    }

    [Fact]
    public void Only_banned_word_and_health_claim_findings_pause_by_default()
    {
        Assert.Equal(
            [ListingRuleKind.BannedWords, ListingRuleKind.HealthClaims],
            Config.Rules.Where(r => r.PausesListingWhenOverdue).Select(r => r.Kind));
    }

    [Fact]
    public void A_findings_key_ignores_where_the_text_moved()
    {
        var before = Assert.Single(Check(Clean with { Title = "最好的茶" }));
        var after = Assert.Single(Check(Clean with { Title = "龙井 最好的茶" }));

        Assert.NotEqual(before.Text!.Value.Start, after.Text!.Value.Start);
        Assert.Equal(before.Key, after.Key);
    }

    [Fact]
    public void A_custom_term_list_is_used_by_the_word_rules()
    {
        var terms = new BannedTerms([new BannedTerm("秒杀", BannedTermCategory.Absolute)], []);
        var config = Config with { BannedWords = new BannedWordsRule { Terms = terms } };

        var finding = Assert.Single(ListingAudit.Check(Clean with { Title = "秒杀 最好的茶" }, config));

        Assert.Equal("秒杀", finding.Text!.Value.Term);
    }
}
