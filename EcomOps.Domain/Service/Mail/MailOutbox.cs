using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace EcomOps.Domain.Service.Mail;

/// <summary>Agent replies on e-mail tickets, queued in the reply's own transaction.</summary>
public static class MailReplies
{
    /// <summary>
    /// Queues the reply's e-mail: to the ticket's customer, from the mailbox the customer last wrote to (else the first
    /// active one), answering the customer's last message (<c>In-Reply-To</c>, <c>References</c>), with the ticket's
    /// tag in the subject. Nothing is queued when no mailbox is configured: the entry then says it was not sent.
    /// </summary>
    public static async Task QueueAsync(OpsDb db, Ticket ticket, TicketEntry reply, DateTime now, CancellationToken ct)
    {
        var received = await db.Set<MailRecord>().AsNoTracking().Where(r => r.TicketId == ticket.Id && r.TicketEntryId != null)
            .OrderByDescending(r => r.Id).Select(r => new { r.MailboxId, r.MessageId, r.Subject }).Take(20).ToListAsync(ct);
        var mailboxId = received.Count > 0
            ? received[0].MailboxId
            : await db.Set<Mailbox>().Where(m => m.Active).OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
        if (mailboxId is not { } box || !ticket.CustomerContact.Contains('@'))
        {
            return;
        }
        var address = await db.Set<Mailbox>().Where(m => m.Id == box).Select(m => m.Address).SingleAsync(ct);
        var domain = address[(address.IndexOf('@') + 1)..];
        var sent = await db.Set<MailOutgoing>().AsNoTracking().Where(o => o.TicketId == ticket.Id)
            .OrderByDescending(o => o.Id).Select(o => o.MessageId).Take(10).ToListAsync(ct);
        var references = received.Select(r => r.MessageId).Concat(sent).Reverse().TakeLast(10).Select(id => $"<{id}>");
        db.Set<MailOutgoing>().Add(new MailOutgoing
        {
            MailboxId = box,
            TicketId = ticket.Id,
            TicketEntry = reply,
            ToAddress = ticket.CustomerContact,
            ToName = ticket.CustomerName,
            Subject = MailRules.ReplySubject(received.FirstOrDefault()?.Subject ?? ticket.Subject, ticket.Id),
            MessageId = $"{Guid.NewGuid():N}.{ticket.Number}@{domain}",
            InReplyTo = received.FirstOrDefault()?.MessageId,
            References = string.Join(' ', references),
            Body = reply.Body,
            Language = ticket.CustomerLanguage,
            Status = MailSendStatus.Pending,
            NextAttemptUtc = now,
            CreatedAtUtc = now,
        });
    }

    /// <summary>The line under each reply, in the ticket's language, that keeps the customer's answer on the ticket.</summary>
    public static string Footer(string language, int ticketId) => language == "en"
        ? $"Please reply to this e-mail or keep {MailRules.Tag(ticketId)} in the subject."
        : $"回复时请直接回复本邮件，或在主题中保留 {MailRules.Tag(ticketId)}。";
}

/// <summary>The send state of one reply, as the ticket entry shows it.</summary>
public sealed record MailSendState(long EntryId, MailSendStatus Status, int Attempts, DateTime NextAttemptUtc, string? LastError, DateTime? SentAtUtc);

