using System.Net.Mail;
using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace EcomOps.Domain.Service.Mail;

/// <summary>What the supervisor types for a mailbox. An empty password keeps the stored one (it is never shown again).</summary>
public sealed class MailboxForm
{
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public string ImapHost { get; set; } = "";
    public int ImapPort { get; set; } = 993;
    public MailSecurity ImapSecurity { get; set; } = MailSecurity.Tls;
    public string ImapUser { get; set; } = "";
    public string? ImapPassword { get; set; }
    public string Folder { get; set; } = "INBOX";
    public string SmtpHost { get; set; } = "";
    public int SmtpPort { get; set; } = 587;
    public MailSecurity SmtpSecurity { get; set; } = MailSecurity.StartTls;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public bool Active { get; set; } = true;

    public static MailboxForm Of(Mailbox m) => new()
    {
        Name = m.Name, Address = m.Address, ImapHost = m.ImapHost, ImapPort = m.ImapPort, ImapSecurity = m.ImapSecurity, ImapUser = m.ImapUser,
        Folder = m.Folder, SmtpHost = m.SmtpHost, SmtpPort = m.SmtpPort, SmtpSecurity = m.SmtpSecurity, SmtpUser = m.SmtpUser, Active = m.Active,
    };
}

/// <summary>A mailbox as the list shows it (no secrets).</summary>
public sealed record MailboxRow(int Id, string Name, string Address, string ImapHost, int ImapPort, string SmtpHost, int SmtpPort, bool Active,
    DateTime? LastFetchAtUtc, string? LastFetchError, string? LastFetchDetail, int LastFetchCount, long Version);

/// <summary>A message that could not be read, kept with the reason and its original.</summary>
public sealed record UnreadableMail(long Id, string Mailbox, string? FromAddress, string? Subject, string? Reason, long Size, string? OriginalHash, DateTime ReceivedAtUtc);

/// <summary>A sender over the rate limit: how many of their messages were held back, and when the last came.</summary>
public sealed record ThrottledSender(string Address, int Held, DateTime LastAtUtc);

/// <summary>An e-mail a ticket entry came from: sender, subject, attachments, the original.</summary>
public sealed record EntryMail(long EntryId, string? FromName, string? FromAddress, string? Subject, string? OriginalHash, IReadOnlyList<AttachmentRow> Attachments);

public sealed record AttachmentRow(string FileName, string ContentType, long Size, string? Hash);

/// <summary>The result of trying a mailbox's settings: each server's answer.</summary>
public sealed record ConnectionTest(string? ImapError, string? ImapDetail, string? SmtpError, string? SmtpDetail)
{
    public bool Succeeded => ImapError is null && SmtpError is null;
}

