using System.Globalization;
using EcomOps.Domain.Analytics.Customers;
using EcomOps.Domain.Analytics.Forecast;
using EcomOps.Domain.Analytics.Sources;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Campaigns;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Complaints;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Analytics.Optimisation;

/// <summary>A rule that fired on a subject today, with its evidence.</summary>
public sealed record FindingCandidate(OptimisationRule Rule, string SubjectKey, string SubjectName, int? ListingId, DateOnly WindowFrom, DateOnly WindowTo,
    RuleEvidence Evidence, IReadOnlyList<double> Series, IReadOnlyList<double> ReferenceSeries);

/// <summary>What a scan did.</summary>
public sealed record ScanResult(int Found, int Updated, int ResolvedByThemselves, int ToMeasuring, int Measured);

/// <summary>
/// The daily scan (run by a Hangfire job, and safe to run twice): evaluates every rule on today's data, opens a finding
/// for each new rule and subject and refreshes the evidence of one already open, closes a finding nobody acted on whose
/// condition cleared ("resolved by itself"), moves a finding whose work was done to measuring, and measures the effect
/// of those whose window has passed.
/// </summary>
public sealed class OptimisationScan(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
{
    /// <summary>The words in a campaign's audience that say it addresses customers at risk (English and Chinese).</summary>
    public static readonly IReadOnlyList<string> AtRiskAudienceWords = ["at risk", "at-risk", "atrisk", "win back", "win-back", "流失", "挽回", "召回"];

    public async Task<ScanResult> RunAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var t = await ThresholdsAsync(db, ct);
        var today = time.Today;
        var candidates = await CandidatesAsync(db, t, today, ct);
        var open = await db.Set<OptimisationFinding>().Where(f => f.State != FindingState.Closed).ToListAsync(ct);
        var byKey = open.ToDictionary(f => (f.Rule, f.SubjectKey));
        var seen = candidates.Select(c => (c.Rule, c.SubjectKey)).ToHashSet();
        int found = 0, updated = 0, resolved = 0, toMeasuring = 0, measured = 0;
        foreach (var c in candidates)
        {
            if (byKey.TryGetValue((c.Rule, c.SubjectKey), out var existing))
            {
                existing.LastSeenOn = today;
                if (existing.State == FindingState.New)
                {
                    Apply(existing, c);
                }
                updated++;
                continue;
            }
            var finding = new OptimisationFinding
            {
                Rule = c.Rule, SubjectKey = c.SubjectKey, SubjectName = Trim(c.SubjectName), ListingId = c.ListingId, State = FindingState.New, FoundOn = today, LastSeenOn = today,
            };
            Apply(finding, c);
            db.Add(finding);
            found++;
        }
        var now = time.UtcNow;
        foreach (var finding in open.Where(f => f.State == FindingState.New && !seen.Contains((f.Rule, f.SubjectKey))))
        {
            finding.State = FindingState.Closed;
            finding.Outcome = FindingOutcome.ResolvedByItself;
            finding.ClosedAtUtc = now;
            resolved++;
        }
        foreach (var finding in open.Where(f => f.State == FindingState.InProgress))
        {
            if (await WorkDoneOnAsync(db, finding, ct) is { } doneOn)
            {
                StartMeasuring(finding, doneOn, t);
                toMeasuring++;
            }
        }
        foreach (var finding in open.Where(f => f.State == FindingState.Measuring && f.MeasureOn <= today))
        {
            await MeasureAsync(db, finding, t, ct);
            finding.State = FindingState.Closed;
            finding.ClosedAtUtc = now;
            measured++;
        }
        await db.SaveChangesAsync(ct);
        return new ScanResult(found, updated, resolved, toMeasuring, measured);
    }

    /// <summary>The work is done: the effect is measured once the effect window after that day has passed.</summary>
    internal static void StartMeasuring(OptimisationFinding finding, DateOnly doneOn, OptimisationThresholdValues t)
    {
        finding.State = FindingState.Measuring;
        finding.WorkDoneOn = doneOn;
        finding.MeasureOn = doneOn.AddDays(EffectDays(finding.Rule, t) + 1);
    }

    /// <summary>How many days after the work its effect is measured over: the low-conversion rule's own window, else the effect window.</summary>
    public static int EffectDays(OptimisationRule rule, OptimisationThresholdValues t) =>
        rule == OptimisationRule.LowConversion ? t.ConversionWindowDays : t.EffectWindowDays;

    public static async Task<OptimisationThresholdValues> ThresholdsAsync(OpsDb db, CancellationToken ct) =>
        OptimisationThresholdValues.From(await db.Set<OptimisationSetting>().AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, ct));

    private static string Trim(string text) => text.Length <= OptimisationFinding.MaxSubjectLength ? text : text[..OptimisationFinding.MaxSubjectLength];

    private static void Apply(OptimisationFinding f, FindingCandidate c)
    {
        f.SubjectName = Trim(c.SubjectName);
        (f.WindowFrom, f.WindowTo) = (c.WindowFrom, c.WindowTo);
        (f.Value, f.Reference, f.Volume) = (c.Evidence.Value, c.Evidence.Reference, c.Evidence.Volume);
        f.Series = Join(c.Series);
        f.ReferenceSeries = Join(c.ReferenceSeries);
    }

    public static string Join(IEnumerable<double> values) => string.Join(",", values.Select(v => Math.Round(v, 6).ToString(CultureInfo.InvariantCulture)));

    public static IReadOnlyList<double> Split(string values) =>
        string.IsNullOrEmpty(values) ? [] : values.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();

    /// <summary>Every rule evaluated on the data up to yesterday (today's figures are not complete).</summary>
    internal async Task<List<FindingCandidate>> CandidatesAsync(OpsDb db, OptimisationThresholdValues t, DateOnly today, CancellationToken ct)
    {
        var list = new List<FindingCandidate>();
        list.AddRange(await LowConversionAsync(db, t, today, ct));
        list.AddRange(await NoStockAsync(db, t, today, ct));
        list.AddRange(await ComplaintRiseAsync(db, t, today, ct));
        list.AddRange(await UncoveredSegmentAsync(db, t, today, ct));
        list.AddRange(await ForecastShortfallAsync(db, t, today, ct));
        list.AddRange(await PaidTrafficLossAsync(db, t, today, ct));
        return list;
    }

    private sealed record ListingDay(int ListingId, DateOnly Day, int Visitors, int PageViews, int AddToCart, int PayingBuyers);

    private static TrafficFunnel Funnel(IEnumerable<ListingDay> days) =>
        days.Aggregate(TrafficFunnel.None, (sum, d) => sum.Plus(new TrafficFunnel(d.Visitors, d.PageViews, d.AddToCart, d.PayingBuyers)));

    private static async Task<List<ListingDay>> ListingDaysAsync(OpsDb db, DateOnly from, DateOnly to, IReadOnlyCollection<int>? listingIds, CancellationToken ct)
    {
        var query = db.ListingTrafficDays.AsNoTracking().Where(d => d.Day >= from && d.Day <= to);
        if (listingIds is not null)
        {
            query = query.Where(d => listingIds.Contains(d.ListingId));
        }
        return await query.Select(d => new ListingDay(d.ListingId, d.Day, d.Visitors, d.PageViews, d.AddToCart, d.PayingBuyers)).ToListAsync(ct);
    }

    /// <summary>The listings in a category (by the listing's product), for the category baseline.</summary>
    private static async Task<Dictionary<int, (string Title, int? CategoryId)>> ListingsAsync(OpsDb db, CancellationToken ct) =>
        await (from l in db.Listings.AsNoTracking()
               join p in db.Products on l.ProductId equals p.Id
               select new { l.Id, l.Title, p.CategoryId }).ToDictionaryAsync(x => x.Id, x => (x.Title, (int?)x.CategoryId), ct);

    private async Task<IEnumerable<FindingCandidate>> LowConversionAsync(OpsDb db, OptimisationThresholdValues t, DateOnly today, CancellationToken ct)
    {
        var (from, to) = (today.AddDays(-t.ConversionWindowDays), today.AddDays(-1));
        var middle = from.AddDays(t.ConversionWindowDays / 2);
        var days = await ListingDaysAsync(db, from, to, null, ct);
        var listings = await ListingsAsync(db, ct);
        var live = await db.Listings.AsNoTracking().Where(l => l.State == ListingState.Live).Select(l => l.Id).ToListAsync(ct);
        var byCategory = days.Where(d => listings.GetValueOrDefault(d.ListingId).CategoryId is not null)
            .GroupBy(d => listings[d.ListingId].CategoryId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var found = new List<FindingCandidate>();
        foreach (var id in live)
        {
            if (listings.GetValueOrDefault(id).CategoryId is not { } category || !byCategory.TryGetValue(category, out var categoryDays))
            {
                continue;
            }
            var own = categoryDays.Where(d => d.ListingId == id).ToList();
            var rest = categoryDays.Where(d => d.ListingId != id).ToList();
            var evidence = OptimisationRules.LowConversion(Funnel(own.Where(d => d.Day < middle)), Funnel(own.Where(d => d.Day >= middle)),
                Funnel(rest.Where(d => d.Day < middle)), Funnel(rest.Where(d => d.Day >= middle)), t);
            if (evidence is null)
            {
                continue;
            }
            var dates = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
            found.Add(new FindingCandidate(OptimisationRule.LowConversion, $"listing:{id}", listings[id].Title, id, from, to, evidence,
                dates.Select(d => Funnel(own.Where(x => x.Day == d)).Conversion ?? 0).ToList(),
                dates.Select(d => Funnel(rest.Where(x => x.Day == d)).Conversion ?? 0).ToList()));
        }
        return found;
    }

    /// <summary>Units available (on hand less reserved, every warehouse) per product.</summary>
    private static async Task<Dictionary<int, int>> AvailableByProductAsync(OpsDb db, CancellationToken ct) =>
        (await (from b in db.StockBalances.AsNoTracking()
                join s in db.Skus on b.SkuId equals s.Id
                where s.ProductId != null
                select new { ProductId = s.ProductId!.Value, b.OnHand, b.Reserved }).ToListAsync(ct))
        .GroupBy(x => x.ProductId).ToDictionary(g => g.Key, g => g.Sum(x => x.OnHand - x.Reserved));

    private async Task<IEnumerable<FindingCandidate>> NoStockAsync(OpsDb db, OptimisationThresholdValues t, DateOnly today, CancellationToken ct)
    {
        var (from, to) = (today.AddDays(-7), today.AddDays(-1));
        var live = await db.Listings.AsNoTracking().Where(l => l.State == ListingState.Live).Select(l => new { l.Id, l.Title, l.ProductId }).ToListAsync(ct);
        var withSkus = (await db.Skus.AsNoTracking().Where(s => s.ProductId != null).Select(s => s.ProductId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        var available = await AvailableByProductAsync(db, ct);
        var days = (await ListingDaysAsync(db, from, to, null, ct)).GroupBy(d => d.ListingId).ToDictionary(g => g.Key, g => g.ToList());
        var found = new List<FindingCandidate>();
        foreach (var l in live.Where(l => withSkus.Contains(l.ProductId)))
        {
            var own = days.GetValueOrDefault(l.Id) ?? [];
            if (OptimisationRules.NoStock(own.Sum(d => (long)d.Visitors), available.GetValueOrDefault(l.ProductId), t) is not { } evidence)
            {
                continue;
            }
            var dates = Enumerable.Range(0, 7).Select(from.AddDays).ToList();
            found.Add(new FindingCandidate(OptimisationRule.NoStock, $"listing:{l.Id}", l.Title, l.Id, from, to, evidence,
                dates.Select(d => (double)own.Where(x => x.Day == d).Sum(x => x.Visitors)).ToList(), []));
        }
        return found;
    }

    private (DateTime From, DateTime To) Days(DateOnly from, DateOnly to) =>
        (time.ToUtc(from.ToDateTime(TimeOnly.MinValue)), time.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));

    private sealed record CaseRow(string Product, ComplaintRootCause Cause, DateTime ReceivedAtUtc);

    private async Task<List<CaseRow>> CasesAsync(OpsDb db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (fromUtc, toUtc) = Days(from, to);
        return (await db.ComplaintCases.AsNoTracking().Where(c => c.Product != null && c.RootCause != null && c.ReceivedAtUtc >= fromUtc && c.ReceivedAtUtc < toUtc)
                .Select(c => new { c.Product, c.RootCause, c.ReceivedAtUtc }).ToListAsync(ct))
            .Select(c => new CaseRow(c.Product!.Trim(), c.RootCause!.Value, c.ReceivedAtUtc)).Where(c => c.Product.Length > 0).ToList();
    }

    public static string ComplaintKey(string product, ComplaintRootCause cause) => $"complaint:{product.Trim().ToLowerInvariant()}|{cause}";

    private async Task<IEnumerable<FindingCandidate>> ComplaintRiseAsync(OpsDb db, OptimisationThresholdValues t, DateOnly today, CancellationToken ct)
    {
        var p = t.ComplaintPeriodDays;
        var (from, middle, to) = (today.AddDays(-2 * p), today.AddDays(-p), today.AddDays(-1));
        var cases = await CasesAsync(db, from, to, ct);
        var middleUtc = time.ToUtc(middle.ToDateTime(TimeOnly.MinValue));
        var found = new List<FindingCandidate>();
        foreach (var group in cases.GroupBy(c => ComplaintKey(c.Product, c.Cause)))
        {
            var current = group.Count(c => c.ReceivedAtUtc >= middleUtc);
            var previous = group.Count(c => c.ReceivedAtUtc < middleUtc);
            if (OptimisationRules.ComplaintRise(current, previous, t) is not { } evidence)
            {
                continue;
            }
            var first = group.First();
            // The chart: cases per week over both periods.
            var weeks = (2 * p + 6) / 7;
            var series = Enumerable.Range(0, weeks).Select(w =>
            {
                var (a, b) = Days(from.AddDays(w * 7), from.AddDays(w * 7 + 6));
                return (double)group.Count(c => c.ReceivedAtUtc >= a && c.ReceivedAtUtc < b);
            }).ToList();
            found.Add(new FindingCandidate(OptimisationRule.ComplaintRise, group.Key, $"{first.Product} · {first.Cause}", null, middle, to, evidence, series, []));
        }
        return found;
    }

    /// <summary>
    /// Whether a campaign addresses customers at risk: it targets that segment, or (a campaign planned before segments were
    /// audiences) its audience says so in words.
    /// </summary>
    public static bool AddressesAtRisk(CustomerSegment? segment, string? audience) =>
        segment == CustomerSegment.AtRisk || audience is { Length: > 0 } a && AtRiskAudienceWords.Any(w => a.Contains(w, StringComparison.OrdinalIgnoreCase));

    private async Task<IEnumerable<FindingCandidate>> UncoveredSegmentAsync(OpsDb db, OptimisationThresholdValues t, DateOnly today, CancellationToken ct)
    {
        var atRisk = await db.Set<CustomerProfile>().AsNoTracking().CountAsync(c => c.Segment == CustomerSegment.AtRisk, ct);
        var now = time.UtcNow;
        var audiences = await db.Campaigns.AsNoTracking()
            .Where(c => (c.State == CampaignState.Draft || c.State == CampaignState.InReview || c.State == CampaignState.Approved || c.State == CampaignState.Running)
                        && c.EndsAtUtc > now)
            .Select(c => new { c.AudienceSegment, c.Audience }).ToListAsync(ct);
        var evidence = OptimisationRules.UncoveredSegment(atRisk, audiences.Any(c => AddressesAtRisk(c.AudienceSegment, c.Audience)), t);
        return evidence is null ? []
            : [new FindingCandidate(OptimisationRule.UncoveredSegment, $"segment:{CustomerSegment.AtRisk}", nameof(CustomerSegment.AtRisk), null, today, today, evidence, [], [])];
    }

    /// <summary>The month's revenue from orders up to yesterday (yuan, net of discounts, cancelled orders out).</summary>
    internal async Task<double> RevenueAsync(OpsDb db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from)
        {
            return 0;
        }
        var (fromUtc, toUtc) = Days(from, to);
        var cents = await SalesMetricSource.Placed(db, new Service.MetricPeriod(fromUtc, toUtc)).SumAsync(o => o.ItemsCents - o.DiscountCents, ct);
        return cents / 100.0;
    }

    public static async Task<double?> MonthRevenueTargetAsync(OpsDb db, CancellationToken ct) =>
        await db.KpiTargets.AsNoTracking()
            .Where(k => k.Team == Team.Operations && k.PeriodKind == PeriodKind.Month && k.MetricKey == SalesMetricSource.Revenue)
            .Select(k => (double?)k.Value).FirstOrDefaultAsync(ct);

    private async Task<IEnumerable<FindingCandidate>> ForecastShortfallAsync(OpsDb db, OptimisationThresholdValues t, DateOnly today, CancellationToken ct)
    {
        var target = await MonthRevenueTargetAsync(db, ct);
        if (target is null)
        {
            return [];
        }
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        var latest = await db.Set<StoredForecast>().AsNoTracking()
            .Where(f => f.Series == ForecastSeries.Revenue && f.Scope == ForecastScope.Company && f.Day >= today && f.Day <= monthEnd)
            .Select(f => (DateOnly?)f.WeekOf).MaxAsync(ct);
        if (latest is null)
        {
            return [];
        }
        var rest = await db.Set<StoredForecast>().AsNoTracking()
            .Where(f => f.Series == ForecastSeries.Revenue && f.Scope == ForecastScope.Company && f.WeekOf == latest && f.Day >= today && f.Day <= monthEnd)
            .OrderBy(f => f.Day).Select(f => f.Predicted).ToListAsync(ct);
        var soFar = await RevenueAsync(db, monthStart, today.AddDays(-1), ct);
        var evidence = OptimisationRules.ForecastShortfall(soFar, rest.Sum(), target, t);
        if (evidence is null)
        {
            return [];
        }
        var month = monthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        // The chart: the month's revenue added up day by day (what happened, then the forecast) against the target spread evenly.
        var (fromUtc, toUtc) = Days(monthStart, today.AddDays(-1));
        var actual = today > monthStart
            ? (await SalesMetricSource.Placed(db, new Service.MetricPeriod(fromUtc, toUtc)).Select(o => new { o.PlacedAtUtc, Net = o.ItemsCents - o.DiscountCents }).ToListAsync(ct))
                .GroupBy(o => DateOnly.FromDateTime(time.ToLocal(o.PlacedAtUtc))).ToDictionary(g => g.Key, g => g.Sum(o => o.Net) / 100.0)
            : [];
        var daily = Enumerable.Range(0, today.DayNumber - monthStart.DayNumber).Select(i => actual.GetValueOrDefault(monthStart.AddDays(i))).Concat(rest).ToList();
        var days = monthEnd.DayNumber - monthStart.DayNumber + 1;
        var cumulative = daily.Select((_, i) => daily.Take(i + 1).Sum()).ToList();
        var pace = Enumerable.Range(1, cumulative.Count).Select(i => target.Value * i / days).ToList();
        return [new FindingCandidate(OptimisationRule.ForecastShortfall, $"month:{month}", month, null, monthStart, monthEnd, evidence, cumulative, pace)];
    }

    public static string PaidKey(TrafficChannel channel) => $"paid:{channel}";

    private sealed record PaidDay(TrafficChannel Channel, DateOnly Day, int PayingBuyers, long SpendCents);

    /// <summary>The paid sources' buyers and spend per channel and day, where the source reports gave a spend.</summary>
    private static async Task<List<PaidDay>> PaidDaysAsync(OpsDb db, DateOnly from, DateOnly to, TrafficChannel? channel, CancellationToken ct)
    {
        var query = db.SourceTrafficDays.AsNoTracking().Where(d => d.Day >= from && d.Day <= to && d.Source == TrafficSource.Paid && d.SpendCents != null);
        if (channel is { } c)
        {
            query = query.Where(d => d.Channel == c);
        }
        return (await query.Select(d => new { d.Channel, d.Day, d.PayingBuyers, Spend = d.SpendCents!.Value }).ToListAsync(ct))
            .GroupBy(d => (d.Channel, d.Day)).Select(g => new PaidDay(g.Key.Channel, g.Key.Day, g.Sum(d => d.PayingBuyers), g.Sum(d => d.Spend))).ToList();
    }

    /// <summary>Each traffic channel's average order value over the days (yuan, net of discounts, cancelled orders out): the orders of all its platform's shops.</summary>
    internal async Task<Dictionary<TrafficChannel, double>> AverageOrderValuesAsync(OpsDb db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (fromUtc, toUtc) = Days(from, to);
        var byPlatform = await (from o in SalesMetricSource.Placed(db, new Service.MetricPeriod(fromUtc, toUtc))
                                join c in db.SalesChannels on o.ChannelId equals c.Id
                                group o by c.Platform into g
                                select new { Platform = g.Key, Orders = g.Count(), Net = g.Sum(o => o.ItemsCents - o.DiscountCents) }).ToListAsync(ct);
        return byPlatform.Where(p => DesignQueries.TrafficOf(p.Platform) is not null && p.Orders > 0)
            .GroupBy(p => DesignQueries.TrafficOf(p.Platform)!.Value)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Net) / 100.0 / g.Sum(p => p.Orders));
    }

    /// <summary>The return on ad spend of paid days: their buyers valued at the average order value, over their spend (0 without spend).</summary>
    private static double ReturnOnSpend(IEnumerable<PaidDay> days, double? averageOrderValue)
    {
        var list = days.ToList();
        var spend = list.Sum(d => d.SpendCents) / 100.0;
        return spend > 0 ? list.Sum(d => d.PayingBuyers) * (averageOrderValue ?? 0) / spend : 0;
    }

    private async Task<IEnumerable<FindingCandidate>> PaidTrafficLossAsync(OpsDb db, OptimisationThresholdValues t, DateOnly today, CancellationToken ct)
    {
        var (from, to) = (today.AddDays(-t.PaidWindowDays), today.AddDays(-1));
        var paid = await PaidDaysAsync(db, from, to, null, ct);
        if (paid.Count == 0)
        {
            return [];
        }
        var averages = await AverageOrderValuesAsync(db, from, to, ct);
        var dates = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        var found = new List<FindingCandidate>();
        foreach (var channel in paid.GroupBy(d => d.Channel).OrderBy(g => g.Key))
        {
            double? aov = averages.TryGetValue(channel.Key, out var a) ? a : null;
            var evidence = OptimisationRules.PaidTrafficLoss(channel.Sum(d => d.SpendCents) / 100.0, channel.Sum(d => (long)d.PayingBuyers), aov, t);
            if (evidence is null)
            {
                continue;
            }
            // The chart: each day's return on ad spend against break-even.
            found.Add(new FindingCandidate(OptimisationRule.PaidTrafficLoss, PaidKey(channel.Key), channel.Key.ToString(), null, from, to, evidence,
                dates.Select(d => ReturnOnSpend(channel.Where(x => x.Day == d), aov)).ToList(), dates.Select(_ => evidence.Reference).ToList()));
        }
        return found;
    }

    /// <summary>The company-local day the finding's work was done, or null while it is not.</summary>
    private async Task<DateOnly?> WorkDoneOnAsync(OpsDb db, OptimisationFinding f, CancellationToken ct)
    {
        switch (f.Work)
        {
            case FindingWork.DesignRequest:
                return await db.Set<DesignRequest>().AsNoTracking().Where(r => r.Id == f.WorkId && r.State == DesignState.Delivered)
                    .Select(r => r.DeliveredOn).FirstOrDefaultAsync(ct);
            case FindingWork.CampaignDraft:
                var ended = await db.Campaigns.AsNoTracking().Where(c => c.Id == f.WorkId && (c.State == CampaignState.Ended || c.State == CampaignState.Reviewed))
                    .Select(c => (DateTime?)c.EndsAtUtc).FirstOrDefaultAsync(ct);
                return ended is { } end ? DateOnly.FromDateTime(time.ToLocal(end).AddTicks(-1)) : null;
            default:
                return null;
        }
    }

    /// <summary>Measures a finding's effect over the window after its work, against the rule's own baseline, and records the outcome.</summary>
    internal async Task MeasureAsync(OpsDb db, OptimisationFinding f, OptimisationThresholdValues t, CancellationToken ct)
    {
        var from = f.WorkDoneOn!.Value.AddDays(1);
        var to = from.AddDays(EffectDays(f.Rule, t) - 1);
        EffectMeasure measure;
        switch (f.Rule)
        {
            case OptimisationRule.LowConversion:
                var listings = await ListingsAsync(db, ct);
                var category = listings.GetValueOrDefault(f.ListingId ?? 0).CategoryId;
                var sameCategory = listings.Where(l => l.Value.CategoryId == category).Select(l => l.Key).ToList();
                var days = await ListingDaysAsync(db, from, to, sameCategory, ct);
                measure = OptimisationRules.ConversionEffect(f.Value, Funnel(days.Where(d => d.ListingId == f.ListingId)).Conversion ?? 0, f.Reference,
                    Funnel(days.Where(d => d.ListingId != f.ListingId)).Conversion ?? 0, t);
                break;
            case OptimisationRule.NoStock:
                // Before: visitors met no stock; after: the visitors who still met none (zero once the product is back in stock).
                var productId = await db.Listings.AsNoTracking().Where(l => l.Id == f.ListingId).Select(l => l.ProductId).FirstOrDefaultAsync(ct);
                var available = (await AvailableByProductAsync(db, ct)).GetValueOrDefault(productId);
                var visitors = (await ListingDaysAsync(db, to.AddDays(-6), to, [f.ListingId ?? 0], ct)).Sum(d => (double)d.Visitors);
                measure = OptimisationRules.FallEffect(f.Value, available > 0 ? 0 : visitors, t);
                break;
            case OptimisationRule.ComplaintRise:
                // The same product and cause over the effect window, scaled to the rule's period so the two compare.
                var after = (await CasesAsync(db, from, to, ct)).Count(c => ComplaintKey(c.Product, c.Cause) == f.SubjectKey);
                measure = OptimisationRules.FallEffect(f.Value, Math.Round(after * (double)t.ComplaintPeriodDays / EffectDays(f.Rule, t), 2), t);
                break;
            case OptimisationRule.UncoveredSegment:
                measure = OptimisationRules.FallEffect(f.Value, await db.Set<CustomerProfile>().AsNoTracking().CountAsync(c => c.Segment == CustomerSegment.AtRisk, ct), t);
                break;
            case OptimisationRule.PaidTrafficLoss when Enum.TryParse<TrafficChannel>(f.SubjectName, out var channel):
                // The return on ad spend over the window after the work. A plan stopped (no spend since) no longer loses
                // money: it counts as break-even, the most that cutting can achieve.
                var paidAfter = await PaidDaysAsync(db, from, to, channel, ct);
                // Buyers are valued at the channel's average order value after the work, or before it when no order came since.
                var averageAfter = (await AverageOrderValuesAsync(db, from, to, ct)).TryGetValue(channel, out var aovAfter) ? aovAfter
                    : (await AverageOrderValuesAsync(db, f.WindowFrom, f.WindowTo, ct)).TryGetValue(channel, out var aovBefore) ? aovBefore : (double?)null;
                var returnAfter = paidAfter.Sum(d => d.SpendCents) > 0 ? ReturnOnSpend(paidAfter, averageAfter) : f.Reference;
                measure = OptimisationRules.RiseEffect(f.Value, Math.Round(returnAfter, 4), t);
                break;
            default:
                // The month's revenue as it turned out (or so far), against the projection that fired the rule.
                var monthEnd = f.WindowTo < time.Today ? f.WindowTo : time.Today.AddDays(-1);
                measure = OptimisationRules.RiseEffect(f.Value, await RevenueAsync(db, f.WindowFrom, monthEnd, ct), t);
                break;
        }
        (f.ValueAfter, f.ReferenceAfter, f.Effect, f.Outcome) = (measure.After, measure.ReferenceAfter, measure.Effect, measure.Outcome);
    }
}
