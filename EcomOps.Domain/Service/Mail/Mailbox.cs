using EcomOps.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EcomOps.Domain.Service.Mail;

/// <summary>How a connection to the mail server is secured (MailKit's SecureSocketOptions, named for people).</summary>
public enum MailSecurity
{
    /// <summary>TLS from the first byte (IMAPS 993, SMTPS 465).</summary>
    Tls,

    /// <summary>Plain connection upgraded with STARTTLS (SMTP 587, IMAP 143).</summary>
    StartTls,

    /// <summary>No encryption: a server on this machine only (a local test server).</summary>
    None,
}

/// <summary>
/// A company mailbox the console reads (IMAP) and answers from (SMTP). Passwords are kept protected with ASP.NET Core
/// Data Protection and never shown again: an edit that leaves a password empty keeps the stored one. The fetch state —
/// the folder's UIDVALIDITY and the highest UID read — says where the next fetch starts.
/// </summary>
public sealed class Mailbox : IVersioned
{
    public const int MaxNameLength = 100;
    public const int MaxHostLength = 200;
    public const int MaxAddressLength = 200;
    public const int MaxErrorLength = 400;

    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The address customers write to and replies come from.</summary>
    public required string Address { get; set; }

    public required string ImapHost { get; set; }
    public int ImapPort { get; set; }
    public MailSecurity ImapSecurity { get; set; }
    public required string ImapUser { get; set; }
    public required string ProtectedImapPassword { get; set; }
    public required string Folder { get; set; }

    public required string SmtpHost { get; set; }
    public int SmtpPort { get; set; }
    public MailSecurity SmtpSecurity { get; set; }

    /// <summary>Empty: the server takes mail without a sign-in.</summary>
    public string? SmtpUser { get; set; }
    public string? ProtectedSmtpPassword { get; set; }

    public bool Active { get; set; } = true;

    public long? UidValidity { get; set; }
    public long LastUid { get; set; }
    public DateTime? LastFetchAtUtc { get; set; }

    /// <summary>The error code of the last fetch (see <see cref="MailErrors"/>), null when it went through.</summary>
    public string? LastFetchError { get; set; }

    /// <summary>The server's own words for the last failure (shown under the reason; never a password).</summary>
    public string? LastFetchDetail { get; set; }

    public int LastFetchCount { get; set; }
    public long Version { get; set; }
}

/// <summary>What became of one message read from a mailbox.</summary>
public enum MailOutcome
{
    /// <summary>Opened a new ticket.</summary>
    NewTicket,

    /// <summary>Joined an open ticket as a customer message.</summary>
    Joined,

    /// <summary>An out-of-office or other automatic answer: not a customer's word.</summary>
    AutoReply,

    /// <summary>A delivery failure report from a mail server.</summary>
    Bounce,

    /// <summary>A message the console sent itself (a copy, or a loop).</summary>
    Own,

    /// <summary>The sender wrote more than the rate limit allows; listed to the supervisor.</summary>
    Throttled,

    /// <summary>Could not be read (not a mail message, no sender): kept with the reason and the original.</summary>
    Unreadable,
}

/// <summary>
/// One message read from a mailbox, recorded once: the unique indexes on (mailbox, Message-ID) and (mailbox,
/// UIDVALIDITY, UID) make a second fetch of the same message — after a restart, or by a fetch running at the same
/// time — fail to record it, and that failure is taken as "already processed". It is written in the same transaction
/// as the ticket or customer message it became.
/// </summary>
public sealed class MailRecord
{
    public const int MaxMessageIdLength = 300;

    public long Id { get; set; }
    public int MailboxId { get; set; }

    /// <summary>The Message-ID header (without angle brackets); one made from the UID when the message has none.</summary>
    public required string MessageId { get; set; }

    public long UidValidity { get; set; }
    public long Uid { get; set; }
    public MailOutcome Outcome { get; set; }
    public string? FromAddress { get; set; }
    public string? FromName { get; set; }
    public string? Subject { get; set; }
    public int? TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public long? TicketEntryId { get; set; }
    public TicketEntry? TicketEntry { get; set; }

    /// <summary>Why it could not be read (a <see cref="MailErrors"/> code), for <see cref="MailOutcome.Unreadable"/>.</summary>
    public string? Reason { get; set; }

    /// <summary>The message as it came from the server (an .eml download); null when it was over the size limit.</summary>
    public string? OriginalHash { get; set; }

    public long Size { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public List<MailAttachment> Attachments { get; set; } = [];
}

/// <summary>An attachment of a received message: stored as a download, or named with the reason it was not kept.</summary>
public sealed class MailAttachment
{
    public const int MaxFileNameLength = 200;

    public long Id { get; set; }
    public long MailRecordId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }

    /// <summary>Null when not kept (over the size limit).</summary>
    public string? Hash { get; set; }
}

/// <summary>The bytes of an original message or an attachment, keyed by their SHA-256 (the same file is kept once).</summary>
public sealed class MailFile
{
    public required string Hash { get; set; }
    public required byte[] Content { get; set; }
}

public enum MailSendStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,

    /// <summary>Claimed by one sending run until its lease lapses.</summary>
    Sending,

    /// <summary>The server accepted it.</summary>
    Sent,

    /// <summary>Given up after the last attempt.</summary>
    Failed,
}

