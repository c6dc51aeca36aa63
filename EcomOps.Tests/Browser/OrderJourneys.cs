using System.Net.Http.Json;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>Operations watch the live order board while orders arrive and held orders are worked.</summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class OrderJourneys(BrowserHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<BrowserHost>
{
    /// <summary>The board's promise: a change shows within a second, without reloading.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions WithinOneSecond = new() { Timeout = 1000 };

    [SkippableFact]
    public async Task An_order_posted_to_the_api_appears_on_the_open_order_board_within_a_second()
    {
        var (sku, price) = await InStockSkuAsync();
        var (channelId, key) = await ChannelKeyAsync("WEB");
        var board = await NewPageAsync();
        await SignInAsync(board, "specialist@ecomops.local");
        await board.GotoAsync("orders/board");
        await WaitForCircuitAsync(board);
        var accepted = board.Locator("[data-testid=board-status-Accepted-count]");
        var intake = board.Locator($"[data-testid=board-intake-{channelId}]");
        var before = Count(await accepted.InnerTextAsync());
        var intakeBefore = Count(await intake.InnerTextAsync());

        using var client = new HttpClient { BaseAddress = Host.BaseAddress };
        client.DefaultRequestHeaders.Add(ChannelApiKey.Header, key);
        var response = await client.PostAsJsonAsync("/api/orders", new
        {
            platformOrderId = "JOURNEY-1",
            customerName = "王喆",
            customerPhone = "13812340000",
            shippingAddress = "上海市浦东新区张江路 100 号",
            placedAt = DateTime.UtcNow.AddMinutes(-2).ToString("O"),
            paidAt = DateTime.UtcNow.AddMinutes(-1).ToString("O"),
            lines = new[] { new { sku, quantity = 1, unitPrice = price } },
        });

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        await Expect(accepted).ToHaveTextAsync(Shown(before + 1), WithinOneSecond);
        await Expect(intake).ToHaveTextAsync(Shown(intakeBefore + 1), WithinOneSecond);
        Assert.Empty(BrowserErrors);
    }

    [SkippableFact]
    public async Task A_specialist_releases_a_held_order_and_it_moves_on_the_open_board()
    {
        var (sku, price) = await InStockSkuAsync();
        var (channelId, _) = await ChannelKeyAsync("TMALL");
        var now = DateTime.UtcNow;
        var held = await Host.Services.GetRequiredService<OrderIntake>().TakeInAsync(Actor.System, channelId,
        [
            new OrderDraft
            {
                PlatformOrderId = "JOURNEY-HELD-1",
                CustomerName = "李堃",
                CustomerPhone = "13912340000",
                ShippingAddress = "广州",
                PlacedAtUtc = now.AddMinutes(-3),
                PaidAtUtc = now.AddMinutes(-2),
                Lines = [new OrderLineDraft(sku, null, 1, (long)(price * 100), 0)],
            },
        ]);
        var order = Assert.Single(held.Value!);
        Assert.Equal(OrderStatus.OnHold, order.Status);

        var board = await NewPageAsync();
        await SignInAsync(board, "specialist@ecomops.local");
        await board.GotoAsync("orders/board");
        await WaitForCircuitAsync(board);
        var onHold = board.Locator("[data-testid=board-status-OnHold-count]");
        var accepted = board.Locator("[data-testid=board-status-Accepted-count]");
        var address = board.Locator("[data-testid=board-reason-AddressIncomplete-count]");
        var (heldBefore, acceptedBefore, addressBefore) =
            (Count(await onHold.InnerTextAsync()), Count(await accepted.InnerTextAsync()), Count(await address.InnerTextAsync()));

        var desk = await NewPageAsync();
        await SignInAsync(desk, "specialist@ecomops.local");
        await desk.GotoAsync($"orders/{order.OrderId}");
        await WaitForCircuitAsync(desk);
        await Expect(desk.Locator("[data-testid=order-holds]")).ToContainTextAsync("Address incomplete");
        await desk.Locator("[data-testid=order-release]").ClickAsync();
        await Expect(desk.Locator("[data-testid=order-status]")).ToHaveTextAsync("Accepted");

        await Expect(onHold).ToHaveTextAsync(Shown(heldBefore - 1), WithinOneSecond);
        await Expect(accepted).ToHaveTextAsync(Shown(acceptedBefore + 1), WithinOneSecond);
        await Expect(address).ToHaveTextAsync(Shown(addressBefore - 1), WithinOneSecond);
        await Expect(desk.Locator("[data-testid=order-timeline]")).ToContainTextAsync("Hold released");
        Assert.Empty(BrowserErrors);
    }

    /// <summary>A board count as shown (English: thousands separated by commas).</summary>
    private static int Count(string text) => int.Parse(text, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);

    private static string Shown(int count) => count.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(string Sku, decimal Price)> InStockSkuAsync()
    {
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var skuId = await db.StockBalances.OrderByDescending(b => b.OnHand - b.Reserved).Select(b => b.SkuId).FirstAsync();
        var sku = await db.Skus.Where(s => s.Id == skuId).Select(s => new { s.Code, s.ListPriceCents }).SingleAsync();
        return (sku.Code, sku.ListPriceCents / 100m);
    }

    private async Task<(int ChannelId, string Key)> ChannelKeyAsync(string code)
    {
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var channelId = await db.SalesChannels.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
        var key = await Host.Services.GetRequiredService<ChannelDesk>().IssueKeyAsync(Actor.System, channelId);
        return (channelId, key.Value!);
    }
}
