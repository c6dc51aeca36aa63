using EcomOps.Domain.Data;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service.Mail;

/// <summary>Why a mailbox's IDLE watch ended.</summary>
public enum MailIdleEnd
{
    /// <summary>Shutting down (or the watch was stopped): nothing to do.</summary>
    Stopped,

    /// <summary>The server does not offer IDLE: the minute's poll alone reads this mailbox.</summary>
    NotSupported,

    /// <summary>The mailbox is gone or no longer active.</summary>
    Inactive,
}

/// <summary>
/// IMAP IDLE for one mailbox (RFC 2177): holds a connection on the mailbox's folder and, when the server announces new
/// mail, has the mailbox fetched through <see cref="MailFetcher"/> — the same exactly-once path as the minute's poll,
/// which keeps running whatever happens here (a server without IDLE, a dropped connection). The idle command is renewed
/// every few minutes, well inside the 29 minutes after which servers may drop an idle client.
/// </summary>
public sealed class MailIdle(IDbContextFactory<OpsDb> dbFactory, MailConnections connections, MailFetcher fetcher)
{
    /// <summary>How long one IDLE command lasts before it is renewed.</summary>
    public static readonly TimeSpan Renew = TimeSpan.FromMinutes(9);

    /// <summary>Whether a server's capabilities let the console wait for new mail instead of only polling for it.</summary>
    public static bool Supported(ImapCapabilities capabilities) => capabilities.HasFlag(ImapCapabilities.Idle);

    /// <summary>The pause before reconnecting after the <paramref name="failures"/>-th failure in a row: 5 s doubling to 5 minutes.</summary>
    public static TimeSpan BackOff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, Math.Clamp(failures - 1, 0, 10))));

    /// <summary>
    /// Watches one mailbox until <paramref name="ct"/> ends, the server turns out not to support IDLE, or the mailbox is no
    /// longer active. Connection failures throw (the caller reconnects after <see cref="BackOff"/>).
    /// </summary>
    /// <param name="fetched">Told after each fetch that new mail started (tests and logs).</param>
    public async Task<MailIdleEnd> WatchAsync(int mailboxId, Action<MailFetchResult>? fetched = null, CancellationToken ct = default)
    {
        Mailbox? mailbox;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            mailbox = await db.Set<Mailbox>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == mailboxId && m.Active, ct);
        }
        if (mailbox is null)
        {
            return MailIdleEnd.Inactive;
        }
        using var imap = await connections.OpenImapAsync(mailbox, ct);
        if (!Supported(imap.Capabilities))
        {
            await imap.DisconnectAsync(true, CancellationToken.None);
            return MailIdleEnd.NotSupported;
        }
        // The connection waits minutes for the server between renewals: its read timeout must outlast one IDLE.
        imap.Timeout = (int)(Renew + MailConnections.Timeout).TotalMilliseconds;
        var folder = string.Equals(mailbox.Folder, "INBOX", StringComparison.OrdinalIgnoreCase)
            ? imap.Inbox : await imap.GetFolderAsync(mailbox.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadOnly, ct);

        // A fetch first: what arrived while nobody was watching.
        fetched?.Invoke(await fetcher.FetchAsync(mailboxId, ct));
        using var arrived = new SemaphoreSlim(0);
        CancellationTokenSource? done = null;
        folder.CountChanged += (_, _) =>
        {
            arrived.Release();
            // Ends the IDLE at once so the fetch runs now, not at the next renewal.
            done?.Cancel();
        };
        while (!ct.IsCancellationRequested)
        {
            using (done = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                done.CancelAfter(Renew);
                if (arrived.CurrentCount == 0)
                {
                    try
                    {
                        await imap.IdleAsync(done.Token, ct);
                    }
                    catch (OperationCanceledException) when (ct.IsCancellationRequested)
                    {
                        return MailIdleEnd.Stopped;
                    }
                }
            }
            done = null;
            if (arrived.CurrentCount > 0)
            {
                while (arrived.CurrentCount > 0)
                {
                    await arrived.WaitAsync(ct);
                }
                fetched?.Invoke(await fetcher.FetchAsync(mailboxId, ct));
            }
            // Keeps the folder's count current (and the connection proven) before idling again.
            await imap.NoOpAsync(ct);
        }
        return MailIdleEnd.Stopped;
    }
}
