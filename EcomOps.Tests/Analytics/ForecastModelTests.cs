using EcomOps.Domain.Analytics.Forecast;

namespace EcomOps.Tests.Analytics;

/// <summary>The business forecast's rule on fixed synthetic series: against the seasonal-naive baseline, its intervals, campaign days, bad input.</summary>
public sealed class ForecastModelTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);
    private static readonly double[] Weekly = [0.9, 0.85, 0.95, 1.0, 1.15, 1.35, 1.3];

    /// <summary>Trend + weekly pattern + noise with a fixed seed: 2,000 a day growing by 6 a day, ±8% noise.</summary>
    private static double[] Series(int days, int seed = 7, Func<int, double>? extra = null)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, days)
            .Select(i => (2000 + 6 * i) * Weekly[i % 7] * (1 + (random.NextDouble() - 0.5) * 0.16) * (extra?.Invoke(i) ?? 1))
            .ToArray();
    }

    [Fact]
    public void The_model_beats_the_seasonal_naive_forecast_on_a_trending_weekly_series()
    {
        var (result, refusal) = ForecastModel.Forecast(Series(140), Start, 8, _ => false);

        Assert.Null(refusal);
        Assert.NotNull(result!.Backtest.ModelMape);
        Assert.True(result.Backtest.ModelMape < result.Backtest.NaiveMape,
            $"model {result.Backtest.ModelMape:P1} against naive {result.Backtest.NaiveMape:P1}");
        Assert.True(result.Backtest.ModelMape < 0.08, $"model {result.Backtest.ModelMape:P1}");
        Assert.Equal(56, result.Points.Count);
        Assert.Equal(Start.AddDays(140), result.Points[0].Day);
        Assert.False(result.YearlySeasonality);
    }

    [Fact]
    public void The_forecast_follows_the_trend_and_the_weekly_pattern()
    {
        var (result, _) = ForecastModel.Forecast(Series(140), Start, 4, _ => false);

        // Day 140 is a Monday-slot (index 0, factor 0.9), day 145 a Saturday-slot (1.35): the truth is about 2,840×factor.
        Assert.InRange(result!.Points[0].Predicted, 2840 * 0.9 * 0.9, 2840 * 0.9 * 1.1);
        Assert.InRange(result.Points[5].Predicted, 2870 * 1.35 * 0.9, 2870 * 1.35 * 1.1);
        Assert.True(result.Points[27].Predicted > result.Points[0].Predicted);
    }

    [Fact]
    public void Prediction_intervals_contain_most_held_out_days_and_widen_with_the_horizon()
    {
        var series = Series(168, seed: 11);
        var (result, _) = ForecastModel.Forecast(series[..140], Start, 4, _ => false);

        var held = series[140..];
        var inside = result!.Points.Select((p, i) => held[i] >= p.Low && held[i] <= p.High).Count(x => x);
        Assert.True(inside >= 22, $"{inside} of 28 held-out days inside the 90% interval");
        Assert.True(result.Backtest.Coverage >= 0.75, $"back-test coverage {result.Backtest.Coverage:P0}");
        Assert.All(result.Points, p => Assert.True(p.Low <= p.Predicted && p.Predicted <= p.High));
        Assert.True(result.Points[27].High - result.Points[27].Low > result.Points[0].High - result.Points[0].Low);
    }

    [Fact]
    public void Campaign_days_get_the_uplift_measured_on_past_campaign_days()
    {
        // Every 14th day from day 20 is a campaign day that sells 60% more.
        static bool IsCampaign(int i) => i >= 20 && i % 14 == 6;
        var series = Series(140, extra: i => IsCampaign(i) ? 1.6 : 1);
        bool Campaign(DateOnly day) => IsCampaign(day.DayNumber - Start.DayNumber);

        var (result, _) = ForecastModel.Forecast(series, Start, 4, Campaign);
        var (without, _) = ForecastModel.Forecast(series, Start, 4, _ => false);

        Assert.InRange(result!.CampaignUplift, 1.45, 1.75);
        Assert.True(result.CampaignDaysSeen >= 8);
        var campaignDay = result.Points.Single(p => p.Day == Start.AddDays(146));
        Assert.True(campaignDay.CampaignDay);
        var sameWeekdayAfter = result.Points.Single(p => p.Day == Start.AddDays(146 + 7));
        Assert.InRange(campaignDay.Predicted / sameWeekdayAfter.Predicted, 1.4, 1.8);
        // Without the calendar, the spikes are noise the plain model cannot place.
        Assert.True(result.Backtest.ModelMape < without!.Backtest.ModelMape);
    }

    [Fact]
    public void The_same_series_gives_the_same_forecast()
    {
        var series = Series(120);
        var (a, _) = ForecastModel.Forecast(series, Start, 6, _ => false);
        var (b, _) = ForecastModel.Forecast(series, Start, 6, _ => false);

        Assert.Equal(a!.Parameters, b!.Parameters);
        Assert.Equal(a.Points, b.Points);
    }

    [Fact]
    public void More_than_a_year_of_history_turns_on_the_yearly_pattern()
    {
        // A yearly swing: the second half of each year sells 50% more.
        var series = Series(500, extra: i => (i % 364) >= 182 ? 1.5 : 1);

        var (result, _) = ForecastModel.Forecast(series, Start, 4, _ => false);

        Assert.True(result!.YearlySeasonality);
        Assert.NotNull(result.Backtest.ModelMape);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(13)]
    [InlineData(0)]
    public void A_horizon_outside_four_to_twelve_weeks_is_refused(int weeks)
    {
        var (result, refusal) = ForecastModel.Forecast(Series(140), Start, weeks, _ => false);

        Assert.Null(result);
        Assert.Equal(ForecastModel.HorizonOutOfRange, refusal!.Code);
    }

    [Fact]
    public void A_series_shorter_than_eight_weeks_is_refused()
    {
        var (result, refusal) = ForecastModel.Forecast(Series(55), Start, 4, _ => false);

        Assert.Null(result);
        Assert.Equal(ForecastModel.TooFewDays, refusal!.Code);
        Assert.NotNull(ForecastModel.Forecast(Series(56), Start, 4, _ => false).Result);
    }

    [Fact]
    public void Mape_leaves_out_days_without_sales_and_is_null_when_there_are_none()
    {
        Assert.Equal(0.15, ForecastModel.Mape([100, 0, 200], [90, 5, 240])!.Value, 12);
        Assert.Null(ForecastModel.Mape([0, 0], [1, 2]));
    }
}
