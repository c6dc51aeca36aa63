namespace EcomOps.Domain.Analytics.Forecast;

/// <summary>How the weekly pattern combines with the level: added to it, or as a factor of it.</summary>
public enum SeasonalMode
{
    Additive,
    Multiplicative,
}

/// <summary>The smoothing weights of one Holt-Winters model: level (alpha), trend (beta), weekly pattern (gamma).</summary>
public sealed record ForecastParameters(double Alpha, double Beta, double Gamma, SeasonalMode Mode)
{
    public override string ToString() =>
        FormattableString.Invariant($"{Mode} α={Alpha:0.##} β={Beta:0.##} γ={Gamma:0.##}");
}

/// <summary>One forecast day: the expected value and the 90% prediction interval around it.</summary>
public sealed record ForecastPoint(DateOnly Day, double Predicted, double Low, double High, bool CampaignDay);

/// <summary>
/// The back-test: the last <see cref="Weeks"/> weeks held out, forecast from the days before them, and the mean absolute
/// percentage error of the model and of the seasonal-naive forecast (each weekday as it was in the last week before the
/// hold-out). Null when the held-out days have no non-zero value to divide by.
/// </summary>
public sealed record Backtest(int Weeks, double? ModelMape, double? NaiveMape, double Coverage);

/// <summary>A forecast of a daily series with how it was made and how well the same model did on the latest weeks.</summary>
public sealed record ForecastResult(
    IReadOnlyList<ForecastPoint> Points,
    ForecastParameters Parameters,
    Backtest Backtest,
    double CampaignUplift,
    int CampaignDaysSeen,
    bool YearlySeasonality);

/// <summary>Why a series cannot be forecast: too short, or a horizon outside what the page offers.</summary>
public sealed record ForecastRefusal(string Code);

/// <summary>
/// The business forecast's rule: Holt-Winters exponential smoothing (level, trend, weekly pattern) on a daily series,
/// additive, or multiplicative when every value is positive and it fits the back-test better. Known campaign days are
/// events: while fitting, a campaign day does not move the model (its value is replaced by the model's own baseline), and
/// the uplift factor is the campaign days' actual total over that baseline; future campaign days get the factor.
/// With more than a year of history a yearly factor (the same weeks last year against the last four weeks before the end
/// of the history, last year) is applied as well. Intervals come from the in-sample one-step errors, widened with the
/// horizon as the model's own error propagation says. The weights are chosen by a small grid on the back-test window.
/// Pure and deterministic: the same series gives the same forecast.
/// </summary>
public static class ForecastModel
{
    public const int MinHorizonWeeks = 4;
    public const int MaxHorizonWeeks = 12;
    public const int BacktestWeeks = 4;

    /// <summary>Two weeks to start the model, two to fit it and the four held-out weeks of the back-test.</summary>
    public const int MinHistoryDays = 8 * 7;

    /// <summary>Yearly seasonality needs a full year before the four weeks it compares against.</summary>
    public const int YearlyHistoryDays = 365 + 5 * 7;

    public const string HorizonOutOfRange = "ForecastHorizonOutOfRange";
    public const string TooFewDays = "ForecastTooFewDays";

    private const int Season = 7;
    private const double Z90 = 1.645;

    private static readonly double[] Alphas = [0.05, 0.1, 0.2, 0.35, 0.5];
    private static readonly double[] Betas = [0, 0.01, 0.05];
    private static readonly double[] Gammas = [0.05, 0.15, 0.3];

