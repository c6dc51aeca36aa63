using EcomOps.Domain.Orders;

namespace EcomOps.Console.Features.Orders;

/// <summary>
/// Every minute: tells customers whose orders went past their ship-by time (once each), then sends what the outbox
/// holds. Both steps can run twice without telling anyone twice.
/// </summary>
public sealed class OrderNoticeJob(OrderDesk desk, OrderOutbox outbox, ILogger<OrderNoticeJob> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var late = await desk.NotifyLateAsync(ct);
        var delivered = await outbox.DeliverPendingAsync(ct: ct);
        if (late + delivered > 0)
        {
            logger.LogInformation("Order notices: {Late} late orders told, {Delivered} messages delivered", late, delivered);
        }
    }
}
