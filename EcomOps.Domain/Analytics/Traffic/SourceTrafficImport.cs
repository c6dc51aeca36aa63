using EcomOps.Domain.Data;
using EcomOps.Domain.Orders.Import;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Traffic;

/// <summary>A valid line of a per-source report: the platform's source name and what it maps to, and the ad spend when the report has it.</summary>
public sealed record SourceTrafficRow(int Line, TrafficChannel Channel, DateOnly Day, string SourceName, TrafficSource Source, int Visitors, int PageViews,
    int PayingBuyers, long? SpendCents = null) : ITrafficReportRow;

/// <summary>A platform source on a channel's day: the key of the per-source report.</summary>
public readonly record struct ChannelSourceDay(TrafficChannel Channel, DateOnly Day, string SourceName);

/// <summary>
/// Imports the platforms' traffic by source (流量来源): channel, date, source (the platform's own name, mapped through
/// <see cref="TrafficSourceName"/>), visitors, page views, paying buyers and, optionally, what the source cost (花费: the
/// ad platforms' spend, yuan; empty where a source costs nothing or the report does not say). A report is a channel's whole breakdown of a
/// day, so importing a day replaces every source stored for that channel and day.
/// </summary>
public sealed class SourceTrafficImport(IDbContextFactory<OpsDb> dbFactory, CompanyTime time) : TrafficReportImport<SourceTrafficRow, ChannelSourceDay>(dbFactory, time)
{
    public override IReadOnlyList<ReportColumn> Columns { get; } =
    [
        new("channel", "渠道", "平台"), new("date", "日期", "统计日期"), new("source", "来源", "流量来源", "来源名称"),
        new("visitors", "访客数"), new("page_views", "浏览量"), new("paying_buyers", "支付买家数"),
        new("spend", "花费", "推广花费", "消耗") { Optional = true },
    ];

    protected override async Task<object?> LoadContextAsync(OpsDb db, CancellationToken ct) =>
        (await db.TrafficSourceNames.AsNoTracking().ToListAsync(ct)).ToDictionary(n => (n.Platform, n.Name), n => n.Source);

    protected override ChannelSourceDay KeyOf(SourceTrafficRow row) => new(row.Channel, row.Day, row.SourceName);

    protected override (SourceTrafficRow? Row, IReadOnlyList<string> Reasons) Parse(CsvRecord record, object? context, DateOnly today)
    {
        var mapping = (Dictionary<(TrafficChannel, string), TrafficSource>)context!;
        var cells = record.Cells;
        var reasons = new List<string>();
        var channel = TrafficImport.ChannelOf(cells[0]);
        if (channel is null)
        {
            reasons.Add("TrafficChannelUnknown");
        }
        var day = Day(cells[1], today, reasons);
        var name = cells[2];
        TrafficSource source = default;
        if (name.Length == 0)
        {
            reasons.Add("TrafficSourceMissing");
        }
        else if (channel is { } c && !mapping.TryGetValue((c, name), out source))
        {
            reasons.Add("TrafficSourceUnknown");
        }
        var numbers = Counts(cells, 3, 3, reasons);
        if (numbers is [var visitors, var pageViews, var buyers])
        {
            if (buyers > visitors)
            {
                reasons.Add("TrafficBuyersAboveVisitors");
            }
            if (pageViews < visitors)
            {
                reasons.Add("TrafficPageViewsBelowVisitors");
            }
        }
        var spend = Money(cells[6], "TrafficSpendInvalid", reasons);
        return reasons.Count > 0 || channel is null || day is null || numbers is null
            ? (null, reasons)
            : (new SourceTrafficRow(record.Row, channel.Value, day.Value, name, source, numbers[0], numbers[1], numbers[2], spend), []);
    }

    protected override async Task<HashSet<ChannelSourceDay>> StoredKeysAsync(OpsDb db, IReadOnlyList<SourceTrafficRow> rows, CancellationToken ct)
    {
        var stored = await StoredDaysAsync(db, rows, ct);
        return rows.Where(r => stored.Contains((r.Channel, r.Day))).Select(KeyOf).ToHashSet();
    }

    protected override async Task<bool> ReplaceAsync(OpsDb db, IReadOnlyList<SourceTrafficRow> rows, IReadOnlySet<ChannelSourceDay> knownStored, ImportStamp stamp,
        CancellationToken ct)
    {
        var knownDays = knownStored.Select(k => (k.Channel, k.Day)).ToHashSet();
        var days = rows.Select(r => r.Day).Distinct().ToList();
        var periods = rows.Select(r => (r.Channel, r.Day)).ToHashSet();
        var replaced = (await db.SourceTrafficDays.Where(t => days.Contains(t.Day)).ToListAsync(ct)).Where(t => periods.Contains((t.Channel, t.Day))).ToList();
        if (replaced.Any(t => !knownDays.Contains((t.Channel, t.Day))))
        {
            return false;
        }
        db.SourceTrafficDays.RemoveRange(replaced);
        await db.SaveChangesAsync(ct);
        db.SourceTrafficDays.AddRange(rows.Select(r => new SourceTrafficDay
        {
            Channel = r.Channel, Day = r.Day, SourceName = r.SourceName, Source = r.Source, Visitors = r.Visitors, PageViews = r.PageViews,
            PayingBuyers = r.PayingBuyers, SpendCents = r.SpendCents, ImportedAtUtc = stamp.AtUtc, ImportedBy = stamp.By, SourceFile = stamp.File,
        }));
        return true;
    }

    private static async Task<HashSet<(TrafficChannel, DateOnly)>> StoredDaysAsync(OpsDb db, IReadOnlyList<SourceTrafficRow> rows, CancellationToken ct)
    {
        var days = rows.Select(r => r.Day).Distinct().ToList();
        var stored = await db.SourceTrafficDays.AsNoTracking().Where(t => days.Contains(t.Day)).Select(t => new { t.Channel, t.Day }).Distinct().ToListAsync(ct);
        return stored.Select(s => (s.Channel, s.Day)).ToHashSet();
    }
}