/// <summary>
/// The CS supervisor's mailboxes (§4.1.1 e-mail entry): add, change, try the connection; the could-not-read list and the
/// throttled senders. Agents read the e-mail behind their tickets' entries and download attachments.
/// </summary>
public sealed class MailboxDesk(IDbContextFactory<OpsDb> dbFactory, MailSecrets secrets, MailConnections connections)
{
    public async Task<IReadOnlyList<MailboxRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageMailboxes))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Mailbox>().AsNoTracking().OrderBy(m => m.Name)
            .Select(m => new MailboxRow(m.Id, m.Name, m.Address, m.ImapHost, m.ImapPort, m.SmtpHost, m.SmtpPort, m.Active, m.LastFetchAtUtc,
                m.LastFetchError, m.LastFetchDetail, m.LastFetchCount, m.Version))
            .ToListAsync(ct);
    }

    public async Task<MailboxForm?> FormAsync(Actor actor, int id, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageMailboxes))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Mailbox>().AsNoTracking().Where(m => m.Id == id).Select(m => MailboxForm.Of(m)).FirstOrDefaultAsync(ct);
    }

    public static List<FieldError> Check(MailboxForm form, bool isNew)
    {
        var errors = new List<FieldError>();
        void Required(string field, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new(field, "Required"));
            }
            else if (value.Trim().Length > max)
            {
                errors.Add(new(field, "TooLong"));
            }
        }
        Required(nameof(form.Name), form.Name, Mailbox.MaxNameLength);
        Required(nameof(form.Address), form.Address, Mailbox.MaxAddressLength);
        if (!string.IsNullOrWhiteSpace(form.Address) && !MailAddress.TryCreate(form.Address.Trim(), out _))
        {
            errors.Add(new(nameof(form.Address), "EmailFormat"));
        }
        Required(nameof(form.ImapHost), form.ImapHost, Mailbox.MaxHostLength);
        Required(nameof(form.ImapUser), form.ImapUser, Mailbox.MaxAddressLength);
        Required(nameof(form.Folder), form.Folder, Mailbox.MaxNameLength);
        Required(nameof(form.SmtpHost), form.SmtpHost, Mailbox.MaxHostLength);
        if (isNew && string.IsNullOrEmpty(form.ImapPassword))
        {
            errors.Add(new(nameof(form.ImapPassword), "Required"));
        }
        if (form.ImapPort is < 1 or > 65535)
        {
            errors.Add(new(nameof(form.ImapPort), "PortInvalid"));
        }
        if (form.SmtpPort is < 1 or > 65535)
        {
            errors.Add(new(nameof(form.SmtpPort), "PortInvalid"));
        }
        if (form.SmtpUser is { Length: > Mailbox.MaxAddressLength })
        {
            errors.Add(new(nameof(form.SmtpUser), "TooLong"));
        }
        return errors;
    }

    /// <summary>Adds a mailbox (id null) or changes one (its version guards against a colleague's change in between).</summary>
    public async Task<Outcome<int>> SaveAsync(Actor actor, int? id, long version, MailboxForm form, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageMailboxes))
        {
            return Outcome<int>.Invalid([Actor.NotPermitted]);
        }
        var errors = Check(form, id is null);
        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }
        return await WriteRetry.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Actor = actor;
            var address = form.Address.Trim().ToLowerInvariant();
            if (await db.Set<Mailbox>().AnyAsync(m => m.Address == address && m.Id != id, ct))
            {
                return Outcome<int>.Invalid([new FieldError(nameof(form.Address), MailErrors.MailboxAddressTaken)]);
            }
            Mailbox mailbox;
            if (id is { } existing)
            {
                var found = await db.Set<Mailbox>().FirstOrDefaultAsync(m => m.Id == existing, ct);
                if (found is null)
                {
                    return Outcome<int>.NotFound();
                }
                mailbox = found;
                db.Entry(mailbox).Property(m => m.Version).OriginalValue = version;
            }
            else
            {
                mailbox = new Mailbox
                {
                    Name = "", Address = "", ImapHost = "", ImapUser = "", ProtectedImapPassword = "", Folder = "", SmtpHost = "",
                };
                db.Set<Mailbox>().Add(mailbox);
            }
            mailbox.Name = form.Name.Trim();
            if (mailbox.Address != address || mailbox.ImapHost != form.ImapHost.Trim() || mailbox.ImapUser != form.ImapUser.Trim() || mailbox.Folder != form.Folder.Trim())
            {
                // Another account or folder: its UIDs mean nothing here, so reading starts at its beginning.
                mailbox.UidValidity = null;
                mailbox.LastUid = 0;
            }
            mailbox.Address = address;
            mailbox.ImapHost = form.ImapHost.Trim();
            mailbox.ImapPort = form.ImapPort;
            mailbox.ImapSecurity = form.ImapSecurity;
            mailbox.ImapUser = form.ImapUser.Trim();
            mailbox.Folder = form.Folder.Trim();
            mailbox.SmtpHost = form.SmtpHost.Trim();
            mailbox.SmtpPort = form.SmtpPort;
            mailbox.SmtpSecurity = form.SmtpSecurity;
            mailbox.SmtpUser = string.IsNullOrWhiteSpace(form.SmtpUser) ? null : form.SmtpUser.Trim();
            mailbox.Active = form.Active;
            if (!string.IsNullOrEmpty(form.ImapPassword))
            {
                mailbox.ProtectedImapPassword = secrets.Protect(form.ImapPassword);
            }
            if (!string.IsNullOrEmpty(form.SmtpPassword))
            {
                mailbox.ProtectedSmtpPassword = secrets.Protect(form.SmtpPassword);
            }
            if (mailbox.SmtpUser is null)
            {
                mailbox.ProtectedSmtpPassword = null;
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<int>.Conflict();
            }
            return Outcome<int>.Done(mailbox.Id);
        }, ct);
    }

    /// <summary>
    /// Tries the settings against both servers without saving them: signs in to IMAP and opens the folder, connects (and
    /// signs in) to SMTP. An empty password tries the stored one of the mailbox being edited.
    /// </summary>
    public async Task<ConnectionTest> TestAsync(Actor actor, int? id, MailboxForm form, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageMailboxes))
        {
            return new ConnectionTest(Actor.NotPermitted.Code, null, Actor.NotPermitted.Code, null);
        }
        Mailbox? stored = null;
        if (id is { } existing)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            stored = await db.Set<Mailbox>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == existing, ct);
        }
        var trial = new Mailbox
        {
            Name = form.Name, Address = form.Address.Trim(), ImapHost = form.ImapHost.Trim(), ImapPort = form.ImapPort, ImapSecurity = form.ImapSecurity,
            ImapUser = form.ImapUser.Trim(), Folder = form.Folder.Trim(), SmtpHost = form.SmtpHost.Trim(), SmtpPort = form.SmtpPort, SmtpSecurity = form.SmtpSecurity,
            SmtpUser = string.IsNullOrWhiteSpace(form.SmtpUser) ? null : form.SmtpUser.Trim(),
            ProtectedImapPassword = !string.IsNullOrEmpty(form.ImapPassword) ? secrets.Protect(form.ImapPassword) : stored?.ProtectedImapPassword ?? secrets.Protect(""),
            ProtectedSmtpPassword = !string.IsNullOrEmpty(form.SmtpPassword) ? secrets.Protect(form.SmtpPassword) : stored?.ProtectedSmtpPassword,
        };
        (string?, string?) imapResult = (null, null), smtpResult = (null, null);
        try
        {
            using var imap = await connections.OpenImapAsync(trial, ct);
            var folder = string.Equals(trial.Folder, "INBOX", StringComparison.OrdinalIgnoreCase) ? imap.Inbox : await imap.GetFolderAsync(trial.Folder, ct);
            await folder.OpenAsync(MailKit.FolderAccess.ReadOnly, ct);
            await imap.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            imapResult = MailConnections.Describe(e);
        }
        try
        {
            using var smtp = await connections.OpenSmtpAsync(trial, ct);
            await smtp.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            smtpResult = MailConnections.Describe(e);
        }
        return new ConnectionTest(imapResult.Item1, imapResult.Item2, smtpResult.Item1, smtpResult.Item2);
    }

    public async Task<IReadOnlyList<UnreadableMail>> UnreadableAsync(Actor actor, int take = 200, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageMailboxes))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<MailRecord>().AsNoTracking().Where(r => r.Outcome == MailOutcome.Unreadable).OrderByDescending(r => r.Id).Take(take)
            .Join(db.Set<Mailbox>(), r => r.MailboxId, m => m.Id, (r, m) => new UnreadableMail(r.Id, m.Name, r.FromAddress, r.Subject, r.Reason, r.Size, r.OriginalHash, r.ReceivedAtUtc))
            .ToListAsync(ct);
    }

    /// <summary>The senders held back by the rate limit in the last week, most held first.</summary>
    public async Task<IReadOnlyList<ThrottledSender>> ThrottledAsync(Actor actor, DateTime sinceUtc, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ManageMailboxes))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<MailRecord>().AsNoTracking().Where(r => r.Outcome == MailOutcome.Throttled && r.ReceivedAtUtc >= sinceUtc && r.FromAddress != null)
            .GroupBy(r => r.FromAddress!).Select(g => new ThrottledSender(g.Key, g.Count(), g.Max(r => r.ReceivedAtUtc))).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Held).ThenBy(r => r.Address)];
    }

    /// <summary>The e-mails behind a ticket's entries, for the ticket page.</summary>
    public async Task<IReadOnlyDictionary<long, EntryMail>> EntryMailsAsync(Actor actor, int ticketId, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.WorkTickets) && !actor.May(Permissions.SuperviseService))
        {
            return new Dictionary<long, EntryMail>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var records = await db.Set<MailRecord>().AsNoTracking().Include(r => r.Attachments).Where(r => r.TicketId == ticketId && r.TicketEntryId != null).ToListAsync(ct);
        return records.ToDictionary(r => r.TicketEntryId!.Value, r => new EntryMail(r.TicketEntryId!.Value, r.FromName, r.FromAddress, r.Subject, r.OriginalHash,
            [.. r.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentRow(a.FileName, a.ContentType, a.Size, a.Hash))]));
    }

    /// <summary>
    /// A stored attachment or original, for the download endpoint: only one that belongs to a ticket's e-mail (for those
    /// who work tickets) or to the could-not-read list (for supervisors). Null when unknown or not theirs to read.
    /// </summary>
    public async Task<(byte[] Content, string FileName, string ContentType)?> DownloadAsync(Actor actor, string hash, CancellationToken ct = default)
    {
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attachment = await db.Set<MailAttachment>().AsNoTracking().Where(a => a.Hash == hash)
            .Join(db.Set<MailRecord>(), a => a.MailRecordId, r => r.Id, (a, r) => new { a.FileName, a.ContentType, r.Outcome, r.TicketId }).FirstOrDefaultAsync(ct);
        var original = attachment is null
            ? await db.Set<MailRecord>().AsNoTracking().Where(r => r.OriginalHash == hash).Select(r => new { r.Outcome, r.TicketId, r.Id }).FirstOrDefaultAsync(ct)
            : null;
        var onTicket = attachment?.TicketId is not null || original?.TicketId is not null;
        var allowed = (onTicket && (actor.May(Permissions.WorkTickets) || actor.May(Permissions.SuperviseService))) || actor.May(Permissions.ManageMailboxes);
        if ((attachment is null && original is null) || !allowed)
        {
            return null;
        }
        var content = await db.Set<MailFile>().AsNoTracking().Where(f => f.Hash == hash).Select(f => f.Content).FirstOrDefaultAsync(ct);
        if (content is null)
        {
            return null;
        }
        return attachment is not null
            ? (content, attachment.FileName, attachment.ContentType)
            : (content, $"message-{original!.Id}.eml", "message/rfc822");
    }
}
