using EcomOps.Domain.Catalog.Compliance;

namespace EcomOps.Tests.Catalog.Compliance;

public sealed class BannedTermsTests
{
    private static readonly BannedTerms Default = BannedTerms.Default;

    private static string[] Terms(string text) => [.. Default.Find(text).Select(h => h.Term)];

    [Fact]
    public void Lowest_price_on_the_whole_web_is_flagged_as_one_term()
    {
        var hit = Assert.Single(Default.Find("全网最低价，包邮"));

        Assert.Equal("全网最低价", hit.Term);
        Assert.Equal(BannedTermCategory.Absolute, hit.Category);
    }

    [Fact]
    public void Recent_shipping_is_not_flagged()
    {
        Assert.Empty(Default.Find("最近发货"));
    }

    [Fact]
    public void Last_shipping_time_in_after_sales_text_is_not_flagged()
    {
        Assert.Empty(Default.Find("售后服务：七天无理由退货，最后发货时间以订单为准，最初、最终解释权见说明"));
    }

    [Fact]
    public void The_best_tea_is_flagged()
    {
        Assert.Equal(["最好"], Terms("最好的茶"));
    }

    [Fact]
    public void Zui_before_any_other_word_is_a_claim()
    {
        Assert.Equal(["最"], Terms("最美的茶园"));
    }

    [Fact]
    public void The_longest_of_overlapping_terms_is_reported()
    {
        Assert.Equal(["最便宜"], Terms("这是最便宜的"));
        Assert.Equal(["销量第一"], Terms("销量第一"));
        Assert.Equal(["全网第一"], Terms("全网第一"));
    }

    [Fact]
    public void First_purchase_is_not_a_rank_claim_but_first_in_sales_is()
    {
        Assert.Empty(Default.Find("第一次购买送茶杯，第一时间发货"));
        Assert.Equal(["第一"], Terms("品质第一"));
    }

    [Fact]
    public void Pure_cotton_composition_is_not_flagged_but_a_hundred_percent_effective_is()
    {
        Assert.Empty(Default.Find("面料：100%纯棉，里料 100% 真丝, lining 100% cotton"));
        Assert.Equal(["100 %"], Terms("100%有效"));
    }

    [Fact]
    public void A_full_width_percent_is_read_as_a_percent()
    {
        Assert.Equal(["100 %"], Terms("１００％有效"));
        Assert.Empty(Default.Find("１００％纯棉"));
    }

    [Fact]
    public void A_hundred_percent_inside_a_longer_number_is_not_flagged()
    {
        Assert.Empty(Default.Find("满1100%?"));
    }

    [Fact]
    public void A_purchase_limit_with_a_number_passes_but_most_without_one_is_a_claim()
    {
        Assert.Empty(Default.Find("每单最多2件，最少两件起购"));
        Assert.Equal(["最"], Terms("最多人选择"));
    }

    [Fact]
    public void A_measured_specification_is_not_a_superlative()
    {
        Assert.Empty(Default.Find("最大功率2000W，最低温度-10℃"));
    }

    [Fact]
    public void Only_a_hit_inside_an_allowed_word_is_forgiven()
    {
        var hit = Assert.Single(Default.Find("最终极品"));

        Assert.Equal("终极", hit.Term);
        Assert.Equal(1, hit.Start);
    }

    [Fact]
    public void The_best_tea_in_English_is_flagged_case_insensitively()
    {
        Assert.Equal(["best"], Terms("The BEST tea"));
    }

    [Fact]
    public void Bestseller_is_not_flagged_because_English_terms_match_whole_words()
    {
        Assert.Empty(Default.Find("Our bestseller, best before 2026-01"));
    }

    [Fact]
    public void Number_one_is_flagged_however_it_is_spaced_or_cased()
    {
        Assert.Equal(["No. 1", "No. 1", "Top 1", "number one"], Terms("NO.1 tea, no. 1 again, top1 and Number One"));
    }

    [Fact]
    public void Top_ten_is_not_top_one()
    {
        Assert.Empty(Default.Find("Top10 teas, No.12 road"));
    }

    [Fact]
    public void English_terms_next_to_Chinese_characters_are_whole_words()
    {
        Assert.Equal(["guaranteed", "miracle"], Terms("品质guaranteed的miracle茶"));
    }

    [Fact]
    public void Positions_cover_exactly_the_offending_text()
    {
        const string text = "新品上市！全网最低价，国家级品质，the Best choice，最好喝";

        var hits = Default.Find(text);

        Assert.Equal(["全网最低价", "国家级", "best", "最好"], hits.Select(h => h.Term));
        Assert.All(hits, h => Assert.Equal(h.Term, text.Substring(h.Start, h.Length), ignoreCase: true));
    }

    [Fact]
    public void A_span_shows_the_text_as_written_when_it_differs_from_the_term()
    {
        const string text = "茶 NO.1！";

        var hit = Assert.Single(Default.Find(text));

        Assert.Equal("NO.1", text.Substring(hit.Start, hit.Length));
    }

    [Fact]
    public void Health_claims_are_found_with_their_category()
    {
        var hit = Assert.Single(Default.Find("喝了能减肥"));

        Assert.Equal(new BannedTermHit("减肥", BannedTermCategory.HealthClaim, 3, 2), hit);
    }

    [Fact]
    public void An_empty_or_missing_text_has_no_hits()
    {
        Assert.Empty(Default.Find(""));
        Assert.Empty(Default.Find(null));
    }

    [Fact]
    public void A_configured_list_is_matched_instead_of_the_default()
    {
        var terms = new BannedTerms([new BannedTerm("秒杀", BannedTermCategory.Absolute)], ["秒杀价格表"]);

        Assert.Equal(["秒杀"], terms.Find("限时秒杀！最好").Select(h => h.Term));
        Assert.Empty(terms.Find("秒杀价格表"));
    }

    [Fact]
    public void A_term_listed_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            new BannedTerms([new BannedTerm("Best", BannedTermCategory.Superlative), new BannedTerm("best", BannedTermCategory.Level)], []));
    }

    [Fact]
    public void An_empty_term_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new BannedTerms([new BannedTerm("  ", BannedTermCategory.Superlative)], []));
    }

    [Fact]
    public void The_default_list_holds_every_term_of_the_reference()
    {
        string[] reference =
        [
            "最", "最佳", "最好", "最优", "最高", "最低", "最大", "最强", "最新", "最先进", "最便宜", "最受欢迎",
            "第一", "唯一", "首个", "首选", "独家", "独一无二", "全网第一", "销量第一", "销量冠军",
            "国家级", "世界级", "顶级", "极品", "极致", "顶尖", "终极", "王牌", "至尊", "巅峰",
            "绝对", "万能", "永久", "史无前例", "全网最低价", "零风险", "无副作用",
            "国家领导人推荐", "特供", "专供", "国家免检",
            "治疗", "治愈", "药用", "防癌", "抗癌", "减肥", "祛斑",
        ];

        Assert.All(reference, term => Assert.Equal([term], Terms(term)));
        Assert.Equal(["No. 1"], Terms("NO.1"));
        Assert.Equal(["Top 1"], Terms("Top1"));
        Assert.Equal(["100 %"], Terms("100%"));
    }
}
