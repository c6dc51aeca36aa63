using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Campaigns;

/// <summary>A campaign on the list and the calendar: its dates are company-local days, both included.</summary>
public sealed record CampaignRow(int Id, string Number, string Name, CampaignType Type, CampaignState State, IReadOnlyList<int> ChannelIds, DateOnly StartDate,
    DateOnly EndDate, string? OwnerName, int OpenTasks, int EscalatedTasks, string? Lessons, long Version);

/// <summary>
/// What a campaign's attributed orders add up to (cancelled orders left out): the one reading of campaign results that
/// the live board, the review, its workbook and the metric source all show.
/// </summary>
public sealed record CampaignFigures(long RevenueCents, int Units, int Orders, int Participants, long DiscountCents, int Gifts, long GiftCostCents,
    int Visitors, int HeldOrders, long AdsSpentCents, bool VisitorsOfListings = false)
{
    public static readonly CampaignFigures None = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>
    /// Orders per hundred visitors over its days; null without traffic. The visitors are those of the campaign's own
    /// listings where the platforms' per-listing reports cover its days (<see cref="VisitorsOfListings"/>), else its
    /// channels' whole stores.
    /// </summary>
    public double? ConversionPercent => Visitors > 0 ? Orders * 100.0 / Visitors : null;

    public long SpentCents => AdsSpentCents + DiscountCents + GiftCostCents;
}

/// <summary>A campaign SKU's stock while the campaign runs: units sold so far, what is left, and the days it lasts at the current rate.</summary>
public sealed record CampaignSkuStock(int SkuId, string Code, string Name, int Sold, int Available, double? DaysOfCover, bool RunsOutBeforeEnd);

/// <summary>One running campaign on the live campaign board.</summary>
public sealed record CampaignBoardRow(int Id, string Number, string Name, CampaignType Type, DateTime StartsAtUtc, DateTime EndsAtUtc, CampaignFigures Figures,
    CampaignGoals Goals, long BudgetCents, IReadOnlyList<CampaignSkuStock> Stock);

public sealed record CampaignGoals(long RevenueCents, int Units, int Participants, double ConversionPercent);

/// <summary>The live campaign board: every running campaign with its figures, computed once per burst and shared by every viewer.</summary>
public sealed record CampaignBoard(IReadOnlyList<CampaignBoardRow> Running, DateTime AtUtc);

/// <summary>The review's reading of an ended campaign: its figures against goals, margin, stock-outs, holds and what customers said.</summary>
public sealed record CampaignReviewView(Campaign Campaign, CampaignFigures Figures, long CostCents, IReadOnlyList<CampaignSkuStock> Stock,
    IReadOnlyList<(string Reference, string Subject)> Tickets, IReadOnlyList<(string Reference, string Matter)> Complaints, DateTime? OrdersSinceUtc = null)
{
    /// <summary>
    /// The campaign began before the first order the console holds (a campaign run before the console took the orders in,
    /// or whose orders were archived): its figures count only what the console has, and say so.
    /// </summary>
    public bool BeforeOrderHistory => OrdersSinceUtc is not { } since || Campaign.StartsAtUtc < since;

    /// <summary>Revenue less the goods' cost and the gifts' cost, in percent of revenue; null without revenue.</summary>
    public double? MarginPercent => Figures.RevenueCents > 0 ? (Figures.RevenueCents - CostCents - Figures.GiftCostCents) * 100.0 / Figures.RevenueCents : null;
}

/// <summary>A campaign's audience segment in the last customer analysis: its customers, and when the analysis ran (null: not yet).</summary>
public sealed record AudienceSize(int Customers, DateTime? ComputedAtUtc);

