using EcomOps.Domain.Analytics.Sources;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Campaigns;
using EcomOps.Domain.Data;
using EcomOps.Domain.Design;
using EcomOps.Domain.Service;
using EcomOps.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Analytics.Forecast;

/// <summary>What the business forecast forecasts: daily revenue (yuan), orders and visitors.</summary>
public enum ForecastSeries
{
    Revenue,
    Orders,
    Visitors,
}

/// <summary>
/// One day of a forecast as the weekly job stored it, so that weeks later the page can set it against what happened.
/// <see cref="Scope"/> is a traffic channel's name or <see cref="ForecastScope.Company"/> (never null: SQLite lets
/// nulls repeat in a unique index, and the week's forecast must be stored once).
/// </summary>
public sealed class StoredForecast
{
    public int Id { get; set; }

    /// <summary>The Monday (company time) of the week the forecast belongs to: one forecast per week, series and scope.</summary>
    public DateOnly WeekOf { get; set; }
    public DateTime MadeAtUtc { get; set; }

    /// <summary>The last day of the history the forecast was computed on.</summary>
    public DateOnly HistoryTo { get; set; }
    public ForecastSeries Series { get; set; }
    public required string Scope { get; set; }
    public DateOnly Day { get; set; }
    public double Predicted { get; set; }
    public double Low { get; set; }
    public double High { get; set; }
    public bool CampaignDay { get; set; }
    public required string Parameters { get; set; }
    public double? BacktestMape { get; set; }
    public double? NaiveMape { get; set; }
}

internal sealed class StoredForecastConfiguration : IEntityTypeConfiguration<StoredForecast>
{
    public void Configure(EntityTypeBuilder<StoredForecast> b)
    {
        b.Property(x => x.Series).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Scope).HasMaxLength(20);
        b.Property(x => x.Parameters).HasMaxLength(100);
        b.HasIndex(x => new { x.Series, x.Scope, x.WeekOf, x.Day }).IsUnique();
        b.HasIndex(x => x.WeekOf);
    }
}

/// <summary>The whole company or one platform's traffic channel.</summary>
public static class ForecastScope
{
    public const string Company = "Company";

    public static string Of(TrafficChannel? channel) => channel?.ToString() ?? Company;
}

/// <summary>A forecast with the history it was made on (days from <see cref="HistoryFrom"/>, one value each), or why there is none.</summary>
public sealed record ForecastView(ForecastSeries Series, TrafficChannel? Channel, DateOnly HistoryFrom, IReadOnlyList<double> History, ForecastResult? Result,
    ForecastRefusal? Refusal);

/// <summary>A stored forecast's days set against what happened, with the error over the days that have passed.</summary>
public sealed record ForecastCheck(DateOnly WeekOf, DateOnly HistoryTo, string Parameters, double? BacktestMape, double? NaiveMape,
    IReadOnlyList<(DateOnly Day, double Predicted, double Low, double High, double? Actual)> Days, double? Mape);

/// <summary>
/// The business forecast: daily series of revenue and orders (orders placed, company-time days, cancelled left out, as
/// the sales metrics count them) and visitors (the imported traffic days), per traffic channel or for the whole company,
/// forecast by <see cref="ForecastModel"/> with the campaign calendar's approved campaigns as known events; and the
/// weekly stored forecasts. Only the operations roles that see analytics may read them.
/// </summary>
public sealed class BusinessForecasts(IDbContextFactory<OpsDb> dbFactory, CompanyTime time)
{
    /// <summary>At most this much history is read: two years, enough for the yearly pattern.</summary>
    private const int MaxHistoryDays = 2 * 365;

    public static IReadOnlyList<TrafficChannel?> Scopes { get; } = [null, .. Enum.GetValues<TrafficChannel>().Cast<TrafficChannel?>()];

