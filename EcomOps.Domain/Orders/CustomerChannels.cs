using EcomOps.Domain.Data;
using EcomOps.Domain.Org;
using EcomOps.Domain.Service.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MimeKit;

namespace EcomOps.Domain.Orders;

/// <summary>Sends a text message to a phone (a company's SMS provider implements it).</summary>
public interface ISmsGateway
{
    /// <summary>Hands the text to the provider; throws when it was not accepted, and the outbox tries again later.</summary>
    Task SendAsync(string phone, string text, CancellationToken ct);
}

/// <summary>What the development SMS gateway would have sent: nothing left the building.</summary>
public sealed class DevelopmentSms
{
    public long Id { get; set; }
    public required string Phone { get; set; }
    public required string Text { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>One text the development gateway recorded, with the notice it carried when one was found.</summary>
/// <param name="MaskedPhone">The phone with all but its last 4 characters hidden.</param>
public sealed record RecordedSms(long Id, DateTime RecordedAtUtc, string MaskedPhone, string Text, NotificationKind? Kind, int? OrderId, int? TicketId);

/// <summary>
/// The SMS gateway for development and demos: records each text in the database, where the development texts page (Orders → Development SMS texts) lists it
/// labelled "development SMS gateway — nothing was sent". A company registers its own <see cref="ISmsGateway"/> instead.
/// </summary>
public sealed class DevelopmentSmsGateway(IDbContextFactory<OpsDb> dbFactory, TimeProvider clock) : ISmsGateway
{
    public async Task SendAsync(string phone, string text, CancellationToken ct)
    {
        await WriteRetry.RunOrThrowAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Set<DevelopmentSms>().Add(new DevelopmentSms { Phone = phone, Text = text, RecordedAtUtc = clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync(ct);
        }, ct);
    }

    /// <summary>
    /// The latest texts recorded, newest first, each with the notice it carried (its order or ticket) when the outbox
    /// holds a notice of the same text to the same phone. The phone shows only its last 4 digits.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<RecordedSms>>> ListAsync(Actor actor, int take = 200, CancellationToken ct = default)
    {
        if (!actor.May(Permissions.ReadDevelopmentTexts))
        {
            return Outcome<IReadOnlyList<RecordedSms>>.Invalid([Actor.NotPermitted]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var texts = await db.Set<DevelopmentSms>().AsNoTracking().OrderByDescending(s => s.Id).Take(take).ToListAsync(ct);
        var phones = texts.Select(t => t.Phone).Distinct().ToList();
        var notices = (await db.OutboxMessages.AsNoTracking().Where(m => phones.Contains(m.Recipient))
                .Select(m => new { m.Recipient, m.Text, m.Kind, m.OrderId, m.TicketId, m.CreatedAtUtc }).ToListAsync(ct))
            .ToLookup(m => (m.Recipient, m.Text));
        var rows = texts.Select(t =>
        {
            // The same words can go to a phone twice: the notice written nearest the moment the text was recorded.
            var notice = notices[(t.Phone, t.Text)].MinBy(n => Math.Abs((n.CreatedAtUtc - t.RecordedAtUtc).Ticks));
            return new RecordedSms(t.Id, t.RecordedAtUtc, MaskPhone(t.Phone), t.Text, notice?.Kind, notice?.OrderId, notice?.TicketId);
        }).ToList();
        return Outcome<IReadOnlyList<RecordedSms>>.Done(rows);
    }

    /// <summary>A phone number as the list shows it: every character but the last 4 hidden.</summary>
    public static string MaskPhone(string phone)
    {
        var trimmed = phone.Trim();
        return trimmed.Length <= 4 ? new string('•', trimmed.Length) : new string('•', trimmed.Length - 4) + trimmed[^4..];
    }

    /// <summary>What was recorded for a phone, newest first.</summary>
    public async Task<IReadOnlyList<DevelopmentSms>> RecordedForAsync(string phone, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<DevelopmentSms>().AsNoTracking().Where(s => s.Phone == phone).OrderByDescending(s => s.Id).Take(50).ToListAsync(ct);
    }
}

/// <summary>
/// Customer notifications leave the building: by e-mail through the first active mailbox's SMTP server when the
/// recipient is an e-mail address, otherwise as a text through the <see cref="ISmsGateway"/>. Without any mailbox an
/// e-mail notification fails (and is retried by the outbox), so it is never marked delivered when it was not.
/// </summary>
public sealed class CustomerNotificationSender(IDbContextFactory<OpsDb> dbFactory, MailConnections connections, ISmsGateway sms) : INotificationSender
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        if (!message.Recipient.Contains('@'))
        {
            await sms.SendAsync(message.Recipient, message.Text, ct);
            return;
        }
        Mailbox? mailbox;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            mailbox = await db.Set<Mailbox>().AsNoTracking().Where(m => m.Active).OrderBy(m => m.Id).FirstOrDefaultAsync(ct);
        }
        if (mailbox is null)
        {
            throw new InvalidOperationException("No active mailbox to send e-mail from (Service → Mailboxes).");
        }
        var mail = new MimeMessage { Subject = SubjectOf(message), MessageId = $"notice-{message.Id}.{Guid.NewGuid():N}@{mailbox.Address[(mailbox.Address.IndexOf('@') + 1)..]}" };
        mail.From.Add(new MailboxAddress(mailbox.Name, mailbox.Address));
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        mail.Headers.Add("Content-Language", message.Language);
        mail.Body = new TextPart("plain") { Text = message.Text };
        using var smtp = await connections.OpenSmtpAsync(mailbox, ct);
        await smtp.SendAsync(mail, ct);
        await smtp.DisconnectAsync(true, ct);
    }

    private static string SubjectOf(OutboxMessage message)
    {
        var line = message.Text.Split('\n', 2)[0];
        return line.Length <= 80 ? line : line[..80] + "…";
    }
}

internal sealed class DevelopmentSmsConfiguration : IEntityTypeConfiguration<DevelopmentSms>
{
    public void Configure(EntityTypeBuilder<DevelopmentSms> b)
    {
        b.Property(s => s.Phone).HasMaxLength(OutboxMessage.MaxRecipientLength);
        b.Property(s => s.Text).HasMaxLength(1000);
        b.HasIndex(s => new { s.Phone, s.Id });
    }
}
