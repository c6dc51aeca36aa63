using EcomOps.Domain.Analytics;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Campaigns;

/// <summary>
/// The rulebook's campaign metrics (活动参与人数、活动销售额、活动转化率) and the budget and goals behind them, for the
/// operations team's KPI sheets and dashboards. Each campaign's part is <see cref="CampaignQueries"/>' figures of its
/// orders placed in the period, so a sheet, the live board and the review add up the same orders.
/// </summary>
public sealed class CampaignMetricSource(IDbContextFactory<OpsDb> dbFactory) : IMetricSource
{
    public const string Participants = "campaigns.participants";
    public const string Revenue = "campaigns.revenue";
    public const string Conversion = "campaigns.conversion";
    public const string BudgetUse = "campaigns.budget-use";
    public const string GoalAttainment = "campaigns.goal-attainment";

    public MetricArea Area { get; } = new("campaigns", "Campaigns", "营销活动", 45);

    public IReadOnlyList<string> LiveBoards { get; } = [Live.Boards.Campaigns, Live.Boards.Orders];

    public IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        Define(Participants, "Campaign participants", "活动参与人数",
            "Distinct buyers (by phone) of the orders attributed to a campaign and placed in the period, summed over campaigns (none without a campaign order)",
            "统计期内下单且归属于活动的订单的不同买家数（按手机号），各活动相加", MetricUnit.Count, MetricDirection.HigherIsBetter),
        Define(Revenue, "Campaign revenue", "活动销售额",
            "Goods less discounts of the orders attributed to a campaign and placed in the period (cancelled orders left out)",
            "统计期内下单且归属于活动的订单的商品金额减优惠（不含已取消订单）", MetricUnit.Yuan, MetricDirection.HigherIsBetter),
        Define(Conversion, "Campaign conversion", "活动转化率",
            "Campaign orders placed in the period ÷ visitors of the campaigns' channels on their days within the period",
            "统计期内的活动订单数 ÷ 活动渠道在统计期内活动日期的访客数", MetricUnit.Percent, MetricDirection.HigherIsBetter),
        Define(BudgetUse, "Campaign budget use", "活动预算使用率",
            "Spent (ads booked, discounts given, gifts' cost) ÷ budget (ads, gifts, discounts) of the campaigns that ended in the period",
            "统计期内结束的活动的实际花费（广告、折扣、赠品成本） ÷ 预算（广告、赠品、折扣）", MetricUnit.Percent, MetricDirection.LowerIsBetter),
        Define(GoalAttainment, "Campaign goal attainment", "活动目标达成率",
            "Revenue ÷ revenue goal of the campaigns that ended in the period (their whole run; none when they had no order)",
            "统计期内结束的活动的销售额 ÷ 销售额目标（按整个活动期）", MetricUnit.Percent, MetricDirection.HigherIsBetter),
    ];

    public async Task<MetricSnapshot> MeasureAsync(MetricPeriod period, MeasureOptions options, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var snapshot = new MetricSnapshot(period);
        var (from, to) = (period.FromUtc, period.ToUtc);
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.State != CampaignState.Cancelled && c.StartsAtUtc < to && c.EndsAtUtc > from).OrderBy(c => c.StartsAtUtc).ToListAsync(ct);
        var inPeriod = new List<(Campaign Campaign, CampaignFigures Figures)>();
        var ended = new List<(Campaign Campaign, CampaignFigures Figures)>();
        foreach (var c in campaigns)
        {
            if (options.WantsAny(Participants, Revenue, Conversion))
            {
                inPeriod.Add((c, await CampaignQueries.FiguresAsync(db, c, ct, from, to)));
            }
            if (options.WantsAny(BudgetUse, GoalAttainment) && c.EndsAtUtc > from && c.EndsAtUtc <= to)
            {
                ended.Add((c, await CampaignQueries.FiguresAsync(db, c, ct)));
            }
        }
        var visitors = inPeriod.Sum(x => x.Figures.Visitors);
        var budget = ended.Sum(x => x.Campaign.AdsBudgetCents + x.Campaign.GiftBudgetCents + x.Campaign.DiscountBudgetCents);
        var goal = ended.Sum(x => x.Campaign.GoalRevenueCents);
        // No campaign order in the period: nothing was measured (a target cannot be set from nothing), not a zero.
        var orders = inPeriod.Sum(x => x.Figures.Orders);
        snapshot.Values[new MetricCell(Participants, null)] = orders > 0 ? inPeriod.Sum(x => x.Figures.Participants) : null;
        snapshot.Values[new MetricCell(Revenue, null)] = orders > 0 ? inPeriod.Sum(x => x.Figures.RevenueCents) / 100.0 : null;
        snapshot.Values[new MetricCell(Conversion, null)] = visitors > 0 && orders > 0 ? (double)orders / visitors : null;
        snapshot.Values[new MetricCell(BudgetUse, null)] = budget > 0 ? (double)ended.Sum(x => x.Figures.SpentCents) / budget : null;
        snapshot.Values[new MetricCell(GoalAttainment, null)] = goal > 0 && ended.Any(x => x.Figures.Orders > 0) ? (double)ended.Sum(x => x.Figures.RevenueCents) / goal : null;
        if (options.RecordCap > 0)
        {
            foreach (var metric in new[] { Participants, Revenue, Conversion })
            {
                snapshot.Records[new MetricCell(metric, null)] = Records(inPeriod, options.RecordCap);
            }
            foreach (var metric in new[] { BudgetUse, GoalAttainment })
            {
                snapshot.Records[new MetricCell(metric, null)] = Records(ended, options.RecordCap);
            }
        }
        snapshot.Breakdowns[Revenue] = [.. inPeriod.Select(x => new BreakdownItem(x.Campaign.Name, x.Figures.RevenueCents / 100.0))];
        return snapshot;
    }

    private static MetricRecords Records(List<(Campaign Campaign, CampaignFigures Figures)> rows, int cap) =>
        new(rows.Count, [.. rows.Take(cap).Select(x => new MetricRecord(x.Campaign.Number, x.Campaign.StartsAtUtc,
            $"{x.Campaign.Name} · {x.Figures.Orders} / {x.Figures.Participants} / ¥{x.Figures.RevenueCents / 100:#,##0}", $"/campaigns/{x.Campaign.Id}"))]);

    private static MetricDefinition Define(string key, string en, string zh, string formulaEn, string formulaZh, MetricUnit unit, MetricDirection direction) =>
        new(key, "campaigns", en, zh, formulaEn, formulaZh, unit, direction, Team.Operations, PerEmployee: false);
}
