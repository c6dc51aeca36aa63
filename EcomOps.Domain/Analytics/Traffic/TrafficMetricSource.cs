using System.Globalization;
using EcomOps.Domain.Data;
using EcomOps.Domain.Service;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Traffic;

/// <summary>Traffic metrics: sums of the imported platform reports over the period's company-local days, per channel.</summary>
public sealed class TrafficMetricSource(IDbContextFactory<OpsDb> dbFactory, CompanyTime time) : IMetricSource
{
    public const string Visits = "traffic.visits";
    public const string PageViews = "traffic.page-views";
    public const string Visitors = "traffic.visitors";
    public const string NewVisitors = "traffic.new-visitors";

    public MetricArea Area { get; } = new("traffic", "Traffic", "流量", 10);

    public IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        Define(Visits, "Visits", "访问次数", "Sum of the visits (sessions) the platforms reported for each day of the period, all channels", "统计期内各平台每日报告的访问次数之和（全部渠道）"),
        Define(PageViews, "Page views", "浏览量", "Sum of the page views the platforms reported for each day of the period", "统计期内各平台每日报告的浏览量之和"),
        Define(Visitors, "Visitors", "访客数", "Sum of each day's unique visitors as reported per channel (a visitor on two days counts twice)", "各渠道每日独立访客数之和（两天都来的访客计两次）"),
        Define(NewVisitors, "New visitors", "新访客数", "Sum of each day's first-time visitors as reported per channel", "各渠道每日首次访问的访客数之和"),
    ];

    public async Task<MetricSnapshot> MeasureAsync(MetricPeriod period, MeasureOptions options, CancellationToken ct)
    {
        var from = DateOnly.FromDateTime(time.ToLocal(period.FromUtc));
        var to = DateOnly.FromDateTime(time.ToLocal(period.ToUtc));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var days = await db.TrafficDays.AsNoTracking().Where(d => d.Day >= from && d.Day < to)
            .OrderBy(d => d.Day).ThenBy(d => d.Channel).ToListAsync(ct);

        var snapshot = new MetricSnapshot(period);
        foreach (var (key, value) in Measures)
        {
            // A period without any report has no traffic figure rather than a zero nobody measured.
            snapshot.Values[new MetricCell(key, null)] = days.Count == 0 ? null : days.Sum(d => (double)value(d));
            snapshot.Breakdowns[key] = days.GroupBy(d => d.Channel).OrderBy(g => g.Key)
                .Select(g => new BreakdownItem(g.Key.ToString(), g.Sum(d => (double)value(d)))).ToList();
            if (options.RecordCap > 0)
            {
                snapshot.Records[new MetricCell(key, null)] = new MetricRecords(days.Count, days.Take(options.RecordCap)
                    .Select(d => new MetricRecord(d.Channel.ToString(), time.ToUtc(d.Day.ToDateTime(TimeOnly.MinValue)),
                        value(d).ToString("#,##0", CultureInfo.InvariantCulture), null)).ToList());
            }
        }
        return snapshot;
    }

    private static readonly (string Key, Func<TrafficDay, int> Value)[] Measures =
        [(Visits, d => d.Visits), (PageViews, d => d.PageViews), (Visitors, d => d.Visitors), (NewVisitors, d => d.NewVisitors)];

    private static MetricDefinition Define(string key, string en, string zh, string formulaEn, string formulaZh) =>
        new(key, "traffic", en, zh, formulaEn, formulaZh, MetricUnit.Count, MetricDirection.HigherIsBetter, Team: null, PerEmployee: false);
}
