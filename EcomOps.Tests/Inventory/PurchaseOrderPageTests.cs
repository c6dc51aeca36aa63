using Bunit;
using EcomOps.Console.Features.Inventory;
using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Org;
using EcomOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EcomOps.Tests.Inventory;

public sealed class PurchaseOrderPageTests : IAsyncLifetime
{
    private InventoryWorld _world = default!;

    private PurchasingDesk Purchasing => _world.Harness.Get<PurchasingDesk>();

    private StockQueries Queries => _world.Harness.Get<StockQueries>();

    public async Task InitializeAsync() => _world = await InventoryWorld.StartAsync();

    public async Task DisposeAsync() => await _world.Harness.DisposeAsync();

    /// <summary>A draft purchase order of 80 units (a suggestion turned into a draft).</summary>
    private async Task<int> DraftAsync()
    {
        var sku = await _world.SkuAsync("SKU-1", onHand: 21, reorderPoint: 20, maxStock: 100, packSize: 10);
        await _world.ShipAsync(sku, 1);
        var suggestion = Assert.Single(await _world.SuggestionsAsync(sku));
        return (await Purchasing.OrderSuggestionAsync(_world.Manager, suggestion.Id)).Value;
    }

    private IRenderedComponent<PurchaseOrderPage> Render(BunitContext ctx, int id)
    {
        ctx.Services.AddSingleton(Queries);
        ctx.Services.AddSingleton(Purchasing);
        ctx.AddAuthorization().SetAuthorized("opsmanager@ecomops.local").SetRoles(Roles.OperationsManager).SetPolicies(Permissions.ManageInventory);
        ctx.Render<MudPopoverProvider>();
        return ctx.Render<PurchaseOrderPage>(p => p.Add(c => c.Id, id));
    }

    [Fact]
    public async Task A_negative_quantity_on_a_draft_line_is_refused_with_a_message_and_the_order_keeps_its_quantity()
    {
        var id = await DraftAsync();
        await using var ctx = ComponentHarness.NewContext(_world.Harness);
        var page = Render(ctx, id);
        var input = page.WaitForElement("[data-testid=po-line-SKU-1] input");

        input.Change("-10");

        page.WaitForAssertion(() => Assert.Contains("above zero", page.Find("[data-testid=po-error]").TextContent));
        Assert.Equal(80, (await Queries.PurchaseOrderAsync(id))!.Lines[0].Ordered);
    }

    [Fact]
    public async Task Quantities_being_typed_are_kept_when_someone_else_changes_the_order_and_the_user_is_told()
    {
        var id = await DraftAsync();
        var sent = await Purchasing.SendAsync(_world.Manager, id, (await Queries.PurchaseOrderAsync(id))!.Version);
        await using var ctx = ComponentHarness.NewContext(_world.Harness);
        var page = Render(ctx, id);
        page.WaitForElement("input[data-testid=po-receive-qty]").Change("7");

        // A colleague receives 30 on another screen meanwhile.
        var line = (await Queries.PurchaseOrderAsync(id))!.Lines[0].Id;
        Assert.True((await Purchasing.ReceiveAsync(_world.Manager, id, sent.Value, [new ReceiptLine(line, 30)], null)).Succeeded);

        page.WaitForElement("[data-testid=po-changed-elsewhere]", TimeSpan.FromSeconds(5));
        Assert.Equal("7", page.Find("input[data-testid=po-receive-qty]").GetAttribute("value"));

        page.Find("[data-testid=po-reload] button, button[data-testid=po-reload]").Click();

        page.WaitForAssertion(() => Assert.Equal("50", page.Find("input[data-testid=po-receive-qty]").GetAttribute("value")));
        Assert.Empty(page.FindAll("[data-testid=po-changed-elsewhere]"));
    }

    [Fact]
    public async Task Without_typed_quantities_the_page_follows_someone_elses_change_at_once()
    {
        var id = await DraftAsync();
        var sent = await Purchasing.SendAsync(_world.Manager, id, (await Queries.PurchaseOrderAsync(id))!.Version);
        await using var ctx = ComponentHarness.NewContext(_world.Harness);
        var page = Render(ctx, id);
        page.WaitForElement("input[data-testid=po-receive-qty]");

        var line = (await Queries.PurchaseOrderAsync(id))!.Lines[0].Id;
        Assert.True((await Purchasing.ReceiveAsync(_world.Manager, id, sent.Value, [new ReceiptLine(line, 30)], null)).Succeeded);

        page.WaitForAssertion(() => Assert.Equal("50", page.Find("input[data-testid=po-receive-qty]").GetAttribute("value")), TimeSpan.FromSeconds(5));
        Assert.Empty(page.FindAll("[data-testid=po-changed-elsewhere]"));
    }

    [Fact]
    public async Task A_receipt_taken_on_another_server_while_the_servers_could_not_talk_shows_when_the_channel_resyncs()
    {
        var id = await DraftAsync();
        var sent = await Purchasing.SendAsync(_world.Manager, id, (await Queries.PurchaseOrderAsync(id))!.Version);
        await using var ctx = ComponentHarness.NewContext(_world.Harness);
        var page = Render(ctx, id);
        page.WaitForAssertion(() => Assert.Equal("80", page.Find("input[data-testid=po-receive-qty]").GetAttribute("value")));

        // Another server (its own live feed, no channel between them) receives 30: this page does not hear of it.
        await using var other = await _world.Harness.BesideAsync();
        var line = (await Queries.PurchaseOrderAsync(id))!.Lines[0].Id;
        Assert.True((await other.Get<PurchasingDesk>().ReceiveAsync(_world.Manager, id, sent.Value, [new ReceiptLine(line, 30)], null)).Succeeded);
        await Task.Delay(300);
        Assert.Equal("80", page.Find("input[data-testid=po-receive-qty]").GetAttribute("value"));

        // The channel comes back: every board resyncs once.
        _world.Harness.Feed.Resync(_world.Harness.Clock.GetUtcNow().UtcDateTime);

        page.WaitForAssertion(() => Assert.Equal("50", page.Find("input[data-testid=po-receive-qty]").GetAttribute("value")), TimeSpan.FromSeconds(5));
        Assert.Empty(page.FindAll("[data-testid=po-changed-elsewhere]"));
    }

    [Fact]
    public async Task A_draft_shows_each_lines_total_and_the_order_total_and_adding_a_line_without_a_sku_says_so_under_the_field()
    {
        var id = await DraftAsync();
        await using var ctx = ComponentHarness.NewContext(_world.Harness);
        var page = Render(ctx, id);
        page.WaitForElement("[data-testid=po-total]");

        // 80 units at ¥45.00.
        Assert.Contains("3,600.00", page.Find("[data-testid=po-line-SKU-1] [data-testid=po-line-total]").TextContent);
        Assert.Contains("3,600.00", page.Find("[data-testid=po-total]").TextContent);

        page.Find("button[data-testid=po-add]").Click();

        page.WaitForAssertion(() => Assert.Contains("No active SKU has this code", page.Find("[data-testid=po-add-line]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=po-error]"));
        Assert.Single((await Queries.PurchaseOrderAsync(id))!.Lines);
    }
}
