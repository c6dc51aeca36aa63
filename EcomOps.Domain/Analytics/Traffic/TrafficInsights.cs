using System.Globalization;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Traffic;

/// <summary>
/// A listing's funnel (visitors → add to cart → paying buyers) and its rates. A rate is null when nothing entered the
/// step before it (no visitors, no add-to-cart), never a zero nobody measured.
/// </summary>
public sealed record TrafficFunnel(long Visitors, long PageViews, long AddToCart, long PayingBuyers)
{
    public static readonly TrafficFunnel None = new(0, 0, 0, 0);

    /// <summary>Visitors who added to cart ÷ visitors.</summary>
    public double? CartRate => Visitors > 0 ? (double)AddToCart / Visitors : null;

    /// <summary>Paying buyers ÷ visitors who added to cart (a buyer may pay without the cart, so it can exceed 1).</summary>
    public double? CartToPurchase => AddToCart > 0 ? (double)PayingBuyers / AddToCart : null;

    /// <summary>Paying buyers ÷ visitors (支付转化率).</summary>
    public double? Conversion => Visitors > 0 ? (double)PayingBuyers / Visitors : null;

    public TrafficFunnel Plus(TrafficFunnel other) =>
        new(Visitors + other.Visitors, PageViews + other.PageViews, AddToCart + other.AddToCart, PayingBuyers + other.PayingBuyers);
}

/// <summary>Visitors and paying buyers of one group (a source or a channel) over the period, and its share of all visitors.</summary>
/// <remarks><see cref="SpendCents"/> is what the rows with a reported spend cost, <see cref="SpentBuyers"/> their buyers.</remarks>
public sealed record SourceFigure(string Group, long Visitors, long PageViews, long PayingBuyers, double? Share, long? SpendCents = null, long SpentBuyers = 0)
{
    public double? Conversion => Visitors > 0 ? (double)PayingBuyers / Visitors : null;

    /// <summary>What one paying buyer of the paid rows cost (yuan): free sources' buyers are not counted against the spend.</summary>
    public double? CostPerBuyer => SpendCents is { } spend && SpentBuyers > 0 ? spend / 100.0 / SpentBuyers : null;
}

/// <summary>One group's visitors and conversion for each day of the period (null on a day without a report).</summary>
public sealed record SourceSeries(string Group, IReadOnlyList<long?> Visitors, IReadOnlyList<double?> Conversion);

/// <summary>Traffic by source or by channel: totals per group and a daily series per group.</summary>
public sealed record SourceBoard(DateOnly From, DateOnly To, IReadOnlyList<DateOnly> Days, IReadOnlyList<SourceFigure> Groups, SourceFigure Total,
    IReadOnlyList<SourceSeries> Series);

/// <summary>One listing's funnel over the period with its sales from orders (its product's lines on its channel, cancelled orders out).</summary>
public sealed record ListingFunnelRow(int ListingId, string Title, int ChannelId, string ChannelName, string? CategoryEn, string? CategoryZh, TrafficFunnel Funnel,
    long NetCents, int Orders, int Units)
{
    /// <summary>Net sales per visitor, in fen.</summary>
    public double? SalesPerVisitor => Funnel.Visitors > 0 ? (double)NetCents / Funnel.Visitors : null;
}

/// <summary>How the listing funnels are grouped into groups of traffic: by the console's sources or by channel.</summary>
public enum TrafficGrouping
{
    Source,
    Channel,
}

public enum ListingFunnelSort
{
    Visitors,
    Conversion,
    Sales,
}

