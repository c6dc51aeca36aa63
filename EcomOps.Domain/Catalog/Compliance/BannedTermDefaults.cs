namespace EcomOps.Domain.Catalog.Compliance;

public sealed partial class BannedTerms
{
    /// <summary>The materials after which "100%" states a composition.</summary>
    private static readonly string[] Materials =
        ["纯棉", "全棉", "棉", "羊毛", "羊绒", "真丝", "桑蚕丝", "亚麻", "涤纶", "cotton", "wool", "cashmere", "silk", "linen", "polyester"];

    /// <summary>
    /// Innocent words that merely contain a banned term. Decisions, so they can be revisited:
    /// <list type="bullet">
    /// <item>最近, 最后, 最初, 最终: time words ("最后发货时间" in after-sales terms). 最后 passes everywhere, also in
    /// campaign urgency such as 最后一天, which the reference list does not ban.</item>
    /// <item>最多{n}, 最少{n}: purchase limits (每单最多2件); without a number after them 最多 is still the claim 最.</item>
    /// <item>最大功率, 最大容量, 最大承重, 最高承重, 最高温度, 最低温度: measured specifications, not claims.</item>
    /// <item>第一次, 第一步, 第一天, 第一代, 第一时间: ordinals and "at once" (第一时间发货), not a rank; 全网第一 and
    /// 销量第一 stay banned.</item>
    /// <item>"100 %" followed by a material (纯棉, cotton, 羊毛, wool, 真丝, silk …): composition, not a claim;
    /// 100%有效 stays banned. A blend or adjective in between (100% organic cotton) is not covered: add it here.</item>
    /// <item>best before: a food date, not "best".</item>
    /// </list>
    /// 最多 and 最少 alone, 唯一 and 首选 have no innocent compound here: they are claims in a listing.
    /// </summary>
    public static IReadOnlyList<string> DefaultAllowed { get; } =
    [
        "最近", "最后", "最初", "最终",
        "最多{n}", "最少{n}",
        "最大功率", "最大容量", "最大承重", "最高承重", "最高温度", "最低温度",
        "第一次", "第一步", "第一天", "第一代", "第一时间",
        .. Materials.Select(material => $"100 % {material}"),
        "best before",
    ];

    /// <summary>
    /// The seeded list: the advertising-law absolute terms (PRC Advertising Law art. 9 and the platforms' 极限词
    /// lists) plus a short English list. A company edits its own copy; platforms change their wording often.
    /// Declared after <see cref="DefaultAllowed"/> in this file: static fields initialise in textual order.
    /// </summary>
    public static BannedTerms Default { get; } = new(DefaultTerms(), DefaultAllowed);

    private static IEnumerable<BannedTerm> DefaultTerms()
    {
        static IEnumerable<BannedTerm> Of(BannedTermCategory category, params string[] terms) =>
            terms.Select(t => new BannedTerm(t, category));

        return
        [
            .. Of(BannedTermCategory.Superlative,
                "最", "最佳", "最好", "最优", "最高", "最低", "最大", "最强", "最新", "最先进", "最便宜", "最受欢迎", "best"),
            .. Of(BannedTermCategory.RankOrUniqueness,
                "第一", "唯一", "首个", "首选", "独家", "独一无二", "全网第一", "销量第一", "销量冠军",
                "No. 1", "Top 1", "number one"),
            .. Of(BannedTermCategory.Level, "国家级", "世界级", "顶级", "极品", "极致", "顶尖", "终极", "王牌", "至尊", "巅峰"),
            .. Of(BannedTermCategory.Absolute,
                "绝对", "100 %", "万能", "永久", "史无前例", "全网最低价", "零风险", "无副作用", "guaranteed", "miracle"),
            .. Of(BannedTermCategory.FalseAuthority, "国家领导人推荐", "特供", "专供", "国家免检"),
            .. Of(BannedTermCategory.HealthClaim, "治疗", "治愈", "药用", "防癌", "抗癌", "减肥", "祛斑", "cure"),
        ];
    }
}