/// <summary>
/// An agent's reply on an e-mail ticket, written in the same transaction as the reply and sent afterwards. Its
/// Message-ID is chosen when it is written, so a reply the server accepted but whose acceptance was not saved is
/// recognised as the console's own when it comes back, and threads the customer's answer to the ticket.
/// </summary>
public sealed class MailOutgoing
{
    public const int MaxAttempts = 8;

    public long Id { get; set; }
    public int MailboxId { get; set; }
    public int TicketId { get; set; }
    public long TicketEntryId { get; set; }
    public TicketEntry? TicketEntry { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string MessageId { get; set; }
    public string? InReplyTo { get; set; }
    public string? References { get; set; }
    public required string Body { get; set; }
    public required string Language { get; set; }
    public MailSendStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
}

internal sealed class MailboxConfiguration : IEntityTypeConfiguration<Mailbox>
{
    public void Configure(EntityTypeBuilder<Mailbox> b)
    {
        b.Property(m => m.Name).HasMaxLength(Mailbox.MaxNameLength);
        b.Property(m => m.Address).HasMaxLength(Mailbox.MaxAddressLength);
        b.Property(m => m.ImapHost).HasMaxLength(Mailbox.MaxHostLength);
        b.Property(m => m.ImapUser).HasMaxLength(Mailbox.MaxAddressLength);
        b.Property(m => m.SmtpHost).HasMaxLength(Mailbox.MaxHostLength);
        b.Property(m => m.SmtpUser).HasMaxLength(Mailbox.MaxAddressLength);
        b.Property(m => m.Folder).HasMaxLength(Mailbox.MaxNameLength);
        b.Property(m => m.ImapSecurity).HasConversion<string>().HasMaxLength(10);
        b.Property(m => m.SmtpSecurity).HasConversion<string>().HasMaxLength(10);
        b.Property(m => m.LastFetchError).HasMaxLength(60);
        b.Property(m => m.LastFetchDetail).HasMaxLength(Mailbox.MaxErrorLength);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => m.Address).IsUnique();
    }
}

internal sealed class MailRecordConfiguration : IEntityTypeConfiguration<MailRecord>
{
    public void Configure(EntityTypeBuilder<MailRecord> b)
    {
        b.Property(r => r.MessageId).HasMaxLength(MailRecord.MaxMessageIdLength);
        b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(12);
        b.Property(r => r.FromAddress).HasMaxLength(Mailbox.MaxAddressLength);
        b.Property(r => r.FromName).HasMaxLength(TicketRules.MaxNameLength);
        b.Property(r => r.Subject).HasMaxLength(TicketRules.MaxSubjectLength);
        b.Property(r => r.Reason).HasMaxLength(60);
        b.Property(r => r.OriginalHash).HasMaxLength(64);
        b.HasIndex(r => new { r.MailboxId, r.MessageId }).IsUnique();
        b.HasIndex(r => new { r.MailboxId, r.UidValidity, r.Uid }).IsUnique();
        b.HasIndex(r => r.MessageId);
        b.HasIndex(r => new { r.FromAddress, r.ReceivedAtUtc });
        b.HasIndex(r => new { r.Outcome, r.Id });
        b.HasIndex(r => r.TicketId);
        b.HasOne<Mailbox>().WithMany().HasForeignKey(r => r.MailboxId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Ticket).WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(r => r.TicketEntry).WithMany().HasForeignKey(r => r.TicketEntryId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.MailRecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MailAttachmentConfiguration : IEntityTypeConfiguration<MailAttachment>
{
    public void Configure(EntityTypeBuilder<MailAttachment> b)
    {
        b.Property(a => a.FileName).HasMaxLength(MailAttachment.MaxFileNameLength);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Hash).HasMaxLength(64);
    }
}

internal sealed class MailFileConfiguration : IEntityTypeConfiguration<MailFile>
{
    public void Configure(EntityTypeBuilder<MailFile> b)
    {
        b.HasKey(f => f.Hash);
        b.Property(f => f.Hash).HasMaxLength(64);
    }
}

internal sealed class MailOutgoingConfiguration : IEntityTypeConfiguration<MailOutgoing>
{
    public void Configure(EntityTypeBuilder<MailOutgoing> b)
    {
        b.Property(m => m.ToAddress).HasMaxLength(Mailbox.MaxAddressLength);
        b.Property(m => m.ToName).HasMaxLength(TicketRules.MaxNameLength);
        b.Property(m => m.Subject).HasMaxLength(TicketRules.MaxSubjectLength + 20);
        b.Property(m => m.MessageId).HasMaxLength(MailRecord.MaxMessageIdLength);
        b.Property(m => m.InReplyTo).HasMaxLength(MailRecord.MaxMessageIdLength);
        b.Property(m => m.Language).HasMaxLength(10);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(m => m.LastError).HasMaxLength(Mailbox.MaxErrorLength);
        b.HasIndex(m => m.MessageId).IsUnique();
        b.HasIndex(m => new { m.Status, m.NextAttemptUtc });
        b.HasIndex(m => m.TicketEntryId);
        b.HasIndex(m => m.TicketId);
        b.HasOne<Mailbox>().WithMany().HasForeignKey(m => m.MailboxId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.TicketEntry).WithMany().HasForeignKey(m => m.TicketEntryId).OnDelete(DeleteBehavior.Cascade);
    }
}