    /// <summary>
    /// Forecasts <paramref name="horizonWeeks"/> weeks after a series of consecutive days that starts on
    /// <paramref name="firstDay"/>; <paramref name="isCampaignDay"/> names the known campaign days, past and future.
    /// </summary>
    public static (ForecastResult? Result, ForecastRefusal? Refusal) Forecast(
        IReadOnlyList<double> history, DateOnly firstDay, int horizonWeeks, Func<DateOnly, bool> isCampaignDay)
    {
        if (horizonWeeks is < MinHorizonWeeks or > MaxHorizonWeeks)
        {
            return (null, new ForecastRefusal(HorizonOutOfRange));
        }
        if (history.Count < MinHistoryDays)
        {
            return (null, new ForecastRefusal(TooFewDays));
        }
        var values = history.Select(v => Math.Max(0, v)).ToArray();
        var campaign = Enumerable.Range(0, values.Length + horizonWeeks * 7).Select(i => isCampaignDay(firstDay.AddDays(i))).ToArray();
        var yearly = values.Length >= YearlyHistoryDays;
        var holdOut = BacktestWeeks * 7;
        var training = values[..^holdOut];
        var actual = values[^holdOut..];

        var candidates = Modes(values).SelectMany(mode => Alphas.SelectMany(a => Betas.SelectMany(b => Gammas.Select(g => new ForecastParameters(a, b, g, mode)))));
        (ForecastParameters Parameters, double Error, Fit Fit)? best = null;
        foreach (var p in candidates)
        {
            var fit = Fit.Run(training, campaign, p);
            var predicted = Project(fit, training, campaign, holdOut, yearly);
            var error = Mape(actual, predicted.Select(x => x.Predicted).ToArray()) ?? MeanAbsolute(actual, predicted.Select(x => x.Predicted).ToArray());
            if (best is null || error < best.Value.Error - 1e-12)
            {
                best = (p, error, fit);
            }
        }
        var chosen = best!.Value;
        var backtestPoints = Project(chosen.Fit, training, campaign, holdOut, yearly);
        var naive = Enumerable.Range(0, holdOut).Select(i => training[training.Length - Season + i % Season]).ToArray();
        var covered = backtestPoints.Select((x, i) => actual[i] >= x.Low && actual[i] <= x.High).Count(c => c);
        var backtest = new Backtest(BacktestWeeks, Mape(actual, backtestPoints.Select(x => x.Predicted).ToArray()), Mape(actual, naive), (double)covered / holdOut);

        var full = Fit.Run(values, campaign, chosen.Parameters);
        var points = Project(full, values, campaign, horizonWeeks * 7, yearly)
            .Select((x, i) => new ForecastPoint(firstDay.AddDays(values.Length + i), x.Predicted, x.Low, x.High, campaign[values.Length + i]))
            .ToList();
        return (new ForecastResult(points, chosen.Parameters, backtest, full.Uplift, full.CampaignDays, yearly), null);
    }

