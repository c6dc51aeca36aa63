using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Inventory;

public sealed class ReplenishmentTests : IAsyncLifetime
{
    private InventoryWorld _world = default!;

    private InventoryWatch Watch => _world.Harness.Get<InventoryWatch>();

    private PurchasingDesk Purchasing => _world.Harness.Get<PurchasingDesk>();

    private InventoryAlerts Alerts => _world.Harness.Get<InventoryAlerts>();

    public async Task InitializeAsync() => _world = await InventoryWorld.StartAsync();

    public async Task DisposeAsync() => await _world.Harness.DisposeAsync();

    [Fact]
    public async Task A_shipment_that_crosses_the_reorder_point_raises_a_low_stock_alert_and_one_suggestion_in_its_transaction()
    {
        var sku = await _world.SkuAsync("SKU-1", onHand: 30, reorderPoint: 20, maxStock: 100);
        var published = new List<LiveChange>();
        using var subscription = _world.Harness.Feed.Subscribe(c => { lock (published) { published.Add(c); } return Task.CompletedTask; }, Boards.Inventory);

        await _world.ShipAsync(sku, 12);

        var alert = Assert.Single(await _world.OpenAlertsAsync(sku));
        Assert.Equal((InventoryAlertKind.LowStock, 20 - 18 + 1), (alert.Kind, alert.Level));
        var suggestion = Assert.Single(await _world.SuggestionsAsync(sku));
        Assert.Equal((SuggestionStatus.Open, 82, 18), (suggestion.Status, suggestion.Quantity, suggestion.ProjectedStock));
        Assert.Contains(published, c => c.Entity == nameof(InventoryAlert) && c.Key == alert.Id.ToString());
    }

    [Fact]
    public async Task Rerunning_the_evaluation_never_duplicates_or_grows_a_suggestion()
    {
        var sku = await _world.SkuAsync("SKU-1", onHand: 15, reorderPoint: 20, maxStock: 100);

        await Watch.EvaluateAllAsync(default);
        await Watch.EvaluateAllAsync(default);
        await Watch.EvaluateAllAsync(default);

        var suggestion = Assert.Single(await _world.SuggestionsAsync(sku));
        Assert.Equal(85, suggestion.Quantity);
        Assert.Equal(0, suggestion.Version);
    }

    [Fact]
    public async Task Stock_on_an_open_purchase_order_is_netted_so_no_second_suggestion_appears()
    {
        var sku = await _world.SkuAsync("SKU-1", onHand: 15, reorderPoint: 20, maxStock: 100);
        var suggestion = Assert.Single(await _world.SuggestionsAsync(sku));

        var order = await Purchasing.OrderSuggestionAsync(_world.Manager, suggestion.Id);
        await Watch.EvaluateAllAsync(default);
        await _world.ShipAsync(sku, 3);
        await Watch.EvaluateAllAsync(default);

        Assert.True(order.Succeeded);
        var all = await _world.SuggestionsAsync(sku);
        Assert.Equal([SuggestionStatus.Ordered], all.Select(s => s.Status));
        Assert.Equal(order.Value, all[0].PurchaseOrderId);
    }

    [Fact]
    public async Task A_suggestion_is_withdrawn_when_stock_rises_above_the_reorder_point_before_anyone_orders()
    {
        var sku = await _world.SkuAsync("SKU-1", onHand: 15, reorderPoint: 20, maxStock: 100);
        await using (var db = _world.Harness.NewDb())
        {
            await _world.Ledger.ReturnAsync(db, _world.Warehouse, [new Domain.Inventory.StockLine(sku, 10)], "order:3", "customer return", default);
        }

        Assert.Equal([SuggestionStatus.Withdrawn], (await _world.SuggestionsAsync(sku)).Select(s => s.Status));
        Assert.Empty(await _world.OpenAlertsAsync(sku));
    }

