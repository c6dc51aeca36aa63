using System.Security.Cryptography;
using EcomOps.Domain.Data;
using EcomOps.Domain.Service.Sla;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace EcomOps.Domain.Service.Mail;

/// <summary>Where one message went.</summary>
/// <param name="AlreadyProcessed">The message had been recorded before (a restart, or another fetch at the same time): nothing was written.</param>
public sealed record MailFiled(MailOutcome Outcome, int? TicketId, bool AlreadyProcessed);

/// <summary>
/// Files one message read from a mailbox into the ticket queue, through the same <see cref="TicketDesk"/> path as every
/// outside message (a new e-mail ticket, or a customer message on the ticket it answers, which re-opens a pending or
/// solved one and restarts its clock). Noise never opens a ticket: auto-replies, bounces, the console's own messages,
/// a sender over the rate limit. A message that cannot be read is recorded with the reason and its original.
/// The record is saved in the same transaction as the ticket change; its unique indexes make each message count once.
/// </summary>
public sealed class MailIntake(IDbContextFactory<OpsDb> dbFactory, TicketDesk desk, MailSettings settings, TimeProvider clock)
{
    public async Task<MailFiled> FileAsync(Mailbox mailbox, long uidValidity, long uid, byte[] raw, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var filed = await FileOnceAsync(mailbox, uidValidity, uid, raw, ct);
            // A unique index refused the save. Usually this very message was recorded first by another fetch; rarely
            // another message stored the same attachment bytes at the same moment, and this one is filed again.
            if (!filed.AlreadyProcessed || attempt == 3 || await RecordedAsync(mailbox.Id, uidValidity, uid, raw, ct))
            {
                return filed;
            }
        }
    }

    private async Task<bool> RecordedAsync(int mailboxId, long uidValidity, long uid, byte[] raw, CancellationToken ct)
    {
        string? messageId = null;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            messageId = MailRules.Bare((await MimeMessage.LoadAsync(stream, ct)).MessageId);
        }
        catch (FormatException)
        {
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<MailRecord>().AnyAsync(r => r.MailboxId == mailboxId
            && ((r.UidValidity == uidValidity && r.Uid == uid) || (messageId != null && r.MessageId == messageId)), ct);
    }

    private async Task<MailFiled> FileOnceAsync(Mailbox mailbox, long uidValidity, long uid, byte[] raw, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var uidId = $"uid-{uidValidity}-{uid}@{mailbox.Address}";
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = await MimeMessage.LoadAsync(stream, ct);
            if (message.Headers.Count == 0)
            {
                throw new FormatException("no headers");
            }
        }
        catch (FormatException)
        {
            return await RecordOnlyAsync(mailbox, Bare(null, uidId), uidValidity, uid, raw, now, MailOutcome.Unreadable, null, MailErrors.NotAMessage, ct);
        }
        var messageId = Bare(message.MessageId, uidId);
        var from = message.From.Mailboxes.FirstOrDefault();
        if (from is null || string.IsNullOrWhiteSpace(from.Address) || !from.Address.Contains('@'))
        {
            return await RecordOnlyAsync(mailbox, messageId, uidValidity, uid, raw, now, MailOutcome.Unreadable, message, MailErrors.NoSender, ct);
        }
        var kind = MailRules.Classify(message);
        if (kind != MailKind.Customer)
        {
            return await RecordOnlyAsync(mailbox, messageId, uidValidity, uid, raw, now, kind == MailKind.Bounce ? MailOutcome.Bounce : MailOutcome.AutoReply, message, null, ct);
        }
        var sender = from.Address.Trim().ToLowerInvariant();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Set<MailOutgoing>().AnyAsync(o => o.MessageId == messageId, ct)
                || string.Equals(sender, mailbox.Address, StringComparison.OrdinalIgnoreCase))
            {
                return await RecordOnlyAsync(mailbox, messageId, uidValidity, uid, raw, now, MailOutcome.Own, message, null, ct);
            }
            var hourAgo = now.AddHours(-1);
            var recent = await db.Set<MailRecord>().CountAsync(r => r.FromAddress == sender && r.ReceivedAtUtc >= hourAgo
                && (r.Outcome == MailOutcome.NewTicket || r.Outcome == MailOutcome.Joined), ct);
            if (recent >= settings.MaxPerSenderPerHour)
            {
                return await RecordOnlyAsync(mailbox, messageId, uidValidity, uid, raw, now, MailOutcome.Throttled, message, null, ct);
            }
        }

        var text = MailRules.EntryText(MailRules.TextOf(message), message.Subject);
        var ticketId = await ThreadOfAsync(message, sender, ct);
        var actor = new Actor(null, $"mail:{mailbox.Address}");
        try
        {
            if (ticketId is { } existing)
            {
                var added = await desk.AddCustomerMessageAsync(actor, existing, text, ct,
                    (db, ticket, entry) => AddRecordAsync(db, mailbox, messageId, uidValidity, uid, raw, now, MailOutcome.Joined, message, ticket, entry, ct));
                if (added.Succeeded)
                {
                    return new MailFiled(MailOutcome.Joined, existing, false);
                }
            }
            var created = await desk.CreateAsync(actor, TicketFormOf(message, from, sender, text), ct, (db, ticket, entry) => AddRecordAsync(db, mailbox, messageId, uidValidity, uid, raw, now, MailOutcome.NewTicket, message, ticket, entry, ct));
            if (created.Succeeded)
            {
                return new MailFiled(MailOutcome.NewTicket, created.Value, false);
            }
            return await RecordOnlyAsync(mailbox, messageId, uidValidity, uid, raw, now, MailOutcome.Unreadable, message, created.Errors[0].Code, ct);
        }
        catch (DbUpdateException e) when (IsDuplicate(e))
        {
            return new MailFiled(MailOutcome.NewTicket, null, AlreadyProcessed: true);
        }
    }

    /// <summary>A plain new customer message read and checked before its batch is saved.</summary>
    private sealed record Plain(long Uid, byte[] Raw, MimeMessage Message, MailboxAddress From, string Sender, string MessageId);

    /// <summary>
    /// Files a fetch's batch in UID order, with the same outcome as <see cref="FileAsync"/> for each message. Plain new
    /// customer mail (no thread headers, no ticket tag: it can only open a ticket) is gathered and saved as new tickets in
    /// one save, since a save per message costs more than reading it; any other message first has what was gathered
    /// saved, then is filed alone, so a message answering one just before it still finds that ticket. A gathered save
    /// that a unique index refuses (another fetch filed some of these at the same moment) is filed again message by
    /// message, where each one already recorded is recognised.
    /// </summary>
    public async Task<IReadOnlyList<MailFiled>> FileManyAsync(Mailbox mailbox, long uidValidity, IReadOnlyList<(long Uid, byte[] Raw)> messages, CancellationToken ct = default)
    {
        var results = new List<MailFiled>();
        var gathered = new List<Plain>();
        foreach (var (uid, raw) in messages)
        {
            if (PlainNew(mailbox, uidValidity, uid, raw) is { } plain)
            {
                gathered.Add(plain);
                continue;
            }
            results.AddRange(await FileGatheredAsync(mailbox, uidValidity, gathered, ct));
            gathered.Clear();
            results.Add(await FileAsync(mailbox, uidValidity, uid, raw, ct));
        }
        results.AddRange(await FileGatheredAsync(mailbox, uidValidity, gathered, ct));
        return results;
    }

    private static Plain? PlainNew(Mailbox mailbox, long uidValidity, long uid, byte[] raw)
    {
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = MimeMessage.Load(stream);
        }
        catch (FormatException)
        {
            return null;
        }
        var from = message.From.Mailboxes.FirstOrDefault();
        if (message.Headers.Count == 0 || from is null || string.IsNullOrWhiteSpace(from.Address) || !from.Address.Contains('@')
            || MailRules.Classify(message) != MailKind.Customer || MailRules.Answers(message).Count > 0 || MailRules.TaggedTicket(message.Subject) is not null)
        {
            return null;
        }
        var sender = from.Address.Trim().ToLowerInvariant();
        return string.Equals(sender, mailbox.Address, StringComparison.OrdinalIgnoreCase) ? null
            : new Plain(uid, raw, message, from, sender, Bare(message.MessageId, $"uid-{uidValidity}-{uid}@{mailbox.Address}"));
    }

    private async Task<IReadOnlyList<MailFiled>> FileGatheredAsync(Mailbox mailbox, long uidValidity, List<Plain> gathered, CancellationToken ct)
    {
        if (gathered.Count == 0)
        {
            return [];
        }
        var now = clock.GetUtcNow().UtcDateTime;
        HashSet<string> own;
        Dictionary<string, int> recent;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var ids = gathered.Select(g => g.MessageId).ToList();
            own = [.. await db.Set<MailOutgoing>().Where(o => ids.Contains(o.MessageId)).Select(o => o.MessageId).ToListAsync(ct)];
            var senders = gathered.Select(g => g.Sender).Distinct().ToList();
            var hourAgo = now.AddHours(-1);
            recent = await db.Set<MailRecord>()
                .Where(r => senders.Contains(r.FromAddress!) && r.ReceivedAtUtc >= hourAgo && (r.Outcome == MailOutcome.NewTicket || r.Outcome == MailOutcome.Joined))
                .GroupBy(r => r.FromAddress!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        }
        // The console's own messages and senders at their limit are recorded alone, after the batch (which counts towards the limit).
        var (batch, alone) = (new List<Plain>(), new List<Plain>());
        foreach (var plain in gathered)
        {
            var count = recent.GetValueOrDefault(plain.Sender);
            if (own.Contains(plain.MessageId) || count >= settings.MaxPerSenderPerHour)
            {
                alone.Add(plain);
                continue;
            }
            recent[plain.Sender] = count + 1;
            batch.Add(plain);
        }
        var results = new List<MailFiled>();
        var saved = false;
        if (batch.Count > 0)
        {
            var actor = new Actor(null, $"mail:{mailbox.Address}");
            var items = batch.Select(p => (TicketFormOf(p.Message, p.From, p.Sender, MailRules.EntryText(MailRules.TextOf(p.Message), p.Message.Subject)),
                (Func<OpsDb, Ticket, TicketEntry, Task>)((db, ticket, entry) =>
                    AddRecordAsync(db, mailbox, p.MessageId, uidValidity, p.Uid, p.Raw, now, MailOutcome.NewTicket, p.Message, ticket, entry, ct)))).ToList();
            try
            {
                var created = await desk.CreateManyAsync(actor, items, ct);
                if (created.Succeeded)
                {
                    results.AddRange(created.Value!.Select(id => new MailFiled(MailOutcome.NewTicket, id, false)));
                    saved = true;
                }
            }
            catch (DbUpdateException e) when (IsDuplicate(e))
            {
            }
        }
        foreach (var plain in saved ? alone : batch.Concat(alone))
        {
            results.Add(await FileAsync(mailbox, uidValidity, plain.Uid, plain.Raw, ct));
        }
        return results;
    }

    private static TicketForm TicketFormOf(MimeMessage message, MailboxAddress from, string sender, string text)
    {
        var name = string.IsNullOrWhiteSpace(from.Name) ? sender : from.Name.Trim();
        return new TicketForm
        {
            Channel = TicketChannel.Email,
            CustomerName = name.Length > TicketRules.MaxNameLength ? name[..TicketRules.MaxNameLength] : name,
            CustomerContact = sender,
            Subject = SubjectOf(message.Subject, text),
            Category = TicketCategories.Other,
            Message = text,
        };
    }

    private static string SubjectOf(string? subject, string text)
    {
        var plain = string.IsNullOrWhiteSpace(subject) ? PlatformInbox.SubjectOf(text) : subject.Trim();
        if (string.IsNullOrWhiteSpace(plain))
        {
            plain = "(no subject · 无主题)";
        }
        return plain.Length <= TicketRules.MaxSubjectLength ? plain : plain[..(TicketRules.MaxSubjectLength - 1)] + "…";
    }

    /// <summary>
    /// The open ticket a message answers: one whose received or sent Message-IDs it names (In-Reply-To, then
    /// References), else the ticket its subject's tag names when the sender is that ticket's customer. A forged tag
    /// from another sender, a closed ticket, or none of these: null (a new ticket).
    /// </summary>
    private async Task<int?> ThreadOfAsync(MimeMessage message, string sender, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var answers = MailRules.Answers(message);
        int? found = null;
        if (answers.Count > 0)
        {
            var received = await db.Set<MailRecord>().AsNoTracking().Where(r => answers.Contains(r.MessageId) && r.TicketId != null)
                .Select(r => new { r.MessageId, r.TicketId }).ToListAsync(ct);
            var sent = await db.Set<MailOutgoing>().AsNoTracking().Where(o => answers.Contains(o.MessageId))
                .Select(o => new { o.MessageId, TicketId = (int?)o.TicketId }).ToListAsync(ct);
            var known = received.Concat(sent).ToDictionary(k => k.MessageId, k => k.TicketId);
            found = answers.Select(id => known.GetValueOrDefault(id)).FirstOrDefault(t => t is not null);
        }
        if (found is null && MailRules.TaggedTicket(message.Subject) is { } tagged)
        {
            var contact = await db.Tickets.AsNoTracking().Where(t => t.Id == tagged).Select(t => t.CustomerContact).FirstOrDefaultAsync(ct);
            found = string.Equals(contact, sender, StringComparison.OrdinalIgnoreCase) ? tagged : null;
        }
        return found is { } id && await TicketMerges.LatestAsync(db, id, ct) is { Status: not TicketStatus.Closed } latest ? latest.Id : null;
    }

    private async Task<MailFiled> RecordOnlyAsync(Mailbox mailbox, string messageId, long uidValidity, long uid, byte[] raw, DateTime now,
        MailOutcome outcome, MimeMessage? message, string? reason, CancellationToken ct)
    {
        try
        {
            await WriteRetry.RunOrThrowAsync(async () =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var record = await AddRecordAsync(db, mailbox, messageId, uidValidity, uid, raw, now, outcome, message, null, null, ct);
                record.Reason = reason;
                await db.SaveChangesAsync(ct);
                return record.Id;
            }, ct);
        }
        catch (DbUpdateException e) when (IsDuplicate(e))
        {
            return new MailFiled(outcome, null, AlreadyProcessed: true);
        }
        return new MailFiled(outcome, null, false);
    }

    private async Task<MailRecord> AddRecordAsync(OpsDb db, Mailbox mailbox, string messageId, long uidValidity, long uid, byte[] raw, DateTime now,
        MailOutcome outcome, MimeMessage? message, Ticket? ticket, TicketEntry? entry, CancellationToken ct)
    {
        var from = message?.From.Mailboxes.FirstOrDefault();
        var record = new MailRecord
        {
            MailboxId = mailbox.Id,
            MessageId = messageId,
            UidValidity = uidValidity,
            Uid = uid,
            Outcome = outcome,
            FromAddress = Cut(from?.Address?.Trim().ToLowerInvariant(), Mailbox.MaxAddressLength),
            FromName = Cut(from?.Name, TicketRules.MaxNameLength),
            Subject = Cut(message?.Subject, TicketRules.MaxSubjectLength),
            TicketEntry = entry,
            Size = raw.LongLength,
            ReceivedAtUtc = now,
        };
        if (ticket is not null)
        {
            // A new ticket gets its id on save: the record follows it there.
            record.Ticket = ticket;
        }
        if (raw.LongLength <= settings.MaxOriginalBytes)
        {
            record.OriginalHash = await StoreAsync(db, raw, ct);
        }
        foreach (var part in message?.Attachments.OfType<MimePart>() ?? [])
        {
            using var content = new MemoryStream();
            if (part.Content is { } body)
            {
                await body.DecodeToAsync(content, ct);
            }
            var name = Cut(string.IsNullOrWhiteSpace(part.FileName) ? "attachment" : part.FileName.Trim(), MailAttachment.MaxFileNameLength)!;
            record.Attachments.Add(new MailAttachment
            {
                FileName = name,
                ContentType = Cut(part.ContentType.MimeType, 100)!,
                Size = content.Length,
                Hash = content.Length <= settings.MaxAttachmentBytes ? await StoreAsync(db, content.ToArray(), ct) : null,
            });
        }
        db.Set<MailRecord>().Add(record);
        if (ticket is not null && record.Attachments.Any(a => a.Hash is null))
        {
            var over = string.Join(", ", record.Attachments.Where(a => a.Hash is null).Select(a => $"{a.FileName} ({a.Size / 1024.0 / 1024.0:0.0} MB)"));
            var limit = settings.MaxAttachmentBytes / 1024.0 / 1024.0;
            ticket.Entries.Add(new TicketEntry
            {
                Kind = ThreadEntryKind.InternalNote,
                Body = $"Attachment not kept, over the {limit:0.#} MB limit: {over} · 附件超过 {limit:0.#} MB 上限，未保存：{over}",
                AuthorName = "mail",
                AtUtc = now,
            });
        }
        return record;
    }

    private static async Task<string> StoreAsync(OpsDb db, byte[] bytes, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (db.Set<MailFile>().Local.All(f => f.Hash != hash) && !await db.Set<MailFile>().AnyAsync(f => f.Hash == hash, ct))
        {
            db.Set<MailFile>().Add(new MailFile { Hash = hash, Content = bytes });
        }
        return hash;
    }

    private static string Bare(string? messageId, string fallback) => MailRules.Bare(messageId) ?? fallback;

    private static string? Cut(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];

    /// <summary>A unique index said no: this message (or these bytes) was recorded by another fetch first.</summary>
    internal static bool IsDuplicate(DbUpdateException e) => WriteRetry.IsUniqueViolation(e);
}
