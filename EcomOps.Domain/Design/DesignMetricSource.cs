using System.Globalization;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Design;

/// <summary>
/// The design team's KPIs (rulebook: design quality, on-time completion, cooperation with operations, contribution to
/// sales), from the requests delivered and the reviews given in the period, per designer (the request's assignee, the
/// reviewed version's designer) and for the team. The arithmetic is <see cref="DesignKpi"/>'s.
/// </summary>
public sealed class DesignMetricSource(IDbContextFactory<OpsDb> dbFactory, DesignQueries queries) : IMetricSource
{
    public const string Delivered = "design.delivered";
    public const string Quality = "design.quality";
    public const string OnTime = "design.on-time";
    public const string Rework = "design.rework";
    public const string Cooperation = "design.cooperation";
    public const string SalesContribution = "design.sales-contribution";

    public MetricArea Area { get; } = new("design", "Design", "美工设计", 50);

    public IReadOnlyList<string> LiveBoards { get; } = [Live.Boards.Design];

    public IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        Define(Delivered, "Delivered requests", "交付需求数", "Design requests delivered (confirmed by the requester) in the period, credited to their designer",
            "统计期内交付（需求方确认）的设计需求数，计入负责设计师", MetricUnit.Count, MetricDirection.HigherIsBetter),
        Define(Quality, "Design quality", "设计质量评分",
            "Average of the supervisor's reviews given in the period, each the mean of brand style fit, visual effect and creativity (1–5), credited to the reviewed version's designer",
            "统计期内主管评审的平均分，每次评审取品牌风格契合度、视觉效果、创意三项（1–5 分）的平均值，计入被评审版本的设计师", MetricUnit.Score, MetricDirection.HigherIsBetter),
        Define(OnTime, "On-time completion", "按时完成率",
            "Requests delivered in the period on or before their due date (company days) ÷ requests delivered in the period",
            "统计期内交付且不晚于截止日期（公司日）的需求数 ÷ 统计期内交付的需求数", MetricUnit.Percent, MetricDirection.HigherIsBetter),
        Define(Rework, "Rework rounds per request", "平均返工轮次",
            "\"Changes requested\" rounds of the requests delivered in the period ÷ requests delivered in the period",
            "统计期内交付需求的\"要求修改\"轮次之和 ÷ 统计期内交付的需求数", MetricUnit.Score, MetricDirection.LowerIsBetter),
        Define(Cooperation, "Cooperation with operations", "与运营配合度",
            "Average of the requesters' cooperation ratings (1–5) given on delivery in the period",
            "统计期内交付时需求方给出的配合度评分（1–5 分）的平均值", MetricUnit.Score, MetricDirection.HigherIsBetter),
        Define(SalesContribution, "Contribution to sales", "销售贡献",
            $"For each detail page or main-image set delivered in the period whose {DesignKpi.ContributionDays} days after delivery are over: the listing's change in net sales over the {DesignKpi.ContributionDays} days after delivery against the {DesignKpi.ContributionDays} days before, less the change of the rest of its category on the same channel over the same days (percentage points); averaged over those requests",
            $"统计期内交付、且交付后 {DesignKpi.ContributionDays} 天已满的详情页或主图需求：商品交付后 {DesignKpi.ContributionDays} 天对比交付前 {DesignKpi.ContributionDays} 天的净销售额变化，减去同渠道同类目其他商品同期的变化（百分点）；取这些需求的平均值",
            MetricUnit.Percent, MetricDirection.HigherIsBetter),
    ];

    public async Task<MetricSnapshot> MeasureAsync(MetricPeriod period, MeasureOptions options, CancellationToken ct)
    {
        var snapshot = new MetricSnapshot(period);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (options.WantsAny(Delivered, OnTime, Rework, Cooperation, SalesContribution))
        {
            var delivered = await db.Set<DesignRequest>().AsNoTracking()
                .Where(r => r.State == DesignState.Delivered && r.DeliveredAtUtc >= period.FromUtc && r.DeliveredAtUtc < period.ToUtc)
                .Select(r => new { r.Id, r.Title, r.Kind, r.AssigneeEmployeeId, r.ListingId, r.DueDate, r.DeliveredOn, r.DeliveredAtUtc, r.ReworkRounds, r.CooperationScore })
                .ToListAsync(ct);
            var work = delivered.Select(r => (r.Id, r.AssigneeEmployeeId, Work: new DeliveredWork(r.DueDate, r.DeliveredOn ?? r.DueDate, r.ReworkRounds, r.CooperationScore))).ToList();
            Dictionary<int, ContributionReport> contributions = [];
            if (options.Wants(SalesContribution))
            {
                var measured = delivered.Where(r => DesignRules.IsForListing(r.Kind) && r.ListingId is not null && r.DeliveredOn is not null)
                    .Select(r => (r.Id, r.ListingId!.Value, r.DeliveredOn!.Value)).ToList();
                contributions = (await queries.ContributionsAsync(db, measured, ct)).Where(c => c.Value.Complete && c.Value.Figure.SalesContribution is not null)
                    .ToDictionary(c => c.Key, c => c.Value);
            }
            void Fill(int? employeeId, IReadOnlyCollection<DeliveredWork> mine, IEnumerable<int> ids)
            {
                var idList = ids.ToList();
                var figures = idList.Where(contributions.ContainsKey).Select(id => contributions[id].Figure.SalesContribution!.Value).ToList();
                snapshot.Values[new MetricCell(Delivered, employeeId)] = mine.Count;
                snapshot.Values[new MetricCell(OnTime, employeeId)] = DesignKpi.OnTimeRate(mine);
                snapshot.Values[new MetricCell(Rework, employeeId)] = DesignKpi.ReworkRate(mine);
                snapshot.Values[new MetricCell(Cooperation, employeeId)] = DesignKpi.Cooperation(mine);
                snapshot.Values[new MetricCell(SalesContribution, employeeId)] = figures.Count > 0 ? figures.Average() : null;
            }
            Fill(null, [.. work.Select(w => w.Work)], work.Select(w => w.Id));
            if (options.PerEmployee)
            {
                foreach (var person in work.Where(w => w.AssigneeEmployeeId is not null).GroupBy(w => w.AssigneeEmployeeId!.Value))
                {
                    Fill(person.Key, [.. person.Select(w => w.Work)], person.Select(w => w.Id));
                }
            }
            if (options.RecordCap > 0)
            {
                var ordered = delivered.OrderByDescending(r => r.DeliveredAtUtc).ToList();
                void Records(int? employeeId, IEnumerable<(int Id, string Title, DateTime At, DateOnly Due, DateOnly On, int Rounds, int? Score)> rows)
                {
                    var list = rows.ToList();
                    MetricRecord Record((int Id, string Title, DateTime At, DateOnly Due, DateOnly On, int Rounds, int? Score) r, string detail, string anchor = "") =>
                        new(DesignRules.NumberOf(r.Id), r.At, $"{r.Title} · {detail}", $"/design/requests/{r.Id}{anchor}");
                    var shown = list.Take(options.RecordCap).ToList();
                    snapshot.Records[new MetricCell(Delivered, employeeId)] = new MetricRecords(list.Count, [.. shown.Select(r => Record(r, $"{r.On:yyyy-MM-dd}"))]);
                    snapshot.Records[new MetricCell(OnTime, employeeId)] = new MetricRecords(list.Count,
                        [.. list.OrderBy(r => r.On <= r.Due).Take(options.RecordCap).Select(r => Record(r, $"{(r.On <= r.Due ? "✓" : "✗")} {r.On:yyyy-MM-dd} / {r.Due:yyyy-MM-dd}"))]);
                    snapshot.Records[new MetricCell(Rework, employeeId)] = new MetricRecords(list.Count,
                        [.. list.OrderByDescending(r => r.Rounds).Take(options.RecordCap).Select(r => Record(r, $"↻ {r.Rounds}"))]);
                    var rated = list.Where(r => r.Score is not null).ToList();
                    snapshot.Records[new MetricCell(Cooperation, employeeId)] = new MetricRecords(rated.Count,
                        [.. rated.OrderBy(r => r.Score).Take(options.RecordCap).Select(r => Record(r, $"★ {r.Score}"))]);
                    var measured = list.Where(r => contributions.ContainsKey(r.Id)).ToList();
                    snapshot.Records[new MetricCell(SalesContribution, employeeId)] = new MetricRecords(measured.Count,
                        [.. measured.Take(options.RecordCap).Select(r => Record(r, contributions[r.Id].Figure.SalesContribution!.Value.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture), "#contribution"))]);
                }
                Records(null, ordered.Select(r => (r.Id, r.Title, r.DeliveredAtUtc!.Value, r.DueDate, r.DeliveredOn ?? r.DueDate, r.ReworkRounds, r.CooperationScore)));
                if (options.PerEmployee)
                {
                    foreach (var person in ordered.Where(r => r.AssigneeEmployeeId is not null).GroupBy(r => r.AssigneeEmployeeId!.Value))
                    {
                        Records(person.Key, person.Select(r => (r.Id, r.Title, r.DeliveredAtUtc!.Value, r.DueDate, r.DeliveredOn ?? r.DueDate, r.ReworkRounds, r.CooperationScore)));
                    }
                }
            }
        }
        if (options.Wants(Quality))
        {
            var reviews = await db.Set<DesignReview>().AsNoTracking()
                .Where(r => r.ReviewedAtUtc >= period.FromUtc && r.ReviewedAtUtc < period.ToUtc)
                .Join(db.Set<DesignRequest>(), r => r.RequestId, q => q.Id, (r, q) => new { r.RequestId, q.Title, r.DesignerEmployeeId, r.BrandFit, r.VisualEffect, r.Creativity, r.ReviewedAtUtc, r.Approved })
                .ToListAsync(ct);
            snapshot.Values[new MetricCell(Quality, null)] = DesignKpi.Quality(reviews.Select(r => (r.BrandFit, r.VisualEffect, r.Creativity)));
            if (options.PerEmployee)
            {
                foreach (var person in reviews.Where(r => r.DesignerEmployeeId is not null).GroupBy(r => r.DesignerEmployeeId!.Value))
                {
                    snapshot.Values[new MetricCell(Quality, person.Key)] = DesignKpi.Quality(person.Select(r => (r.BrandFit, r.VisualEffect, r.Creativity)));
                }
            }
            if (options.RecordCap > 0)
            {
                void Records(int? employeeId, IReadOnlyCollection<(int RequestId, string Title, DateTime At, int B, int V, int C, bool Approved)> rows) =>
                    snapshot.Records[new MetricCell(Quality, employeeId)] = new MetricRecords(rows.Count, [.. rows.OrderByDescending(r => r.At).Take(options.RecordCap)
                        .Select(r => new MetricRecord(DesignRules.NumberOf(r.RequestId), r.At,
                            $"{r.Title} · {r.B}/{r.V}/{r.C} · {(r.Approved ? "✓" : "↻")}", $"/design/requests/{r.RequestId}"))]);
                Records(null, [.. reviews.Select(r => (r.RequestId, r.Title, r.ReviewedAtUtc, r.BrandFit, r.VisualEffect, r.Creativity, r.Approved))]);
                if (options.PerEmployee)
                {
                    foreach (var person in reviews.Where(r => r.DesignerEmployeeId is not null).GroupBy(r => r.DesignerEmployeeId!.Value))
                    {
                        Records(person.Key, [.. person.Select(r => (r.RequestId, r.Title, r.ReviewedAtUtc, r.BrandFit, r.VisualEffect, r.Creativity, r.Approved))]);
                    }
                }
            }
        }
        return snapshot;
    }

    private static MetricDefinition Define(string key, string en, string zh, string formulaEn, string formulaZh, MetricUnit unit, MetricDirection direction) =>
        new(key, "design", en, zh, formulaEn, formulaZh, unit, direction, Team.Design, PerEmployee: true);
}
