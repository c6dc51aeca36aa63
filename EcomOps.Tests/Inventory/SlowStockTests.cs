using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Inventory;

public sealed class SlowStockRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Stock_age_is_first_in_first_out_so_what_is_left_is_what_arrived_last()
    {
        // 100 arrived 100 days ago, 40 arrived 45 days ago, 10 arrived 5 days ago; 70 are left.
        var age = SlowStockRules.Age(70, [(Now.AddDays(-100), 100), (Now.AddDays(-45), 40), (Now.AddDays(-5), 10)], Now);

        Assert.Equal(new StockAge(Days0To30: 10, Days31To60: 40, Days61To90: 0, Over90: 20), age);
    }

    [Fact]
    public void Units_no_receipt_explains_count_as_the_oldest() =>
        Assert.Equal(new StockAge(5, 0, 0, 3), SlowStockRules.Age(8, [(Now.AddDays(-2), 5)], Now));

    [Fact]
    public void Days_of_cover_is_available_over_daily_demand_and_unbounded_without_demand()
    {
        Assert.Equal(12.5, SlowStockRules.DaysOfCover(25, 2));
        Assert.Null(SlowStockRules.DaysOfCover(25, 0));
    }

    [Fact]
    public void The_suggested_action_follows_the_age_of_most_units()
    {
        Assert.Equal(SlowStockAction.WriteOff, SlowStockRules.Suggest(new StockAge(1, 1, 1, 10), hasSupplier: true));
        Assert.Equal(SlowStockAction.ReturnToSupplier, SlowStockRules.Suggest(new StockAge(1, 1, 10, 1), hasSupplier: true));
        Assert.Equal(SlowStockAction.MarkForPromotion, SlowStockRules.Suggest(new StockAge(1, 1, 10, 1), hasSupplier: false));
        Assert.Equal(SlowStockAction.MarkForPromotion, SlowStockRules.Suggest(new StockAge(1, 10, 1, 1), hasSupplier: true));
    }
}

public sealed class SlowStockDeskTests : IAsyncLifetime
{
    private InventoryWorld _world = default!;

    public async Task InitializeAsync() => _world = await InventoryWorld.StartAsync();

    public async Task DisposeAsync() => await _world.Harness.DisposeAsync();

    [Fact]
    public async Task Stock_that_sat_unsold_for_two_months_is_listed_with_its_age_and_the_decision_is_recorded()
    {
        var sku = await _world.SkuAsync("SKU-1", onHand: 30, reorderPoint: 0);
        _world.Harness.Clock.Advance(TimeSpan.FromDays(95));
        await _world.Harness.Get<InventoryWatch>().EvaluateAllAsync(default);
        var desk = _world.Harness.Get<SlowStockDesk>();

        var row = Assert.Single(await desk.ListAsync());
        var decided = await desk.DecideAsync(_world.Manager, sku, _world.Warehouse, row.Suggested, "clearance at 50% off");
        var after = Assert.Single(await desk.ListAsync());

        Assert.Equal((new StockAge(0, 0, 0, 30), SlowStockAction.WriteOff), (row.Age, row.Suggested));
        Assert.True(decided.Succeeded);
        Assert.Equal((SlowStockAction.WriteOff, "opsmanager@ecomops.local"), (after.Decided, after.DecidedBy));
        await using var db = _world.Harness.NewDb();
        Assert.Equal("clearance at 50% off", (await db.SlowStockDecisions.SingleAsync()).Note);
    }
}

public sealed class DemandForecastTests
{
    [Fact]
    public void A_steady_weekly_pattern_is_forecast_exactly_with_no_error()
    {
        double[] week = [10, 10, 10, 10, 10, 20, 20];
        var history = Enumerable.Range(0, 12).SelectMany(_ => week).ToList();

        var forecast = DemandForecast.Predict(history, 7);

        Assert.Equal(week, forecast.Next.Select(x => Math.Round(x, 6)));
        Assert.Equal(0, forecast.Mape!.Value, 6);
    }

    [Fact]
    public void A_level_shift_is_followed_and_its_error_is_measured()
    {
        var history = Enumerable.Repeat(10.0, 56).Concat(Enumerable.Repeat(20.0, 28)).ToList();

        var forecast = DemandForecast.Predict(history, 3);

        Assert.All(forecast.Next, x => Assert.InRange(x, 19, 21));
        Assert.InRange(forecast.Mape!.Value, 0.01, 0.5);
    }

    [Fact]
    public void Too_short_a_history_gives_its_average_and_no_error()
    {
        var forecast = DemandForecast.Predict([1, 2, 3], 2);

        Assert.Equal([2.0, 2.0], forecast.Next);
        Assert.Null(forecast.Mape);
    }
}
