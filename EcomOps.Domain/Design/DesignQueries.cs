using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Design;

/// <summary>A card of the design board.</summary>
public sealed record DesignCard(int Id, string Number, string Title, DesignKind Kind, DesignState State, DesignPriority Priority, DateOnly DueDate,
    string RequesterName, string? RequesterUserId, string? AssigneeName, string? AssigneeUserId, string? LastSubmitterUserId, string? ListingTitle,
    int ReworkRounds, bool Overdue, bool DueToday, long Version);

/// <summary>The design board as every viewer shares it: open requests, and those delivered or cancelled in the last days.</summary>
public sealed record DesignBoard(IReadOnlyList<DesignCard> Cards, DateOnly Today);

/// <summary>A designer as the assign dialog shows them: how much is open on their desk and by when.</summary>
public sealed record DesignerLoad(int EmployeeId, string Name, string Role, int Open, IReadOnlyList<DateOnly> DueDates, int Overdue);

public sealed record DesignFileRow(int Id, string BlobHash, string FileName, int Width, int Height, long Bytes);

public sealed record DesignReviewRow(int BrandFit, int VisualEffect, int Creativity, double Average, string? Comment, bool Approved, string ReviewerName, DateTime ReviewedAtUtc);

public sealed record DesignVersionRow(int Id, int Number, string? Note, string SubmittedByName, string? SubmittedByUserId, DateTime SubmittedAtUtc,
    IReadOnlyList<DesignFileRow> Files, DesignReviewRow? Review);

/// <summary>Everything the request page shows.</summary>
public sealed record DesignDetail(DesignRequest Request, string? ListingTitle, int? ProductId, string? ChannelName, IReadOnlyList<DesignFileRow> References,
    IReadOnlyList<DesignVersionRow> Versions, bool Overdue, bool DueToday)
{
    public string? LastSubmitterUserId => Versions.Count > 0 ? Versions[^1].SubmittedByUserId : null;
}

/// <summary>One day of a listing's or its category's sales, behind a contribution figure.</summary>
/// <remarks>With per-listing reports, <see cref="ListingVisitors"/> and the buyers are the listing's and the rest of its category's own;
/// else they are null and <see cref="Visitors"/> (the store's) is the base of conversion.</remarks>
public sealed record SalesDay(DateOnly Day, long ListingCents, int ListingOrders, long CategoryCents, int CategoryOrders, long Visitors,
    long? ListingVisitors = null, long? ListingBuyers = null, long? CategoryVisitors = null, long? CategoryBuyers = null);

/// <summary>A request's contribution to sales with the days it was computed from.</summary>
/// <param name="ListingTraffic">Conversion is paying buyers ÷ the listings' own visitors (per-listing reports), not orders per store visitor.</param>
public sealed record ContributionReport(int RequestId, DateOnly DeliveredOn, int Days, bool Complete, ContributionFigure Figure, IReadOnlyList<SalesDay> Daily,
    bool ListingTraffic = false);

/// <summary>A listing as the request dialog offers it.</summary>
public sealed record ListingPick(int Id, string Title, int ChannelId, string ChannelName);

/// <summary>A design request as a listing's history lists it.</summary>
public sealed record ListingDesignRow(int Id, string Number, DesignKind Kind, DesignState State, string Title, string? AssigneeName, DateTime? DeliveredAtUtc,
    IReadOnlyList<DesignFileRow> DeliveredFiles);

