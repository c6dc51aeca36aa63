using EcomOps.Domain.Orders;
using Hangfire;

namespace EcomOps.Console.Features.Orders;

/// <summary>
/// Every minute: tells customers whose orders went past their ship-by time (once each), then sends what the outbox
/// holds (order notices and survey links). Both steps can run twice without telling anyone twice: the outbox claims
/// each message before sending it, and one run at a time is the rule on top (a run that finds another still going
/// gives way; the next minute's run picks up what is left).
/// </summary>
public sealed class OrderNoticeJob(OrderDesk desk, OrderOutbox outbox, ILogger<OrderNoticeJob> logger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 30)]
    [AutomaticRetry(Attempts = 0, LogEvents = false, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(CancellationToken ct)
    {
        var late = await desk.NotifyLateAsync(ct);
        var delivered = await outbox.DeliverPendingAsync(ct: ct);
        if (late + delivered > 0)
        {
            logger.LogInformation("Customer notices: {Late} late orders told, {Delivered} messages delivered", late, delivered);
        }
    }
}
