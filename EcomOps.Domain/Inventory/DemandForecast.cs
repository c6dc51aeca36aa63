namespace EcomOps.Domain.Inventory;

/// <summary>A forecast of daily demand and how well the method did on the recent past.</summary>
public sealed record Forecast(IReadOnlyList<double> Next, double? Mape);

/// <summary>
/// Daily demand forecast by exponential smoothing with a weekly season (additive Holt-Winters without trend):
/// level ← α(x − season) + (1 − α)level, season ← γ(x − level) + (1 − γ)season, forecast = level + season of that weekday.
/// Its error is back-tested one day ahead over the last weeks as MAPE (mean absolute percentage error, days without
/// demand left out because a percentage of zero is undefined).
/// </summary>
public static class DemandForecast
{
    public const int Season = 7;
    public const double Alpha = 0.3;
    public const double Gamma = 0.2;
    public const int BacktestDays = 28;

    public static Forecast Predict(IReadOnlyList<double> history, int horizon)
    {
        if (history.Count < 2 * Season)
        {
            var mean = history.Count == 0 ? 0 : history.Average();
            return new Forecast([.. Enumerable.Repeat(mean, horizon)], null);
        }
        var level = history.Take(Season).Average();
        var season = history.Take(Season).Select(x => x - level).ToArray();
        var errors = new List<double>();
        for (var t = Season; t < history.Count; t++)
        {
            var slot = t % Season;
            var oneAhead = Math.Max(0, level + season[slot]);
            if (t >= history.Count - BacktestDays && history[t] > 0)
            {
                errors.Add(Math.Abs(history[t] - oneAhead) / history[t]);
            }
            var previousLevel = level;
            level = Alpha * (history[t] - season[slot]) + (1 - Alpha) * previousLevel;
            season[slot] = Gamma * (history[t] - level) + (1 - Gamma) * season[slot];
        }
        var next = Enumerable.Range(0, horizon).Select(h => Math.Max(0, level + season[(history.Count + h) % Season])).ToList();
        return new Forecast(next, errors.Count == 0 ? null : errors.Average());
    }
}