/// <summary>Reads of the design area: the board, a request, designers' loads, a listing's designs, and contribution to sales.</summary>
public sealed class DesignQueries(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
{
    /// <summary>How long delivered and cancelled requests stay on the board.</summary>
    public const int ClosedShownDays = 14;

    public async Task<DesignBoard> BoardAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = time.Today;
        var since = time.UtcNow.AddDays(-ClosedShownDays);
        var rows = await db.Set<DesignRequest>().AsNoTracking()
            .Where(r => (r.State != DesignState.Delivered && r.State != DesignState.Cancelled) || r.StateChangedAtUtc >= since)
            .Select(r => new
            {
                r,
                Listing = db.Listings.Where(l => l.Id == r.ListingId).Select(l => l.Title).FirstOrDefault(),
                Submitter = db.Set<DesignVersion>().Where(v => v.RequestId == r.Id).OrderByDescending(v => v.Number).Select(v => v.SubmittedByUserId).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var cards = rows.Select(x => new DesignCard(x.r.Id, x.r.Number, x.r.Title, x.r.Kind, x.r.State, x.r.Priority, x.r.DueDate, x.r.RequesterName, x.r.RequesterUserId,
                x.r.AssigneeName, x.r.AssigneeUserId, x.Submitter, x.Listing, x.r.ReworkRounds,
                DesignRules.IsOverdue(x.r.DueDate, x.r.State, today), DesignRules.IsDueToday(x.r.DueDate, x.r.State, today), x.r.Version))
            .OrderByDescending(c => c.Overdue).ThenBy(c => c.DueDate).ThenByDescending(c => c.Priority).ThenBy(c => c.Id).ToList();
        return new DesignBoard(cards, today);
    }

    public async Task<DesignDetail?> DetailAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Set<DesignRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return null;
        }
        var listing = request.ListingId is { } listingId
            ? await db.Listings.AsNoTracking().Where(l => l.Id == listingId).Select(l => new { l.Title, l.ProductId }).FirstOrDefaultAsync(ct)
            : null;
        var channel = request.ChannelId is { } channelId ? await db.SalesChannels.AsNoTracking().Where(c => c.Id == channelId).Select(c => c.Name).FirstOrDefaultAsync(ct) : null;
        var files = await db.Set<DesignFile>().AsNoTracking().Where(f => f.RequestId == id).OrderBy(f => f.Position).ToListAsync(ct);
        var versions = await db.Set<DesignVersion>().AsNoTracking().Where(v => v.RequestId == id).OrderBy(v => v.Number).ToListAsync(ct);
        var reviews = await db.Set<DesignReview>().AsNoTracking().Where(r => r.RequestId == id).ToDictionaryAsync(r => r.VersionId, ct);
        var today = time.Today;
        return new DesignDetail(request, listing?.Title, listing?.ProductId, channel,
            [.. files.Where(f => f.VersionId is null).Select(Row)],
            [.. versions.Select(v => new DesignVersionRow(v.Id, v.Number, v.Note, v.SubmittedByName, v.SubmittedByUserId, v.SubmittedAtUtc,
                [.. files.Where(f => f.VersionId == v.Id).Select(Row)],
                reviews.GetValueOrDefault(v.Id) is { } r ? new DesignReviewRow(r.BrandFit, r.VisualEffect, r.Creativity, r.Average, r.Comment, r.Approved, r.ReviewerName, r.ReviewedAtUtc) : null))],
            DesignRules.IsOverdue(request.DueDate, request.State, today), DesignRules.IsDueToday(request.DueDate, request.State, today));
    }

    /// <summary>The designers (and the supervisor, who designs too) with their open load and due dates, lightest load first.</summary>
    public async Task<IReadOnlyList<DesignerLoad>> DesignersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await db.Employees.AsNoTracking().Where(e => e.Active && (e.Role == Roles.Designer || e.Role == Roles.DesignSupervisor))
            .Select(e => new { e.Id, e.FullName, e.Role }).ToListAsync(ct);
        var open = await db.Set<DesignRequest>().AsNoTracking()
            .Where(r => r.AssigneeEmployeeId != null && DesignRules.OpenForDesigner.Contains(r.State))
            .Select(r => new { r.AssigneeEmployeeId, r.DueDate }).ToListAsync(ct);
        var today = time.Today;
        var byPerson = open.ToLookup(o => o.AssigneeEmployeeId!.Value, o => o.DueDate);
        return [.. people.Select(p =>
            {
                var dues = byPerson[p.Id].Order().ToList();
                return new DesignerLoad(p.Id, p.FullName, p.Role, dues.Count, dues, dues.Count(d => d < today));
            })
            .OrderBy(d => d.Role == Roles.DesignSupervisor).ThenBy(d => d.Open).ThenBy(d => d.Name, StringComparer.Ordinal)];
    }

    /// <summary>A designer's open tasks, most pressing first (the designers' home page).</summary>
    public async Task<IReadOnlyList<DesignCard>> MineAsync(string? userId, CancellationToken ct = default)
    {
        if (userId is null)
        {
            return [];
        }
        var board = await BoardAsync(ct);
        return [.. board.Cards.Where(c => c.AssigneeUserId == userId && DesignRules.OpenForDesigner.Contains(c.State))];
    }

    /// <summary>The design work for a listing, newest first, with the files of the delivered ones: the listing's design history.</summary>
    public async Task<IReadOnlyList<ListingDesignRow>> ForListingAsync(int listingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var requests = await db.Set<DesignRequest>().AsNoTracking().Where(r => r.ListingId == listingId).OrderByDescending(r => r.Id).ToListAsync(ct);
        var delivered = requests.Where(r => r.State == DesignState.Delivered).Select(r => r.Id).ToList();
        var lastVersions = await db.Set<DesignVersion>().AsNoTracking().Where(v => delivered.Contains(v.RequestId))
            .GroupBy(v => v.RequestId).Select(g => g.Max(v => v.Id)).ToListAsync(ct);
        var files = (await db.Set<DesignFile>().AsNoTracking().Where(f => f.VersionId != null && lastVersions.Contains(f.VersionId.Value)).OrderBy(f => f.Position).ToListAsync(ct))
            .ToLookup(f => f.RequestId);
        return [.. requests.Select(r => new ListingDesignRow(r.Id, r.Number, r.Kind, r.State, r.Title, r.AssigneeName, r.DeliveredAtUtc, [.. files[r.Id].Select(Row)]))];
    }

    /// <summary>
    /// A delivered detail page's or main-image set's contribution to sales: the listing's net sales (order lines of its
    /// product's SKUs in its channel's orders, cancelled orders left out) and orders per channel visitor over the
    /// <see cref="DesignKpi.ContributionDays"/> days before and after the delivery day, against the rest of its category
    /// (same channel, same days). Null for other requests or before delivery.
    /// </summary>
    public async Task<ContributionReport?> ContributionAsync(int requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Set<DesignRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is not { State: DesignState.Delivered, DeliveredOn: { } on, ListingId: { } listingId } || !DesignRules.IsForListing(request.Kind))
        {
            return null;
        }
        return (await ContributionsAsync(db, [(requestId, listingId, on)], ct)).GetValueOrDefault(requestId);
    }

    /// <summary>The contributions of several delivered requests at once (the metric source), keyed by request.</summary>
    internal async Task<Dictionary<int, ContributionReport>> ContributionsAsync(OpsDb db, IReadOnlyList<(int RequestId, int ListingId, DateOnly DeliveredOn)> requests,
        CancellationToken ct)
    {
        var result = new Dictionary<int, ContributionReport>();
        if (requests.Count == 0)
        {
            return result;
        }
        var days = DesignKpi.ContributionDays;
        var listingIds = requests.Select(r => r.ListingId).Distinct().ToList();
        var listings = await db.Listings.AsNoTracking().Where(l => listingIds.Contains(l.Id))
            .Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new { l.Id, l.ProductId, l.ChannelId, p.CategoryId })
            .ToDictionaryAsync(l => l.Id, ct);
        var platforms = await db.SalesChannels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Platform, ct);
        var today = time.Today;
        // One read of a channel's orders over the span of all its requests, for every category asked: the orders are found
        // by channel and time, so reading them once per category read the same orders again for each (seconds at a million).
        foreach (var onChannel in requests.Where(r => listings.ContainsKey(r.ListingId)).GroupBy(r => listings[r.ListingId].ChannelId))
        {
            var channelId = onChannel.Key;
            var categoryIds = onChannel.Select(r => listings[r.ListingId].CategoryId).Distinct().ToList();
            var from = onChannel.Min(r => r.DeliveredOn).AddDays(-days);
            var to = onChannel.Max(r => r.DeliveredOn).AddDays(days);
            var fromUtc = time.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            var toUtc = time.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            // The categories' lines on this channel over the span, each with its product: the listings' are among them.
            var lines = await (from line in db.OrderLines.AsNoTracking()
                               join order in db.Orders on line.OrderId equals order.Id
                               join sku in db.Skus on line.SkuId equals sku.Id
                               join product in db.Products on sku.ProductId equals product.Id
                               where order.ChannelId == channelId && categoryIds.Contains(product.CategoryId) && order.Status != OrderStatus.Cancelled
                                     && order.PlacedAtUtc >= fromUtc && order.PlacedAtUtc < toUtc
                               select new { order.PlacedAtUtc, line.OrderId, sku.ProductId, product.CategoryId, Net = line.Quantity * line.UnitPriceCents - line.DiscountCents })
                .ToListAsync(ct);
            var traffic = TrafficOf(platforms.GetValueOrDefault(channelId));
            var visitors = traffic is { } channel
                ? await db.TrafficDays.AsNoTracking().Where(t => t.Channel == channel && t.Day >= from && t.Day <= to).ToDictionaryAsync(t => t.Day, t => (long)t.Visitors, ct)
                : [];
            var linesOf = lines.ToLookup(l => l.CategoryId);
            foreach (var group in onChannel.GroupBy(r => listings[r.ListingId].CategoryId))
            {
                var categoryId = group.Key;
                // By day once for the category: each request reads its window's days from them.
                var byDay = linesOf[categoryId].Select(l => new { Day = DateOnly.FromDateTime(time.ToLocal(l.PlacedAtUtc)), l.OrderId, l.ProductId, l.Net }).ToLookup(l => l.Day);
                // The category's listings on this channel and their own traffic, where the platforms' per-listing reports give it.
                var categoryListings = await db.Listings.AsNoTracking().Where(l => l.ChannelId == channelId)
                    .Join(db.Products.Where(p => p.CategoryId == categoryId), l => l.ProductId, p => p.Id, (l, p) => l.Id).ToListAsync(ct);
                var listingTraffic = await db.ListingTrafficDays.AsNoTracking().Where(t => categoryListings.Contains(t.ListingId) && t.Day >= from && t.Day <= to)
                    .Select(t => new { t.ListingId, t.Day, t.Visitors, t.PayingBuyers }).ToListAsync(ct);
                var listingTrafficByDay = listingTraffic.ToLookup(t => t.Day);
                foreach (var request in group)
                {
                    var productId = listings[request.ListingId].ProductId;
                    var (windowFrom, windowTo) = (request.DeliveredOn.AddDays(-days), request.DeliveredOn.AddDays(days));
                    var ownTraffic = listingTraffic.Any(t => t.ListingId == request.ListingId && t.Day >= windowFrom && t.Day <= windowTo);
                    var daily = new List<SalesDay>();
                    for (var day = request.DeliveredOn.AddDays(-days); day <= request.DeliveredOn.AddDays(days); day = day.AddDays(1))
                    {
                        var of = byDay[day];
                        var mine = of.Where(l => l.ProductId == productId).ToList();
                        var rest = of.Where(l => l.ProductId != productId).ToList();
                        var ofDay = ownTraffic ? listingTrafficByDay[day].ToList() : [];
                        var own = ofDay.Where(t => t.ListingId == request.ListingId).ToList();
                        var others = ofDay.Where(t => t.ListingId != request.ListingId).ToList();
                        daily.Add(new SalesDay(day, mine.Sum(l => l.Net), mine.Select(l => l.OrderId).Distinct().Count(), rest.Sum(l => l.Net),
                            rest.Select(l => l.OrderId).Distinct().Count(), visitors.GetValueOrDefault(day),
                            ownTraffic ? own.Sum(t => (long)t.Visitors) : null, ownTraffic ? own.Sum(t => (long)t.PayingBuyers) : null,
                            ownTraffic ? others.Sum(t => (long)t.Visitors) : null, ownTraffic ? others.Sum(t => (long)t.PayingBuyers) : null));
                    }
                    var (beforeFrom, beforeTo, afterFrom, afterTo) = DesignKpi.Windows(request.DeliveredOn, days);
                    SalesWindow Sum(DateOnly a, DateOnly b, bool listing) => daily.Where(d => d.Day >= a && d.Day <= b).Aggregate(
                        ownTraffic ? SalesWindow.None with { PayingBuyers = 0 } : SalesWindow.None, (w, d) =>
                        new SalesWindow(w.NetCents + (listing ? d.ListingCents : d.CategoryCents), w.Orders + (listing ? d.ListingOrders : d.CategoryOrders),
                            w.Visitors + (ownTraffic ? (listing ? d.ListingVisitors : d.CategoryVisitors) ?? 0 : d.Visitors),
                            ownTraffic ? w.PayingBuyers + ((listing ? d.ListingBuyers : d.CategoryBuyers) ?? 0) : null));
                    var figure = DesignKpi.Contribution(Sum(beforeFrom, beforeTo, true), Sum(afterFrom, afterTo, true), Sum(beforeFrom, beforeTo, false), Sum(afterFrom, afterTo, false));
                    result[request.RequestId] = new ContributionReport(request.RequestId, request.DeliveredOn, days, DesignKpi.IsComplete(request.DeliveredOn, today, days), figure, daily,
                        ownTraffic);
                }
            }
        }
        return result;
    }

    /// <summary>Listings whose title contains the text (the request dialog's picker), or the one listing asked for, with their channel.</summary>
    public async Task<IReadOnlyList<ListingPick>> ListingsAsync(string? text, int take = 20, int? id = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Listings.AsNoTracking().Where(l => id == null ? l.State != ListingState.Retired : l.Id == id);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var wanted = text.Trim();
            query = query.Where(l => l.Title.Contains(wanted));
        }
        return await query.OrderBy(l => l.Title).Take(take)
            .Join(db.SalesChannels, l => l.ChannelId, c => c.Id, (l, c) => new ListingPick(l.Id, l.Title, c.Id, c.Name)).ToListAsync(ct);
    }

    /// <summary>The active channels (a shop home element's store), by name.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> ChannelsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return [.. (await db.SalesChannels.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name))];
    }

    /// <summary>The platform's traffic report a channel's visitors come from (platforms report traffic per shop, not per listing).</summary>
    public static TrafficChannel? TrafficOf(SalesPlatform platform) => platform switch
    {
        SalesPlatform.Tmall => TrafficChannel.Tmall,
        SalesPlatform.JD => TrafficChannel.JD,
        SalesPlatform.Douyin => TrafficChannel.Douyin,
        SalesPlatform.Pinduoduo => TrafficChannel.Pinduoduo,
        SalesPlatform.WebShop => TrafficChannel.WebShop,
        _ => null,
    };

    private static DesignFileRow Row(DesignFile f) => new(f.Id, f.BlobHash, f.FileName, f.Width, f.Height, f.Bytes);
}
