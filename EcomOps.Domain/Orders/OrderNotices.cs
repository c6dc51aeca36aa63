using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Orders;

/// <summary>Sends one outbox message to the customer (SMS gateway, platform message API, e-mail...).</summary>
public interface INotificationSender
{
    /// <summary>Delivers the message; throws when it could not, and the outbox tries again on its next run.</summary>
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>
/// The default sender: no gateway is configured, so delivery is recorded locally (the message is marked delivered
/// and stays readable on the order). A real gateway replaces it by registering another <see cref="INotificationSender"/>.
/// </summary>
public sealed class LocalNotificationSender : INotificationSender
{
    public Task SendAsync(OutboxMessage message, CancellationToken ct) => Task.CompletedTask;
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

/// <summary>Sends what the outbox holds, oldest first; a message that fails is tried again on later runs, up to a limit.</summary>
public sealed class OrderOutbox(IDbContextFactory<OpsDb> dbFactory, INotificationSender sender, TimeProvider clock)
{
    public const int MaxAttempts = 5;

    public async Task<int> DeliverPendingAsync(int max = 500, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.OutboxMessages.Where(m => m.Status == DeliveryStatus.Pending).OrderBy(m => m.Id).Take(max).ToListAsync(ct);
        foreach (var message in pending)
        {
            message.Attempts++;
            try
            {
                await sender.SendAsync(message, ct);
                message.Status = DeliveryStatus.Delivered;
                message.DeliveredAtUtc = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.LastError = e.Message.Length > 400 ? e.Message[..400] : e.Message;
                if (message.Attempts >= MaxAttempts)
                {
                    message.Status = DeliveryStatus.Failed;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return pending.Count(m => m.Status == DeliveryStatus.Delivered);
    }

}
