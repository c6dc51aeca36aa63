using Bunit;
using EcomOps.Console.Features.Orders;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Orders;

public sealed class OrderBoardPageTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private IRenderedComponent<OrderBoardPage> Render(BunitContext ctx, string role, params string[] policies)
    {
        ctx.Services.AddSingleton(_harness.Get<OrderQueries>());
        ctx.AddAuthorization().SetAuthorized($"{role}@ecomops.local").SetRoles(role).SetPolicies(policies);
        ctx.Render<MudPopoverProvider>();
        return ctx.Render<OrderBoardPage>();
    }

    [Fact]
    public async Task An_operations_specialist_opens_the_list_behind_each_count()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);

        var page = Render(ctx, Roles.OperationsSpecialist, Permissions.WatchOperations, Permissions.WorkOrders);

        page.WaitForElement("[data-testid=board-late]");
        Assert.Equal("a", page.Find("[data-testid=board-late]").TagName.ToLowerInvariant());
        Assert.Contains("/orders?promise=Late", page.Find("[data-testid=board-late]").GetAttribute("href"));
    }

    [Fact]
    public async Task A_customer_service_supervisor_watches_the_counts_without_links_to_pages_they_cannot_open()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);

        var page = Render(ctx, Roles.CsSupervisor, Permissions.WatchOperations);

        page.WaitForElement("[data-testid=board-late]");
        Assert.Equal("div", page.Find("[data-testid=board-late]").TagName.ToLowerInvariant());
        Assert.Empty(page.FindAll("a[href^='/orders']"));
    }

    [Fact]
    public async Task The_intake_table_counts_a_channels_orders_by_hour_each_count_opening_that_hours_orders_and_shows_the_channels_name_as_text()
    {
        var (channel, hour) = await AnOrderTodayAsync("<script>alert(1)</script> & \"Co\"");
        await using var ctx = ComponentHarness.NewContext(_harness);

        var page = Render(ctx, Roles.OperationsSpecialist, Permissions.WatchOperations, Permissions.WorkOrders);

        var total = page.WaitForElement($"[data-testid=board-intake-{channel}]");
        var row = total.ParentElement!;
        var board = (await _harness.Get<OrderQueries>().BoardAsync()).TodayIntake.Single(c => c.ChannelId == channel);
        Assert.Equal(board.Total.ToString(), total.TextContent);
        Assert.StartsWith("<script>alert(1)</script> & \"Co\"", row.Children[0].TextContent);
        Assert.Empty(page.FindAll("[data-testid=board-intake] script"));
        // One cell per hour so far (10:00 in Shanghai on the harness's clock), then the total.
        Assert.Equal(1 + 11 + 1, row.Children.Length);
        var link = row.Children[1 + hour].QuerySelector("a")!;
        Assert.Equal($"/orders?channel={channel}&from=2026-11-27&hour={hour}", link.GetAttribute("href"));
        Assert.Equal(board.PerHour[hour].ToString(), link.TextContent);
    }

    [Fact]
    public async Task A_customer_service_supervisor_sees_the_intake_counts_without_links()
    {
        var (channel, hour) = await AnOrderTodayAsync(null);
        await using var ctx = ComponentHarness.NewContext(_harness);

        var page = Render(ctx, Roles.CsSupervisor, Permissions.WatchOperations);

        var row = page.WaitForElement($"[data-testid=board-intake-{channel}]").ParentElement!;
        Assert.Empty(page.FindAll("[data-testid=board-intake] a"));
        Assert.NotEqual("·", row.Children[1 + hour].TextContent.Trim());
    }

    /// <summary>Moves a seeded order to 08:xx today (company time) on its channel, renaming the channel if asked.</summary>
    private async Task<(int Channel, int Hour)> AnOrderTodayAsync(string? channelName)
    {
        await using var db = _harness.NewDb();
        var order = await db.Orders.OrderBy(o => o.Id).FirstAsync();
        var received = _harness.Clock.GetUtcNow().UtcDateTime.AddMinutes(-90);
        await db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.ReceivedAtUtc, received));
        if (channelName is not null)
        {
            await db.SalesChannels.Where(c => c.Id == order.ChannelId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Name, channelName));
        }
        return (order.ChannelId, 8);
    }
}
