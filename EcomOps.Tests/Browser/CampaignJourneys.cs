using System.Globalization;
using System.Net.Http.Json;
using EcomOps.Domain.Campaigns;
using EcomOps.Domain.Catalog;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Orders;
using EcomOps.Domain.Org;
using EcomOps.Domain.Time;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>The console with managers approving campaigns (Campaigns:ApproverRole).</summary>
public sealed class ManagerApprovesHost : BrowserHost
{
    protected override OpsWebFactory CreateConsole() => new() { Settings = new Dictionary<string, string> { ["Campaigns:ApproverRole"] = Roles.OperationsManager } };
}

/// <summary>A campaign from plan to live board: planned, flagged short of stock, stocked, approved, and selling.</summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class CampaignJourneys(ManagerApprovesHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<ManagerApprovesHost>
{
    [SkippableFact]
    public async Task A_specialist_plans_spend_and_save_the_risk_check_flags_a_short_sku_a_purchase_order_clears_it_the_manager_approves_and_api_orders_move_the_live_board()
    {
        var (skuId, warehouseId, supplierId) = await ArrangeSkuAsync("SKU-CAMP-1", onHand: 30, shippedPerDay: 10);
        var today = Host.Services.GetRequiredService<CompanyTime>().Today;
        var en = CultureInfo.GetCultureInfo("en-GB");

        // The specialist plans a spend-and-save on the web shop for this week.
        var specialist = await NewPageAsync();
        await SignInAsync(specialist, "specialist@ecomops.local");
        await specialist.GotoAsync("campaigns/new");
        await WaitForCircuitAsync(specialist);
        await Input(specialist, "campaign-name").FillAsync("旅程满减 · journey spend and save");
        await Input(specialist, "campaign-start").FillAsync(today.ToString("dd MMM yyyy", en));
        await Input(specialist, "campaign-start").PressAsync("Tab");
        await Input(specialist, "campaign-end").FillAsync(today.AddDays(6).ToString("dd MMM yyyy", en));
        await Input(specialist, "campaign-end").PressAsync("Tab");
        // A new campaign starts on every active channel, the web shop among them.
        await Input(specialist, "campaign-add-sku").ClickAsync();
        await Input(specialist, "campaign-add-sku").PressSequentiallyAsync("SKU-CAMP-1");
        await specialist.Locator(".mud-popover-open").GetByText("SKU-CAMP-1", new() { Exact = false }).First.ClickAsync();
        await Expect(specialist.Locator("[data-testid=campaign-sku-SKU-CAMP-1]")).ToBeVisibleAsync();
        await specialist.Locator("[data-testid=campaign-save]").ClickAsync();
        await specialist.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/campaigns/\d+$"), BrowserJourney.Committed);
        await WaitForCircuitAsync(specialist);
        var campaignId = int.Parse(specialist.Url.Split('/')[^1], CultureInfo.InvariantCulture);

        // Seven days at ten a day times 1.5 is 105 units against 30 in stock.
        var shortRisk = specialist.Locator("[data-testid=campaign-risk-StockShort]");
        await Expect(shortRisk).ToContainTextAsync("SKU-CAMP-1");
        await specialist.Locator("[data-testid=campaign-submit]").ClickAsync();
        await Expect(specialist.Locator("[data-testid=campaign-state]")).ToHaveTextAsync("In review");

        // The manager raises a purchase order that arrives within two days.
        var manager = Actor.Person(null, "opsmanager@ecomops.local", Roles.OperationsManager);
        var purchasing = Host.Services.GetRequiredService<PurchasingDesk>();
        var po = (await purchasing.CreateDraftAsync(manager, supplierId, warehouseId)).Value;
        Assert.True((await purchasing.AddLineAsync(manager, po, await VersionOfPoAsync(po), "SKU-CAMP-1", 200, 4_000)).Succeeded);
        Assert.True((await purchasing.SendAsync(manager, po, await VersionOfPoAsync(po))).Succeeded);

        var managerPage = await NewPageAsync();
        await SignInAsync(managerPage, "opsmanager@ecomops.local");
        await managerPage.GotoAsync($"campaigns/{campaignId}");
        await WaitForCircuitAsync(managerPage);
        await Expect(managerPage.Locator("[data-testid=campaign-risk-StockShort]")).ToHaveCountAsync(0);
        await managerPage.Locator("[data-testid=campaign-approve]").ClickAsync();
        await Expect(managerPage.Locator("[data-testid=campaign-state]")).ToHaveTextAsync("Running");
        await Expect(managerPage.Locator("[data-testid=campaign-approved-by]")).ToContainTextAsync("opsmanager@ecomops.local");

        // Orders arrive through the API; the open live board moves.
        await managerPage.GotoAsync($"campaigns/board?campaign={campaignId}");
        await WaitForCircuitAsync(managerPage);
        var orders = managerPage.Locator($"[data-testid=board-{campaignId}-orders]");
        await Expect(orders).ToHaveTextAsync("0");
        var (channelId, key) = await ChannelKeyAsync("WEB");
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };
        client.DefaultRequestHeaders.Add(ChannelApiKey.Header, key);
        for (var i = 1; i <= 2; i++)
        {
            var response = await client.PostAsJsonAsync("/api/orders", new
            {
                platformOrderId = $"CAMP-JOURNEY-{i}",
                customerName = "王喆",
                customerPhone = $"1381234000{i}",
                shippingAddress = "上海市浦东新区张江路 100 号",
                placedAt = DateTime.UtcNow.AddMinutes(-2).ToString("O"),
                paidAt = DateTime.UtcNow.AddMinutes(-1).ToString("O"),
                lines = new[] { new { sku = "SKU-CAMP-1", quantity = 3, unitPrice = 99.90m } },
            });
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        }
        await Expect(orders).ToHaveTextAsync("2", new() { Timeout = 5000 });
        await Expect(managerPage.Locator($"[data-testid=board-{campaignId}-units]")).ToHaveTextAsync("6");
        await Expect(managerPage.Locator($"[data-testid=board-{campaignId}-sku-SKU-CAMP-1]")).ToContainTextAsync("6");
        Assert.Equal(skuId, (await Host.Services.GetRequiredService<CampaignQueries>().FindAsync(campaignId))!.Skus.Single().SkuId);
        Assert.Empty(BrowserErrors);
    }

    /// <summary>The input a test id names: Mud puts it on the input itself or on the field around it.</summary>
    private static ILocator Input(IPage page, string testId) => page.Locator($"[data-testid={testId}]").Locator("xpath=self::input | .//input").First;

    private async Task<long> VersionOfPoAsync(int id)
    {
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        return await db.PurchaseOrders.Where(p => p.Id == id).Select(p => p.Version).SingleAsync();
    }

    private async Task<(int Sku, int Warehouse, int Supplier)> ArrangeSkuAsync(string code, int onHand, int shippedPerDay)
    {
        var ledger = Host.Services.GetRequiredService<StockLedger>();
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var warehouse = await db.Warehouses.SingleAsync(w => w.Code == "SH-01");
        var supplier = await db.Suppliers.SingleAsync(s => s.Code == "SUP-01");
        supplier.LeadTimeDays = 2;
        var sku = new Sku { Code = code, Name = "活动旅程商品 · campaign journey item", ListPriceCents = 9_990, UnitCostCents = 4_000 };
        db.Skus.Add(sku);
        await db.SaveChangesAsync();
        Assert.True((await ledger.ReceiveAsync(db, warehouse.Id, [new StockLine(sku.Id, onHand)], "opening", null, default)).Succeeded);
        // Four weeks of shipments: the forecast learns about ten a day.
        var yesterday = DateTime.UtcNow.Date.AddDays(-1);
        for (var d = 0; d < 28; d++)
        {
            db.StockMovements.Add(new StockMovement
            {
                SkuId = sku.Id, WarehouseId = warehouse.Id, Kind = StockMovementKind.Shipment, OnHandDelta = -shippedPerDay, Reference = "history", AtUtc = yesterday.AddDays(-d).AddHours(4),
            });
        }
        await db.SaveChangesAsync();
        return (sku.Id, warehouse.Id, supplier.Id);
    }

    private async Task<(int ChannelId, string Key)> ChannelKeyAsync(string code)
    {
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var channelId = await db.SalesChannels.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
        var key = await Host.Services.GetRequiredService<ChannelDesk>().IssueKeyAsync(Actor.System, channelId);
        return (channelId, key.Value!);
    }
}
