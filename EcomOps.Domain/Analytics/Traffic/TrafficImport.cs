using EcomOps.Domain.Data;
using EcomOps.Domain.Orders.Import;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Traffic;

/// <summary>A valid line of a channel's daily traffic report.</summary>
public sealed record TrafficRow(int Line, TrafficChannel Channel, DateOnly Day, int Visits, int PageViews, int Visitors, int NewVisitors) : ITrafficReportRow;

/// <summary>A channel's day: the key of the daily channel report.</summary>
public readonly record struct ChannelDay(TrafficChannel Channel, DateOnly Day);

/// <summary>
/// Imports the platforms' daily traffic per channel: a CSV or Excel report with the columns channel, date, visits,
/// page_views, visitors, new_visitors (one line per channel and day; a re-import of a day replaces it).
/// </summary>
public sealed class TrafficImport(IDbContextFactory<OpsDb> dbFactory, CompanyTime time) : TrafficReportImport<TrafficRow, ChannelDay>(dbFactory, time)
{
    public override IReadOnlyList<ReportColumn> Columns { get; } =
    [
        new("channel", "渠道", "平台"), new("date", "日期", "统计日期"), new("visits", "访问次数"), new("page_views", "浏览量"),
        new("visitors", "访客数"), new("new_visitors", "新访客数"),
    ];

    private static readonly Dictionary<string, TrafficChannel> ChineseChannels = new()
    {
        ["天猫"] = TrafficChannel.Tmall,
        ["京东"] = TrafficChannel.JD,
        ["抖音"] = TrafficChannel.Douyin,
        ["拼多多"] = TrafficChannel.Pinduoduo,
        ["官网"] = TrafficChannel.WebShop,
        ["官网商城"] = TrafficChannel.WebShop,
    };

    /// <summary>A platform's name as the reports write it (English or Chinese), or null.</summary>
    public static TrafficChannel? ChannelOf(string text)
    {
        var trimmed = text.Trim();
        if (Enum.TryParse<TrafficChannel>(trimmed.Replace(" ", ""), ignoreCase: true, out var channel) && Enum.IsDefined(channel) && !int.TryParse(trimmed, out _))
        {
            return channel;
        }
        return ChineseChannels.TryGetValue(trimmed, out channel) ? channel : null;
    }

    /// <summary>The stored days of the last weeks, newest first, for the import page.</summary>
    public async Task<IReadOnlyList<TrafficDay>> RecentAsync(int days, CancellationToken ct = default)
    {
        var from = Time.Today.AddDays(-days);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        return await db.TrafficDays.AsNoTracking().Where(t => t.Day >= from).OrderByDescending(t => t.Day).ThenBy(t => t.Channel).ToListAsync(ct);
    }

    protected override Task<object?> LoadContextAsync(OpsDb db, CancellationToken ct) => Task.FromResult<object?>(null);

    protected override ChannelDay KeyOf(TrafficRow row) => new(row.Channel, row.Day);

    protected override async Task<HashSet<ChannelDay>> StoredKeysAsync(OpsDb db, IReadOnlyList<TrafficRow> rows, CancellationToken ct)
    {
        var days = rows.Select(r => r.Day).Distinct().ToList();
        var stored = await db.TrafficDays.AsNoTracking().Where(t => days.Contains(t.Day)).Select(t => new { t.Channel, t.Day }).ToListAsync(ct);
        return stored.Select(s => new ChannelDay(s.Channel, s.Day)).ToHashSet();
    }

    protected override async Task<bool> ReplaceAsync(OpsDb db, IReadOnlyList<TrafficRow> rows, IReadOnlySet<ChannelDay> knownStored, ImportStamp stamp, CancellationToken ct)
    {
        var days = rows.Select(r => r.Day).Distinct().ToList();
        var keys = rows.Select(KeyOf).ToHashSet();
        var replaced = (await db.TrafficDays.Where(t => days.Contains(t.Day)).ToListAsync(ct)).Where(t => keys.Contains(new ChannelDay(t.Channel, t.Day))).ToList();
        if (replaced.Any(t => !knownStored.Contains(new ChannelDay(t.Channel, t.Day))))
        {
            return false;
        }
        db.TrafficDays.RemoveRange(replaced);
        await db.SaveChangesAsync(ct);
        db.TrafficDays.AddRange(rows.Select(r => new TrafficDay
        {
            Channel = r.Channel, Day = r.Day, Visits = r.Visits, PageViews = r.PageViews, Visitors = r.Visitors, NewVisitors = r.NewVisitors,
            ImportedAtUtc = stamp.AtUtc, ImportedBy = stamp.By, SourceFile = stamp.File,
        }));
        return true;
    }

    protected override (TrafficRow? Row, IReadOnlyList<string> Reasons) Parse(CsvRecord record, object? context, DateOnly today)
    {
        var cells = record.Cells;
        var reasons = new List<string>();
        var channel = ChannelOf(cells[0]);
        if (channel is null)
        {
            reasons.Add("TrafficChannelUnknown");
        }
        var day = Day(cells[1], today, reasons);
        var numbers = Counts(cells, 2, 4, reasons);
        if (numbers is [var visits, var pageViews, var visitors, var newVisitors])
        {
            if (visitors > visits)
            {
                reasons.Add("TrafficVisitorsAboveVisits");
            }
            if (newVisitors > visitors)
            {
                reasons.Add("TrafficNewAboveVisitors");
            }
            if (pageViews < visits)
            {
                reasons.Add("TrafficPageViewsBelowVisits");
            }
        }
        return reasons.Count > 0 || channel is null || day is null || numbers is null
            ? (null, reasons)
            : (new TrafficRow(record.Row, channel.Value, day.Value, numbers[0], numbers[1], numbers[2], numbers[3]), []);
    }
}
