using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using EcomOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EcomOps.Tests.Browser;

/// <summary>The console as a company starts it: Production, no demo data, only the administrator its configuration names.</summary>
public sealed class ProductionBrowserHost : BrowserHost
{
    public const string AdminEmail = "it@company.test";
    public const string AdminPassword = "First#Admin2026";

    protected override OpsWebFactory CreateConsole() => new()
    {
        Environment = "Production",
        Settings = new Dictionary<string, string>
        {
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
        },
    };
}

/// <summary>
/// A new company sets itself up entirely through the console, from the first administrator to a reviewed order: nothing
/// here is made by the demo generator or by the test behind the console's back (the order comes through the public API
/// with the key the console issued).
/// </summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class OnboardingJourneys(ProductionBrowserHost host, ITestOutputHelper output) : BrowserJourney(host, output), IClassFixture<ProductionBrowserHost>
{
    private const string ManagerEmail = "ops.lead@company.test";
    private const string ManagerPassword = "Ops#Lead2026";

    [SkippableFact]
    public async Task A_new_company_goes_from_its_first_admin_to_a_reviewed_order_in_the_console_alone()
    {
        // 1. The administrator the configuration names adds the operations manager.
        var admin = await NewPageAsync();
        await SignInAsync(admin, ProductionBrowserHost.AdminEmail, ProductionBrowserHost.AdminPassword);
        await admin.GotoAsync("admin/employees");
        await WaitForCircuitAsync(admin);
        await admin.Locator("[data-testid=employee-new]").ClickAsync();
        var editor = admin.Locator(".mud-dialog");
        await editor.Locator("input[data-testid=field-number]").FillAsync("OPS-001");
        await editor.Locator("input[data-testid=field-name]").FillAsync("林运营");
        await editor.Locator("input[data-testid=field-email]").FillAsync(ManagerEmail);
        await editor.Locator(".mud-select").Filter(new() { Has = admin.Locator("[data-testid=field-role]") }).First.ClickAsync();
        await admin.Locator(".mud-popover-open").GetByText("Operations manager", new() { Exact = false }).First.ClickAsync();
        await editor.Locator("input[data-testid=field-password]").FillAsync(ManagerPassword);
        await editor.Locator("[data-testid=employee-save]").ClickAsync();
        await Expect(admin.Locator("[data-testid=employee-table]")).ToContainTextAsync(ManagerEmail);

        // 2. The operations manager enters the master data: a warehouse, a shop with its API key, a category, a supplier.
        var manager = await NewPageAsync();
        await SignInAsync(manager, ManagerEmail, ManagerPassword);
        await manager.GotoAsync("catalog/warehouses");
        await WaitForCircuitAsync(manager);
        await Expect(manager.Locator("[data-testid=warehouse-table]")).ToContainTextAsync("No warehouses yet");
        await manager.Locator("[data-testid=warehouse-new]").ClickAsync();
        await manager.Locator("input[data-testid=warehouse-code]").FillAsync("sh-01");
        await manager.Locator("input[data-testid=warehouse-name]").FillAsync("上海仓");
        await manager.Locator("[data-testid=catalog-save]").ClickAsync();
        await Expect(manager.Locator("[data-testid=warehouse-table]")).ToContainTextAsync("SH-01");

        await manager.GotoAsync("orders/channels");
        await WaitForCircuitAsync(manager);
        await Expect(manager.Locator("[data-testid=channel-table]")).ToContainTextAsync("No sales channels yet");
        await manager.Locator("[data-testid=channel-new]").ClickAsync();
        await manager.Locator("input[data-testid=channel-code]").FillAsync("web");
        await manager.Locator("input[data-testid=channel-name]").FillAsync("官网商城");
        await manager.Locator(".mud-dialog .mud-select").First.ClickAsync();
        await manager.Locator(".mud-popover-open").GetByText("Own web shop", new() { Exact = false }).First.ClickAsync();
        await Expect(manager.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await manager.Locator("[data-testid=catalog-save]").ClickAsync();
        await Expect(manager.Locator("[data-testid=channel-table]")).ToContainTextAsync("WEB");
        await manager.Locator("[data-testid=channel-issue-WEB]").ClickAsync();
        var key = (await manager.Locator("[data-testid=channel-new-key] pre").InnerTextAsync()).Trim();
        Assert.StartsWith("eco_", key);

        await manager.GotoAsync("catalog/categories");
        await WaitForCircuitAsync(manager);
        await manager.Locator("[data-testid=category-new]").ClickAsync();
        await manager.Locator("input[data-testid=category-zh]").FillAsync("服装");
        await manager.Locator("input[data-testid=category-en]").FillAsync("Apparel");
        await manager.Locator("[data-testid=catalog-save]").ClickAsync();
        await Expect(manager.Locator("[data-testid=category-table]")).ToContainTextAsync("Apparel");

        await manager.GotoAsync("inventory/suppliers");
        await WaitForCircuitAsync(manager);
        await manager.Locator("[data-testid=supplier-new]").ClickAsync();
        await manager.Locator("input[data-testid=supplier-code]").FillAsync("SUP-01");
        await manager.Locator("input[data-testid=supplier-name]").FillAsync("杭州织美");
        await manager.Locator("[data-testid=supplier-save]").ClickAsync();
        await Expect(manager.Locator("[data-testid=supplier-table]")).ToContainTextAsync("杭州织美");

        // 3. A product with two SKUs.
        await manager.GotoAsync("catalog/products/new");
        await WaitForCircuitAsync(manager);
        await manager.Locator("input[data-testid=product-name]").FillAsync("云朵纯棉T恤");
        await manager.Locator(".mud-select").Filter(new() { HasText = "Category" }).First.ClickAsync();
        await manager.Locator(".mud-popover-open").GetByText("Apparel", new() { Exact = false }).First.ClickAsync();
        await Expect(manager.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await manager.Locator("[data-testid=product-save]").ClickAsync();
        await manager.WaitForURLAsync(new Regex(@"/catalog/products/\d+$"), BrowserJourney.Committed);
        foreach (var (code, specification, barcode) in new[] { ("YD-M", "白色 M", "6901234567892"), ("YD-L", "白色 L", "6901234567885") })
        {
            await manager.Locator("[data-testid=sku-new]").ClickAsync();
            await manager.Locator("input[data-testid=sku-code]").FillAsync(code);
            await manager.Locator("input[data-testid=sku-specification]").FillAsync(specification);
            await manager.Locator("input[data-testid=sku-barcode]").FillAsync(barcode);
            await manager.Locator("input[data-testid=sku-price]").FillAsync("99.00");
            await manager.Locator("input[data-testid=sku-cost]").FillAsync("40.00");
            await manager.Locator("[data-testid=catalog-save]").ClickAsync();
            await Expect(manager.Locator("[data-testid=sku-table]")).ToContainTextAsync(code);
        }

        // 4. Stock arrives through a purchase order started by hand.
        await manager.GotoAsync("inventory/purchase-orders");
        await WaitForCircuitAsync(manager);
        await manager.Locator("[data-testid=po-new]").ClickAsync();
        await manager.Locator("[data-testid=po-new-create]").ClickAsync();
        await manager.WaitForURLAsync(new Regex(@"/inventory/purchase-orders/\d+$"), BrowserJourney.Committed);
        await WaitForCircuitAsync(manager);
        foreach (var code in new[] { "YD-M", "YD-L" })
        {
            await manager.Locator("input[data-testid=po-add-sku]").FillAsync(code);
            await manager.Locator(".mud-popover-open").GetByText(code, new() { Exact = false }).First.ClickAsync();
            // The pick fills in the SKU's cost; typing the quantity before that render lands would be overwritten by it.
            await Expect(manager.Locator("input[data-testid=po-add-cost]")).ToHaveValueAsync("40.00");
            var quantity = manager.Locator("input[data-testid=po-add-quantity]");
            await quantity.FillAsync("50");
            await quantity.PressAsync("Tab");
            await Expect(quantity).ToHaveValueAsync("50");
            await manager.Locator("[data-testid=po-add]").ClickAsync();
            await Expect(manager.Locator($"[data-testid=po-line-{code}] input").First).ToHaveValueAsync("50");
        }
        var status = manager.Locator("[data-testid=po-status]");
        await manager.Locator("[data-testid=po-send]").ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-status", "Sent");
        await manager.Locator("[data-testid=po-receive]").ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-status", "Received");

        // 5. The shop's system posts an order with the key the console issued; the first review reserves its stock.
        using var api = new HttpClient { BaseAddress = Host.BaseAddress };
        api.DefaultRequestHeaders.Add(ChannelApiKey.Header, key);
        var now = DateTimeOffset.UtcNow;
        var posted = await api.PostAsJsonAsync("api/orders", new
        {
            platformOrderId = "WEB-10001",
            customerName = "王喆",
            customerPhone = "13812345678",
            shippingAddress = "上海市浦东新区张江路 100 号",
            placedAt = now.AddMinutes(-5),
            paidAt = now.AddMinutes(-4),
            shippingFee = 0,
            lines = new[] { new { sku = "YD-M", quantity = 2, unitPrice = 99.00m } },
        });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        await manager.GotoAsync("orders?q=WEB-10001");
        await WaitForCircuitAsync(manager);
        await manager.Locator("[data-testid^=order-row-]").First.ClickAsync();
        await Expect(manager.Locator("[data-testid=order-status]")).ToHaveTextAsync("Accepted");

        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<OpsDb>>().CreateDbContextAsync();
        var balance = await db.StockBalances.Join(db.Skus, b => b.SkuId, s => s.Id, (b, s) => new { s.Code, b.OnHand, b.Reserved }).SingleAsync(b => b.Code == "YD-M");
        Assert.Equal((50, 2), (balance.OnHand, balance.Reserved));
        var order = await db.Orders.SingleAsync();
        Assert.Equal((OrderStatus.Accepted, "WEB-10001", 19_800L), (order.Status, order.PlatformOrderId, order.TotalCents));
        Assert.Equal("SH-01", await db.Warehouses.Where(w => w.Id == order.WarehouseId).Select(w => w.Code).SingleAsync());
        Assert.Equal(2, await db.Employees.CountAsync());
        Assert.Empty(BrowserErrors);
    }
}