/// <summary>
/// The traffic dashboards' queries: traffic and conversion by source and by channel over time, the per-listing funnel
/// with the listing's sales from orders, and the rows behind every figure. Days are company-local and inclusive.
/// </summary>
public sealed class TrafficInsights(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
{
    public const int RecordCap = 200;

    public async Task<SourceBoard> SourcesAsync(DateOnly from, DateOnly to, TrafficGrouping grouping, TrafficChannel? channel = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await SourceRows(db, from, to, channel, null).ToListAsync(ct);
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        string GroupOf(SourceTrafficDay d) => grouping == TrafficGrouping.Source ? d.Source.ToString() : d.Channel.ToString();
        var allVisitors = rows.Sum(r => (long)r.Visitors);
        var groups = rows.GroupBy(GroupOf)
            .Select(g => Figure(g.Key, g, allVisitors))
            .OrderByDescending(g => g.Visitors).ToList();
        var series = groups.Select(g =>
        {
            var byDay = rows.Where(r => GroupOf(r) == g.Group).GroupBy(r => r.Day).ToDictionary(d => d.Key, d => Figure(g.Group, d, 0));
            return new SourceSeries(g.Group, days.Select(d => byDay.TryGetValue(d, out var f) ? f.Visitors : (long?)null).ToList(),
                days.Select(d => byDay.TryGetValue(d, out var f) ? f.Conversion : null).ToList());
        }).ToList();
        return new SourceBoard(from, to, days, groups, Figure("", rows, allVisitors), series);
    }

    /// <summary>The imported rows behind a source or channel figure, newest first, up to <see cref="RecordCap"/>.</summary>
    public async Task<MetricRecords> SourceRecordsAsync(DateOnly from, DateOnly to, TrafficChannel? channel, TrafficSource? source, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = SourceRows(db, from, to, channel, source);
        var total = await query.CountAsync(ct);
        var shown = await query.OrderByDescending(r => r.Day).ThenBy(r => r.Channel).ThenBy(r => r.SourceName).Take(RecordCap).ToListAsync(ct);
        return new MetricRecords(total, shown.Select(r => new MetricRecord($"{r.Channel} · {r.SourceName}", time.ToUtc(r.Day.ToDateTime(TimeOnly.MinValue)),
            string.Create(CultureInfo.InvariantCulture, $"{r.Source} · {r.Visitors:#,##0} / {r.PayingBuyers:#,##0} · {r.SourceFile}"), null)).ToList());
    }

    /// <summary>
    /// The listings with traffic or sales in the period, each with its funnel and its sales from orders, sorted as asked,
    /// filtered by channel and by any part of the title; at most <paramref name="take"/> and the number there are.
    /// </summary>
    public async Task<(IReadOnlyList<ListingFunnelRow> Rows, int Total)> ListingFunnelsAsync(DateOnly from, DateOnly to, int? channelId, string? text,
        ListingFunnelSort sort, int take = 50, TrafficChannel? platform = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var traffic = await db.ListingTrafficDays.AsNoTracking().Where(t => t.Day >= from && t.Day <= to)
            .GroupBy(t => t.ListingId)
            .Select(g => new { ListingId = g.Key, Visitors = g.Sum(t => (long)t.Visitors), PageViews = g.Sum(t => (long)t.PageViews),
                Cart = g.Sum(t => (long)t.AddToCart), Buyers = g.Sum(t => (long)t.PayingBuyers) })
            .ToDictionaryAsync(t => t.ListingId, ct);
        var sales = await SalesByProductAsync(db, from, to, null, ct);
        var withTraffic = traffic.Keys.ToList();
        var listings = db.Listings.AsNoTracking().Where(l => l.State != ListingState.Retired || withTraffic.Contains(l.Id));
        if (channelId is { } c)
        {
            listings = listings.Where(l => l.ChannelId == c);
        }
        if (!string.IsNullOrWhiteSpace(text))
        {
            var wanted = text.Trim();
            listings = listings.Where(l => l.Title.Contains(wanted));
        }
        var candidates = await (from l in listings
                                join ch in db.SalesChannels on l.ChannelId equals ch.Id
                                join p in db.Products on l.ProductId equals p.Id
                                join cat in db.Categories on p.CategoryId equals cat.Id into cats
                                from cat in cats.DefaultIfEmpty()
                                select new { l.Id, l.Title, l.ChannelId, Channel = ch.Name, ch.Platform, l.ProductId, CategoryEn = cat == null ? null : cat.NameEn, CategoryZh = cat == null ? null : cat.NameZh })
            .ToListAsync(ct);
        var rows = candidates
            .Where(l => platform is null || Design.DesignQueries.TrafficOf(l.Platform) == platform)
            .Select(l =>
            {
                var t = traffic.GetValueOrDefault(l.Id);
                var s = sales.GetValueOrDefault((l.ChannelId, l.ProductId));
                return new ListingFunnelRow(l.Id, l.Title, l.ChannelId, l.Channel, l.CategoryEn, l.CategoryZh,
                    t is null ? TrafficFunnel.None : new TrafficFunnel(t.Visitors, t.PageViews, t.Cart, t.Buyers), s.NetCents, s.Orders, s.Units);
            })
            .Where(r => r.Funnel.Visitors > 0 || r.Orders > 0)
            .ToList();
        IOrderedEnumerable<ListingFunnelRow> sorted = sort switch
        {
            ListingFunnelSort.Conversion => rows.OrderByDescending(r => r.Funnel.Conversion ?? -1),
            ListingFunnelSort.Sales => rows.OrderByDescending(r => r.NetCents),
            _ => rows.OrderByDescending(r => r.Funnel.Visitors),
        };
        return (sorted.ThenBy(r => r.ListingId).Take(take).ToList(), rows.Count);
    }

    /// <summary>One listing's imported days in the period, newest first: the rows behind its funnel figures.</summary>
    public async Task<MetricRecords> ListingTrafficRecordsAsync(int listingId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ListingTrafficDays.AsNoTracking().Where(t => t.ListingId == listingId && t.Day >= from && t.Day <= to)
            .OrderByDescending(t => t.Day).ToListAsync(ct);
        return new MetricRecords(rows.Count, rows.Take(RecordCap).Select(r => new MetricRecord(r.SourceFile ?? "", time.ToUtc(r.Day.ToDateTime(TimeOnly.MinValue)),
            string.Create(CultureInfo.InvariantCulture, $"{r.Visitors:#,##0} → {r.AddToCart:#,##0} → {r.PayingBuyers:#,##0} · {r.PageViews:#,##0} PV"), null)).ToList());
    }

    /// <summary>The orders behind a listing's sales in the period (its product on its channel, not cancelled), newest first.</summary>
    public async Task<MetricRecords> ListingOrderRecordsAsync(int listingId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var listing = await db.Listings.AsNoTracking().Where(l => l.Id == listingId).Select(l => new { l.ChannelId, l.ProductId }).FirstOrDefaultAsync(ct);
        if (listing is null)
        {
            return new MetricRecords(0, []);
        }
        var (fromUtc, toUtc) = Span(from, to);
        var orders = db.Orders.AsNoTracking().Where(o => o.ChannelId == listing.ChannelId && o.Status != OrderStatus.Cancelled
            && o.PlacedAtUtc >= fromUtc && o.PlacedAtUtc < toUtc
            && db.OrderLines.Any(line => line.OrderId == o.Id && db.Skus.Any(s => s.Id == line.SkuId && s.ProductId == listing.ProductId)));
        var total = await orders.CountAsync(ct);
        return new MetricRecords(total, await Sources.SalesMetricSource.RecordsAsync(orders, RecordCap, ct));
    }

    /// <summary>Net sales, orders and units per channel and product over the days (cancelled orders out).</summary>
    internal async Task<Dictionary<(int ChannelId, int ProductId), (long NetCents, int Orders, int Units)>> SalesByProductAsync(OpsDb db, DateOnly from, DateOnly to,
        int? channelId, CancellationToken ct)
    {
        var (fromUtc, toUtc) = Span(from, to);
        var lines = await (from line in db.OrderLines.AsNoTracking()
                           join order in db.Orders on line.OrderId equals order.Id
                           join sku in db.Skus on line.SkuId equals sku.Id
                           where sku.ProductId != null && order.Status != OrderStatus.Cancelled && order.PlacedAtUtc >= fromUtc && order.PlacedAtUtc < toUtc
                                 && (channelId == null || order.ChannelId == channelId)
                           select new { order.ChannelId, ProductId = sku.ProductId!.Value, line.OrderId, line.Quantity, Net = line.Quantity * line.UnitPriceCents - line.DiscountCents })
            .ToListAsync(ct);
        return lines.GroupBy(l => (l.ChannelId, l.ProductId))
            .ToDictionary(g => g.Key, g => (g.Sum(l => l.Net), g.Select(l => l.OrderId).Distinct().Count(), g.Sum(l => l.Quantity)));
    }

    private (DateTime FromUtc, DateTime ToUtc) Span(DateOnly from, DateOnly to) =>
        (time.ToUtc(from.ToDateTime(TimeOnly.MinValue)), time.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));

    private static IQueryable<SourceTrafficDay> SourceRows(OpsDb db, DateOnly from, DateOnly to, TrafficChannel? channel, TrafficSource? source)
    {
        var query = db.SourceTrafficDays.AsNoTracking().Where(r => r.Day >= from && r.Day <= to);
        if (channel is { } c)
        {
            query = query.Where(r => r.Channel == c);
        }
        if (source is { } s)
        {
            query = query.Where(r => r.Source == s);
        }
        return query;
    }

    private static SourceFigure Figure(string group, IEnumerable<SourceTrafficDay> rows, long allVisitors)
    {
        var list = rows as IReadOnlyCollection<SourceTrafficDay> ?? rows.ToList();
        var visitors = list.Sum(r => (long)r.Visitors);
        var spent = list.Where(r => r.SpendCents is not null).ToList();
        return new SourceFigure(group, visitors, list.Sum(r => (long)r.PageViews), list.Sum(r => (long)r.PayingBuyers),
            allVisitors > 0 ? (double)visitors / allVisitors : null, spent.Count > 0 ? spent.Sum(r => r.SpendCents!.Value) : null,
            spent.Sum(r => (long)r.PayingBuyers));
    }
}