/// <summary>
/// Sends the queued replies through the mailbox's SMTP server. Each is claimed (Pending → Sending, with a lease) by one
/// conditional update, and marked sent only once the server accepted it; a refusal is retried with growing pauses
/// (1, 2, 4 … minutes, at most an hour) up to <see cref="MailOutgoing.MaxAttempts"/> attempts, the reason kept for the entry.
/// </summary>
public sealed class MailOutbox(IDbContextFactory<OpsDb> dbFactory, MailConnections connections, Live.LiveFeed feed, TimeProvider clock)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    public async Task<int> SendDueAsync(int max = 200, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.Set<MailOutgoing>().AsNoTracking()
                .Where(o => (o.Status == MailSendStatus.Pending && o.NextAttemptUtc <= now) || (o.Status == MailSendStatus.Sending && o.ClaimedUntilUtc < now))
                .OrderBy(o => o.Id).Select(o => o.Id).Take(max).ToListAsync(ct);
        }
        var sent = 0;
        foreach (var id in due)
        {
            sent += await SendOneAsync(id, ct) ? 1 : 0;
        }
        return sent;
    }

    private async Task<bool> SendOneAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var claimedAt = clock.GetUtcNow().UtcDateTime;
        var claimed = await WriteRetry.RunOrThrowAsync(() => db.Set<MailOutgoing>()
            .Where(o => o.Id == id && ((o.Status == MailSendStatus.Pending && o.NextAttemptUtc <= claimedAt) || (o.Status == MailSendStatus.Sending && o.ClaimedUntilUtc < claimedAt)))
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, MailSendStatus.Sending)
                .SetProperty(o => o.ClaimedUntilUtc, claimedAt + Lease)
                .SetProperty(o => o.Attempts, o => o.Attempts + 1), ct), ct);
        if (claimed != 1)
        {
            return false; // another run has it
        }
        var outgoing = await db.Set<MailOutgoing>().AsNoTracking().SingleAsync(o => o.Id == id, ct);
        var mailbox = await db.Set<Mailbox>().AsNoTracking().SingleAsync(m => m.Id == outgoing.MailboxId, ct);
        string? error = null;
        try
        {
            using var smtp = await connections.OpenSmtpAsync(mailbox, ct);
            await smtp.SendAsync(Compose(mailbox, outgoing), ct);
            await smtp.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = MailConnections.Describe(e).Detail;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var status = error is null ? MailSendStatus.Sent : outgoing.Attempts >= MailOutgoing.MaxAttempts ? MailSendStatus.Failed : MailSendStatus.Pending;
        await WriteRetry.RunOrThrowAsync(() => db.Set<MailOutgoing>().Where(o => o.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(o => o.Status, status)
            .SetProperty(o => o.SentAtUtc, error is null ? now : null)
            .SetProperty(o => o.LastError, error)
            .SetProperty(o => o.NextAttemptUtc, now + BackOff(outgoing.Attempts))
            .SetProperty(o => o.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None), CancellationToken.None);
        // The ticket page shows the reply's send state: it reloads on this (the ticket itself did not change).
        feed.Publish(new Live.LiveChange(Live.Boards.Tickets, nameof(MailOutgoing), outgoing.TicketId.ToString(System.Globalization.CultureInfo.InvariantCulture), Live.LiveChangeKind.Updated, now));
        return error is null;
    }

    public static MimeMessage Compose(Mailbox mailbox, MailOutgoing outgoing)
    {
        var message = new MimeMessage { Subject = outgoing.Subject, MessageId = outgoing.MessageId };
        message.From.Add(new MailboxAddress(mailbox.Name, mailbox.Address));
        message.To.Add(new MailboxAddress(outgoing.ToName ?? "", outgoing.ToAddress));
        if (outgoing.InReplyTo is { } inReplyTo)
        {
            message.InReplyTo = inReplyTo;
        }
        foreach (var reference in (outgoing.References ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            message.References.Add(reference.Trim('<', '>'));
        }
        // A reply a person wrote: the customer's own helpdesk or auto-responder must not take it for an automatic message.
        message.Headers.Add("Auto-Submitted", "no");
        message.Headers.Add("Content-Language", outgoing.Language);
        var ticketId = outgoing.TicketId;
        message.Body = new TextPart("plain") { Text = $"{outgoing.Body}\n\n-- \n{MailReplies.Footer(outgoing.Language, ticketId)}" };
        return message;
    }

    /// <summary>The send state of each e-mailed reply of a ticket, by entry.</summary>
    public async Task<IReadOnlyDictionary<long, MailSendState>> StatesAsync(int ticketId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<MailOutgoing>().AsNoTracking().Where(o => o.TicketId == ticketId)
            .Select(o => new MailSendState(o.TicketEntryId, o.Status, o.Attempts, o.NextAttemptUtc, o.LastError, o.SentAtUtc))
            .ToDictionaryAsync(s => s.EntryId, ct);
    }
}
