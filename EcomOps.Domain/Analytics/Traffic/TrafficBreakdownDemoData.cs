using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Traffic;

/// <summary>
/// Traffic by source and by listing for the days the channel reports cover, consistent with the orders: a listing's
/// paying buyers on a day are its orders that day (its product on its channel, cancelled ones out), its visitors follow
/// from a conversion of its own (a few listings convert poorly, as real shops have), and each channel's visitors are
/// split over its platform's source names with the channel's buyers shared by each source's pull.
/// </summary>
public sealed class TrafficBreakdownDemoData(CompanyTime time) : IDemoDataArea
{
    // After the channel reports (60), the campaigns and the listings (70).
    public int Order => 72;

    public string Name => "traffic by source and listing";

    /// <summary>Each source's share of a channel's visitors and how well it converts against the channel's average.</summary>
    private static readonly Dictionary<TrafficSource, (double Share, double Pull)> SourceShape = new()
    {
        [TrafficSource.Search] = (0.34, 1.2),
        [TrafficSource.Recommendation] = (0.24, 0.7),
        [TrafficSource.Paid] = (0.16, 1.0),
        [TrafficSource.LiveStream] = (0.09, 1.5),
        [TrafficSource.Content] = (0.07, 0.6),
        [TrafficSource.Direct] = (0.06, 2.2),
        [TrafficSource.Other] = (0.04, 0.5),
    };

