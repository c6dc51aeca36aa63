using System.Threading.Channels;
using EcomOps.Domain.Service;

namespace EcomOps.Console.Jobs;

/// <summary>
/// Every minute, the safety net behind <see cref="SlaDeadlineScheduler"/>: recomputes tickets whose warning or
/// deadline has come (after a restart, say). Breaches are recorded once, so running it twice changes nothing more.
/// </summary>
public sealed class SlaSweepJob(TicketDesk desk, SlaSettingsDesk settings)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        // Another server may have saved new SLA rules: take them first, then recompute everything they moved.
        if (await settings.SyncAsync(ct))
        {
            return (await desk.RecomputeOpenAsync(ct)).Recomputed;
        }
        return await desk.RefreshDueSlasAsync(ct);
    }
}

/// <summary>
/// Fires the SLA refresh at the exact instant the next ticket reaches a warning or a deadline, so a breach shows on
/// the boards within moments of the deadline. Any change on the tickets board may bring an earlier instant, so it
/// re-plans then. SLA rules saved on another server of the cluster (or possibly missed while the channel between
/// servers was down) are taken at once, not at the next minute's sweep.
/// </summary>
public sealed class SlaDeadlineScheduler(TicketDesk desk, SlaSettingsDesk settings, Domain.Live.LiveFeed feed, TimeProvider clock, ILogger<SlaDeadlineScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1);
    // A wake-up that coalesces: however many ticket changes arrive, at once or from several threads, before the loop looks
    // again, it re-plans once. (A semaphore of one, checked then released, threw when two changes passed the check together.)
    private readonly Channel<bool> _replan = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe(async change =>
        {
            if (change.Entity == nameof(SlaSettingsRecord) || change.IsResync)
            {
                // The saving server swapped its rules already; this takes them here (and does nothing when they are the same).
                await settings.SyncAsync(stoppingToken);
            }
            if (change.Entity == nameof(Ticket) || change.IsResync)
            {
                _replan.Writer.TryWrite(true);
            }
        }, Domain.Live.Boards.Tickets);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var next = await desk.NextSlaCheckAsync(stoppingToken);
                var wait = next is { } at ? at - clock.GetUtcNow().UtcDateTime : LongestSleep;
                if (wait > TimeSpan.Zero)
                {
                    using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    var sleep = Task.Delay(wait < LongestSleep ? wait : LongestSleep, clock, wake.Token);
                    await Task.WhenAny(sleep, _replan.Reader.ReadAsync(wake.Token).AsTask());
                    await wake.CancelAsync();
                    continue;
                }
                await desk.RefreshDueSlasAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "SLA refresh failed; retrying in a minute");
                await Task.Delay(LongestSleep, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
