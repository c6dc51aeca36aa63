using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Orders;

/// <summary>Sends one outbox message to the customer (SMS gateway, platform message API, e-mail...).</summary>
public interface INotificationSender
{
    /// <summary>Delivers the message; throws when it could not, and the outbox tries again on its next run.</summary>
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>The customer messages of an order's steps, written in the customer's language.</summary>
public static class OrderNotices
{
    public static OutboxMessage Compose(Order order, NotificationKind kind, DateTime nowUtc, string? carrier = null, string? tracking = null)
    {
        var english = order.CustomerLanguage == "en";
        var number = order.PlatformOrderId;
        var text = (kind, english) switch
        {
            (NotificationKind.Accepted, false) => $"【EcomOps】您的订单 {number} 已确认，我们正在为您备货。",
            (NotificationKind.Accepted, true) => $"[EcomOps] Your order {number} is confirmed and being prepared.",
            (NotificationKind.Shipped, false) => $"【EcomOps】您的订单 {number} 已发货，{carrier} 运单号 {tracking}。",
            (NotificationKind.Shipped, true) => $"[EcomOps] Your order {number} has shipped with {carrier}, tracking number {tracking}.",
            (NotificationKind.Delayed, false) => $"【EcomOps】抱歉，您的订单 {number} 发货将有延迟，我们会尽快发出。",
            (NotificationKind.Delayed, true) => $"[EcomOps] Sorry, your order {number} will ship later than promised; we are on it.",
            (NotificationKind.Cancelled, false) => $"【EcomOps】您的订单 {number} 已取消。如已付款，款项将原路退回。",
            _ => $"[EcomOps] Your order {number} has been cancelled. Any payment will be refunded to you.",
        };
        return new OutboxMessage
        {
            OrderId = order.Id,
            Kind = kind,
            Language = english ? "en" : "zh-Hans",
            Recipient = order.CustomerPhone,
            Text = text,
            Status = DeliveryStatus.Pending,
            CreatedAtUtc = nowUtc,
        };
    }
}

/// <summary>
/// Sends what the outbox holds, oldest first; a message that fails is tried again on later runs, up to a limit.
/// Each message is claimed (Pending → Sending, with a lease) by one conditional update before it is sent, and its
/// outcome is saved as soon as it is known: two runs that overlap never send the same message, and a run that dies
/// mid-way loses at most the one message it was sending, which goes out again once the lease lapses.
/// </summary>
public sealed class OrderOutbox(IDbContextFactory<OpsDb> dbFactory, INotificationSender sender, TimeProvider clock)
{
    public const int MaxAttempts = 5;

    /// <summary>How long a claim holds: far longer than one send takes.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public async Task<int> DeliverPendingAsync(int max = 500, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == DeliveryStatus.Pending || (m.Status == DeliveryStatus.Sending && m.ClaimedUntilUtc < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(max).ToListAsync(ct);
        var delivered = 0;
        foreach (var id in candidates)
        {
            var claimedAt = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && (m.Status == DeliveryStatus.Pending || (m.Status == DeliveryStatus.Sending && m.ClaimedUntilUtc < claimedAt)))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.Status, DeliveryStatus.Sending)
                    .SetProperty(m => m.ClaimedUntilUtc, claimedAt + Lease)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            if (claimed != 1)
            {
                continue; // another run has it
            }
            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            string? error = null;
            try
            {
                await sender.SendAsync(message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error = e.Message.Length > 400 ? e.Message[..400] : e.Message;
            }
            var status = error is null ? DeliveryStatus.Delivered : message.Attempts >= MaxAttempts ? DeliveryStatus.Failed : DeliveryStatus.Pending;
            DateTime? deliveredAt = error is null ? clock.GetUtcNow().UtcDateTime : null;
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.DeliveredAtUtc, deliveredAt)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
            delivered += error is null ? 1 : 0;
        }
        return delivered;
    }
}
