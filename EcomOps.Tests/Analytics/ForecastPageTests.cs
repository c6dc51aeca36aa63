using Bunit;
using Microsoft.AspNetCore.Components;
using EcomOps.Console.Features.Analytics;
using EcomOps.Domain.Analytics.Forecast;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Analytics;

public sealed class ForecastPageTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    /// <summary>100 days of Tmall visitors up to yesterday (26 November), busier at weekends.</summary>
    private async Task SeedTrafficAsync()
    {
        await using var db = _harness.NewDb();
        var yesterday = new DateOnly(2026, 11, 26);
        for (var i = 0; i < 100; i++)
        {
            var day = yesterday.AddDays(-i);
            var visitors = 1000 + (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 400 : 0) + (i * 7919 % 97);
            db.TrafficDays.Add(new TrafficDay { Channel = TrafficChannel.Tmall, Day = day, Visitors = visitors, Visits = visitors, PageViews = visitors * 3 });
        }
        await db.SaveChangesAsync();
    }

    private BunitContext NewContext()
    {
        var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton(_harness.Get<BusinessForecasts>());
        ctx.AddAuthorization().SetAuthorized("opsmanager@ecomops.local").SetRoles(Roles.OperationsManager).SetPolicies(Permissions.WatchOperations);
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }

    [Fact]
    public async Task The_visitor_forecast_shows_its_band_the_backtest_in_words_and_a_stored_forecast_against_what_happened()
    {
        await SeedTrafficAsync();
        await _harness.Get<BusinessForecasts>().StoreWeeklyAsync(new DateOnly(2026, 11, 26).AddDays(-28));
        await using var ctx = NewContext();
        var page = ctx.Render<ForecastPage>();

        // Revenue first: no orders at all, so a clear message and no chart.
        page.WaitForElement("[data-testid=forecast-refused]");
        Assert.Contains("only 0 days", page.Find("[data-testid=forecast-refused]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=forecast-chart]"));

        page.FindAll("[data-testid=forecast-series] .mud-toggle-item")[2].Click();

        page.WaitForElement("[data-testid=forecast-chart]");
        var words = page.Find("[data-testid=forecast-backtest]").TextContent;
        Assert.Matches(@"The model's error over the last 4 weeks was \d+\.\d%, the naive forecast's \(each weekday as in the week before\) \d+\.\d%", words);
        Assert.Single(page.FindAll("[data-testid=forecast-chart] [data-testid=forecast-band]"));
        Assert.NotEmpty(page.FindAll("[data-testid=forecast-chart] [data-testid=forecast-actual-line]"));
        Assert.Contains("Less than a year of history (100 days)", page.Find("[data-testid=forecast-yearly]").TextContent, StringComparison.Ordinal);
        Assert.Contains("over 8 weeks", page.Find("[data-testid=forecast-total]").TextContent, StringComparison.Ordinal);

        var check = page.Find("[data-testid=forecast-check-words]").TextContent;
        Assert.Matches(@"made on the history up to .+ was off by \d+\.\d% on average over the 28 days since", check);
        Assert.Single(page.FindAll("[data-testid=forecast-check-chart] [data-testid=forecast-band]"));
    }

    [Fact]
    public async Task A_horizon_outside_four_to_twelve_weeks_gets_the_rules_message_and_no_chart()
    {
        await using var ctx = NewContext();
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("weeks", 13));
        var page = ctx.Render<ForecastPage>();

        page.WaitForElement("[data-testid=forecast-refused]");
        Assert.Contains("between 4 and 12 weeks", page.Find("[data-testid=forecast-refused]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=forecast-chart]"));
        Assert.NotNull(page.Find("[data-testid=forecast-no-checks]"));
    }
}
