using Bunit;
using EcomOps.Console.Features.Orders;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Orders;

public sealed class OrderListPageTests : IAsyncLifetime
{
    private readonly CommandCounter _reads = new();
    private DomainHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal, s => s.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(_reads));
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task An_order_taken_in_while_the_list_is_open_appears_on_it_without_a_refresh()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton(_harness.Get<OrderQueries>());
        ctx.AddAuthorization().SetAuthorized("specialist@ecomops.local").SetRoles(Roles.OperationsSpecialist).SetPolicies(Permissions.WorkOrders);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<OrderListPage>();
        page.WaitForElement("[data-testid^=order-row-]", TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=order-row-LIVE-1]"));

        await using (var db = _harness.NewDb())
        {
            var channelId = await db.SalesChannels.Select(c => c.Id).FirstAsync();
            var sku = await db.Skus.Where(s => s.Active).Select(s => new { s.Code, s.ListPriceCents }).FirstAsync();
            var now = _harness.Clock.GetUtcNow().UtcDateTime;
            await _harness.Get<OrderIntake>().TakeInAsync(Actor.System, channelId,
            [
                new OrderDraft
                {
                    PlatformOrderId = "LIVE-1", CustomerName = "赵敏", CustomerPhone = "13700001111", ShippingAddress = "杭州市西湖区文三路 1 号",
                    PlacedAtUtc = now.AddMinutes(1), PaidAtUtc = now.AddMinutes(1), Lines = [new OrderLineDraft(sku.Code, null, 1, sku.ListPriceCents, 0)],
                },
            ]);
        }

        page.WaitForElement("[data-testid=order-row-LIVE-1]", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Updates_to_orders_the_list_does_not_show_cost_an_open_list_no_query_and_tabs_share_a_read()
    {
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton(_harness.Get<OrderQueries>());
        ctx.AddAuthorization().SetAuthorized("specialist@ecomops.local").SetRoles(Roles.OperationsSpecialist).SetPolicies(Permissions.WorkOrders);
        ctx.Render<MudPopoverProvider>();
        var tabs = Enumerable.Range(0, 3).Select(_ => ctx.Render<OrderListPage>()).ToList();
        foreach (var tab in tabs)
        {
            tab.WaitForElement("[data-testid^=order-row-]", TimeSpan.FromSeconds(10));
        }
        await Task.Delay(400);
        var shown = tabs[0].FindAll("[data-testid^=order-row-]").Select(r => r.GetAttribute("data-testid")).ToHashSet();
        int offPage, onPage;
        await using (var db = _harness.NewDb())
        {
            var orders = await db.Orders.Select(o => new { o.Id, o.PlatformOrderId }).ToListAsync();
            offPage = orders.First(o => !shown.Contains($"order-row-{o.PlatformOrderId}")).Id;
            onPage = orders.First(o => shown.Contains($"order-row-{o.PlatformOrderId}")).Id;
        }

        var before = _reads.Reads;
        _harness.Feed.Publish([new Domain.Live.LiveChange(Domain.Live.Boards.Orders, nameof(Order), $"{offPage}", Domain.Live.LiveChangeKind.Updated, DateTime.UtcNow)]);
        await Task.Delay(500);
        Assert.Equal(before, _reads.Reads);

        _harness.Feed.Publish([new Domain.Live.LiveChange(Domain.Live.Boards.Orders, nameof(Order), $"{onPage}", Domain.Live.LiveChangeKind.Updated, DateTime.UtcNow)]);
        await Task.Delay(800);
        // Three open tabs, one page read again: its count and its rows.
        Assert.Equal(2, _reads.Reads - before);
    }
}