    [Fact]
    public async Task Suggestion_to_draft_send_receive_and_close_clears_the_alert_and_records_on_time_receipts()
    {
        var sku = await _world.SkuAsync("SKU-1", onHand: 21, reorderPoint: 20, maxStock: 100, packSize: 10);
        await _world.ShipAsync(sku, 1);
        var suggestion = Assert.Single(await _world.SuggestionsAsync(sku));
        Assert.Equal(80, suggestion.Quantity);

        var orderId = (await Purchasing.OrderSuggestionAsync(_world.Manager, suggestion.Id)).Value;
        var draft = (await Queries.PurchaseOrderAsync(orderId))!;
        var sent = await Purchasing.SendAsync(_world.Manager, orderId, draft.Version);
        _world.Harness.Clock.Advance(TimeSpan.FromDays(3));
        var partly = await Purchasing.ReceiveAsync(_world.Manager, orderId, sent.Value, [new ReceiptLine(draft.Lines[0].Id, 40)], null);
        Assert.Equal(PurchaseOrderStatus.PartlyReceived, (await Queries.PurchaseOrderAsync(orderId))!.Status);
        _world.Harness.Clock.Advance(TimeSpan.FromDays(3));
        var received = await Purchasing.ReceiveAsync(_world.Manager, orderId, partly.Value, [new ReceiptLine(draft.Lines[0].Id, 40)], null);
        var closed = await Purchasing.CloseAsync(_world.Manager, orderId, received.Value);

        Assert.True(closed.Succeeded);
        var order = (await Queries.PurchaseOrderAsync(orderId))!;
        Assert.Equal((PurchaseOrderStatus.Closed, 80), (order.Status, order.Lines[0].Received));
        Assert.Empty(await _world.OpenAlertsAsync(sku));
        var detail = (await Queries.DetailAsync(sku, _world.Warehouse))!;
        Assert.Equal((100, 0), (detail.Stock.OnHand, detail.Stock.OnOrder));
        Assert.Equal(2, detail.Movements.Count(m => m.Kind == StockMovementKind.Receipt && m.Reference == $"po:{orderId}"));
        var supplier = Assert.Single(await _world.Harness.Get<SupplierDirectory>().ListAsync());
        Assert.Equal((2, 1, 0.5), (supplier.Receipts, supplier.OnTimeReceipts, supplier.OnTimeRate));
    }

    [Fact]
    public async Task Receiving_more_than_ordered_needs_a_reason_and_nothing_is_written_without_one()
    {
        var sku = await _world.SkuAsync("SKU-1", onHand: 15, reorderPoint: 20, maxStock: 100);
        var orderId = (await Purchasing.OrderSuggestionAsync(_world.Manager, (await _world.SuggestionsAsync(sku))[0].Id)).Value;
        var draft = (await Queries.PurchaseOrderAsync(orderId))!;
        var sent = await Purchasing.SendAsync(_world.Manager, orderId, draft.Version);

        var refused = await Purchasing.ReceiveAsync(_world.Manager, orderId, sent.Value, [new ReceiptLine(draft.Lines[0].Id, 90)], "  ");
        var accepted = await Purchasing.ReceiveAsync(_world.Manager, orderId, sent.Value, [new ReceiptLine(draft.Lines[0].Id, 90)], "supplier sent a full carton extra");

        Assert.Equal(new FieldError("Reason", PurchasingDesk.OverReceiptNeedsReason), Assert.Single(refused.Errors));
        Assert.True(accepted.Succeeded);
        var detail = (await Queries.DetailAsync(sku, _world.Warehouse))!;
        Assert.Equal(105, detail.Stock.OnHand);
        Assert.Equal("supplier sent a full carton extra", detail.Movements[0].Reason);
    }

    [Fact]
    public async Task A_stale_purchase_order_edit_is_refused_as_changed_by_someone_else()
    {
        var sku = await _world.SkuAsync("SKU-1", onHand: 15);
        var orderId = (await Purchasing.OrderSuggestionAsync(_world.Manager, (await _world.SuggestionsAsync(sku))[0].Id)).Value;
        var draft = (await Queries.PurchaseOrderAsync(orderId))!;
        await Purchasing.SetDraftQuantityAsync(_world.Manager, orderId, draft.Version, draft.Lines[0].Id, 100);

        var stale = await Purchasing.SendAsync(_world.Manager, orderId, draft.Version);

        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Equal(PurchaseOrderStatus.Draft, (await Queries.PurchaseOrderAsync(orderId))!.Status);
    }

