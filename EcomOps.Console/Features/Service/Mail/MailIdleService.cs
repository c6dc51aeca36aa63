using EcomOps.Domain.Data;
using EcomOps.Domain.Service.Mail;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Console.Features.Service.Mail;

/// <summary>
/// Keeps one IMAP IDLE watch (<see cref="MailIdle"/>) per active mailbox, so new mail is read within seconds instead of
/// at the next minute. The minute's <see cref="MailFetchJob"/> runs regardless: a server without IDLE, a dropped
/// connection (reconnected after a growing pause) or a stopped watch only means mail waits for the poll. Each
/// <see cref="RefreshEvery"/> the list of mailboxes is read again: a new, changed or deactivated mailbox starts, restarts
/// or stops its watch. A server without IDLE is asked again only when its mailbox's settings change. Off with
/// <c>Mail:Idle:Enabled=false</c>.
/// </summary>
public sealed class MailIdleService(IDbContextFactory<OpsDb> dbFactory, MailIdle idle, ILogger<MailIdleService> logger, IConfiguration configuration) : BackgroundService
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    private sealed record Watch(long Version, CancellationTokenSource Stop, Task Running);

    private readonly Dictionary<int, Watch> _watches = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Mail:Idle:Enabled", true))
        {
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RefreshAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Mail IDLE: could not read the mailboxes");
                }
                await Task.Delay(RefreshEvery, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var watch in _watches.Values)
            {
                await watch.Stop.CancelAsync();
            }
            await Task.WhenAll(_watches.Values.Select(w => w.Running));
            foreach (var watch in _watches.Values)
            {
                watch.Stop.Dispose();
            }
            _watches.Clear();
        }
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        Dictionary<int, long> active;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            active = await db.Set<Mailbox>().AsNoTracking().Where(m => m.Active).ToDictionaryAsync(m => m.Id, m => m.Version, ct);
        }
        foreach (var (id, watch) in _watches.ToList())
        {
            if (!active.TryGetValue(id, out var version) || version != watch.Version)
            {
                await watch.Stop.CancelAsync();
                await watch.Running;
                watch.Stop.Dispose();
                _watches.Remove(id);
            }
        }
        foreach (var (id, version) in active)
        {
            if (!_watches.ContainsKey(id))
            {
                var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                _watches[id] = new Watch(version, stop, Task.Run(() => KeepWatchingAsync(id, stop.Token), CancellationToken.None));
            }
        }
    }

    /// <summary>One mailbox's watch, reconnected after failures, until it is stopped or its server cannot IDLE.</summary>
    private async Task KeepWatchingAsync(int mailboxId, CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var end = await idle.WatchAsync(mailboxId, result =>
                {
                    failures = 0;
                    if (result.Filed > 0)
                    {
                        logger.LogInformation("Mailbox {Mailbox}: {Filed} new messages filed on the server's notice", mailboxId, result.Filed);
                    }
                }, ct);
                if (end == MailIdleEnd.NotSupported)
                {
                    logger.LogInformation("Mailbox {Mailbox}: the server does not offer IMAP IDLE; the minute's fetch reads it", mailboxId);
                }
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var pause = MailIdle.BackOff(failures);
                logger.LogWarning("Mailbox {Mailbox}: IMAP IDLE connection lost ({Reason}); reconnecting in {Pause}", mailboxId, e.Message, pause);
                try
                {
                    await Task.Delay(pause, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