    /// <summary>The forecast made on the history up to <paramref name="historyTo"/> (yesterday when not given: today is not over).</summary>
    public async Task<ForecastView> ForecastAsync(ForecastSeries series, TrafficChannel? channel, int horizonWeeks, DateOnly? historyTo = null,
        CancellationToken ct = default)
    {
        var to = historyTo ?? time.Today.AddDays(-1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (from, values) = await HistoryAsync(db, series, channel, to, ct);
        var campaignDays = await CampaignDaysAsync(db, channel, ct);
        var (result, refusal) = ForecastModel.Forecast(values, from, horizonWeeks, campaignDays.Contains);
        return new ForecastView(series, channel, from, values, result, refusal);
    }

    /// <summary>
    /// Stores this week's forecast of every series and scope (the longest horizon, so every horizon can be checked later),
    /// made on the history up to <paramref name="historyTo"/>. Run twice in a week it replaces the week's forecast, never
    /// adds a second. A series too short to forecast stores nothing. Returns the number of days stored.
    /// </summary>
    public async Task<int> StoreWeeklyAsync(DateOnly? historyTo = null, CancellationToken ct = default)
    {
        var to = historyTo ?? time.Today.AddDays(-1);
        var weekOf = WeekOf(to.AddDays(1));
        var rows = new List<StoredForecast>();
        foreach (var series in Enum.GetValues<ForecastSeries>())
        {
            foreach (var channel in Scopes)
            {
                var view = await ForecastAsync(series, channel, ForecastModel.MaxHorizonWeeks, to, ct);
                if (view.Result is not { } result)
                {
                    continue;
                }
                rows.AddRange(result.Points.Select(p => new StoredForecast
                {
                    WeekOf = weekOf, MadeAtUtc = time.UtcNow, HistoryTo = to, Series = series, Scope = ForecastScope.Of(channel), Day = p.Day,
                    Predicted = p.Predicted, Low = p.Low, High = p.High, CampaignDay = p.CampaignDay, Parameters = result.Parameters.ToString(),
                    BacktestMape = result.Backtest.ModelMape, NaiveMape = result.Backtest.NaiveMape,
                }));
            }
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<StoredForecast>().Where(f => f.WeekOf == weekOf).ExecuteDeleteAsync(ct);
        using (var insert = new BulkInsert<StoredForecast>(db, keysFromDatabase: true))
        {
            rows.ForEach(insert.Add);
        }
        await transaction.CommitAsync(ct);
        return rows.Count;
    }

    /// <summary>The weeks with a stored forecast of the series and scope whose first day has passed, newest first.</summary>
    public async Task<IReadOnlyList<DateOnly>> CheckableWeeksAsync(ForecastSeries series, TrafficChannel? channel, CancellationToken ct = default)
    {
        var today = time.Today;
        var scope = ForecastScope.Of(channel);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<StoredForecast>().AsNoTracking().Where(f => f.Series == series && f.Scope == scope && f.Day < today)
            .Select(f => f.WeekOf).Distinct().OrderByDescending(w => w).ToListAsync(ct);
    }

    /// <summary>A stored forecast against what happened, over its days up to yesterday.</summary>
    public async Task<ForecastCheck?> CheckAsync(ForecastSeries series, TrafficChannel? channel, DateOnly weekOf, CancellationToken ct = default)
    {
        var yesterday = time.Today.AddDays(-1);
        var scope = ForecastScope.Of(channel);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Set<StoredForecast>().AsNoTracking().Where(f => f.Series == series && f.Scope == scope && f.WeekOf == weekOf && f.Day <= yesterday)
            .OrderBy(f => f.Day).ToListAsync(ct);
        if (stored.Count == 0)
        {
            return null;
        }
        var (from, actual) = await HistoryAsync(db, series, channel, yesterday, ct);
        double? ActualOn(DateOnly day) => day >= from && day.DayNumber - from.DayNumber < actual.Count ? actual[day.DayNumber - from.DayNumber] : null;
        var days = stored.Select(f => (f.Day, f.Predicted, f.Low, f.High, ActualOn(f.Day))).ToList();
        var known = days.Where(d => d.Item5 is not null).ToList();
        var mape = ForecastModel.Mape(known.Select(d => d.Item5!.Value).ToList(), known.Select(d => d.Predicted).ToList());
        var first = stored[0];
        return new ForecastCheck(weekOf, first.HistoryTo, first.Parameters, first.BacktestMape, first.NaiveMape, days, mape);
    }

    /// <summary>The Monday of a day's week.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// The series' daily values from its first day with data (at most two years back) to <paramref name="to"/>; a day
    /// without orders counts zero, a day without a traffic report too once the reports have started.
    /// </summary>
    private async Task<(DateOnly From, IReadOnlyList<double> Values)> HistoryAsync(OpsDb db, ForecastSeries series, TrafficChannel? channel, DateOnly to,
        CancellationToken ct)
    {
        var earliest = to.AddDays(1 - MaxHistoryDays);
        var byDay = new Dictionary<DateOnly, double>();
        if (series == ForecastSeries.Visitors)
        {
            var traffic = await db.TrafficDays.AsNoTracking().Where(d => d.Day >= earliest && d.Day <= to && (channel == null || d.Channel == channel))
                .GroupBy(d => d.Day).Select(g => new { g.Key, Visitors = g.Sum(d => d.Visitors) }).ToListAsync(ct);
            traffic.ForEach(d => byDay[d.Key] = d.Visitors);
        }
        else
        {
            var period = new MetricPeriod(time.ToUtc(earliest.ToDateTime(TimeOnly.MinValue)), time.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));
            var channelIds = await SalesChannelIdsAsync(db, channel, ct);
            var orders = await SalesMetricSource.Placed(db, period).Where(o => channelIds == null || channelIds.Contains(o.ChannelId))
                .Select(o => new { o.PlacedAtUtc, Net = o.ItemsCents - o.DiscountCents }).ToListAsync(ct);
            foreach (var o in orders)
            {
                var day = DateOnly.FromDateTime(time.ToLocal(o.PlacedAtUtc));
                byDay[day] = byDay.GetValueOrDefault(day) + (series == ForecastSeries.Revenue ? o.Net / 100.0 : 1);
            }
        }
        if (byDay.Count == 0)
        {
            return (to.AddDays(1), []);
        }
        var from = byDay.Keys.Min();
        return (from, Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => byDay.GetValueOrDefault(from.AddDays(i))).ToList());
    }

