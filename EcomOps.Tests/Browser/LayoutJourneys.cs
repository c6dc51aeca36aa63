using EcomOps.Domain.Data;
using EcomOps.Domain.Service;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EcomOps.Tests.Browser;

/// <summary>
/// The working pages at a laptop's 1366 px, in English and in Chinese: no table is wider than the box it sits in (a
/// column or a button cut off behind a scroll bar). A class (and console) of its own: it saves the users' language.
/// </summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class LayoutJourneys(BrowserHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<BrowserHost>
{
    /// <summary>Each table wider than the nearest box that clips or scrolls it: where it is, and by how much.</summary>
    private const string OverflowingTables = """
        () => [...document.querySelectorAll('table')].map(t => {
            let box = t.parentElement;
            while (box && box !== document.body && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
            const width = Math.ceil(t.getBoundingClientRect().width);
            const room = box && box !== document.body ? box.clientWidth : document.documentElement.clientWidth;
            const where = t.closest('[data-testid]')?.getAttribute('data-testid') ?? t.className;
            return { where, width, room };
        }).filter(x => x.width > x.room + 2).map(x => `${x.where}: ${x.width}px in ${x.room}px`)
        """;

    /// <summary>The page's background as its red, green and blue average (0 black, 255 white).</summary>
    private const string BackgroundBrightness = """
        () => { const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number); return (r + g + b) / 3; }
        """;

    [SkippableFact]
    public async Task Dark_mode_turns_the_console_dark_at_once_and_it_is_still_dark_on_the_next_visit()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, "cssupervisor@ecomops.local");
        await page.GotoAsync("orders/board");
        await WaitForCircuitAsync(page);
        Assert.True(await page.EvaluateAsync<double>(BackgroundBrightness) > 200);

        await page.Locator("[data-testid=dark-toggle]").ClickAsync();
        await page.WaitForFunctionAsync($"() => ({BackgroundBrightness})() < 80");
        await page.ScreenshotAsync(new() { Path = LiveLanguageJourneys.ShotPath("dark-order-board.png"), FullPage = true });
        await page.ReloadAsync();
        await WaitForCircuitAsync(page);

        Assert.True(await page.EvaluateAsync<double>(BackgroundBrightness) < 80);
        await page.Locator("[data-testid=dark-toggle]").ClickAsync();
        await page.WaitForFunctionAsync($"() => ({BackgroundBrightness})() > 200");
    }

    [SkippableFact]
    public async Task No_table_on_the_working_pages_is_wider_than_its_box_at_1366_px_in_english_or_chinese()
    {
        var (order, sku, warehouse) = await SamplesAsync();
        await Host.Services.GetRequiredService<TicketDesk>().CreateAsync(Actor.System, new TicketForm
        {
            Channel = TicketChannel.OnlineChat, CustomerName = "王喆", CustomerContact = "13800138000", Subject = "包裹三天没有更新物流信息了，请帮忙查一下",
            Category = TicketCategories.Shipping, Message = "我的包裹三天没动了。",
        });
        var pages = new (string User, string[] Paths)[]
        {
            ("agent@ecomops.local", ["service/queue"]),
            ("opsmanager@ecomops.local", ["inventory/alerts", $"inventory/stock/{sku}/{warehouse}", $"orders/{order}", "orders", "inventory/stock", "inventory/purchase-orders", "inventory/slow-moving", "catalog/findings", "catalog/audit"]),
            ("admin@ecomops.local", ["admin/employees"]),
        };
        var problems = new List<string>();
        foreach (var (user, paths) in pages)
        {
            var page = await NewPageAsync();
            await SignInAsync(page, user);
            foreach (var chinese in new[] { false, true })
            {
                if (chinese)
                {
                    await page.Locator("[data-testid=language-menu] summary").First.ClickAsync();
                    await page.Locator("[data-testid=lang-zh]").ClickAsync();
                    await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-testid=nav]")).ToContainTextAsync("首页");
                }
                foreach (var path in paths)
                {
                    await page.GotoAsync(path);
                    await WaitForCircuitAsync(page);
                    await page.Locator("table").First.WaitForAsync();
                    // Tables that load their rows after the first render: let them settle.
                    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                    await Task.Delay(500);
                    foreach (var overflow in await page.EvaluateAsync<string[]>(OverflowingTables))
                    {
                        problems.Add($"{(chinese ? "zh" : "en")} /{path} {overflow}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Empty(BrowserErrors);
    }

    private async Task<(int Order, int Sku, int Warehouse)> SamplesAsync()
    {
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var order = await db.Orders.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var balance = await db.StockBalances.OrderByDescending(b => b.OnHand).Select(b => new { b.SkuId, b.WarehouseId }).FirstAsync();
        return (order, balance.SkuId, balance.WarehouseId);
    }
}