    [Fact]
    public async Task An_acknowledged_alert_stays_away_until_the_condition_gets_worse()
    {
        var sku = await _world.SkuAsync("SKU-1", onHand: 40, reorderPoint: 20, maxStock: 100);
        await _world.ShipAsync(sku, 22);
        var alert = Assert.Single(await _world.OpenAlertsAsync(sku));

        var acknowledged = await Alerts.AcknowledgeAsync(_world.Manager, alert.Id, alert.Version, "PO already promised by phone");
        await Watch.EvaluateAllAsync(default);
        var afterSweep = await Alerts.BoardAsync();
        await _world.ShipAsync(sku, 5, "order:2");
        var afterWorse = await Alerts.BoardAsync();

        Assert.True(acknowledged.Succeeded);
        Assert.Empty(afterSweep.Active);
        Assert.Equal("PO already promised by phone", Assert.Single(afterSweep.SetAside).Note);
        var back = Assert.Single(afterWorse.Active);
        Assert.Equal((alert.Id, 20 - 13 + 1), (back.Id, back.Level));
        Assert.NotNull(back.ReturnedAtUtc);
    }

    [Fact]
    public async Task A_snoozed_alert_returns_when_the_snooze_ends()
    {
        var sku = await _world.SkuAsync("SKU-1", onHand: 15);
        var alert = Assert.Single(await _world.OpenAlertsAsync(sku));

        var tooLong = await Alerts.SnoozeAsync(_world.Manager, alert.Id, alert.Version, TimeSpan.FromDays(30), null);
        await Alerts.SnoozeAsync(_world.Manager, alert.Id, alert.Version, TimeSpan.FromHours(4), "supplier confirms Monday");
        var snoozed = await Alerts.BoardAsync();
        _world.Harness.Clock.Advance(TimeSpan.FromHours(4));
        await Watch.EvaluateAllAsync(default);
        var woken = await Alerts.BoardAsync();

        Assert.Equal(new FieldError("Snooze", InventoryAlerts.SnoozeOutOfRange), Assert.Single(tooLong.Errors));
        Assert.Empty(snoozed.Active);
        Assert.Equal(alert.Id, Assert.Single(woken.Active).Id);
    }

    [Fact]
    public async Task A_computed_reorder_point_follows_the_demand_forecast_over_the_lead_time()
    {
        var sku = await _world.SkuAsync("SKU-1", onHand: 500, reorderPoint: 0, maxStock: 1000);
        await using (var db = _world.Harness.NewDb())
        {
            var policy = await db.StockPolicies.SingleAsync(p => p.SkuId == sku);
            policy.ManualReorderPoint = null;
            policy.SafetyStock = 6;
            await db.SaveChangesAsync();
        }
        // Four weeks of two units a day.
        for (var day = 0; day < 28; day++)
        {
            await _world.ShipAsync(sku, 2, $"order:{day}");
            _world.Harness.Clock.Advance(TimeSpan.FromDays(1));
        }

        await Watch.RecomputeReorderPointsAsync(default);

        var detail = (await Queries.DetailAsync(sku, _world.Warehouse))!;
        // About 2 a day forecast over the 5 days' lead time, + 6 safety: ⌈≈10 + 6⌉.
        Assert.InRange(detail.AverageDailyDemand, 1.9, 2.1);
        Assert.Equal(ReorderRules.ComputedReorderPoint(detail.AverageDailyDemand, 5, 6), detail.ComputedReorderPoint);
        Assert.InRange(detail.Stock.ReorderPoint, 16, 17);
    }

    private StockQueries Queries => _world.Harness.Get<StockQueries>();
}