    /// <summary>The sales channels (shops) on the traffic channel's platform; null for the whole company.</summary>
    private static async Task<List<int>?> SalesChannelIdsAsync(OpsDb db, TrafficChannel? channel, CancellationToken ct) =>
        channel is { } c
            ? (await db.SalesChannels.AsNoTracking().Select(s => new { s.Id, s.Platform }).ToListAsync(ct)).Where(s => DesignQueries.TrafficOf(s.Platform) == c).Select(s => s.Id).ToList()
            : null;

    /// <summary>The days of the approved (or running, ended, reviewed) campaigns on the scope's channels: the known events.</summary>
    private async Task<HashSet<DateOnly>> CampaignDaysAsync(OpsDb db, TrafficChannel? channel, CancellationToken ct)
    {
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.State == CampaignState.Approved || c.State == CampaignState.Running || c.State == CampaignState.Ended || c.State == CampaignState.Reviewed)
            .Select(c => new { c.ChannelIds, c.StartsAtUtc, c.EndsAtUtc }).ToListAsync(ct);
        var channelIds = await SalesChannelIdsAsync(db, channel, ct);
        var days = new HashSet<DateOnly>();
        foreach (var c in campaigns.Where(c => channelIds is null || c.ChannelIds.Any(channelIds.Contains)))
        {
            // Campaign dates are company-local days, the end's midnight excluded.
            var (first, last) = (DateOnly.FromDateTime(time.ToLocal(c.StartsAtUtc)), DateOnly.FromDateTime(time.ToLocal(c.EndsAtUtc).AddTicks(-1)));
            for (var d = first; d <= last; d = d.AddDays(1))
            {
                days.Add(d);
            }
        }
        return days;
    }
}
