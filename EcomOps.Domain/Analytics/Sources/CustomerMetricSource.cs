using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Service;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Sources;

/// <summary>
/// Repurchase and retention, from the orders: a customer is a phone number (the one identifier every channel sends),
/// a purchase is an order placed and not cancelled. Satisfaction (CSAT) is the customer-service source's.
/// </summary>
public sealed class CustomerMetricSource(IDbContextFactory<OpsDb> dbFactory, CompanyTime time) : IMetricSource
{
    public const string RepurchaseRate = "customers.repurchase-rate";
    public const string RetentionRate = "customers.retention-rate";

    public MetricArea Area { get; } = new("customers", "Customers", "客户", 30);

    public IReadOnlyList<string> LiveBoards { get; } = [Live.Boards.Orders];

    public IReadOnlyList<MetricDefinition> Metrics { get; } =
    [
        Define(RepurchaseRate, "Repurchase rate", "复购率",
            "Customers (identified by phone number) with 2 or more orders placed in the period ÷ customers with at least one order placed in the period; cancelled orders and orders without a phone number are not counted",
            "统计期内下单 2 次及以上的客户数（按手机号识别）÷ 统计期内下过单的客户数；不含已取消订单和无手机号的订单"),
        Define(RetentionRate, "Retention rate", "留存率",
            "Customers (by phone number) who ordered in the previous period and ordered again in this period ÷ customers who ordered in the previous period (the previous period: the month, week, quarter or year before, or as many days before a custom period); cancelled orders not counted",
            "上一统计期下过单且本期再次下单的客户数（按手机号）÷ 上一统计期下过单的客户数（上一期：前一个月、周、季度或年，自定义期间为之前同样天数）；不含已取消订单"),
    ];

    public async Task<MetricSnapshot> MeasureAsync(MetricPeriod period, MeasureOptions options, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = Buyers(db, period);
        var previous = Buyers(db, PreviousOf(period));

        // Each phone's order count in the period, and the phones of the period before: two grouped range scans, and
        // every figure and record list is taken from them (a month at 1,000,000 orders is some 60,000 phones).
        var ordersOf = await current.GroupBy(o => o.CustomerPhone).Select(g => new { Phone = g.Key, Orders = g.Count() })
            .ToDictionaryAsync(c => c.Phone, c => c.Orders, StringComparer.Ordinal, ct);
        var previousPhones = options.Wants(RetentionRate) ? await previous.Select(o => o.CustomerPhone).Distinct().ToListAsync(ct) : [];
        var customers = ordersOf.Count;
        var repeaters = ordersOf.Where(c => c.Value >= 2).ToList();
        var retained = previousPhones.Where(ordersOf.ContainsKey).ToList();

        var snapshot = new MetricSnapshot(period);
        snapshot.Values[new MetricCell(RepurchaseRate, null)] = customers > 0 ? (double)repeaters.Count / customers : null;
        if (options.Wants(RetentionRate))
        {
            snapshot.Values[new MetricCell(RetentionRate, null)] = previousPhones.Count > 0 ? (double)retained.Count / previousPhones.Count : null;
        }
        if (options.RecordCap > 0)
        {
            var shownRepeaters = repeaters.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(options.RecordCap).Select(c => c.Key).ToList();
            snapshot.Records[new MetricCell(RepurchaseRate, null)] =
                new MetricRecords(repeaters.Count, await RecordsAsync(current, shownRepeaters, ct));
            if (options.Wants(RetentionRate))
            {
                var shownRetained = retained.Order(StringComparer.Ordinal).Take(options.RecordCap).ToList();
                snapshot.Records[new MetricCell(RetentionRate, null)] =
                    new MetricRecords(retained.Count, await RecordsAsync(current, shownRetained, ct));
            }
        }
        return snapshot;
    }

    /// <summary>
    /// The period before, as the dashboards mean it: the calendar month before a month, the week before a week, and
    /// so on; a custom range has the same number of days just before it.
    /// </summary>
    public MetricPeriod PreviousOf(MetricPeriod period)
    {
        var start = DateOnly.FromDateTime(time.ToLocal(period.FromUtc));
        var end = DateOnly.FromDateTime(time.ToLocal(period.ToUtc));
        var kinds = new[] { PeriodKind.Day, PeriodKind.Week, PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Year };
        var report = kinds.Select(k => ReportPeriod.Containing(k, start)).FirstOrDefault(p => p.Start == start && p.End == end)
            ?? new ReportPeriod(PeriodKind.Custom, start, end);
        return report.Previous().ToUtc(time.Zone);
    }

    private static IQueryable<Order> Buyers(OpsDb db, MetricPeriod period) =>
        SalesMetricSource.Placed(db, period).Where(o => o.CustomerPhone != "");

    /// <summary>One record per customer: their name and how many orders they placed in the period; it opens the order list searched by phone.</summary>
    private static async Task<IReadOnlyList<MetricRecord>> RecordsAsync(IQueryable<Order> current, IReadOnlyList<string> phones, CancellationToken ct)
    {
        var rows = await current.Where(o => phones.Contains(o.CustomerPhone)).GroupBy(o => o.CustomerPhone)
            .Select(g => new { Phone = g.Key, Orders = g.Count(), Last = g.Max(o => o.PlacedAtUtc), Name = g.Max(o => o.CustomerName) })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.Orders).ThenBy(r => r.Phone, StringComparer.Ordinal)
            .Select(r => new MetricRecord(r.Name!, r.Last, $"{r.Phone} · {r.Orders} ×", $"/orders?q={Uri.EscapeDataString(r.Phone)}")).ToList();
    }

    private static MetricDefinition Define(string key, string en, string zh, string formulaEn, string formulaZh) =>
        new(key, "customers", en, zh, formulaEn, formulaZh, MetricUnit.Percent, MetricDirection.HigherIsBetter, Team.Operations, PerEmployee: false);
}
