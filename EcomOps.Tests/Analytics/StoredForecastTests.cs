using EcomOps.Console.Features.Analytics;
using EcomOps.Domain.Analytics.Forecast;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOps.Tests.Analytics;

/// <summary>The weekly stored forecast on real SQLite: once a week however often the job runs, and set against what happened later.</summary>
public sealed class StoredForecastTests
{
    /// <summary>70 days of Tmall visitors up to yesterday (the harness's clock: Friday 2026-11-27), with a weekly pattern.</summary>
    private static async Task SeedTrafficAsync(DomainHarness h, int days = 70)
    {
        var yesterday = new DateOnly(2026, 11, 26);
        await using var db = h.NewDb();
        for (var i = 0; i < days; i++)
        {
            var day = yesterday.AddDays(-i);
            var visitors = 1000 + (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 400 : 0) + (i * 7919 % 97);
            db.TrafficDays.Add(new TrafficDay { Channel = TrafficChannel.Tmall, Day = day, Visitors = visitors, Visits = visitors, PageViews = visitors * 3 });
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_job_run_twice_in_a_week_stores_one_forecast_and_a_new_week_adds_the_next()
    {
        await using var h = await DomainHarness.StartAsync(s => s.AddSingleton<ForecastJob>());
        await SeedTrafficAsync(h);
        var job = h.Get<ForecastJob>();

        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromDays(1));
        await job.RunAsync(CancellationToken.None);

        await using (var db = h.NewDb())
        {
            var stored = await db.Set<StoredForecast>().ToListAsync();
            // Visitors only (no orders yet), for the company and for Tmall, 12 weeks each; one week.
            Assert.Equal(2 * 12 * 7, stored.Count);
            Assert.Equal([new DateOnly(2026, 11, 23)], stored.Select(s => s.WeekOf).Distinct());
            Assert.Equal(["Company", "Tmall"], stored.Select(s => s.Scope).Distinct().Order());
            Assert.All(stored, s => Assert.Equal(ForecastSeries.Visitors, s.Series));
            // The run on Saturday replaced Friday's: made on the history up to Friday.
            Assert.All(stored, s => Assert.Equal(new DateOnly(2026, 11, 27), s.HistoryTo));
        }

        h.Clock.Advance(TimeSpan.FromDays(3));
        await job.RunAsync(CancellationToken.None);
        await using (var db = h.NewDb())
        {
            Assert.Equal(2, await db.Set<StoredForecast>().Select(s => s.WeekOf).Distinct().CountAsync());
            Assert.Equal(2 * 2 * 12 * 7, await db.Set<StoredForecast>().CountAsync());
        }
    }

    [Fact]
    public async Task A_forecast_stored_four_weeks_ago_is_set_against_what_happened_since()
    {
        await using var h = await DomainHarness.StartAsync();
        await SeedTrafficAsync(h, 100);
        var forecasts = h.Get<BusinessForecasts>();
        var historyTo = new DateOnly(2026, 11, 26).AddDays(-28);

        await forecasts.StoreWeeklyAsync(historyTo);

        var weeks = await forecasts.CheckableWeeksAsync(ForecastSeries.Visitors, TrafficChannel.Tmall);
        Assert.Equal([BusinessForecasts.WeekOf(historyTo.AddDays(1))], weeks);
        var check = await forecasts.CheckAsync(ForecastSeries.Visitors, TrafficChannel.Tmall, weeks[0]);
        Assert.NotNull(check);
        Assert.Equal(28, check.Days.Count);
        Assert.All(check.Days, d => Assert.NotNull(d.Actual));
        Assert.InRange(check.Mape!.Value, 0, 0.15);
        Assert.Equal(historyTo, check.HistoryTo);
    }

    [Fact]
    public async Task A_series_with_too_few_days_is_refused_and_stores_nothing()
    {
        await using var h = await DomainHarness.StartAsync();
        await SeedTrafficAsync(h, 30);
        var forecasts = h.Get<BusinessForecasts>();

        var view = await forecasts.ForecastAsync(ForecastSeries.Visitors, TrafficChannel.Tmall, 4);
        var stored = await forecasts.StoreWeeklyAsync();

        Assert.Null(view.Result);
        Assert.Equal(ForecastModel.TooFewDays, view.Refusal!.Code);
        Assert.Equal(30, view.History.Count);
        Assert.Equal(0, stored);
    }
}
