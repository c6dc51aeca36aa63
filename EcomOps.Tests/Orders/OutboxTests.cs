using System.Collections.Concurrent;
using EcomOps.Domain.Data;
using EcomOps.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Tests.Orders;

public sealed class OutboxTests
{
    /// <summary>Counts every send per message, taking a little time as a real gateway does.</summary>
    private sealed class CountingSender(TimeSpan delay, Action<OutboxMessage>? after = null) : INotificationSender
    {
        public ConcurrentDictionary<long, int> Sends { get; } = new();

        public async Task SendAsync(OutboxMessage message, CancellationToken ct)
        {
            await Task.Delay(delay, ct);
            Sends.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
            after?.Invoke(message);
        }
    }

    private static async Task<OrderWorld> WorldWithAcceptedOrdersAsync(int count)
    {
        var world = await OrderWorld.StartAsync();
        for (var i = 0; i < count; i++)
        {
            await world.TakeInAsync(world.Draft($"P-{i}") with { CustomerPhone = $"1381234{i:D4}" });
        }
        return world;
    }

    private OrderOutbox Outbox(OrderWorld world, INotificationSender sender) =>
        new(world.Harness.Get<IDbContextFactory<OpsDb>>(), sender, world.Harness.Clock);

    [Fact]
    public async Task Two_overlapping_outbox_runs_send_each_message_once()
    {
        await using var world = await WorldWithAcceptedOrdersAsync(12);
        var sender = new CountingSender(TimeSpan.FromMilliseconds(15));

        var runs = await Task.WhenAll(
            Task.Run(() => Outbox(world, sender).DeliverPendingAsync()),
            Task.Run(() => Outbox(world, sender).DeliverPendingAsync()));

        Assert.Equal(12, runs.Sum());
        Assert.Equal(12, sender.Sends.Count);
        Assert.All(sender.Sends.Values, n => Assert.Equal(1, n));
        var messages = await world.ReadAsync(db => db.OutboxMessages.ToListAsync());
        Assert.All(messages, m => Assert.Equal((DeliveryStatus.Delivered, 1, (DateTime?)null), (m.Status, m.Attempts, m.ClaimedUntilUtc)));
    }

    [Fact]
    public async Task Each_message_is_marked_delivered_as_soon_as_it_is_sent_so_a_run_stopped_midway_sends_nothing_twice()
    {
        await using var world = await WorldWithAcceptedOrdersAsync(3);
        using var stop = new CancellationTokenSource();
        var first = new CountingSender(TimeSpan.Zero, _ => stop.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Outbox(world, first).DeliverPendingAsync(ct: stop.Token));
        var second = new CountingSender(TimeSpan.Zero);
        await Outbox(world, second).DeliverPendingAsync();

        var sentFirst = Assert.Single(first.Sends).Key;
        Assert.Equal(2, second.Sends.Count);
        Assert.DoesNotContain(sentFirst, second.Sends.Keys);
    }

    [Fact]
    public async Task A_message_claimed_by_a_run_that_died_goes_out_once_its_claim_lapses()
    {
        await using var world = await WorldWithAcceptedOrdersAsync(1);
        var now = world.Harness.Clock.GetUtcNow().UtcDateTime;
        await using (var db = world.Harness.NewDb())
        {
            await db.OutboxMessages.ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, DeliveryStatus.Sending).SetProperty(m => m.ClaimedUntilUtc, now + OrderOutbox.Lease));
        }
        var sender = new CountingSender(TimeSpan.Zero);

        Assert.Equal(0, await Outbox(world, sender).DeliverPendingAsync());
        world.Harness.Clock.Advance(OrderOutbox.Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Outbox(world, sender).DeliverPendingAsync());

        Assert.Equal(1, Assert.Single(sender.Sends).Value);
    }
}
