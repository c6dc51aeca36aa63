using EcomOps.Domain.Data;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service.Mail;

/// <summary>What one mailbox's fetch did.</summary>
/// <param name="Error">The reason code when the fetch failed (the mailbox shows it), null when it went through.</param>
public sealed record MailFetchResult(int MailboxId, int Read, int Filed, string? Error);

/// <summary>
/// Reads new messages of the active mailboxes over IMAP (read-only: nothing is deleted or flagged on the server) and
/// files each through <see cref="MailIntake"/>. Where to start is the mailbox's stored UIDVALIDITY and last UID; the
/// position moves on after each downloaded batch is filed (one write for the batch, not one per message), so a restart
/// re-reads at most the batch it was filing, and what of it was filed is recognised as recorded. A mailbox whose server refuses it shows the reason and the others still run.
/// </summary>
public sealed class MailFetcher(IDbContextFactory<OpsDb> dbFactory, MailConnections connections, MailIntake intake, MailSettings settings, TimeProvider clock)
{
    /// <summary>How many messages are downloaded in one IMAP command.</summary>
    public const int Batch = 100;

    public async Task<IReadOnlyList<MailFetchResult>> FetchAllAsync(CancellationToken ct = default)
    {
        List<int> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            ids = await db.Set<Mailbox>().AsNoTracking().Where(m => m.Active).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct);
        }
        var results = new List<MailFetchResult>();
        foreach (var id in ids)
        {
            results.Add(await FetchAsync(id, ct));
        }
        return results;
    }

    public async Task<MailFetchResult> FetchAsync(int mailboxId, CancellationToken ct = default)
    {
        Mailbox? mailbox;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            mailbox = await db.Set<Mailbox>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == mailboxId, ct);
        }
        if (mailbox is null)
        {
            return new MailFetchResult(mailboxId, 0, 0, null);
        }
        var (read, filed) = (0, 0);
        try
        {
            using var imap = await connections.OpenImapAsync(mailbox, ct);
            var folder = string.Equals(mailbox.Folder, "INBOX", StringComparison.OrdinalIgnoreCase)
                ? imap.Inbox : await imap.GetFolderAsync(mailbox.Folder, ct);
            await folder.OpenAsync(FolderAccess.ReadOnly, ct);
            var validity = folder.UidValidity;
            // A new UIDVALIDITY means the server renumbered the folder: read it all again; the Message-ID index keeps
            // what was filed before from being filed twice.
            var last = mailbox.UidValidity == validity ? (uint)mailbox.LastUid : 0u;
            if (folder.Count > 0)
            {
                var summaries = await folder.FetchAsync(new UniqueIdRange(new UniqueId(validity, last + 1), UniqueId.MaxValue), MessageSummaryItems.UniqueId, ct);
                // "n:*" names the last message even when its UID is below n: only UIDs past the last one read count.
                var uids = summaries.Select(s => s.UniqueId).Where(u => u.Id > last).OrderBy(u => u.Id).Take(settings.MaxPerFetch).ToList();
                foreach (var chunk in uids.Chunk(Batch))
                {
                    var downloaded = new SortedDictionary<uint, byte[]>();
                    await ((ImapFolder)folder).GetStreamsAsync(chunk, async (_, _, uid, stream, token) =>
                    {
                        using var copy = new MemoryStream();
                        await stream.CopyToAsync(copy, token);
                        downloaded[uid.Id] = copy.ToArray();
                    }, ct);
                    var outcomes = await intake.FileManyAsync(mailbox, validity, downloaded.Select(d => ((long)d.Key, d.Value)).ToList(), ct);
                    read += outcomes.Count;
                    filed += outcomes.Count(o => !o.AlreadyProcessed);
                    if (downloaded.Count > 0)
                    {
                        await AdvanceAsync(mailbox.Id, validity, downloaded.Keys.Last(), ct);
                    }
                }
            }
            await RecordAsync(mailbox.Id, read, null, null, ct);
            return new MailFetchResult(mailbox.Id, read, filed, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var (code, detail) = MailConnections.Describe(e);
            await RecordAsync(mailbox.Id, read, code, detail, CancellationToken.None);
            return new MailFetchResult(mailbox.Id, read, filed, code);
        }
    }

    private Task AdvanceAsync(int mailboxId, uint validity, uint uid, CancellationToken ct) =>
        WriteRetry.RunOrThrowAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Set<Mailbox>().Where(m => m.Id == mailboxId && (m.UidValidity != validity || m.UidValidity == null || m.LastUid < uid))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.UidValidity, validity).SetProperty(m => m.LastUid, uid), ct);
        }, ct);

    private Task RecordAsync(int mailboxId, int read, string? error, string? detail, CancellationToken ct) =>
        WriteRetry.RunOrThrowAsync(async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Set<Mailbox>().Where(m => m.Id == mailboxId).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.LastFetchAtUtc, now)
                .SetProperty(m => m.LastFetchError, error)
                .SetProperty(m => m.LastFetchDetail, detail)
                .SetProperty(m => m.LastFetchCount, read), ct);
        }, ct);
}
