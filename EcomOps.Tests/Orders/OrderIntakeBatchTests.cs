using System.Collections.Concurrent;
using EcomOps.Domain.Inventory;
using EcomOps.Domain.Live;
using EcomOps.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Orders;

/// <summary>A batch is reviewed and reserved at once; each order must come out as if it had been taken in alone, in turn.</summary>
[Trait("Engines", "Both")]
public sealed class OrderIntakeBatchTests
{
    [Fact]
    public async Task Orders_of_one_batch_competing_for_the_last_units_reserve_in_batch_order_and_the_one_left_short_is_held_out_of_stock()
    {
        await using var world = await OrderWorld.StartAsync(stockPerSku: 3);
        var drafts = new[]
        {
            world.Draft("A", ("SKU-1", 2)) with { CustomerPhone = "13800000001" },
            // Short of SKU-1, so its SKU-2 is not reserved either.
            world.Draft("B", ("SKU-1", 2), ("SKU-2", 1)) with { CustomerPhone = "13800000002" },
            // The last unit, which B could not use.
            world.Draft("C", ("SKU-1", 1)) with { CustomerPhone = "13800000003" },
        };

        var taken = (await world.Intake.TakeInAsync(OrderWorld.Specialist, world.ChannelId, drafts)).Value!;

        Assert.Equal([OrderStatus.Accepted, OrderStatus.OnHold, OrderStatus.Accepted], taken.Select(r => r.Status).ToList());
        var held = await world.OrderAsync(taken[1].OrderId);
        var hold = Assert.Single(held.Holds);
        Assert.Equal((HoldReason.OutOfStock, "SKU-1 1/2"), (hold.Reason, hold.Detail));
        Assert.False(held.StockReserved);
        Assert.Null(held.WarehouseId);
        Assert.Equal((3, 3, 0), await ReservedAsync(world, "SKU-1"));
        Assert.Equal((3, 0, 3), await ReservedAsync(world, "SKU-2"));
        var references = await world.ReadAsync(db => db.StockMovements.Where(m => m.Kind == StockMovementKind.Reservation)
            .OrderBy(m => m.Id).Select(m => new { m.Reference, m.ReservedDelta }).ToListAsync());
        Assert.Equal([(OrderStock.Reference(taken[0].OrderId), 2), (OrderStock.Reference(taken[2].OrderId), 1)], references.Select(r => (r.Reference, r.ReservedDelta)).ToList());
        var noticed = await world.ReadAsync(db => db.OutboxMessages.OrderBy(m => m.OrderId).Select(m => m.OrderId).ToListAsync());
        Assert.Equal([taken[0].OrderId, taken[2].OrderId], noticed);
    }

    [Fact]
    public async Task A_batch_answers_a_stored_order_as_it_is_and_holds_a_repeat_of_an_earlier_order_of_the_same_batch_as_a_possible_duplicate()
    {
        await using var world = await OrderWorld.StartAsync();
        var stored = await world.TakeInAsync(world.Draft("P-1", ("SKU-1", 2)));
        var other = (Name: "李娜", Phone: "13900000000");

        var taken = (await world.Intake.TakeInAsync(OrderWorld.Specialist, world.ChannelId,
        [
            world.Draft("P-1", ("SKU-1", 5)),
            world.Draft("P-2", ("SKU-2", 1)) with { CustomerName = other.Name, CustomerPhone = other.Phone },
            world.Draft("P-3", ("SKU-2", 1)) with { CustomerName = other.Name, CustomerPhone = other.Phone },
        ])).Value!;

        Assert.Equal((stored.OrderId, false, OrderStatus.Accepted), (taken[0].OrderId, taken[0].Created, taken[0].Status));
        Assert.Equal(2, (await world.OrderAsync(stored.OrderId)).Lines.Single().Quantity);
        Assert.Equal(OrderStatus.Accepted, taken[1].Status);
        Assert.Equal(OrderStatus.OnHold, taken[2].Status);
        Assert.True(taken[1].OrderId < taken[2].OrderId);
        var hold = Assert.Single((await world.OrderAsync(taken[2].OrderId)).Holds);
        Assert.Equal((HoldReason.PossibleDuplicate, taken[1].Number), (hold.Reason, hold.Detail));
        Assert.Equal(3, await world.ReadAsync(db => db.Orders.CountAsync()));
        Assert.Equal((2, 1), ((await world.BalanceAsync("SKU-1")).Reserved, (await world.BalanceAsync("SKU-2")).Reserved));
    }

