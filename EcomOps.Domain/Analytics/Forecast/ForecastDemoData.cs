using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Time;

namespace EcomOps.Domain.Analytics.Forecast;

/// <summary>
/// The demo starts as if the weekly forecast job had run for a while: this week's forecast, and one made four weeks ago
/// on the data up to then, so "predicted against what happened" has four weeks to show. After orders, traffic and campaigns.
/// </summary>
public sealed class ForecastDemoData(BusinessForecasts forecasts, CompanyTime time) : IDemoDataArea
{
    public int Order => 96;

    public string Name => "business forecast";

    public async Task SeedAsync(OpsDb db, DemoSize size, Random random, CancellationToken ct)
    {
        var yesterday = time.Today.AddDays(-1);
        await forecasts.StoreWeeklyAsync(yesterday.AddDays(-28), ct);
        await forecasts.StoreWeeklyAsync(yesterday, ct);
    }
}
