using Bunit;
using EcomOps.Console.Features.Inventory;
using EcomOps.Domain.Data;
using EcomOps.Domain.DemoData;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Inventory;

public sealed class AlertBoardPageTests : IAsyncLifetime
{
    private DomainHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await DomainHarness.StartSeededAsync(DemoSize.Minimal);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task An_alert_set_aside_says_who_by_their_name_not_their_sign_in()
    {
        var alerts = _harness.Get<InventoryAlerts>();
        var alert = (await alerts.BoardAsync()).Active.First();
        Assert.True((await alerts.AcknowledgeAsync(new Actor(null, "opsmanager@ecomops.local"), alert.Id, alert.Version, "PO already promised")).Succeeded);
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton(alerts);
        ctx.Services.AddSingleton(_harness.Get<StockQueries>());
        ctx.AddAuthorization().SetAuthorized("opsmanager@ecomops.local").SetRoles(Roles.OperationsManager).SetPolicies(Permissions.WatchOperations, Permissions.ManageInventory);
        ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<InventoryAlertBoardPage>();

        page.WaitForAssertion(() => Assert.Contains("李娜 Li Na", page.Find("[data-testid=alerts-set-aside]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("opsmanager@ecomops.local", page.Find("[data-testid=alerts-set-aside]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.OperationsManager, true)]
    [InlineData(Roles.OperationsSpecialist, false)]
    public async Task A_sku_links_to_its_stock_page_only_for_who_may_open_it(string role, bool linked)
    {
        var alerts = _harness.Get<InventoryAlerts>();
        var alert = (await alerts.BoardAsync()).Active.First();
        await using var ctx = ComponentHarness.NewContext(_harness);
        ctx.Services.AddSingleton(alerts);
        ctx.Services.AddSingleton(_harness.Get<StockQueries>());
        var policies = linked ? new[] { Permissions.WatchOperations, Permissions.ManageInventory } : [Permissions.WatchOperations];
        ctx.AddAuthorization().SetAuthorized("someone@ecomops.local").SetRoles(role).SetPolicies(policies);
        ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<InventoryAlertBoardPage>();

        var cell = $"[data-testid='alert-{alert.SkuCode}-{alert.WarehouseCode}-{alert.Kind}']";
        page.WaitForElement(cell, TimeSpan.FromSeconds(5));
        Assert.Contains(alert.SkuCode, page.Find(cell).TextContent, StringComparison.Ordinal);
        Assert.Equal(linked, page.FindAll($"{cell} a[href='/inventory/stock/{alert.SkuId}/{alert.WarehouseId}']").Count > 0);
    }
}
