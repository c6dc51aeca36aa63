using System.Globalization;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders.Import;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Traffic;

/// <summary>A valid line of a per-listing report.</summary>
public sealed record ListingTrafficRow(int Line, int ListingId, DateOnly Day, int Visitors, int PageViews, int AddToCart, int PayingBuyers) : ITrafficReportRow;

/// <summary>A listing's day: the key of the per-listing report.</summary>
public readonly record struct ListingDay(int ListingId, DateOnly Day);

/// <summary>
/// Imports the platforms' per-listing reports (商品效果): channel (the sales channel's code or name), date, listing
/// (the console's listing number), visitors, page views, add-to-cart, paying buyers and the platform's conversion
/// (支付转化率), which must agree with paying buyers ÷ visitors: a file whose figures disagree was edited or cut.
/// </summary>
public sealed class ListingTrafficImport(IDbContextFactory<OpsDb> dbFactory, CompanyTime time) : TrafficReportImport<ListingTrafficRow, ListingDay>(dbFactory, time)
{
    /// <summary>How far the platform's conversion may be from paying buyers ÷ visitors: it prints two decimals of a percent.</summary>
    public const double ConversionTolerance = 0.0001;

    public override IReadOnlyList<ReportColumn> Columns { get; } =
    [
        new("channel", "渠道", "店铺"), new("date", "日期", "统计日期"), new("listing", "listing_id", "商品ID", "商品编号"),
        new("visitors", "访客数"), new("page_views", "浏览量"), new("add_to_cart", "加购人数"), new("paying_buyers", "支付买家数"),
        new("conversion", "支付转化率"),
    ];

    private sealed record Context(Dictionary<int, int> ChannelOfListing, Dictionary<string, int> Channels);

    protected override async Task<object?> LoadContextAsync(OpsDb db, CancellationToken ct)
    {
        var listings = await db.Listings.AsNoTracking().Select(l => new { l.Id, l.ChannelId }).ToDictionaryAsync(l => l.Id, l => l.ChannelId, ct);
        var channels = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in await db.SalesChannels.AsNoTracking().Select(c => new { c.Id, c.Code, c.Name }).ToListAsync(ct))
        {
            channels.TryAdd(c.Code, c.Id);
            channels.TryAdd(c.Name, c.Id);
        }
        return new Context(listings, channels);
    }

    protected override ListingDay KeyOf(ListingTrafficRow row) => new(row.ListingId, row.Day);

    protected override (ListingTrafficRow? Row, IReadOnlyList<string> Reasons) Parse(CsvRecord record, object? context, DateOnly today)
    {
        var known = (Context)context!;
        var cells = record.Cells;
        var reasons = new List<string>();
        int? channelId = known.Channels.TryGetValue(CatalogRules.NormaliseCode(cells[0]), out var byCode) ? byCode
            : known.Channels.TryGetValue(cells[0], out var byName) ? byName : null;
        if (channelId is null)
        {
            reasons.Add("TrafficChannelUnknown");
        }
        var day = Day(cells[1], today, reasons);
        int? listingId = null;
        if (!int.TryParse(cells[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !known.ChannelOfListing.TryGetValue(id, out var listingChannel))
        {
            reasons.Add("TrafficListingUnknown");
        }
        else if (channelId is not null && listingChannel != channelId)
        {
            reasons.Add("TrafficListingOtherChannel");
        }
        else
        {
            listingId = id;
        }
        var numbers = Counts(cells, 3, 4, reasons);
        if (numbers is [var visitors, var pageViews, var cart, var buyers])
        {
            if (pageViews < visitors)
            {
                reasons.Add("TrafficPageViewsBelowVisitors");
            }
            if (cart > visitors)
            {
                reasons.Add("TrafficCartAboveVisitors");
            }
            if (buyers > visitors)
            {
                reasons.Add("TrafficBuyersAboveVisitors");
            }
            else if (Rate(cells[7]) is not { } conversion)
            {
                reasons.Add("TrafficConversionInvalid");
            }
            else if (Math.Abs(conversion - (visitors == 0 ? 0 : (double)buyers / visitors)) > ConversionTolerance)
            {
                reasons.Add("TrafficConversionMismatch");
            }
        }
        return reasons.Count > 0 || listingId is null || day is null || numbers is null
            ? (null, reasons)
            : (new ListingTrafficRow(record.Row, listingId.Value, day.Value, numbers[0], numbers[1], numbers[2], numbers[3]), []);
    }

    /// <summary>A conversion as the platforms print it, "3.45%", or as a spreadsheet holds it, 0.0345.</summary>
    public static double? Rate(string text)
    {
        var percent = text.EndsWith('%');
        if (!double.TryParse(percent ? text[..^1] : text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }
        var rate = percent ? value / 100 : value;
        return rate <= 1 ? rate : null;
    }

    protected override async Task<HashSet<ListingDay>> StoredKeysAsync(OpsDb db, IReadOnlyList<ListingTrafficRow> rows, CancellationToken ct)
    {
        var days = rows.Select(r => r.Day).Distinct().ToList();
        var listings = rows.Select(r => r.ListingId).Distinct().ToList();
        var stored = await db.ListingTrafficDays.AsNoTracking().Where(t => days.Contains(t.Day) && listings.Contains(t.ListingId))
            .Select(t => new { t.ListingId, t.Day }).ToListAsync(ct);
        return stored.Select(s => new ListingDay(s.ListingId, s.Day)).ToHashSet();
    }

    protected override async Task<bool> ReplaceAsync(OpsDb db, IReadOnlyList<ListingTrafficRow> rows, IReadOnlySet<ListingDay> knownStored, ImportStamp stamp,
        CancellationToken ct)
    {
        var days = rows.Select(r => r.Day).Distinct().ToList();
        var listings = rows.Select(r => r.ListingId).Distinct().ToList();
        var keys = rows.Select(KeyOf).ToHashSet();
        var replaced = (await db.ListingTrafficDays.Where(t => days.Contains(t.Day) && listings.Contains(t.ListingId)).ToListAsync(ct))
            .Where(t => keys.Contains(new ListingDay(t.ListingId, t.Day))).ToList();
        if (replaced.Any(t => !knownStored.Contains(new ListingDay(t.ListingId, t.Day))))
        {
            return false;
        }
        db.ListingTrafficDays.RemoveRange(replaced);
        await db.SaveChangesAsync(ct);
        db.ListingTrafficDays.AddRange(rows.Select(r => new ListingTrafficDay
        {
            ListingId = r.ListingId, Day = r.Day, Visitors = r.Visitors, PageViews = r.PageViews, AddToCart = r.AddToCart, PayingBuyers = r.PayingBuyers,
            ImportedAtUtc = stamp.AtUtc, ImportedBy = stamp.By, SourceFile = stamp.File,
        }));
        return true;
    }
}