    [Fact]
    public async Task Writers_posting_the_same_orders_at_once_store_each_order_once_and_all_answer_with_it()
    {
        await using var world = await OrderWorld.StartAsync();
        var drafts = Enumerable.Range(1, 20).Select(i => world.Draft($"S-{i}") with { CustomerName = $"客户{i}", CustomerPhone = $"1370000{i:D4}" }).ToList();

        // Each writer reads and reviews the batch before its turn to write; all but the first find it stored meanwhile.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            world.Intake.TakeInAsync(OrderWorld.Specialist, world.ChannelId, drafts))));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, string.Join(", ", o.Errors)));
        var answers = outcomes.SelectMany(o => o.Value!).ToList();
        Assert.Equal(20, answers.Count(a => a.Created));
        Assert.All(answers.GroupBy(a => a.PlatformOrderId), g => Assert.Single(g.Select(a => a.OrderId).Distinct()));
        Assert.Equal(20, await world.ReadAsync(db => db.Orders.CountAsync()));
        Assert.Equal(20, await world.ReadAsync(db => db.StockMovements.CountAsync(m => m.Kind == StockMovementKind.Reservation)));
        Assert.Equal(20, await world.ReadAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Equal(20, (await world.BalanceAsync("SKU-1")).Reserved);
    }

    [Fact]
    public async Task A_batch_publishes_each_new_order_and_reservation_once_after_its_commit_and_nothing_for_a_refused_one()
    {
        await using var world = await OrderWorld.StartAsync();
        var heard = new ConcurrentQueue<LiveChange>();
        using var _ = world.Harness.Feed.Subscribe(c => { heard.Enqueue(c); return Task.CompletedTask; }, Boards.Orders, Boards.Inventory);
        var drafts = Enumerable.Range(1, 5).Select(i => world.Draft($"L-{i}", ("SKU-1", 1), ("SKU-3", 1)) with { CustomerPhone = $"1360000{i:D4}" }).ToList();

        var refused = await world.Intake.TakeInAsync(OrderWorld.Specialist, world.ChannelId, [.. drafts, world.Draft("L-9", ("SKU-404", 1))]);
        var taken = (await world.Intake.TakeInAsync(OrderWorld.Specialist, world.ChannelId, drafts)).Value!;

        Assert.False(refused.Succeeded);
        var orders = await HeardAsync(heard, c => c.Entity == nameof(Order), 5);
        Assert.Equal(taken.Select(t => t.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), orders.Select(c => c.Key).Order());
        Assert.All(orders, c => Assert.Equal(LiveChangeKind.Created, c.Kind));
        var movements = await HeardAsync(heard, c => c.Entity == nameof(StockMovement), 10);
        var ids = await world.ReadAsync(db => db.StockMovements.Where(m => m.Kind == StockMovementKind.Reservation).Select(m => m.Id).ToListAsync());
        Assert.Equal(ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), movements.Select(c => c.Key).Order());
    }

    private static async Task<(int OnHand, int Reserved, int Available)> ReservedAsync(OrderWorld world, string sku)
    {
        var balance = await world.BalanceAsync(sku);
        return (balance.OnHand, balance.Reserved, balance.Available);
    }

    /// <summary>The changes heard that match, once as many as expected have arrived (delivery is asynchronous); then no more come.</summary>
    private static async Task<List<LiveChange>> HeardAsync(ConcurrentQueue<LiveChange> heard, Func<LiveChange, bool> match, int expected)
    {
        for (var waited = 0; heard.Count(match) < expected && waited < 5000; waited += 20)
        {
            await Task.Delay(20);
        }
        await Task.Delay(100);
        return [.. heard.Where(match)];
    }
}
