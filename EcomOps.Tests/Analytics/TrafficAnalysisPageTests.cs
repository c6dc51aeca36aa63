using Bunit;
using EcomOps.Console.Features.Analytics;
using EcomOps.Domain.Analytics.Traffic;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Analytics;

public sealed class TrafficAnalysisPageTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Traffic_by_source_lists_each_sources_share_and_conversion_and_a_figure_opens_its_imported_rows()
    {
        await using (var db = _harness.NewDb())
        {
            // The harness's today is 27 November: the last 30 days end on the 26th.
            db.SourceTrafficDays.AddRange(
                new SourceTrafficDay { Channel = TrafficChannel.Tmall, Day = new DateOnly(2026, 11, 25), SourceName = "手淘搜索", Source = TrafficSource.Search, Visitors = 3000, PageViews = 9000, PayingBuyers = 90, SourceFile = "sources.csv" },
                new SourceTrafficDay { Channel = TrafficChannel.Tmall, Day = new DateOnly(2026, 11, 25), SourceName = "直通车", Source = TrafficSource.Paid, Visitors = 1000, PageViews = 2000, PayingBuyers = 10, SpendCents = 250_000, SourceFile = "sources.csv" });
            await db.SaveChangesAsync();
        }
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton(_harness.Get<TrafficInsights>());
        ctx.AddAuthorization().SetAuthorized("opsmanager@ecomops.local").SetRoles(Roles.OperationsManager).SetPolicies(Permissions.WatchOperations);
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var page = ctx.Render<TrafficAnalysisPage>();

        page.WaitForElement("[data-testid=traffic-sources]");
        var text = page.Find("[data-testid=traffic-sources]").TextContent;
        Assert.Contains("Search", text, StringComparison.Ordinal);
        Assert.Contains("3,000", text, StringComparison.Ordinal);
        Assert.Contains("75.0%", text, StringComparison.Ordinal);
        Assert.Contains("3.0%", text, StringComparison.Ordinal);
        Assert.Contains("2.5%", text, StringComparison.Ordinal);
        // The paid source's spend and what each of its 10 buyers cost; search reported none.
        Assert.Equal(["—", "¥2,500"], page.FindAll("[data-testid=traffic-source-spend]").Select(c => c.TextContent).Order().ToList());
        Assert.Contains("¥250", text, StringComparison.Ordinal);

        page.FindAll("[data-testid=traffic-source-visitors]")[1].Click();

        dialogs.WaitForElement("[data-testid=records-dialog]");
        Assert.Contains("直通车", dialogs.Find("[data-testid=records-dialog]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("手淘搜索", dialogs.Find("[data-testid=records-dialog]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_reports_the_page_says_which_import_fills_it()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton(_harness.Get<TrafficInsights>());
        ctx.AddAuthorization().SetAuthorized("opsmanager@ecomops.local").SetRoles(Roles.OperationsManager).SetPolicies(Permissions.WatchOperations);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<TrafficAnalysisPage>();

        page.WaitForElement("[data-testid=traffic-sources-empty]");
        Assert.Contains("By source", page.Find("[data-testid=traffic-sources-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_remaps_a_platform_source_name_from_the_mapping_tab()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton(_harness.Get<TrafficSourceMapping>());
        ctx.AddAuthorization().SetAuthorized("opsmanager@ecomops.local").SetRoles(Roles.OperationsManager).SetPolicies(Permissions.ImportPlatformReports, Permissions.ManageTrafficSources);
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudSnackbarProvider>();
        var panel = ctx.Render<TrafficSourceMappingPanel>();
        panel.WaitForElement("[data-testid=mapping-table]");
        int id;
        await using (var db = _harness.NewDb())
        {
            id = (await db.TrafficSourceNames.SingleAsync(n => n.Platform == TrafficChannel.JD && n.Name == "京东快车")).Id;
        }

        await panel.InvokeAsync(() => panel.FindComponents<MudSelect<TrafficSource>>()
            .Single(s => s.Instance.UserAttributes.TryGetValue("data-testid", out var t) && (string)t! == $"mapping-row-{id}").Instance.ValueChanged.InvokeAsync(TrafficSource.Search));

        await using var check = _harness.NewDb();
        Assert.Equal(TrafficSource.Search, (await check.TrafficSourceNames.SingleAsync(n => n.Id == id)).Source);
    }
}
