using Bunit;
using EcomOps.Console.Features.Analytics;
using EcomOps.Domain.Analytics;
using EcomOps.Domain.Analytics.Sources;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Analytics;

public sealed class DashboardPageTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private IRenderedComponent<DashboardPage> Render(BunitContext ctx, string? area)
    {
        ctx.Services.AddSingleton(_harness.Get<MetricCatalogue>());
        ctx.AddAuthorization().SetAuthorized("opsmanager@ecomops.local").SetRoles(Roles.OperationsManager).SetPolicies(Permissions.WatchOperations);
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudDialogProvider>();
        return ctx.Render<DashboardPage>(p => p.Add(x => x.Area, area));
    }

    [Fact]
    public async Task The_service_dashboard_moves_live_as_tickets_change()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        var page = Render(ctx, "service");
        var backlog = $"[data-testid='value-{ServiceMetricSource.Backlog}']";
        page.WaitForElement(backlog);
        var before = int.Parse(page.Find(backlog).TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Empty(page.FindAll("[data-testid^='value-traffic.']"));
        Assert.NotEmpty(page.FindAll("[data-testid=dashboard-live]"));

        await using (var db = _harness.NewDb())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "agent@ecomops.local");
            await _harness.Get<TicketDesk>().CreateAsync(new Actor(user.Id, user.UserName!), new TicketForm
            {
                Channel = TicketChannel.Email, CustomerName = "客户", CustomerContact = "13800000000", Subject = "Parcel", Category = TicketCategories.Other, Message = "Hello",
            });
        }

        page.WaitForAssertion(() => Assert.Equal((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find(backlog).TextContent.Trim()), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_whole_business_shows_every_area_compares_with_a_baseline_and_charts_the_chosen_metric()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        var page = Render(ctx, null);

        page.WaitForElement("[data-testid=dashboard-trend] svg, [data-testid=dashboard-trend] canvas", TimeSpan.FromSeconds(10));

        Assert.All(_harness.Get<MetricCatalogue>().Metrics, m => Assert.Single(page.FindAll($"[data-testid='value-{m.Key}']")));
        // Minimal demo traffic covers the last 14 days: November has visits, and some per channel.
        Assert.NotEqual("—", page.Find("[data-testid='value-traffic.visits']").TextContent.Trim());
        Assert.Contains("vs previous period", page.Find("[data-testid='change-traffic.visits']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Tmall", page.Find("[data-testid=dashboard-breakdown]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_is_charted_on_a_percent_axis_that_fits_its_values()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        var page = Render(ctx, "service");

        page.WaitForElement("[data-testid=dashboard-trend] svg", TimeSpan.FromSeconds(10));

        // The first service metric is reply timeliness, a rate between 0 and 100%.
        var axis = page.FindAll("[data-testid=dashboard-trend] svg text").Select(t => t.TextContent.Trim()).Where(t => t.EndsWith('%')).ToList();
        Assert.NotEmpty(axis);
        Assert.All(axis, label => Assert.InRange(double.Parse(label.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture), 0, 100));
    }

    [Fact]
    public async Task The_trend_of_a_running_month_says_its_last_point_is_today_so_far()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);

        var page = Render(ctx, "service");
        page.WaitForElement($"[data-testid='card-{ServiceMetricSource.Backlog}']", TimeSpan.FromSeconds(10));
        await page.InvokeAsync(() => page.Find($"[data-testid='card-{ServiceMetricSource.Backlog}'] .mud-typography-caption").Click());

        // The harness clock stands on 27 November: the month runs, its last plotted day is today.
        page.WaitForElement("[data-testid=dashboard-today-partial]", TimeSpan.FromSeconds(10));
        Assert.Contains("today, measured so far", page.Find("[data-testid=dashboard-today-partial]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_nothing_has_been_reported_for_yet_is_not_plotted_as_a_fall_to_zero()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);

        // The whole business charts visits first; the platforms report a day's traffic the next day, so today has none.
        var page = Render(ctx, null);

        page.WaitForElement("[data-testid=dashboard-trend] svg", TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=dashboard-today-partial]"));
    }
}