    /// <summary>Mean absolute percentage error over the days whose actual value is not zero; null when there is none.</summary>
    public static double? Mape(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        var (sum, n) = (0.0, 0);
        for (var i = 0; i < actual.Count; i++)
        {
            if (actual[i] > 0)
            {
                sum += Math.Abs(actual[i] - predicted[i]) / actual[i];
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    private static double MeanAbsolute(IReadOnlyList<double> actual, IReadOnlyList<double> predicted) =>
        actual.Select((a, i) => Math.Abs(a - predicted[i])).Average();

    private static IEnumerable<SeasonalMode> Modes(double[] values) =>
        values.All(v => v > 0) ? [SeasonalMode.Additive, SeasonalMode.Multiplicative] : [SeasonalMode.Additive];

    /// <summary>The forecast of the <paramref name="days"/> days after a fitted series, with its intervals.</summary>
    private static List<(double Predicted, double Low, double High)> Project(Fit fit, double[] series, bool[] campaign, int days, bool yearly)
    {
        var p = fit.Parameters;
        var result = new List<(double, double, double)>(days);
        var lastYearBase = yearly ? Average(series, series.Length - 364 - 28, 28) : 0;
        for (var h = 1; h <= days; h++)
        {
            var index = series.Length - 1 + h;
            var season = fit.Seasonal[(index) % Season];
            var trend = fit.Level + h * fit.Trend;
            var value = p.Mode == SeasonalMode.Additive ? trend + season : trend * season;
            if (yearly && lastYearBase > 0)
            {
                value *= Average(series, index - 364 - 3, 7) / lastYearBase;
            }
            if (campaign[index])
            {
                value *= fit.Uplift;
            }
            value = Math.Max(0, value);
            // Variance of the h-step error of additive Holt-Winters (Hyndman & Athanasopoulos, table 8.8), scaled for a multiplicative model.
            var variance = 1.0;
            for (var j = 1; j < h; j++)
            {
                var c = p.Alpha * (1 + j * p.Beta) + (j % Season == 0 ? p.Gamma * (1 - p.Alpha) : 0);
                variance += c * c;
            }
            var spread = Z90 * fit.ErrorDeviation * Math.Sqrt(variance) * (p.Mode == SeasonalMode.Multiplicative ? Math.Max(value, 0) : 1)
                         * (campaign[index] && p.Mode == SeasonalMode.Additive ? fit.Uplift : 1);
            result.Add((value, Math.Max(0, value - spread), value + spread));
        }
        return result;
    }

    private static double Average(double[] series, int from, int count)
    {
        var (sum, n) = (0.0, 0);
        for (var i = Math.Max(0, from); i < Math.Min(series.Length, from + count); i++)
        {
            sum += series[i];
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    /// <summary>The model's state after the last day of a series, its one-step error spread and the campaign uplift it measured.</summary>
    private sealed class Fit
    {
        public required ForecastParameters Parameters { get; init; }
        public double Level { get; private set; }
        public double Trend { get; private set; }
        public double[] Seasonal { get; } = new double[Season];
        public double ErrorDeviation { get; private set; }
        public double Uplift { get; private set; } = 1;
        public int CampaignDays { get; private set; }

        public static Fit Run(double[] y, bool[] campaign, ForecastParameters p)
        {
            var fit = new Fit { Parameters = p };
            var multiplicative = p.Mode == SeasonalMode.Multiplicative;
            var first = y[..Season].Average();
            var second = y[Season..(2 * Season)].Average();
            fit.Level = first;
            fit.Trend = (second - first) / Season;
            for (var i = 0; i < Season; i++)
            {
                // Slot i holds the pattern of day indexes ≡ i (mod 7).
                fit.Seasonal[i] = multiplicative ? (first > 0 ? y[i] / first : 1) : y[i] - first;
            }
            var (errorSquares, errors, actualOnCampaign, baselineOnCampaign) = (0.0, 0, 0.0, 0.0);
            for (var t = Season; t < y.Length; t++)
            {
                var slot = t % Season;
                var season = fit.Seasonal[slot];
                var baseline = multiplicative ? (fit.Level + fit.Trend) * season : fit.Level + fit.Trend + season;
                var observed = y[t];
                if (campaign[t])
                {
                    // A campaign day is an event, not the new normal: measure it against the baseline and let the model carry on.
                    actualOnCampaign += observed;
                    baselineOnCampaign += Math.Max(0, baseline);
                    fit.CampaignDays++;
                    observed = baseline;
                }
                else
                {
                    errorSquares += multiplicative ? Sq(baseline > 0 ? (observed - baseline) / baseline : 0) : Sq(observed - baseline);
                    errors++;
                }
                var previousLevel = fit.Level;
                if (multiplicative)
                {
                    fit.Level = p.Alpha * (season > 0 ? observed / season : observed) + (1 - p.Alpha) * (fit.Level + fit.Trend);
                    fit.Trend = p.Beta * (fit.Level - previousLevel) + (1 - p.Beta) * fit.Trend;
                    fit.Seasonal[slot] = fit.Level > 0 ? p.Gamma * (observed / fit.Level) + (1 - p.Gamma) * season : season;
                }
                else
                {
                    fit.Level = p.Alpha * (observed - season) + (1 - p.Alpha) * (fit.Level + fit.Trend);
                    fit.Trend = p.Beta * (fit.Level - previousLevel) + (1 - p.Beta) * fit.Trend;
                    fit.Seasonal[slot] = p.Gamma * (observed - fit.Level) + (1 - p.Gamma) * season;
                }
            }
            fit.ErrorDeviation = errors > 0 ? Math.Sqrt(errorSquares / errors) : 0;
            fit.Uplift = baselineOnCampaign > 0 ? actualOnCampaign / baselineOnCampaign : 1;
            return fit;
        }

        private static double Sq(double x) => x * x;
    }
}