public sealed class CampaignQueries(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
{
    /// <summary>Campaigns that meet a year (or all with no year), soonest first; filtered by channel, type and a search over name, code and lessons.</summary>
    public async Task<IReadOnlyList<CampaignRow>> ListAsync(int? year, int? channelId, CampaignType? type, string? search, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Campaigns.AsNoTracking();
        if (year is { } y)
        {
            var (from, to) = (time.ToUtc(new DateTime(y, 1, 1)), time.ToUtc(new DateTime(y + 1, 1, 1)));
            query = query.Where(c => c.StartsAtUtc < to && c.EndsAtUtc > from);
        }
        if (type is { } t)
        {
            query = query.Where(c => c.Type == t);
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = $"%{search.Trim()}%";
            query = query.Where(c => EF.Functions.Like(c.Name, term) || EF.Functions.Like(c.Code!, term) || EF.Functions.Like(c.Lessons!, term));
        }
        var campaigns = await query.OrderBy(c => c.StartsAtUtc).ThenBy(c => c.Id).ToListAsync(ct);
        if (channelId is { } channel)
        {
            campaigns = [.. campaigns.Where(c => c.ChannelIds.Contains(channel))];
        }
        var names = await NamesAsync(db, campaigns.Select(c => c.OwnerEmployeeId), ct);
        return [.. campaigns.Select(c => Row(c, names))];
    }

    public async Task<Campaign?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    /// <summary>How many customers a segment held in the last nightly customer analysis, and when it ran (null: never).</summary>
    public async Task<AudienceSize> AudienceSizeAsync(Analytics.Customers.CustomerSegment segment, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.Set<Analytics.Customers.CustomerInsightRun>().AsNoTracking().OrderByDescending(r => r.Id).Select(r => (DateTime?)r.FinishedAtUtc).FirstOrDefaultAsync(ct);
        return new AudienceSize(await db.Set<Analytics.Customers.CustomerProfile>().CountAsync(p => p.Segment == segment, ct), run);
    }

    /// <summary>Lessons of reviewed campaigns (of a type, or matching words), newest first: what the planner reads before the next one.</summary>
    public async Task<IReadOnlyList<CampaignRow>> LessonsAsync(CampaignType? type, string? search, int take = 10, CancellationToken ct = default) =>
        [.. (await ListAsync(null, null, type, search, ct)).Where(r => r.Lessons is not null).OrderByDescending(r => r.EndDate).Take(take)];

    /// <summary>Code, name and list price of the given SKUs (the editor's and the campaign page's labels).</summary>
    public async Task<Dictionary<int, (string Code, string Name, long ListPriceCents)>> SkusAsync(IEnumerable<int> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Skus.AsNoTracking().Where(s => wanted.Contains(s.Id)).Select(s => new { s.Id, s.Code, s.Name, s.ListPriceCents }).ToListAsync(ct))
            .ToDictionary(s => s.Id, s => (s.Code, s.Name, s.ListPriceCents));
    }

    /// <summary>The design requests a campaign's tasks link to: number and state.</summary>
    public async Task<Dictionary<int, (string Number, Design.DesignState State)>> DesignRequestsAsync(IEnumerable<int> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Set<Design.DesignRequest>().AsNoTracking().Where(r => wanted.Contains(r.Id)).Select(r => new { r.Id, r.State }).ToListAsync(ct))
            .ToDictionary(r => r.Id, r => (Design.DesignRules.NumberOf(r.Id), r.State));
    }

    /// <summary>Who may own a campaign or one of its tasks: active people of operations, design and customer service.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> PeopleAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Employees.AsNoTracking().Where(e => e.Active).OrderBy(e => e.FullName).Select(e => new { e.Id, e.FullName }).ToListAsync(ct))
            .Select(e => (e.Id, e.FullName)).ToList();
    }

    /// <summary>The terms of every campaign whose prices may apply on a channel between two times (approved onwards, not cancelled).</summary>
    public static async Task<IReadOnlyList<CampaignTerms>> PricingTermsAsync(OpsDb db, int channelId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => (c.State == CampaignState.Approved || c.State == CampaignState.Running || c.State == CampaignState.Ended || c.State == CampaignState.Reviewed)
                && c.StartsAtUtc <= toUtc && c.EndsAtUtc > fromUtc)
            .ToListAsync(ct);
        return [.. campaigns.Where(c => c.ChannelIds.Contains(channelId)).Select(CampaignTerms.From)];
    }

    /// <summary>The live campaign board: every running campaign's figures and the stock of its SKUs.</summary>
    public async Task<CampaignBoard> BoardAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var running = await db.Campaigns.AsNoTracking().Where(c => c.State == CampaignState.Running).OrderBy(c => c.StartsAtUtc).ThenBy(c => c.Id).ToListAsync(ct);
        var rows = new List<CampaignBoardRow>(running.Count);
        foreach (var c in running)
        {
            var figures = await FiguresAsync(db, c, ct);
            rows.Add(new CampaignBoardRow(c.Id, c.Number, c.Name, c.Type, c.StartsAtUtc, c.EndsAtUtc, figures,
                new CampaignGoals(c.GoalRevenueCents, c.GoalUnits, c.GoalParticipants, c.GoalConversionPercent),
                c.AdsBudgetCents + c.GiftBudgetCents + c.DiscountBudgetCents, await StockAsync(db, c, now, ct)));
        }
        return new CampaignBoard(rows, now);
    }

    public async Task<CampaignFigures> FiguresAsync(int campaignId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        return campaign is null ? CampaignFigures.None : await FiguresAsync(db, campaign, ct);
    }

    public async Task<CampaignReviewView?> ReviewAsync(int campaignId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == campaignId, ct);
        if (c is null)
        {
            return null;
        }
        var figures = await FiguresAsync(db, c, ct);
        var cost = await Attributed(db, c.Id).SelectMany(o => o.Lines).Join(db.Skus, l => l.SkuId, s => s.Id, (l, s) => (long?)l.Quantity * s.UnitCostCents).SumAsync(ct) ?? 0;
        var mention = $"%{c.Name}%";
        var code = c.Code is null ? null : $"%{c.Code}%";
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.CreatedAtUtc >= c.StartsAtUtc && (EF.Functions.Like(t.Subject, mention) || (code != null && EF.Functions.Like(t.Subject, code))))
            .OrderBy(t => t.Id).Take(50).Select(t => new { t.Id, t.Subject }).ToListAsync(ct);
        var complaints = await db.ComplaintCases.AsNoTracking()
            .Where(k => EF.Functions.Like(k.Matter, mention) || (code != null && EF.Functions.Like(k.Matter, code)))
            .OrderBy(k => k.Id).Take(50).Select(k => new { k.Id, k.Matter }).ToListAsync(ct);
        var ordersSince = await db.Orders.AsNoTracking().OrderBy(o => o.PlacedAtUtc).Select(o => (DateTime?)o.PlacedAtUtc).FirstOrDefaultAsync(ct);
        return new CampaignReviewView(c, figures, cost, await StockAsync(db, c, c.EndsAtUtc < time.UtcNow ? c.EndsAtUtc : time.UtcNow, ct),
            [.. tickets.Select(t => ($"T{t.Id:D6}", t.Subject))], [.. complaints.Select(k => ($"C{k.Id:D6}", k.Matter))], ordersSince);
    }

    /// <summary>The figures of the campaigns that ran in a period (by their attributed orders placed in it), for the metric source.</summary>
    internal static IQueryable<Order> Attributed(OpsDb db, int campaignId) =>
        db.Orders.AsNoTracking().Where(o => o.CampaignId == campaignId && o.Status != OrderStatus.Cancelled);

    internal static async Task<CampaignFigures> FiguresAsync(OpsDb db, Campaign c, CancellationToken ct, DateTime? fromUtc = null, DateTime? toUtc = null)
    {
        var orders = Attributed(db, c.Id);
        if (fromUtc is { } from && toUtc is { } to)
        {
            orders = orders.Where(o => o.PlacedAtUtc >= from && o.PlacedAtUtc < to);
        }
        var totals = await orders.GroupBy(_ => 1).Select(g => new
        {
            Orders = g.Count(),
            Revenue = g.Sum(o => o.ItemsCents - o.DiscountCents),
            Participants = g.Select(o => o.CustomerPhone).Distinct().Count(),
            Held = g.Count(o => o.Status == OrderStatus.OnHold),
            Gifts = g.Count(o => c.GiftSkuId != null && o.ItemsCents - o.DiscountCents >= c.GiftThresholdCents),
        }).SingleOrDefaultAsync(ct); // one group or none: Single, not First, which EF warns about without an order
        if (totals is null)
        {
            var (none, ofListings) = await VisitorsAsync(db, c, fromUtc, toUtc, ct);
            return CampaignFigures.None with { AdsSpentCents = fromUtc is null ? c.AdsSpentCents : 0, Visitors = none, VisitorsOfListings = ofListings };
        }
        var lines = await orders.SelectMany(o => o.Lines).Join(db.Skus, l => l.SkuId, s => s.Id, (l, s) => new { l.Quantity, List = (long)l.Quantity * s.ListPriceCents, Net = (long)l.Quantity * l.UnitPriceCents - l.DiscountCents })
            .GroupBy(_ => 1).Select(g => new { Units = g.Sum(x => x.Quantity), List = g.Sum(x => x.List), Net = g.Sum(x => x.Net) }).SingleOrDefaultAsync(ct);
        var giftCost = c.GiftSkuId is { } gift ? await db.Skus.Where(s => s.Id == gift).Select(s => s.UnitCostCents).FirstOrDefaultAsync(ct) * c.GiftQuantity : 0;
        var gifts = c.GiftSkuId is null ? 0 : totals.Gifts * c.GiftQuantity;
        var (visitors, visitorsOfListings) = await VisitorsAsync(db, c, fromUtc, toUtc, ct);
        return new CampaignFigures(totals.Revenue, lines?.Units ?? 0, totals.Orders, totals.Participants, Math.Max(0, (lines?.List ?? 0) - (lines?.Net ?? 0)),
            gifts, totals.Gifts * giftCost, visitors, totals.Held, fromUtc is null ? c.AdsSpentCents : 0, visitorsOfListings);
    }

    /// <summary>
    /// The visitors a campaign's conversion is counted against over its days: its own listings' (the listings of its SKUs'
    /// products on its channels) where per-listing reports exist for those days, else its channels' whole stores.
    /// </summary>
    private static async Task<(int Visitors, bool OfListings)> VisitorsAsync(OpsDb db, Campaign c, DateTime? fromUtc, DateTime? toUtc, CancellationToken ct)
    {
        var from = DateOnly.FromDateTime(Max(c.StartsAtUtc, fromUtc));
        var to = DateOnly.FromDateTime(Min(c.EndsAtUtc, toUtc).AddTicks(-1));
        var skuIds = c.Skus.Select(s => s.SkuId).ToList();
        var listings = db.Listings.AsNoTracking().Where(l => c.ChannelIds.Contains(l.ChannelId)
            && db.Skus.Any(s => skuIds.Contains(s.Id) && s.ProductId == l.ProductId)).Select(l => l.Id);
        var own = await db.ListingTrafficDays.AsNoTracking().Where(t => listings.Contains(t.ListingId) && t.Day >= from && t.Day <= to)
            .GroupBy(_ => 1).Select(g => new { Rows = g.Count(), Visitors = g.Sum(t => t.Visitors) }).SingleOrDefaultAsync(ct);
        if (own is { Rows: > 0 })
        {
            return (own.Visitors, true);
        }
        var platforms = await db.SalesChannels.AsNoTracking().Where(s => c.ChannelIds.Contains(s.Id)).Select(s => s.Platform).ToListAsync(ct);
        var traffic = platforms.Select(TrafficOf).OfType<TrafficChannel>().Distinct().ToList();
        return (traffic.Count == 0 ? 0 : await db.TrafficDays.AsNoTracking().Where(d => traffic.Contains(d.Channel) && d.Day >= from && d.Day <= to).SumAsync(d => d.Visitors, ct), false);
    }

    private static DateTime Max(DateTime a, DateTime? b) => b is { } x && x > a ? x : a;

    private static DateTime Min(DateTime a, DateTime? b) => b is { } x && x < a ? x : a;

    public static TrafficChannel? TrafficOf(SalesPlatform platform) => platform switch
    {
        SalesPlatform.Tmall or SalesPlatform.Taobao => TrafficChannel.Tmall,
        SalesPlatform.JD => TrafficChannel.JD,
        SalesPlatform.Douyin => TrafficChannel.Douyin,
        SalesPlatform.Pinduoduo => TrafficChannel.Pinduoduo,
        SalesPlatform.WebShop => TrafficChannel.WebShop,
        _ => null,
    };

    /// <summary>Each campaign SKU's units sold in it, stock left, and days of cover at the rate sold so far.</summary>
    private static async Task<List<CampaignSkuStock>> StockAsync(OpsDb db, Campaign c, DateTime now, CancellationToken ct)
    {
        var skuIds = c.Skus.Select(s => s.SkuId).ToList();
        var sold = await Attributed(db, c.Id).SelectMany(o => o.Lines).Where(l => skuIds.Contains(l.SkuId))
            .GroupBy(l => l.SkuId).Select(g => new { g.Key, Units = g.Sum(l => l.Quantity) }).ToDictionaryAsync(x => x.Key, x => x.Units, ct);
        var available = await db.StockBalances.AsNoTracking().Where(b => skuIds.Contains(b.SkuId))
            .GroupBy(b => b.SkuId).Select(g => new { g.Key, Units = g.Sum(b => b.OnHand - b.Reserved) }).ToDictionaryAsync(x => x.Key, x => x.Units, ct);
        var skus = await db.Skus.AsNoTracking().Where(s => skuIds.Contains(s.Id)).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(ct);
        return [.. skus.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s =>
        {
            var units = sold.GetValueOrDefault(s.Id);
            var left = available.GetValueOrDefault(s.Id);
            var (cover, runsOut) = CampaignStockRules.Cover(units, left, c.StartsAtUtc, c.EndsAtUtc, now);
            return new CampaignSkuStock(s.Id, s.Code, s.Name, units, left, cover, runsOut);
        })];
    }

    private CampaignRow Row(Campaign c, Dictionary<int, string> names) => new(c.Id, c.Number, c.Name, c.Type, c.State, c.ChannelIds,
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(c.StartsAtUtc, Zone)), DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(c.EndsAtUtc, Zone).AddTicks(-1)),
        c.OwnerEmployeeId is { } o ? names.GetValueOrDefault(o) : null, c.Tasks.Count(t => t.DoneAtUtc is null), c.Tasks.Count(t => t.DoneAtUtc is null && t.EscalatedAtUtc is not null),
        c.Lessons, c.Version);

    private TimeZoneInfo Zone => time.Zone;

    private static async Task<Dictionary<int, string>> NamesAsync(OpsDb db, IEnumerable<int?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        return await db.Employees.AsNoTracking().Where(e => wanted.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.FullName, ct);
    }
}

/// <summary>How long a campaign SKU's stock lasts at the rate it has sold since the start.</summary>
public static class CampaignStockRules
{
    /// <summary>Days of cover (null when nothing sold yet) and whether it runs out before the end at this rate.</summary>
    public static (double? Days, bool RunsOutBeforeEnd) Cover(int sold, int available, DateTime startsAtUtc, DateTime endsAtUtc, DateTime now)
    {
        var elapsed = (Math.Min(now.Ticks, endsAtUtc.Ticks) - startsAtUtc.Ticks) / (double)TimeSpan.TicksPerDay;
        if (sold <= 0 || elapsed <= 0)
        {
            return (null, false);
        }
        var days = Math.Max(0, available) / (sold / Math.Max(elapsed, 1.0 / 24));
        var remaining = (endsAtUtc - now).TotalDays;
        return (Math.Round(days, 1), remaining > 0 && days < remaining);
    }
}