    public async Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct)
    {
        var channelDays = await db.TrafficDays.AsNoTracking().ToListAsync(ct);
        if (channelDays.Count == 0)
        {
            return;
        }
        var from = channelDays.Min(d => d.Day);
        var to = channelDays.Max(d => d.Day);
        var fromUtc = time.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var toUtc = time.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var channels = await db.SalesChannels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Platform, ct);
        var lines = await (from line in db.OrderLines.AsNoTracking()
                           join order in db.Orders on line.OrderId equals order.Id
                           join sku in db.Skus on line.SkuId equals sku.Id
                           where sku.ProductId != null && order.Status != OrderStatus.Cancelled && order.PlacedAtUtc >= fromUtc && order.PlacedAtUtc < toUtc
                           select new { order.Id, order.ChannelId, ProductId = sku.ProductId!.Value, order.PlacedAtUtc })
            .ToListAsync(ct);
        var orders = lines.Select(l => (l.Id, l.ChannelId, l.ProductId, Day: DateOnly.FromDateTime(time.ToLocal(l.PlacedAtUtc)))).Distinct().ToList();
        var buyersByListingKey = orders.GroupBy(o => (o.ChannelId, o.ProductId, o.Day)).ToDictionary(g => g.Key, g => g.Count());
        var buyersByPlatformDay = orders.Select(o => (o.Id, o.ChannelId, o.Day)).Distinct()
            .GroupBy(o => (Platform: Design.DesignQueries.TrafficOf(channels.GetValueOrDefault(o.ChannelId)), o.Day))
            .Where(g => g.Key.Platform is not null).ToDictionary(g => (g.Key.Platform!.Value, g.Key.Day), g => g.Count());

        var listings = await db.Listings.AsNoTracking().Where(l => l.State == ListingState.Live || l.State == ListingState.Paused)
            .OrderBy(l => l.Id).Select(l => new { l.Id, l.ChannelId, l.ProductId }).ToListAsync(ct);
        var stamp = time.UtcNow;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var nextId = (await db.ListingTrafficDays.MaxAsync(t => (int?)t.Id, ct) ?? 0) + 1;
        using (var insert = new BulkInsert<ListingTrafficDay>(db))
        {
            foreach (var listing in listings)
            {
                // Most listings convert 2–6% of their visitors; one in ten converts under 1% (a weak detail page or price).
                var conversion = random.NextDouble() < 0.1 ? 0.004 + random.NextDouble() * 0.006 : 0.02 + random.NextDouble() * 0.04;
                var idle = 5 + random.Next(40);
                for (var day = from; day <= to; day = day.AddDays(1))
                {
                    var buyers = buyersByListingKey.GetValueOrDefault((listing.ChannelId, listing.ProductId, day));
                    var visitors = Math.Max(buyers, buyers > 0 ? (int)Math.Round(buyers / conversion * (0.8 + random.NextDouble() * 0.4)) : random.Next(idle));
                    if (visitors == 0)
                    {
                        continue;
                    }
                    var cart = Math.Min(visitors, Math.Max(buyers, (int)Math.Round(visitors * (0.06 + random.NextDouble() * 0.08))));
                    insert.Add(new ListingTrafficDay
                    {
                        Id = nextId++, ListingId = listing.Id, Day = day, Visitors = visitors, PageViews = (int)Math.Ceiling(visitors * (1.2 + random.NextDouble() * 0.8)),
                        AddToCart = cart, PayingBuyers = buyers, ImportedAtUtc = stamp, ImportedBy = "demo-data", SourceFile = "item-report.xlsx",
                    });
                }
            }
        }

        // What a paid visitor costs on each platform: priced so its buyers return a set multiple of the spend (return on ad
        // spend). Douyin's 千川 runs below break-even at the default 30% margin (1 ÷ 0.3 ≈ 3.3×), as an over-bid plan does.
        var revenue = (await (from o in db.Orders.AsNoTracking()
                              where o.Status != OrderStatus.Cancelled && o.PlacedAtUtc >= fromUtc && o.PlacedAtUtc < toUtc
                              group o by o.ChannelId into g
                              select new { ChannelId = g.Key, Net = g.Sum(o => o.ItemsCents - o.DiscountCents) }).ToListAsync(ct))
            .Where(r => Design.DesignQueries.TrafficOf(channels.GetValueOrDefault(r.ChannelId)) is not null)
            .GroupBy(r => Design.DesignQueries.TrafficOf(channels[r.ChannelId])!.Value).ToDictionary(g => g.Key, g => g.Sum(r => r.Net) / 100.0);
        var costPerVisitor = channelDays.GroupBy(d => d.Channel).ToDictionary(g => g.Key, g =>
        {
            var visitors = g.Sum(d => (double)d.Visitors);
            return visitors > 0 ? revenue.GetValueOrDefault(g.Key) / visitors / TargetReturnOnSpend(g.Key) : 0;
        });

        var names = await db.TrafficSourceNames.AsNoTracking().ToListAsync(ct);
        var sourceId = (await db.SourceTrafficDays.MaxAsync(t => (int?)t.Id, ct) ?? 0) + 1;
        using (var insert = new BulkInsert<SourceTrafficDay>(db))
        {
            foreach (var channelDay in channelDays.OrderBy(d => d.Day).ThenBy(d => d.Channel))
            {
                var platformNames = names.Where(n => n.Platform == channelDay.Channel).ToList();
                if (platformNames.Count == 0)
                {
                    continue;
                }
                // A source's weight is shared by its names on the platform, each with a little noise.
                var weights = platformNames.Select(n => SourceShape[n.Source].Share / platformNames.Count(m => m.Source == n.Source) * (0.85 + random.NextDouble() * 0.3)).ToArray();
                var visitors = Split(channelDay.Visitors, weights);
                var buyers = Split(buyersByPlatformDay.GetValueOrDefault((channelDay.Channel, channelDay.Day)),
                    platformNames.Select((n, i) => weights[i] * SourceShape[n.Source].Pull).ToArray());
                for (var i = 0; i < platformNames.Count; i++)
                {
                    var paidVisitors = Math.Max(visitors[i], buyers[i]);
                    long? spend = platformNames[i].Source == TrafficSource.Paid
                        ? (long)Math.Round(paidVisitors * costPerVisitor.GetValueOrDefault(channelDay.Channel) * (0.8 + random.NextDouble() * 0.4) * 100)
                        : null;
                    insert.Add(new SourceTrafficDay
                    {
                        Id = sourceId++, Channel = channelDay.Channel, Day = channelDay.Day, SourceName = platformNames[i].Name, Source = platformNames[i].Source,
                        Visitors = Math.Max(visitors[i], buyers[i]), PageViews = (int)(Math.Max(visitors[i], buyers[i]) * (2.5 + random.NextDouble() * 2)),
                        PayingBuyers = buyers[i], SpendCents = spend, ImportedAtUtc = stamp, ImportedBy = "demo-data", SourceFile = "traffic-sources.csv",
                    });
                }
            }
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>The return on ad spend the demo's paid traffic earns per platform (Douyin's below break-even, the others healthy).</summary>
    public static double TargetReturnOnSpend(TrafficChannel channel) => channel switch
    {
        TrafficChannel.Douyin => 2.2,
        TrafficChannel.Pinduoduo => 4.2,
        _ => 5.5,
    };

    /// <summary>A whole number split by weights, the remainders going to the largest fractions, so the parts add up exactly.</summary>
    public static int[] Split(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var parts = new int[weights.Count];
        if (total <= 0 || sum <= 0)
        {
            return parts;
        }
        var exact = weights.Select(w => total * w / sum).ToArray();
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = (int)Math.Floor(exact[i]);
        }
        foreach (var i in Enumerable.Range(0, parts.Length).OrderByDescending(i => exact[i] - parts[i]).Take(total - parts.Sum()))
        {
            parts[i]++;
        }
        return parts;
    }
}
