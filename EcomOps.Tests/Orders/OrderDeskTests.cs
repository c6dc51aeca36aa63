using EcomOps.Domain.Data;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Orders;

[Trait("Engines", "Both")]
public sealed class OrderDeskTests
{
    [Fact]
    public async Task Sending_the_same_order_again_changes_nothing_and_answers_with_the_existing_order()
    {
        await using var world = await OrderWorld.StartAsync();
        var first = await world.TakeInAsync(world.Draft("P-1", ("SKU-1", 2)));

        var again = await world.TakeInAsync(world.Draft("P-1", ("SKU-1", 5)));

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.OrderId, again.OrderId);
        Assert.Equal(1, await world.ReadAsync(db => db.Orders.CountAsync()));
        Assert.Equal(2, (await world.BalanceAsync("SKU-1")).Reserved);
        Assert.Equal(2, (await world.OrderAsync(first.OrderId)).Lines.Single().Quantity);
    }

    [Fact]
    public async Task A_batch_that_reserves_a_sku_to_nothing_commits_with_one_out_of_stock_alert()
    {
        await using var world = await OrderWorld.StartAsync(stockPerSku: 10);
        // Ten customers, one unit each (one customer ordering ten times would be held as a suspected duplicate).
        var drafts = Enumerable.Range(1, 10).Select(i => world.Draft($"B-{i}", ("SKU-1", 1)) with { CustomerPhone = $"1381234{i:D4}" }).ToList();

        var taken = await world.Intake.TakeInAsync(OrderWorld.Specialist, world.ChannelId, drafts);

        Assert.All(taken.Value!, r => Assert.Equal(OrderStatus.Accepted, r.Status));
        Assert.Equal(10, (await world.BalanceAsync("SKU-1")).Reserved);
        var alerts = await world.ReadAsync(db => db.Set<InventoryAlert>().Where(a => a.ResolvedAtUtc == null && a.SkuId == world.SkuIds["SKU-1"]).ToListAsync());
        Assert.Equal(InventoryAlertKind.OutOfStock, Assert.Single(alerts).Kind);
        Assert.Null(await world.ReadAsync(db => db.Set<InventoryAlert>().FirstOrDefaultAsync(a => a.SkuId == world.SkuIds["SKU-2"])));
    }

    [Fact]
    public async Task A_passing_order_is_accepted_its_stock_reserved_and_the_customer_told_in_their_language()
    {
        await using var world = await OrderWorld.StartAsync();

        var result = await world.TakeInAsync(world.Draft("P-1", ("SKU-1", 2), ("SKU-2", 1)) with { CustomerLanguage = "en" });

        Assert.Equal(OrderStatus.Accepted, result.Status);
        var order = await world.OrderAsync(result.OrderId);
        Assert.True(order.StockReserved);
        Assert.Equal(world.WarehouseId, order.WarehouseId);
        Assert.Equal(order.PaidAtUtc!.Value.AddHours(24), order.ShipByUtc);
        Assert.Equal(2, (await world.BalanceAsync("SKU-1")).Reserved);
        Assert.Equal(98, (await world.BalanceAsync("SKU-1")).Available);
        var message = Assert.Single(await world.ReadAsync(db => db.OutboxMessages.ToListAsync()));
        Assert.Equal((NotificationKind.Accepted, "en", DeliveryStatus.Pending), (message.Kind, message.Language, message.Status));
        Assert.Contains("P-1", message.Text);
    }

    [Fact]
    public async Task A_failing_order_goes_on_hold_with_its_reasons_and_reserves_nothing()
    {
        await using var world = await OrderWorld.StartAsync();

        var result = await world.TakeInAsync(world.Draft("P-1") with { ShippingAddress = "上海", PaidAtUtc = null });

        Assert.Equal(OrderStatus.OnHold, result.Status);
        var order = await world.OrderAsync(result.OrderId);
        Assert.Equal([HoldReason.AddressIncomplete, HoldReason.PaymentNotConfirmed], order.Holds.Select(h => h.Reason).Order().ToList());
        Assert.NotNull(order.HeldSinceUtc);
        Assert.Equal(0, (await world.BalanceAsync("SKU-1")).Reserved);
    }

    [Fact]
    public async Task A_second_order_with_the_same_items_from_the_same_customer_is_held_as_a_possible_duplicate()
    {
        await using var world = await OrderWorld.StartAsync();
        var first = await world.TakeInAsync(world.Draft("P-1"));

        var second = await world.TakeInAsync(world.Draft("P-2"));

        Assert.Equal(OrderStatus.Accepted, first.Status);
        Assert.Equal(OrderStatus.OnHold, second.Status);
        var hold = Assert.Single((await world.OrderAsync(second.OrderId)).Holds);
        Assert.Equal((HoldReason.PossibleDuplicate, first.Number), (hold.Reason, hold.Detail));
    }

    [Fact]
    public async Task An_unknown_sku_or_an_invalid_order_refuses_the_whole_batch_and_writes_nothing()
    {
        await using var world = await OrderWorld.StartAsync();

        var outcome = await world.Intake.TakeInAsync(OrderWorld.Specialist, world.ChannelId,
            [world.Draft("P-1"), world.Draft("P-2", ("SKU-404", 1)), world.Draft("P-3") with { Lines = [new("SKU-1", null, -1, 100, 0)] }, world.Draft("P-1")]);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(["orders[2].lines[0].quantity:QuantityOutOfRange", "orders[3].platformOrderId:DuplicateOrderId"], outcome.Errors.Select(e => $"{e.Field}:{e.Code}").ToList());
        var unknown = await world.Intake.TakeInAsync(OrderWorld.Specialist, world.ChannelId, [world.Draft("P-1"), world.Draft("P-2", ("SKU-404", 1))]);
        Assert.Equal("orders[1].lines[0].sku:UnknownSku", Assert.Single(unknown.Errors).Field + ":" + unknown.Errors[0].Code);
        Assert.Equal(0, await world.ReadAsync(db => db.Orders.CountAsync()));
        Assert.Equal(0, await world.ReadAsync(db => db.Set<StockMovement>().CountAsync(m => m.Kind == StockMovementKind.Reservation)));
    }

    [Fact]
    public async Task When_1000_orders_race_for_500_units_exactly_500_are_accepted_and_the_rest_held_out_of_stock()
    {
        await using var world = await OrderWorld.StartAsync(stockPerSku: 500);

        // Different customers, so no order looks like another's duplicate: only stock decides. A thousand writers queue
        // for SQLite's one write lock; intake tries a busy write again (WriteRetry), so this passes on a loaded machine
        // too — checked with both cores busy: `for i in 1 2; do timeout 300 sh -c 'while :; do :; done' & done`.
        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(() =>
            world.Intake.TakeInAsync(OrderWorld.Specialist, world.ChannelId,
                [world.Draft($"R-{i}") with { CustomerName = $"客户{i}", CustomerPhone = $"139{i:D8}" }]))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        var statuses = results.Select(r => r.Value![0].Status).ToList();
        Assert.Equal(500, statuses.Count(s => s == OrderStatus.Accepted));
        Assert.Equal(500, statuses.Count(s => s == OrderStatus.OnHold));
        var balance = await world.BalanceAsync("SKU-1");
        Assert.Equal((500, 500, 0), (balance.OnHand, balance.Reserved, balance.Available));
        Assert.Equal(500, await world.ReadAsync(db => db.Set<StockMovement>().CountAsync(m => m.Kind == StockMovementKind.Reservation)));
        Assert.Equal(500, await world.ReadAsync(db => db.OrderHolds.CountAsync(h => h.Reason == HoldReason.OutOfStock)));
    }

    [Fact]
    public async Task An_order_goes_through_assignment_partial_shipment_delivery_and_a_return_that_puts_stock_back()
    {
        await using var world = await OrderWorld.StartAsync();
        var desk = world.Desk;
        var id = (await world.TakeInAsync(world.Draft("P-1", ("SKU-1", 2), ("SKU-2", 1)))).OrderId;
        var order = await world.OrderAsync(id);

        var v = await Step(desk.AssignAsync(OrderWorld.Specialist, id, world.WarehouseId, "SF", order.Version));
        v = await Step(desk.PickAsync(OrderWorld.Specialist, id, v));
        v = await Step(desk.PackAsync(OrderWorld.Specialist, id, v));
        var sku1 = order.Lines.Single(l => l.SkuCode == "SKU-1");
        v = await Step(desk.ShipAsync(OrderWorld.Specialist, id, "SF1001", [new LineQuantity(sku1.Id, 1)], v));
        Assert.Equal(ShippingStatus.PartiallyShipped, (await world.OrderAsync(id)).ShippingStatus);
        var partly = await world.BalanceAsync("SKU-1");
        Assert.Equal((99, 1), (partly.OnHand, partly.Reserved));
        v = await Step(desk.ShipAsync(OrderWorld.Specialist, id, "SF1002", [], v));
        v = await Step(desk.DeliverAsync(OrderWorld.Specialist, id, v));
        v = await Step(desk.ReturnAsync(OrderWorld.Specialist, id, [new LineQuantity(sku1.Id, 1)], "尺码不合适", v));

        var done = await world.OrderAsync(id);
        Assert.Equal((OrderStatus.Completed, ShippingStatus.Delivered, 2), (done.Status, done.ShippingStatus, done.Shipments.Count));
        Assert.Equal(1, done.Lines.Single(l => l.SkuCode == "SKU-1").ReturnedQuantity);
        var s1 = await world.BalanceAsync("SKU-1");
        var s2 = await world.BalanceAsync("SKU-2");
        Assert.Equal((99, 0), (s1.OnHand, s1.Reserved));
        Assert.Equal((99, 0), (s2.OnHand, s2.Reserved));
        Assert.Equal(
            [OrderEventKind.Received, OrderEventKind.Accepted, OrderEventKind.Assigned, OrderEventKind.Picked, OrderEventKind.Packed,
             OrderEventKind.Shipped, OrderEventKind.Shipped, OrderEventKind.Delivered, OrderEventKind.Returned],
            done.Events.OrderBy(e => e.Id).Select(e => e.Kind).ToList());
        var messages = await world.ReadAsync(db => db.OutboxMessages.OrderBy(m => m.Id).ToListAsync());
        Assert.Equal([NotificationKind.Accepted, NotificationKind.Shipped, NotificationKind.Shipped], messages.Select(m => m.Kind).ToList());
        Assert.Contains("SF1002", messages[^1].Text);
    }

    [Fact]
    public async Task Shipping_more_than_is_open_or_returning_more_than_shipped_is_refused_and_changes_nothing()
    {
        await using var world = await OrderWorld.StartAsync();
        var desk = world.Desk;
        var id = (await world.TakeInAsync(world.Draft("P-1", ("SKU-1", 2)))).OrderId;
        var order = await world.OrderAsync(id);
        var line = order.Lines.Single();
        var v = await Step(desk.AssignAsync(OrderWorld.Specialist, id, world.WarehouseId, "SF", order.Version));
        v = await Step(desk.PickAsync(OrderWorld.Specialist, id, v));
        v = await Step(desk.PackAsync(OrderWorld.Specialist, id, v));

        var tooMany = await desk.ShipAsync(OrderWorld.Specialist, id, "SF1", [new LineQuantity(line.Id, 3)], v);
        var returnFirst = await desk.ReturnAsync(OrderWorld.Specialist, id, [new LineQuantity(line.Id, 1)], "x", v);
        var stale = await desk.ShipAsync(OrderWorld.Specialist, id, "SF1", [], v - 1);

        Assert.Equal("QuantityOutOfRange", Assert.Single(tooMany.Errors).Code);
        Assert.Equal("QuantityOutOfRange", Assert.Single(returnFirst.Errors).Code);
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Equal((100, 2), ((await world.BalanceAsync("SKU-1")).OnHand, (await world.BalanceAsync("SKU-1")).Reserved));
    }

    [Fact]
    public async Task Assigning_another_warehouse_moves_the_reservation_in_the_same_transaction()
    {
        await using var world = await OrderWorld.StartAsync();
        var id = (await world.TakeInAsync(world.Draft("P-1", ("SKU-1", 2)))).OrderId;
        var order = await world.OrderAsync(id);

        var empty = await world.Desk.AssignAsync(OrderWorld.Specialist, id, world.OtherWarehouseId, "SF", order.Version);

        Assert.Equal("OutOfStock", Assert.Single(empty.Errors).Code);
        Assert.Equal(2, (await world.BalanceAsync("SKU-1")).Reserved);
        Assert.Equal(world.WarehouseId, (await world.OrderAsync(id)).WarehouseId);
    }

    [Fact]
    public async Task A_specialist_works_a_held_order_contact_fix_and_release_and_it_is_accepted_with_stock_reserved()
    {
        await using var world = await OrderWorld.StartAsync();
        var id = (await world.TakeInAsync(world.Draft("P-1") with { ShippingAddress = "上海" })).OrderId;
        var v = (await world.OrderAsync(id)).Version;

        v = await Step(world.Desk.LogContactAsync(OrderWorld.Specialist, id, ContactOutcome.Reached, "客户补充了门牌号", v));
        var bad = await world.Desk.FixAddressAsync(OrderWorld.Specialist, id, "王喆", "123", "上海", v);
        v = await Step(world.Desk.FixAddressAsync(OrderWorld.Specialist, id, "王喆", "13812345678", "上海市浦东新区张江路 100 号 3 栋 201", v));
        world.Harness.Clock.Advance(TimeSpan.FromMinutes(42));
        v = await Step(world.Desk.ReleaseAsync(OrderWorld.Specialist, id, v));

        Assert.Equal(["CustomerPhone:PhoneImplausible", "ShippingAddress:AddressIncomplete"], bad.Errors.Select(e => $"{e.Field}:{e.Code}").ToList());
        var order = await world.OrderAsync(id);
        Assert.Equal(OrderStatus.Accepted, order.Status);
        Assert.Null(order.HeldSinceUtc);
        Assert.All(order.Holds, h => Assert.NotNull(h.ResolvedAtUtc));
        Assert.Equal("42 min", order.Events.Single(e => e.Kind == OrderEventKind.Released).Detail);
        Assert.Equal(ContactOutcome.Reached, order.Events.Single(e => e.Kind == OrderEventKind.CustomerContacted).ContactOutcome);
        Assert.Equal(1, (await world.BalanceAsync("SKU-1")).Reserved);
    }

    [Fact]
    public async Task Releasing_a_held_order_without_stock_is_refused_and_cancelling_an_accepted_one_gives_its_stock_back()
    {
        await using var world = await OrderWorld.StartAsync(stockPerSku: 1);
        var accepted = await world.TakeInAsync(world.Draft("P-1"));
        var held = await world.TakeInAsync(world.Draft("P-2") with { CustomerName = "李堃", CustomerPhone = "13900000000" });
        Assert.Equal(OrderStatus.OnHold, held.Status);

        var release = await world.Desk.ReleaseAsync(OrderWorld.Specialist, held.OrderId, (await world.OrderAsync(held.OrderId)).Version);
        var noReason = await world.Desk.CancelAsync(OrderWorld.Specialist, accepted.OrderId, " ", (await world.OrderAsync(accepted.OrderId)).Version);
        await Step(world.Desk.CancelAsync(OrderWorld.Specialist, accepted.OrderId, "客户要求取消", (await world.OrderAsync(accepted.OrderId)).Version));
        await Step(world.Desk.ReleaseAsync(OrderWorld.Specialist, held.OrderId, (await world.OrderAsync(held.OrderId)).Version));

        Assert.Equal("OutOfStock", Assert.Single(release.Errors).Code);
        Assert.Equal("Required", Assert.Single(noReason.Errors).Code);
        Assert.Equal(OrderStatus.Cancelled, (await world.OrderAsync(accepted.OrderId)).Status);
        Assert.Equal(OrderStatus.Accepted, (await world.OrderAsync(held.OrderId)).Status);
        Assert.Equal(1, (await world.BalanceAsync("SKU-1")).Reserved);
        Assert.Contains(await world.ReadAsync(db => db.OutboxMessages.ToListAsync()), m => m.Kind == NotificationKind.Cancelled && m.OrderId == accepted.OrderId);
    }

    [Fact]
    public async Task Late_orders_are_told_once_and_the_outbox_records_delivery()
    {
        await using var world = await OrderWorld.StartAsync();
        var id = (await world.TakeInAsync(world.Draft("P-1"))).OrderId;
        world.Harness.Clock.Advance(TimeSpan.FromHours(25));

        var first = await world.Desk.NotifyLateAsync();
        var second = await world.Desk.NotifyLateAsync();
        var delivered = await world.Harness.Get<OrderOutbox>().DeliverPendingAsync();

        Assert.Equal((1, 0, 2), (first, second, delivered));
        var messages = await world.ReadAsync(db => db.OutboxMessages.Where(m => m.OrderId == id).ToListAsync());
        Assert.Contains(messages, m => m.Kind == NotificationKind.Delayed);
        Assert.All(messages, m => Assert.Equal(DeliveryStatus.Delivered, m.Status));
    }

    [Fact]
    public async Task An_unpaid_order_is_released_only_with_a_note_which_the_timeline_keeps()
    {
        await using var world = await OrderWorld.StartAsync();
        var held = await world.TakeInAsync(world.Draft("P-UNPAID") with { PaidAtUtc = null });
        var order = await world.OrderAsync(held.OrderId);
        Assert.Contains(order.Holds, h => h.Reason == HoldReason.PaymentNotConfirmed);
        Assert.True(order.ReleaseNeedsNote);

        var bare = await world.Desk.ReleaseAsync(OrderWorld.Specialist, held.OrderId, order.Version);
        var blank = await world.Desk.ReleaseAsync(OrderWorld.Specialist, held.OrderId, order.Version, "   ");
        Assert.Equal("ReleaseNoteRequired", Assert.Single(bare.Errors).Code);
        Assert.Equal("ReleaseNoteRequired", Assert.Single(blank.Errors).Code);
        Assert.Equal(0, (await world.BalanceAsync("SKU-1")).Reserved);

        await Step(world.Desk.ReleaseAsync(OrderWorld.Specialist, held.OrderId, order.Version, "后台已看到付款截图"));

        var released = await world.OrderAsync(held.OrderId);
        Assert.Equal(OrderStatus.Accepted, released.Status);
        Assert.EndsWith("后台已看到付款截图", released.Events.Single(e => e.Kind == OrderEventKind.Released).Detail);
    }

    [Fact]
    public async Task An_address_hold_needs_no_note_to_be_released()
    {
        await using var world = await OrderWorld.StartAsync();
        var held = await world.TakeInAsync(world.Draft("P-ADDR") with { ShippingAddress = "上海" });
        var order = await world.OrderAsync(held.OrderId);

        Assert.False(order.ReleaseNeedsNote);
        await Step(world.Desk.ReleaseAsync(OrderWorld.Specialist, held.OrderId, order.Version));
    }

    [Fact]
    public async Task Someone_whose_role_does_not_work_orders_cannot_release_cancel_or_fix_one_whatever_called_the_desk()
    {
        await using var world = await OrderWorld.StartAsync();
        var held = await world.TakeInAsync(world.Draft("P-1") with { ShippingAddress = "上海" });
        var version = (await world.OrderAsync(held.OrderId)).Version;
        var agent = Actor.Person("u-agent", "agent@ecomops.local", EcomOps.Domain.Org.Roles.CsAgent);
        var supervisor = Actor.Person("u-sup", "cssupervisor@ecomops.local", EcomOps.Domain.Org.Roles.CsSupervisor);

        var release = await world.Desk.ReleaseAsync(agent, held.OrderId, version);
        var cancel = await world.Desk.CancelAsync(supervisor, held.OrderId, "不想要了", version);
        var fix = await world.Desk.FixAddressAsync(agent, held.OrderId, "王喆", "13812345678", "上海市浦东新区张江路 100 号", version);

        Assert.All([release, cancel, fix], o => Assert.Equal(Actor.NotPermitted, Assert.Single(o.Errors)));
        Assert.Equal(OrderStatus.OnHold, (await world.OrderAsync(held.OrderId)).Status);
        var specialist = Actor.Person("u-spec", "specialist@ecomops.local", EcomOps.Domain.Org.Roles.OperationsSpecialist);
        await Step(world.Desk.ReleaseAsync(specialist, held.OrderId, version));
    }

    [Fact]
    public async Task A_negative_line_quantity_is_refused_and_the_order_keeps_its_lines()
    {
        await using var world = await OrderWorld.StartAsync();
        var held = await world.TakeInAsync(world.Draft("P-1", ("SKU-2", 3)) with { ShippingAddress = "上海" });
        var version = (await world.OrderAsync(held.OrderId)).Version;

        var fix = await world.Desk.FixLinesAsync(OrderWorld.Specialist, held.OrderId, [new LineFix("SKU-2", -10, 5_000, 0)], version);

        Assert.Equal(new FieldError("lines[0].quantity", "QuantityOutOfRange"), Assert.Single(fix.Errors));
        var order = await world.OrderAsync(held.OrderId);
        Assert.Equal(3, order.Lines.Single().Quantity);
        Assert.DoesNotContain(order.Events, e => e.Kind == OrderEventKind.LinesFixed);
    }

    [Theory]
    [InlineData(OrderStatus.OnHold, true)]
    [InlineData(OrderStatus.AwaitingReview, true)]
    [InlineData(OrderStatus.Accepted, true)]
    [InlineData(OrderStatus.Completed, false)]
    [InlineData(OrderStatus.Cancelled, false)]
    public void An_order_can_be_cancelled_while_open_and_nothing_has_shipped(OrderStatus status, bool open)
    {
        var order = new Order { PlatformOrderId = "X", CustomerName = "A", CustomerPhone = "1", ShippingAddress = "B", CustomerLanguage = "zh-Hans", Status = status };
        order.Lines.Add(new OrderLine { SkuCode = "S", Title = "T", Quantity = 2 });

        Assert.Equal(open, order.CanCancel);
        order.Lines[0].ShippedQuantity = 1;
        Assert.False(order.CanCancel);
    }

    private static async Task<long> Step(Task<Outcome<long>> step)
    {
        var outcome = await step;
        Assert.True(outcome.Succeeded, $"{outcome.Kind}: {string.Join(", ", outcome.Errors.Select(e => $"{e.Field}:{e.Code}"))}");
        return outcome.Value;
    }
}
